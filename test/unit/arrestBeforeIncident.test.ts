/**
 * Arrests before any incident (sim/model/action.ts): people in the action phase run a weekly
 * hazard of arrest for preparation or threats, group members in the group phase one for
 * membership. Both go through the same arrest as an incident's (detention, out of the group), are
 * counted in `arrests` and in a column of their own. (Switched off, a run is the one before the
 * hazards existed: their draws have a purpose key of their own; the golden outputs showed it.)
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../sim/run/simulation.ts';
import { resolveScenarioFile } from '../../sim/scenario/file.ts';
import { validateScenario } from '../../sim/scenario/resolve.ts';

const BASELINE = fileURLToPath(new URL('../../scenarios/baseline.json', import.meta.url));

/** Faster entries than the baseline, so that the group and action phases fill within a short run. */
function scenario(preparation: number, membership: number) {
  // biome-ignore lint/suspicious/noExplicitAny: scenario data edited freely in tests
  const data = resolveScenarioFile(BASELINE) as any;
  return validateScenario({
    ...data,
    seed: 3,
    agents: 4000,
    burnInWeeks: 0,
    weeks: 150,
    phases: { ...data.phases, constants: { ...data.phases.constants, a01: 0.02, a12: 0.2, a13: 0.03, a23: 0.03 } },
    action: { ...data.action, preparationArrestPerWeek: preparation, membershipArrestPerWeek: membership },
  });
}

const total = (sim: Simulation, column: string) => {
  const v = sim.series.values[sim.series.columns.indexOf(column)];
  let s = 0;
  for (let r = 0; r < sim.series.weeks; r++) s += v[r];
  return s;
};

describe('arrests before any incident', () => {
  it('with a hazard of 1, leave no free person in the action phase or in a group at the end of a week', () => {
    const sim = new Simulation(scenario(1, 1));
    const a = sim.world.agents;
    let freeAction = 0,
      freeMembers = 0;
    while (!sim.done) {
      sim.step();
      for (let i = 0; i < a.n; i++) {
        // Detained, or released this week (the action stage weighs them again from next week).
        if (a.detainedUntil[i] >= 0 || a.releasedWeek[i] === sim.world.week) continue;
        if (a.phase[i] === 3) freeAction++;
        if (a.phase[i] === 2 && a.group[i] >= 0) freeMembers++;
      }
    }
    const prep = total(sim, 'arrests_preparation'),
      member = total(sim, 'arrests_membership');
    expect(prep).toBeGreaterThan(0);
    expect(member).toBeGreaterThan(0);
    expect(total(sim, 'arrests')).toBeGreaterThanOrEqual(prep + member);
    expect(freeAction).toBe(0);
    expect(freeMembers).toBe(0);
  });

  it('switched off, count none; switched on, add to the arrests', () => {
    const off = new Simulation(scenario(0, 0)).run();
    expect(total(off, 'arrests_preparation')).toBe(0);
    expect(total(off, 'arrests_membership')).toBe(0);
    expect(total(off, 'phase_3')).toBeGreaterThan(0);
    // Arrests still follow incidents: with the hazards off every arrest is one after an incident.
    expect(total(off, 'arrests')).toBeLessThanOrEqual(total(off, 'incidents'));
    const on = new Simulation(scenario(0.05, 0.001)).run();
    expect(total(on, 'arrests')).toBeGreaterThan(total(off, 'arrests'));
  });
});
