/**
 * Helpers for model tests: run the baseline (or a variant) for a set of seeds and collect what
 * a stylized-fact test needs. Replicate r of every variant uses seed r, so variants are compared
 * on common random numbers.
 */
import { resolveScenarioFile } from '../../sim/scenario/file.ts';
import { deepMerge, validateScenario } from '../../sim/scenario/resolve.ts';
import type { Scenario } from '../../sim/scenario/schema.ts';
import { Simulation, type SimulationOptions } from '../../sim/run/simulation.ts';

const BASELINE = resolveScenarioFile('scenarios/baseline.json');

/** The baseline with a partial override (deep-merged) and validated. */
export function variant(over: Record<string, unknown>): Scenario {
  return validateScenario(deepMerge(BASELINE, over), 'test variant');
}

/** A library scenario (`scenarios/<file>.json`, its `extends` resolved) with a partial override, validated. */
export function scenarioVariant(file: string, over: Record<string, unknown>): Scenario {
  return validateScenario(deepMerge(resolveScenarioFile(`scenarios/${file}.json`), over), `${file} variant`);
}

/** Ablation override: every factor group on except the ones named. */
export function without(
  ...off: ('pathology' | 'needs' | 'triggers' | 'socialInfluence' | 'groups')[]
): Record<string, boolean> {
  const a: Record<string, boolean> = {
    pathology: true,
    needs: true,
    microTriggers: true,
    mesoTriggers: true,
    macroTriggers: true,
    socialInfluence: true,
    groups: true,
  };
  for (const f of off) {
    if (f === 'triggers') a.microTriggers = a.mesoTriggers = a.macroTriggers = false;
    else a[f] = false;
  }
  return a;
}

export function runSeeds(scenario: Scenario, seeds: readonly number[], options: SimulationOptions = {}): Simulation[] {
  return seeds.map((seed) => new Simulation({ ...scenario, seed }, options).run());
}

export function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

export function sd(xs: readonly number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
}

/** Agents who entered phase >= 1 during the run after the burn-in (not those who started there). */
export function newEntries(sim: Simulation): number {
  const a = sim.world.agents;
  let n = 0;
  for (let i = 0; i < a.n; i++) if (a.firstSensitiveWeek[i] > sim.world.burnIn) n++;
  return n;
}
