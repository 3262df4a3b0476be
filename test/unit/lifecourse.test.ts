/**
 * Life course: ages in whole years that go up on the birthday must give the same ages, week by
 * week, as adding 1/52 a week to the drawn age would; the flags that depend on age follow; the
 * oldest leave and newcomers of the youngest age take their place.
 */
import { describe, expect, it } from 'vitest';
import { demographicCell } from '../../sim/domain.ts';
import { ageInWeeks, allocateAgents, setAge, WEEKS_PER_YEAR } from '../../sim/population/agents.ts';
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

  it('renews people of the oldest band as newcomers of the youngest age, born in the week they came', () => {
    const youngest = Math.min(...sim.scenario.population.ageBands.map((b) => b.from));
    let renewed = 0;
    for (let i = 0; i < a.n; i++) {
      if (renewedAt[i] < 0) continue;
      renewed++;
      const weeksSince = weeks - renewedAt[i];
      expect(ageInWeeks(a, i, weeks), `agent ${i}`).toBe(youngest * WEEKS_PER_YEAR + weeksSince);
    }
    expect(renewed).toBeGreaterThan(0);
  });
});

describe('generational turnover (the life course stage alone, everyone free to leave)', () => {
  it('keeps the youngest band at its share over ten years, the leave week drawn once per person', () => {
    const s = loadScenarioFile(BASELINE, { agents: 20000, weeks: 520, seed: 11 });
    const sim = new Simulation(s);
    const w = sim.world,
      a = w.agents;
    const lifecourse = sim.stages.find((x) => x.name === 'lifecourse')!.module;
    sim.start();
    const bands = s.population.ageBands;
    const first = bands.reduce((x, b) => (b.from < x.from ? b : x));
    const share = () => {
      let k = 0;
      for (let i = 0; i < a.n; i++) if (a.age[i] >= first.from && a.age[i] < first.to) k++;
      return k / a.n;
    };
    const before = share();
    const renewedBefore = w.renewed;
    for (let t = 0; t < 520; t++) {
      w.week++;
      lifecourse.step(w);
    }
    const after = share();
    // 4 binomial standard errors of the share at n = 20,000 (about 0.0075).
    const se = Math.sqrt((first.share * (1 - first.share)) / a.n);
    expect(Math.abs(before - first.share)).toBeLessThan(4 * se);
    expect(Math.abs(after - first.share)).toBeLessThan(4 * se);
    // Entries into the youngest band per year: share / width of the band; ten years of them.
    const expected = (first.share / (first.to - first.from)) * a.n * 10;
    const renewed = w.renewed - renewedBefore;
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
