/**
 * What a paired comparison can and cannot show at its size: the effect it rules out and the
 * smallest effect it would detect. Both read the paired t interval of sim/stats/compare.ts.
 */
import { tQuantile } from './tdist.ts';

/** Power of the minimum detectable effect: the usual 80%. */
export const MDE_POWER = 0.8;

/**
 * Minimum detectable effect of a paired t test at this size: the true mean difference that a
 * two-sided test at `level` detects with probability `power`,
 * (t_{(1+level)/2, df} + t_{power, df}) x SE (the normal-approximation formula with t
 * quantiles, e.g. Bloom 1995). With df = 9 and SE = 1: (2.262 + 0.883) = 3.15.
 */
export function minimumDetectableEffect(se: number, df: number, level = 0.95, power = MDE_POWER): number {
  if (!(df >= 1)) return Number.NaN;
  return (tQuantile(0.5 + level / 2, df) + tQuantile(power, df)) * se;
}

/**
 * The largest change an interval [lo, hi] leaves possible, in either direction: changes of a
 * larger size are ruled out at the interval's level (its far bound from zero).
 */
export function largestChangeNotRuledOut(lo: number, hi: number): number {
  return Math.max(Math.abs(lo), Math.abs(hi));
}
