/**
 * Confidence intervals for ensemble means and for scenario comparisons.
 *
 * Scenario ensembles share common random numbers (replicate r of every scenario uses the same
 * seeds), so the difference "other - reference" is a paired difference: its variance subtracts
 * twice the covariance the shared seeds induce, and {@link pairedDifference} exploits that. It
 * also reports the unpaired (Welch) interval of the same difference, to show what pairing buys.
 *
 * Sign convention everywhere: differences are `other - ref` (positive = the scenario raises the
 * outcome relative to the reference).
 */

import { mean, variance, type NumArray } from './summary.ts';
import { gammaQuantile, normalQuantile, tCdf, tQuantile } from './tdist.ts';

/** Two-sided t interval for a mean. */
export interface MeanCI {
  n: number;
  mean: number;
  sd: number;
  /** Standard error sd / sqrt(n). */
  se: number;
  /** Degrees of freedom n - 1. */
  df: number;
  level: number;
  lo: number;
  hi: number;
  /** How lo and hi were found: `t` symmetric Student t, `gamma` a gamma interval that stays above zero (see {@link nonNegativeMeanCI}). */
  method: 't' | 'gamma';
}

/** Welch (unequal-variance) interval for mean(other) - mean(ref). */
export interface WelchInterval {
  nRef: number;
  nOther: number;
  /** mean(other) - mean(ref). */
  diff: number;
  /** sqrt(var(ref)/nRef + var(other)/nOther). */
  se: number;
  /** Welch-Satterthwaite degrees of freedom (non-integer). */
  df: number;
  level: number;
  lo: number;
  hi: number;
}

/** Paired comparison of two scenarios run on common random numbers; see {@link pairedDifference}. */
export interface PairedDifference {
  /** Number of pairs (replicates). */
  n: number;
  level: number;
  /** mean(other_i - ref_i). */
  meanDiff: number;
  /** Sample sd of the differences. */
  sdDiff: number;
  /** sdDiff / sqrt(n). */
  pairedSE: number;
  /** n - 1. */
  df: number;
  /** Paired t interval for the mean difference. */
  lo: number;
  hi: number;
  /** Two-sided paired t-test p-value for "mean difference = 0". */
  pValue: number;
  /** meanDiff / mean(ref): relative change; null when mean(ref) = 0. */
  relative: number | null;
  /** Interval of the relative change from {@link pairedRatioInterval}; null when it has none. */
  relativeLo: number | null;
  relativeHi: number | null;
  /** Welch standard error of the same difference, ignoring the pairing. */
  unpairedSE: number;
  /** Welch interval of the same difference, ignoring the pairing (for comparison only). */
  unpairedLo: number;
  unpairedHi: number;
}

/**
 * Two-sided Student t confidence interval for the mean (R `t.test(x)$conf.int`).
 * Throws when empty; with n = 1 the interval bounds are NaN (no variance estimate).
 */
export function meanCI(values: NumArray, level = 0.95): MeanCI {
  checkLevel(level);
  const n = values.length;
  if (n === 0) throw new RangeError('meanCI: no values');
  checkFinite(values, 'meanCI');
  const m = mean(values);
  const s = n > 1 ? Math.sqrt(variance(values)) : NaN;
  const se = s / Math.sqrt(n);
  const df = n - 1;
  const half = n > 1 ? tCrit(level, df) * se : NaN;
  return { n, mean: m, sd: s, se, df, level, lo: m - half, hi: m + half, method: 't' };
}

/**
 * Interval for the mean of a non-negative quantity (a count of people or events) that never
 * goes below zero: the central interval of a gamma distribution with the sample mean m and a
 * variance se_t^2 that matches the t interval, se_t = se * t_{df} / z (shape m^2 / se_t^2,
 * scale se_t^2 / m). A gamma distribution with matched mean and variance is the usual
 * approximation to the sampling distribution of a non-negative, overdispersed total (Fay &
 * Feuer 1997, Stat. Med. 16:791, for rates); the t / z factor carries the uncertainty of the
 * variance estimate, so for large counts the interval tends to the t interval m +- t se. For
 * small counts it is skewed upwards and stays above zero. All values zero (or all equal) gives
 * [m, m]; n = 1 gives NaN bounds, as {@link meanCI}. A negative value is an error.
 */
export function nonNegativeMeanCI(values: NumArray, level = 0.95): MeanCI {
  const ci = meanCI(values, level);
  for (let i = 0; i < values.length; i++) {
    if (values[i] < 0) throw new RangeError(`nonNegativeMeanCI: value at index ${i} is negative (${values[i]})`);
  }
  if (ci.n < 2) return { ...ci, method: 'gamma' };
  if (ci.mean === 0 || ci.se === 0) return { ...ci, lo: ci.mean, hi: ci.mean, method: 'gamma' };
  const seT = (ci.se * tCrit(level, ci.df)) / normalQuantile(0.5 + level / 2);
  const shape = (ci.mean / seT) ** 2;
  const scale = (seT * seT) / ci.mean;
  return {
    ...ci,
    lo: scale * gammaQuantile(0.5 - level / 2, shape),
    hi: scale * gammaQuantile(0.5 + level / 2, shape),
    method: 'gamma',
  };
}

/**
 * Welch interval for mean(other) - mean(ref) with Welch-Satterthwaite df
 * (Welch 1947; R `t.test(other, ref)$conf.int`). Needs at least 2 values in each group.
 */
export function welchInterval(ref: NumArray, other: NumArray, level = 0.95): WelchInterval {
  checkLevel(level);
  if (ref.length < 2 || other.length < 2) {
    throw new RangeError(`welchInterval: need at least 2 values per group, got ${ref.length} and ${other.length}`);
  }
  checkFinite(ref, 'welchInterval (ref)');
  checkFinite(other, 'welchInterval (other)');
  const n1 = ref.length;
  const n2 = other.length;
  const v1 = variance(ref) / n1;
  const v2 = variance(other) / n2;
  const diff = mean(other) - mean(ref);
  const se = Math.sqrt(v1 + v2);
  // With both groups constant the interval degenerates to a point; df is then conventional.
  const df = se > 0 ? ((v1 + v2) * (v1 + v2)) / ((v1 * v1) / (n1 - 1) + (v2 * v2) / (n2 - 1)) : n1 + n2 - 2;
  const half = se > 0 ? tCrit(level, df) * se : 0;
  return { nRef: n1, nOther: n2, diff, se, df, level, lo: diff - half, hi: diff + half };
}

/**
 * Paired comparison of `other` against `ref`, where element r of both came from replicate r
 * (same seeds). Paired t interval on d_r = other_r - ref_r (Student 1908; R
 * `t.test(other, ref, paired = TRUE)`), plus the Welch interval of the same difference.
 * Throws when the lengths differ or n < 2.
 */
export function pairedDifference(ref: NumArray, other: NumArray, level = 0.95): PairedDifference {
  checkLevel(level);
  const n = ref.length;
  if (other.length !== n) {
    throw new RangeError(
      `pairedDifference: ref has ${n} replicates but other has ${other.length}; paired comparison needs one value per replicate in both`,
    );
  }
  if (n < 2) throw new RangeError(`pairedDifference: need at least 2 paired replicates, got ${n}`);
  checkFinite(ref, 'pairedDifference (ref)');
  checkFinite(other, 'pairedDifference (other)');

  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = other[i] - ref[i];
  const meanDiff = mean(d);
  const sdDiff = Math.sqrt(variance(d));
  const pairedSE = sdDiff / Math.sqrt(n);
  const df = n - 1;
  let lo: number, hi: number, pValue: number;
  if (pairedSE > 0) {
    const half = tCrit(level, df) * pairedSE;
    lo = meanDiff - half;
    hi = meanDiff + half;
    pValue = 2 * tCdf(-Math.abs(meanDiff / pairedSE), df);
  } else {
    // Identical differences in every replicate (common with CRN when a lever never fires).
    lo = hi = meanDiff;
    pValue = meanDiff === 0 ? 1 : 0;
  }
  const refMean = mean(ref);
  const w = welchInterval(ref, other, level);
  return {
    n,
    level,
    meanDiff,
    sdDiff,
    pairedSE,
    df,
    lo,
    hi,
    pValue,
    relative: refMean === 0 ? null : meanDiff / refMean,
    ...pairedRatioInterval(ref, other, level),
    unpairedSE: w.se,
    unpairedLo: w.lo,
    unpairedHi: w.hi,
  };
}

/**
 * Interval of the relative change mean(other) / mean(ref) - 1 from paired replicates, by
 * Fieller's theorem (Fieller 1954): the ratios rho for which the paired t test of
 * other_r - rho * ref_r does not reject mean 0. At rho = 1 that test is the paired t test of the
 * difference, so the interval excludes 0 exactly when the interval of the difference does. It
 * counts the uncertainty of the reference mean: when that mean cannot be told from 0 at this
 * level the set of ratios is unbounded and both bounds are null (a relative change of something
 * that may not occur in the reference has no interval). For non-negative quantities the ratio
 * is at least 0, so the lower bound is kept at or above -100%. Null bounds when n < 2.
 */
export function pairedRatioInterval(
  ref: NumArray,
  other: NumArray,
  level = 0.95,
): { relativeLo: number | null; relativeHi: number | null } {
  const n = ref.length;
  const none = { relativeLo: null, relativeHi: null };
  if (n < 2 || other.length !== n) return none;
  const b = mean(ref);
  const a = mean(other);
  let srr = 0;
  let soo = 0;
  let sor = 0;
  for (let i = 0; i < n; i++) {
    srr += (ref[i] - b) ** 2;
    soo += (other[i] - a) ** 2;
    sor += (ref[i] - b) * (other[i] - a);
  }
  const t = tCrit(level, n - 1);
  const q = (t * t) / (n * (n - 1)); // t^2 / n times the 1/(n-1) of the sample covariances
  // (a - rho b)^2 <= q (soo - 2 rho sor + rho^2 srr)  <=>  A rho^2 - 2 B rho + C <= 0
  const A = b * b - q * srr;
  const B = a * b - q * sor;
  const C = a * a - q * soo;
  if (!(A > 0)) return none;
  const root = Math.sqrt(Math.max(0, B * B - A * C));
  const lo = Math.max(0, (B - root) / A);
  const hi = (B + root) / A;
  const noNegatives =
    Array.prototype.every.call(ref, (x: number) => x >= 0) && Array.prototype.every.call(other, (x: number) => x >= 0);
  return { relativeLo: (noNegatives ? lo : (B - root) / A) - 1, relativeHi: hi - 1 };
}

/** Two-sided critical value t_{1 - (1 - level)/2, df}. */
function tCrit(level: number, df: number): number {
  return tQuantile(0.5 + level / 2, df);
}

function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be in (0, 1), got ${level}`);
}

function checkFinite(xs: NumArray, where: string): void {
  for (let i = 0; i < xs.length; i++) {
    if (!Number.isFinite(xs[i])) throw new RangeError(`${where}: value at index ${i} is not finite (${xs[i]})`);
  }
}
