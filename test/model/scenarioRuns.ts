/**
 * Runs library scenarios as ensembles for the model tests: replicate r of every scenario uses
 * seed r (common random numbers), and outcomes are summed over the run.
 */
import { loadScenarioFile } from '../../sim/scenario/file.ts';
import { Simulation } from '../../sim/run/simulation.ts';

export interface RunOutcomes {
  sim: Simulation;
  /** Sum of a series column over all weeks. */
  total(column: string): number;
  /** Mean of a series column over all weeks. */
  mean(column: string): number;
}

export function runScenario(file: string, seed: number, agents = 20_000, weeks = 520): RunOutcomes {
  const sim = new Simulation(loadScenarioFile(`scenarios/${file}.json`, { seed, agents, weeks })).run();
  const col = (name: string) => {
    const k = sim.series.columns.indexOf(name);
    if (k < 0) throw new Error(`no series column "${name}"`);
    return sim.series.values[k];
  };
  return {
    sim,
    total: (name) => col(name).reduce((a, b) => a + b, 0),
    mean: (name) => col(name).reduce((a, b) => a + b, 0) / sim.series.weeks,
  };
}

/** Person-weeks spent in the group or action phase: the burden of radicalisation over a run. */
export function radicalisedWeeks(r: RunOutcomes): number {
  return r.total('phase_2') + r.total('phase_3');
}
