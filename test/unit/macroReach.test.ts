/**
 * The macro week's loop over everyone (sim/model/macroReach.ts) computes the susceptibility
 * inline, for speed; it must give the same numbers, to the bit, as the per-person susceptibility
 * function and update it replaced. The reference below is that replaced code: for every free
 * person, susceptibility(radicalising, macro) and the updates of the needs for justice and
 * identity, the attitude and the trigger load, then the mean need and the dominant motive.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createMacroReach } from '../../sim/model/macroReach.ts';
import { createSusceptibility } from '../../sim/model/susceptibility.ts';
import { clamp01 } from '../../sim/model/unitInterval.ts';
import type { World } from '../../sim/model/world.ts';
import { IDENTITY, JUSTICE, NEED_STRIDE, refreshNeeds } from '../../sim/population/agents.ts';
import { Simulation } from '../../sim/run/simulation.ts';
import { resolveScenarioFile } from '../../sim/scenario/file.ts';
import { validateScenario } from '../../sim/scenario/resolve.ts';
import type { Scenario } from '../../sim/scenario/schema.ts';

const BASELINE = fileURLToPath(new URL('../../scenarios/baseline.json', import.meta.url));
const DECAY = 0.9;

function reference(s: Scenario, w: World): void {
  const susceptibility = createSusceptibility(s);
  const a = w.agents,
    rise = w.macro.rise,
    impact = s.macro.impact,
    needsOn = s.ablation.needs;
  for (let i = 0; i < a.n; i++) {
    a.recentTrigger[i] *= DECAY;
    if (a.detainedUntil[i] >= 0) continue;
    const own = rise.salience[a.leaning[i]];
    if (rise.grievance === 0 && rise.threat === 0 && own === 0) continue;
    const x = susceptibility(a, i, w.flags.cell[i], 2, true);
    if (needsOn) {
      const n = a.needs,
        o = NEED_STRIDE * i;
      n[o + JUSTICE] = clamp01(n[o + JUSTICE] + x * rise.grievance * impact.justicePerGrievance);
      n[o + IDENTITY] = clamp01(n[o + IDENTITY] + x * rise.threat * impact.identityPerThreat);
    }
    a.attitude[i] = clamp01(a.attitude[i] + x * own * impact.attitudePerSalience * (1 - a.attitude[i]));
    a.recentTrigger[i] += x * (rise.grievance + rise.threat + own);
    if (needsOn) refreshNeeds(a, i);
  }
}

/** Two identical worlds after a few weeks, with the same macro rise set on both. */
function twins(ablation: Record<string, boolean>) {
  const data = resolveScenarioFile(BASELINE) as Record<string, unknown>;
  const scenario = validateScenario({
    ...data,
    agents: 3000,
    weeks: 10,
    ablation: { ...(data.ablation as object), ...ablation },
  });
  expect(scenario.ablation).toMatchObject(ablation);
  return [0, 1].map(() => {
    const sim = new Simulation(scenario);
    for (let k = 0; k < 6; k++) sim.step();
    const rise = sim.world.macro.rise;
    rise.grievance = 0.15;
    rise.threat = 0.3;
    rise.salience.fill(0);
    rise.salience[1] = 0.3; // own salience for one ideology only: others get grievance and threat alone
    return sim;
  });
}

const columns = (w: World) => ({
  needs: Array.from(w.agents.needs),
  attitude: Array.from(w.agents.attitude),
  recentTrigger: Array.from(w.agents.recentTrigger),
  needMean: Array.from(w.agents.needMean),
  motive: Array.from(w.agents.motive),
});

describe('macro reach for everyone', () => {
  for (const [name, overrides] of [
    ['baseline', {}],
    ['needs switched off', { needs: false }],
    ['pathology switched off', { pathology: false }],
  ] as const) {
    it(`gives the per-person results to the bit (${name})`, () => {
      const [a, b] = twins(overrides);
      const before = columns(a.world);
      reference(a.scenario, a.world);
      createMacroReach(b.scenario)(b.world, DECAY);
      const after = columns(b.world);
      expect(after).toEqual(columns(a.world));
      // And it did something: attitudes and loads moved for most people.
      const moved = after.attitude.filter((v, i) => v !== before.attitude[i]).length;
      expect(moved).toBeGreaterThan(0.2 * a.world.agents.n);
    });
  }
});
