/**
 * The synthetic population (sim/population/build.ts): margins match the scenario within
 * sampling error, and the layout (regions, neighbourhoods, households) is as documented.
 *
 * Tolerances. A share p estimated from n independent draws has binomial standard error
 * sqrt(p(1-p)/n); we accept |observed - expected| < 4 standard errors. For one check that is a
 * two-sided false-alarm chance of about 6e-5 (and the seeds are fixed, so the tests are
 * deterministic), while a real error in the generator of a few percentage points on a share, or
 * a misplaced prevalence, is many standard errors at n = 50,000 and fails.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { EDUCATION, EXTREMIST_IDEOLOGIES, PATHOLOGIES } from '../../sim/domain.ts';
import { ageInWeeks, WEEKS_PER_YEAR } from '../../sim/population/agents.ts';
import { apportion, buildPopulation, type Population } from '../../sim/population/build.ts';
import { loadScenarioFile, resolveScenarioFile } from '../../sim/scenario/file.ts';
import { validateScenario, withOverrides } from '../../sim/scenario/resolve.ts';
import type { Scenario } from '../../sim/scenario/schema.ts';
import { fileURLToPath } from 'node:url';

const BASELINE = fileURLToPath(new URL('../../scenarios/baseline.json', import.meta.url));
const N = 50_000;

/** Binomial standard error of a share p from n draws. */
const se = (p: number, n: number) => Math.sqrt((p * (1 - p)) / n);

function expectShare(count: number, n: number, p: number, what: string): void {
  const observed = count / n;
  const tol = 4 * se(p, n);
  expect(
    Math.abs(observed - p),
    `${what}: observed ${observed.toFixed(5)}, expected ${p} ± ${tol.toFixed(5)}`,
  ).toBeLessThan(tol);
}

let s: Scenario;
let pop: Population;

beforeAll(() => {
  s = loadScenarioFile(BASELINE, { agents: N, weeks: 1, seed: 2024 });
  pop = buildPopulation(s);
});

describe('population margins match the scenario (n = 50,000, 4 binomial standard errors)', () => {
  it('has the requested size', () => {
    expect(pop.agents.n).toBe(N);
    expect(pop.agents.age.length).toBe(N);
  });

  it('share of men', () => {
    let men = 0;
    for (let i = 0; i < N; i++) men += pop.agents.male[i];
    expectShare(men, N, s.population.maleShare, 'men');
    for (let i = 0; i < N; i++) if (pop.agents.male[i] > 1) expect.fail(`agent ${i} has male = ${pop.agents.male[i]}`);
  });

  it('education shares', () => {
    const counts = new Array(EDUCATION.length).fill(0);
    for (let i = 0; i < N; i++) counts[pop.agents.education[i]]++;
    expect(counts.reduce((a, b) => a + b, 0)).toBe(N); // no index out of range
    EDUCATION.forEach((e, k) => expectShare(counts[k], N, s.population.education[e], `education ${e}`));
  });

  it('ages are whole years, with a birthday in one of the 52 weeks', () => {
    const weeks = new Set<number>();
    for (let i = 0; i < N; i++) {
      const a = pop.agents;
      if (!Number.isInteger(a.age[i]) || a.birthday[i] >= WEEKS_PER_YEAR)
        expect.fail(`agent ${i}: age ${a.age[i]}, birthday ${a.birthday[i]}`);
      weeks.add(a.birthday[i]);
    }
    expect(weeks.size).toBe(WEEKS_PER_YEAR);
  });

  it('every age lies within the bands', () => {
    const lo = Math.min(...s.population.ageBands.map((b) => b.from));
    const hi = Math.max(...s.population.ageBands.map((b) => b.to));
    for (let i = 0; i < N; i++) {
      const age = pop.agents.age[i];
      if (!(age >= lo && age < hi)) expect.fail(`agent ${i} has age ${age}, outside [${lo}, ${hi})`);
    }
  });

  it('age band shares, and ages spread uniformly within each band', () => {
    for (const band of s.population.ageBands) {
      let count = 0,
        sum = 0;
      for (let i = 0; i < N; i++) {
        const age = pop.agents.age[i];
        if (age >= band.from && age < band.to) {
          count++;
          // The age in years is whole; the birthday says how far into the year each person is.
          sum += (ageInWeeks(pop.agents, i, 0) + 0.5) / WEEKS_PER_YEAR;
        }
      }
      expectShare(count, N, band.share, `age ${band.from}-${band.to}`);
      // Uniform on [from, to): mean at the midpoint, standard error width / sqrt(12 count).
      const width = band.to - band.from;
      const mid = (band.from + band.to) / 2;
      expect(Math.abs(sum / count - mid), `mean age in ${band.from}-${band.to}`).toBeLessThan(
        (4 * width) / Math.sqrt(12 * count),
      );
    }
  });

  it.each(PATHOLOGIES)('prevalence of %s', (d) => {
    const sev = pop.agents.pathology[d];
    let cases = 0;
    for (let i = 0; i < N; i++) {
      if (sev[i] > 0) {
        cases++;
        // A present condition has a severity of at least 0.01 (as a Float32) and at most 1.
        if (!(sev[i] >= Math.fround(0.01) && sev[i] <= 1)) expect.fail(`${d} severity ${sev[i]} of agent ${i}`);
      }
    }
    expectShare(cases, N, s.population.pathology[d].prevalence, d);
  });

  it('the baseline prevalences are the documented ones', () => {
    // Guards the expectations above against a baseline that silently stops matching the docs.
    const prev = Object.fromEntries(PATHOLOGIES.map((d) => [d, s.population.pathology[d].prevalence]));
    expect(prev).toEqual({
      adhd: 0.05,
      autism: 0.015,
      psychosis: 0.01,
      narcissism: 0.02,
      depression: 0.15,
      trauma: 0.05,
    });
  });

  /*
   * The male/female prevalence ratio is a ratio of two small proportions, so it is far noisier
   * than a share: for ADHD at n = 50,000 there are only about 1,800 cases among men and 700 among
   * women. By the delta method the standard error of log(ratio) is
   * sqrt((1-pm)/(nm pm) + (1-pf)/(nf pf)), about 0.045 for ADHD (±18% at 4 SE) and 0.08 for
   * autism. We test on the log scale with 4 such standard errors. A generator that ignored
   * maleRatio (ratio 1) or applied it to the wrong sex (ratio 1/2.5) is > 20 SE away.
   */
  it.each(PATHOLOGIES)('male/female prevalence ratio of %s is about maleRatio', (d) => {
    const sev = pop.agents.pathology[d];
    let men = 0,
      menCases = 0,
      womenCases = 0;
    for (let i = 0; i < N; i++) {
      const m = pop.agents.male[i];
      men += m;
      if (sev[i] > 0) m ? menCases++ : womenCases++;
    }
    const women = N - men;
    const pm = menCases / men,
      pf = womenCases / women;
    const seLog = Math.sqrt((1 - pm) / (men * pm) + (1 - pf) / (women * pf));
    const target = s.population.pathology[d].maleRatio;
    expect(
      Math.abs(Math.log(pm / pf) - Math.log(target)),
      `${d}: ratio ${(pm / pf).toFixed(3)}, expected ${target}`,
    ).toBeLessThan(4 * seLog);
  });

  it('ADHD is clearly more common in men (sanity bound on the ratio)', () => {
    const sev = pop.agents.pathology.adhd;
    let men = 0,
      menCases = 0,
      womenCases = 0;
    for (let i = 0; i < N; i++) {
      men += pop.agents.male[i];
      if (sev[i] > 0) pop.agents.male[i] ? menCases++ : womenCases++;
    }
    const ratio = menCases / men / (womenCases / (N - men));
    expect(ratio).toBeGreaterThan(2.0);
    expect(ratio).toBeLessThan(3.1);
  });

  it('ideology leaning shares', () => {
    const counts = new Array(EXTREMIST_IDEOLOGIES.length + 1).fill(0);
    for (let i = 0; i < N; i++) counts[pop.agents.leaning[i]]++;
    expect(counts[0]).toBe(0); // everyone has a leaning (index 0 is "none")
    EXTREMIST_IDEOLOGIES.forEach((k, j) =>
      expectShare(counts[j + 1], N, s.population.ideologyLeaning[k], `leaning ${k}`),
    );
  });

  it('initial sensitivity share, with the bookkeeping of a phase-1 start', () => {
    const a = pop.agents;
    let sensitive = 0;
    for (let i = 0; i < N; i++) {
      if (a.phase[i] === 1) {
        sensitive++;
        if (a.maxPhase[i] !== 1 || a.firstSensitiveWeek[i] !== 0 || a.entryMotive[i] !== a.motive[i])
          expect.fail(`agent ${i} starts in phase 1 without its bookkeeping`);
      } else if (
        a.phase[i] !== 0 ||
        a.maxPhase[i] !== 0 ||
        a.firstSensitiveWeek[i] !== -1 ||
        a.entryMotive[i] !== 255
      ) {
        expect.fail(`agent ${i} starts in phase ${a.phase[i]} with inconsistent bookkeeping`);
      }
    }
    expectShare(sensitive, N, s.population.initialSensitivityShare, 'initially sensitive');
  });
});

describe('regions', () => {
  it('apportion splits by largest remainder, ties to the lower index', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [0.5, 0.5])).toEqual([4, 3]);
    expect(apportion(10_001, [0.5, 0.3, 0.2])).toEqual([5001, 3000, 2000]);
    expect(apportion(100, [0.6, 0.4])).toEqual([60, 40]);
    expect(apportion(5, [0.15, 0.15, 0.7])).toEqual([1, 1, 3]); // 0.75, 0.75, 3.5
    expect(apportion(0, [0.6, 0.4])).toEqual([0, 0]);
  });

  it('region sizes are exactly as apportioned by share (baseline, n = 50,000)', () => {
    const sizes = apportion(
      N,
      s.regions.map((r) => r.share),
    );
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(N);
    const counts = new Array(s.regions.length).fill(0);
    for (let i = 0; i < N; i++) counts[pop.agents.region[i]]++;
    expect(counts).toEqual(sizes);
    const { regionStart } = pop.layout;
    expect(regionStart.length).toBe(s.regions.length + 1);
    expect(regionStart[0]).toBe(0);
    expect(regionStart[s.regions.length]).toBe(N);
    for (let r = 0; r < s.regions.length; r++) {
      expect(regionStart[r + 1] - regionStart[r]).toBe(sizes[r]);
      for (let i = regionStart[r]; i < regionStart[r + 1]; i++)
        if (pop.agents.region[i] !== r) expect.fail(`agent ${i} not in region ${r}`);
    }
  });

  it('region sizes for an odd count over three regions', () => {
    const d = withOverrides(resolveScenarioFile(BASELINE), { agents: 10_001, weeks: 1, seed: 3 }) as Record<
      string,
      // biome-ignore lint/suspicious/noExplicitAny: scenario data edited freely in tests
      any
    >;
    const r0 = d.regions[0];
    d.regions = [
      { ...r0, name: 'a', share: 0.5, neighbourhoodSize: 500 },
      { ...r0, name: 'b', share: 0.3, neighbourhoodSize: 500 },
      { ...r0, name: 'c', share: 0.2, neighbourhoodSize: 500 },
    ];
    const p = buildPopulation(validateScenario(d));
    // 10,001 x (0.5, 0.3, 0.2) = 5000.5, 3000.3, 2000.2: the one left over goes to the largest remainder.
    expect(Array.from(p.layout.regionStart)).toEqual([0, 5001, 8001, 10_001]);
  });

  it('a region override of the population margins applies to that region only', () => {
    // biome-ignore lint/suspicious/noExplicitAny: scenario data edited freely in tests
    const d = withOverrides(resolveScenarioFile(BASELINE), { agents: 6_000, weeks: 1, seed: 5 }) as Record<string, any>;
    d.regions[1].population = {
      ageBands: [{ from: 65, to: 90, share: 1 }],
      education: { low: 1, mid: 0, high: 0 },
      ideologyLeaning: { jihadist: 0, rightWing: 1, leftWing: 0, antiInstitutional: 0 },
    };
    const sc = validateScenario(d);
    const p = buildPopulation(sc);
    const a = p.agents;
    const [from, mid, to] = p.layout.regionStart;
    for (let i = mid; i < to; i++) {
      if (!(a.age[i] >= 65 && a.age[i] < 90 && a.education[i] === 0 && a.leaning[i] === 2))
        expect.fail(`agent ${i} in region 1 ignores the override`);
    }
    // Region 0 keeps the national margins.
    let young = 0,
      high = 0;
    for (let i = from; i < mid; i++) {
      if (a.age[i] < 65) young++;
      if (a.education[i] === 2) high++;
    }
    const n0 = mid - from;
    expectShare(
      young,
      n0,
      1 - sc.population.ageBands.filter((b) => b.from >= 65).reduce((x, b) => x + b.share, 0),
      'region 0 under 65',
    );
    expectShare(high, n0, sc.population.education.high, 'region 0 high education');
  });
});

describe('households', () => {
  it('members of a household have contiguous ids, numbered 0, 1, 2, ... in order', () => {
    const h = pop.agents.household;
    expect(h[0]).toBe(0);
    for (let i = 1; i < N; i++) {
      const step = h[i] - h[i - 1];
      if (step !== 0 && step !== 1) expect.fail(`household ids jump from ${h[i - 1]} to ${h[i]} at agent ${i}`);
    }
    expect(h[N - 1]).toBe(pop.layout.households - 1);
  });

  it('a household lives in one neighbourhood', () => {
    const a = pop.agents;
    for (let i = 1; i < N; i++) {
      if (a.household[i] === a.household[i - 1] && a.neighbourhood[i] !== a.neighbourhood[i - 1])
        expect.fail(`household ${a.household[i]} spans two neighbourhoods`);
    }
  });

  it('minors (< 18) never live in a household without an adult', () => {
    const a = pop.agents;
    let start = 0,
      withMinors = 0;
    for (let i = 1; i <= N; i++) {
      if (i === N || a.household[i] !== a.household[start]) {
        let minors = 0,
          adults = 0;
        for (let k = start; k < i; k++) a.age[k] < 18 ? minors++ : adults++;
        if (minors > 0) {
          withMinors++;
          if (adults === 0)
            expect.fail(
              `household ${a.household[start]} (agents ${start}..${i - 1}) has ${minors} minors and no adult`,
            );
        }
        start = i;
      }
    }
    expect(withMinors).toBeGreaterThan(0); // the check above did run on some families
  });
});

describe('neighbourhoods', () => {
  it('neighbourhood ids are contiguous blocks, each within one region', () => {
    const a = pop.agents;
    const starts = pop.layout.neighbourhoodStart;
    expect(a.neighbourhood[0]).toBe(0);
    expect(starts[0]).toBe(0);
    expect(starts[starts.length - 1]).toBe(N);
    for (let i = 1; i < N; i++) {
      const step = a.neighbourhood[i] - a.neighbourhood[i - 1];
      if (step !== 0 && step !== 1) expect.fail(`neighbourhood ids jump at agent ${i}`);
      if (step === 0 && a.region[i] !== a.region[i - 1])
        expect.fail(`neighbourhood ${a.neighbourhood[i]} spans two regions`);
    }
    for (let b = 0; b + 1 < starts.length; b++) {
      expect(starts[b + 1]).toBeGreaterThan(starts[b]); // no empty neighbourhood
      expect(a.neighbourhood[starts[b]]).toBe(b);
      expect(a.neighbourhood[starts[b + 1] - 1]).toBe(b);
    }
  });

  it('each region is cut into round(size / neighbourhoodSize) neighbourhoods of equal size (±1)', () => {
    const a = pop.agents;
    const starts = pop.layout.neighbourhoodStart;
    s.regions.forEach((region, r) => {
      const size = pop.layout.regionStart[r + 1] - pop.layout.regionStart[r];
      const sizes: number[] = [];
      for (let b = 0; b + 1 < starts.length; b++) if (a.region[starts[b]] === r) sizes.push(starts[b + 1] - starts[b]);
      expect(sizes.length).toBe(Math.max(1, Math.round(size / region.neighbourhoodSize)));
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      expect(sizes.reduce((x, y) => x + y, 0)).toBe(size);
    });
  });
});

describe('reproducibility of the build', () => {
  it('the same seed builds the same population, another seed a different one', () => {
    const small = loadScenarioFile(BASELINE, { agents: 2_000, weeks: 1, seed: 7 });
    const p1 = buildPopulation(small);
    const p2 = buildPopulation(small);
    expect(p2.agents.age).toEqual(p1.agents.age);
    expect(p2.agents.household).toEqual(p1.agents.household);
    expect(p2.agents.pathology.depression).toEqual(p1.agents.pathology.depression);
    const p3 = buildPopulation(loadScenarioFile(BASELINE, { agents: 2_000, weeks: 1, seed: 8 }));
    expect(p3.agents.age).not.toEqual(p1.agents.age);
  });
});
