/**
 * The active set (World.active) holds everyone in a phase and everyone detained, every week.
 * The stages that visit only the people who can change rely on it: action and group ties walk
 * it, and practice's signal scan takes those in a phase from it. Someone in a phase but missing
 * from it would silently never act, tie or be signalled.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../sim/run/simulation.ts';
import { resolveScenarioFile } from '../../sim/scenario/file.ts';
import { validateScenario } from '../../sim/scenario/resolve.ts';

const BASELINE = fileURLToPath(new URL('../../scenarios/baseline.json', import.meta.url));

describe('the active set', () => {
  it('holds everyone in a phase and everyone detained, in every week', () => {
    // biome-ignore lint/suspicious/noExplicitAny: scenario data edited freely in tests
    const data = resolveScenarioFile(BASELINE) as any;
    // Faster entries and more incidents than the baseline, so that every phase, arrests and
    // releases happen within a short run.
    const s = validateScenario({
      ...data,
      seed: 5,
      agents: 4000,
      weeks: 200,
      phases: { ...data.phases, constants: { ...data.phases.constants, a01: 0.02, a12: 0.2, a13: 0.03, a23: 0.03 } },
      action: { ...data.action, incidentPerWeek: 0.05, detentionWeeks: 20 },
    });
    const sim = new Simulation(s);
    const a = sim.world.agents,
      active = sim.world.active;
    const seen = [0, 0, 0, 0];
    let detained = 0,
      missing = 0;
    while (!sim.done) {
      sim.step();
      for (let i = 0; i < a.n; i++) {
        seen[a.phase[i]]++;
        if (a.detainedUntil[i] >= 0) detained++;
        if ((a.phase[i] > 0 || a.detainedUntil[i] >= 0) && !active.has(i)) missing++;
      }
    }
    expect(missing).toBe(0);
    // The run reached every phase and detained people, so the check above had something to check.
    expect(seen.every((c) => c > 0)).toBe(true);
    expect(detained).toBeGreaterThan(0);
  });
});
