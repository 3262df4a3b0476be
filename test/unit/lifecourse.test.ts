/**
 * Life course: ages in whole years that go up on the birthday must give the same ages, week by
 * week, as adding 1/52 a week to the drawn age would; the flags that depend on age follow; the
 * leavers' places go to newcomers of the entry ages, so that the age profile stays at rest.
 */
import { describe, expect, it } from 'vitest';
import { demographicCell } from '../../sim/domain.ts';
import { ageInWeeks, allocateAgents, setAge, WEEKS_PER_YEAR } from '../../sim/population/agents.ts';
import { turnoverOf } from '../../sim/model/lifecourse.ts';
import { renewalHearers } from '../../sim/model/module.ts';
import { Simulation } from '../../sim/run/simulation.ts';
import { loadScenarioFile } from '../../sim/scenario/file.ts';
import { fileURLToPath } from 'node:url';

const BASELINE = fileURLToPath(new URL('../../scenarios/baseline.json', import.meta.url));

describe('age kept in whole years with a birthday', () => {
  it('goes up in the same weeks as a drawn age that grows by 1/52 a week', () => {
    const drawn = [14, 14.001, 14.25, 14.5, 14.75, 14.9999, 17.99, 66.02];
    const a = allocateAgents(drawn.length);
    drawn.forEach((x, i) => setAge(a, i, x));
    for (let week = 0; week <= 3 * WEEKS_PER_YEAR; week++) {
      if (week > 0) for (let i = 0; i < a.n; i++) if (a.birthday[i] === week % WEEKS_PER_YEAR) a.age[i]++; // the rule of lifecourse.ts
      drawn.forEach((x, i) => expect(a.age[i], `drawn ${x}, week ${week}`).toBe(Math.floor(x + week / WEEKS_PER_YEAR)));
    }
  });
});

describe('life course', () => {
  const weeks = 120;
  const sim = new Simulation(loadScenarioFile(BASELINE, { agents: 3000, weeks, seed: 5 }));
  const a = sim.world.agents;
  const start = Float64Array.from({ length: a.n }, (_, i) => ageInWeeks(a, i, 0));
  const renewedAt = new Int32Array(a.n).fill(-1);
  // Heard through a module that declares onRenew (the practice stage), as every module hears it.
  const practice = sim.stages.find((x) => x.name === 'practice')!.module;
  const hear = practice.onRenew!.bind(practice);
  practice.onRenew = (w, i) => {
    renewedAt[i] = w.week;
    hear(w, i);
  };
  const agedPerWeek: number[] = [];
  let mismatch = '';
  for (let t = 1; t <= weeks; t++) {
    const before = Float32Array.from(a.age);
    sim.step();
    let aged = 0;
    for (let i = 0; i < a.n; i++) {
      if (a.age[i] === before[i] + 1) aged++;
      if (renewedAt[i] >= 0 || mismatch) continue;
      // Continuous age after t weeks, in whole weeks: start + t; completed years = floor(/ 52).
      const expected = Math.floor((start[i] + t) / WEEKS_PER_YEAR);
      if (a.age[i] !== expected)
        mismatch = `week ${t}, agent ${i}: age ${a.age[i]}, expected ${expected} (age in weeks at start ${start[i]})`;
    }
    agedPerWeek.push(aged);
  }

  it('gives everyone not renewed the completed years of their drawn age plus the weeks gone by', () => {
    expect(mismatch).toBe('');
  });

  it('ages about one in 52 people each week (birthdays spread over the year)', () => {
    const mean = agedPerWeek.reduce((x, y) => x + y, 0) / agedPerWeek.length;
    expect(mean).toBeGreaterThan((a.n / WEEKS_PER_YEAR) * 0.9);
    expect(mean).toBeLessThan((a.n / WEEKS_PER_YEAR) * 1.1);
    expect(Math.min(...agedPerWeek)).toBeGreaterThan(0);
  });

  it('keeps the demographic cell and the adolescent flag in step with the age', () => {
    for (let i = 0; i < a.n; i++) {
      expect(sim.world.flags.cell[i], `agent ${i}`).toBe(demographicCell(a.age[i], a.male[i], a.education[i]));
      expect(sim.world.flags.adolescent[i], `agent ${i}`).toBe(a.age[i] < 18 ? 1 : 0);
    }
  });

  it('renews people as newcomers of an entry age of the profile, born in the week they came', () => {
    const entryAges = turnoverOf(sim.scenario.population.ageBands).entryAges;
    let renewed = 0;
    for (let i = 0; i < a.n; i++) {
      if (renewedAt[i] < 0) continue;
      renewed++;
      const weeksSince = weeks - renewedAt[i];
      const entryAge = a.age[i] - Math.floor(weeksSince / WEEKS_PER_YEAR);
      expect(entryAges, `agent ${i}`).toContain(entryAge);
      expect(ageInWeeks(a, i, weeks), `agent ${i}`).toBe(entryAge * WEEKS_PER_YEAR + weeksSince);
    }
    expect(renewed).toBeGreaterThan(0);
  });
});

/** The baseline with the life course stage alone stepping: everyone is free to leave. */
function lifecourseAlone(agents: number, seed: number) {
  const s = loadScenarioFile(BASELINE, { agents, weeks: 2600, seed });
  const sim = new Simulation(s);
  const w = sim.world,
    a = w.agents;
  const lifecourse = sim.stages.find((x) => x.name === 'lifecourse')!.module;
  sim.start();
  const bands = s.population.ageBands;
  const shares = () =>
    bands.map((b) => {
      let k = 0;
      for (let i = 0; i < a.n; i++) if (a.age[i] >= b.from && a.age[i] < b.to) k++;
      return k / a.n;
    });
  const years = (y: number) => {
    for (let t = 0; t < y * WEEKS_PER_YEAR; t++) {
      w.week++;
      lifecourse.step(w);
    }
  };
  return { w, a, bands, shares, years };
}

describe('generational turnover (the life course stage alone, everyone free to leave)', () => {
  it('derives leave chances and entry ages from the jumps of the baseline age profile', () => {
    const bands = loadScenarioFile(BASELINE, {}).population.ageBands;
    const t = turnoverOf(bands);
    const d = bands.map((b) => b.share / (b.to - b.from));
    // Density falls at 35 and 65: leave chances there; it rises at 18, 25 and 50: entries there.
    expect(t.entryAges).toEqual([12, 18, 25, 50]);
    expect(t.entryRates[0]).toBeCloseTo(d[0], 12);
    expect(t.entryRates[1]).toBeCloseTo(d[1] - d[0], 12);
    expect(t.leaveAt[35]).toBeCloseTo(1 - d[3] / d[2], 12);
    expect(t.leaveAt[65]).toBeCloseTo(1 - d[5] / d[4], 12);
    expect([...t.leaveAt].filter((p) => p > 0)).toHaveLength(2);
    // Entries balance exits: what enters equals what leaves at the boundaries and at the oldest age.
    const exits = d[2] * t.leaveAt[35] + d[4] * t.leaveAt[65] + d[5];
    expect(t.entryRates.reduce((x, y) => x + y, 0)).toBeCloseTo(exits, 12);
  });

  it('keeps every age band at its share over 50 years, with the renewals the profile implies', () => {
    const { w, a, bands, shares, years } = lifecourseAlone(20000, 11);
    const entries = turnoverOf(bands).entryRates.reduce((x, y) => x + y, 0); // share of the population a year
    const before = shares();
    years(10);
    const renewed = w.renewed;
    years(40);
    const after = shares();
    // Every band's share at the start and after 50 years (when everyone under 62 is a newcomer or
    // was renewed into their age) within 4 binomial standard errors of the share at n = 20,000
    // (0.0075 for 12-17, 0.012 for 50-64). The old rule (entries only at 12, exits only from the
    // oldest band) moved 18-24 and 65+ by more than 0.01 in ten years and fails this.
    bands.forEach((b, k) => {
      const se = Math.sqrt((b.share * (1 - b.share)) / a.n);
      expect(Math.abs(before[k] - b.share), `${b.from}-${b.to} at the start`).toBeLessThan(4 * se);
      expect(Math.abs(after[k] - b.share), `${b.from}-${b.to} after 50 years: ${after[k]}`).toBeLessThan(4 * se);
    });
    // Renewals in the first ten years: the entries of the steady state, within 4 Poisson errors.
    const expected = entries * a.n * 10;
    expect(Math.abs(renewed - expected)).toBeLessThan(4 * Math.sqrt(expected));
  });
});

describe('renewal heard by the modules that keep per-agent marks', () => {
  const sim = new Simulation(loadScenarioFile(BASELINE, { agents: 2000, weeks: 4, seed: 3 }));
  sim.start();
  const w = sim.world;

  it('is declared by the practice and interventions modules, the ones with marks of their own', () => {
    expect(renewalHearers(sim.stages.map((st) => st.module)).map((m) => m.name)).toEqual(['practice', 'interventions']);
  });

  it('lets a newcomer start without the marks of the person before (interventions)', () => {
    const k = sim.interventions.casePlan(w.agents.region[7]);
    w.week = 1;
    expect(sim.interventions.enroll(w, 7, k)).toBe(true);
    expect(sim.interventions.tookPart(k)![7]).toBe(1);
    sim.interventions.onRenew(w, 7);
    expect(sim.interventions.tookPart(k)![7]).toBe(0);
  });
});
