/**
 * The 0/1 leaning variables of the hazard formulas (sim/model/variables.ts): each reads 1 for the
 * people of its leaning and 0 for everyone else, so a formula can weigh entries by ideology.
 */
import { describe, expect, it } from 'vitest';
import { EXTREMIST_IDEOLOGIES, IDEOLOGIES } from '../../sim/domain.ts';
import { bindVariable } from '../../sim/model/variables.ts';
import { Simulation } from '../../sim/run/simulation.ts';
import { resolveScenarioFile } from '../../sim/scenario/file.ts';
import { validateScenario } from '../../sim/scenario/resolve.ts';

describe('leaning formula variables', () => {
  it('read 1 exactly for the people of their leaning', () => {
    // biome-ignore lint/suspicious/noExplicitAny: scenario data edited freely in tests
    const data = resolveScenarioFile('scenarios/baseline.json') as any;
    const sim = new Simulation(validateScenario({ ...data, agents: 2000, burnInWeeks: 0, weeks: 1 }));
    const w = sim.world;
    for (const ideology of EXTREMIST_IDEOLOGIES) {
      const b = bindVariable(w, ideology);
      if (b.kind !== 'keyed') throw new Error(`${ideology} is bound as ${b.kind}, not by leaning`);
      let ones = 0;
      for (let i = 0; i < w.agents.n; i++) {
        const expected = IDEOLOGIES[w.agents.leaning[i]] === ideology ? 1 : 0;
        expect(b.values[b.key[i]]).toBe(expected);
        ones += expected;
      }
      expect(ones, `${ideology}: someone of this leaning in the population`).toBeGreaterThan(0);
    }
  });
});
