/**
 * Yearly figures of a run, for stationarity checks: per year of the observed run (52-week blocks
 * after the burn-in) the mean prevalence of each phase per 100,000, the mean attitude of everyone
 * at the year's end, the incidents of the year and the share of each age band at the year's end.
 */
import { AGE_BANDS, ageBandOf } from '../../sim/domain.ts';
import type { Scenario } from '../../sim/scenario/schema.ts';
import { Simulation } from '../../sim/run/simulation.ts';

export interface Yearly {
  /** [year][phase 1..3 at 0..2], per 100,000 people, mean of the year's weeks. */
  prevalence: number[][];
  attitude: number[];
  incidents: number[];
  /** [year][age band] share of the population at the year's end. */
  ageShares: number[][];
}

export function runYearly(scenario: Scenario): Yearly {
  const sim = new Simulation(scenario);
  const a = sim.world.agents;
  const out: Yearly = { prevalence: [], attitude: [], incidents: [], ageShares: [] };
  const col = (name: string) => sim.series.values[sim.series.columns.indexOf(name)];
  sim.run((week) => {
    if (week <= 0 || week % 52 !== 0) return;
    let att = 0;
    const bands = new Array(AGE_BANDS.length).fill(0);
    for (let i = 0; i < a.n; i++) {
      att += a.attitude[i];
      bands[ageBandOf(a.age[i])]++;
    }
    out.attitude.push(att / a.n);
    out.ageShares.push(bands.map((b) => b / a.n));
  });
  const years = Math.floor(scenario.weeks / 52);
  for (let y = 0; y < years; y++) {
    const rows = Array.from({ length: 52 }, (_, k) => 52 * y + 1 + k);
    const sum = (name: string) => rows.reduce((t, r) => t + col(name)[r], 0);
    out.prevalence.push([1, 2, 3].map((p) => ((sum(`phase_${p}`) / 52) * 1e5) / a.n));
    out.incidents.push(sum('incidents'));
  }
  return out;
}
