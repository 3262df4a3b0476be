/**
 * Descriptive statistics for ensembles of replicate runs.
 *
 * All functions accept any `ArrayLike<number>` (plain arrays or typed arrays) and never mutate
 * their input. Empty input gives NaN rather than throwing, so a UI can render "n/a".
 */

/** Anything indexable with a length: `number[]`, `Float64Array`, ... */
export type NumArray = ArrayLike<number>;

/** Arithmetic mean; NaN when empty. Two-pass with a correction term so large offsets stay accurate. */
export function mean(xs: NumArray): number {
  const n = xs.length;
  if (n === 0) return NaN;
  let s = 0;
  for (let i = 0; i < n; i++) s += xs[i];
  const m = s / n;
  // Second pass removes most of the rounding error of the naive sum (Higham, Accuracy and Stability, §1.9).
  let c = 0;
  for (let i = 0; i < n; i++) c += xs[i] - m;
  return m + c / n;
}

/** Sample variance with the n-1 (Bessel) denominator, as R's `var`; NaN when n < 2. Two-pass for stability. */
export function variance(xs: NumArray): number {
  const n = xs.length;
  if (n < 2) return NaN;
  const m = mean(xs);
  let ss = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i] - m;
    ss += d * d;
    c += d;
  }
  // Corrected two-pass algorithm (Chan, Golub & LeVeque 1983): subtract the residual of the mean.
  return (ss - (c * c) / n) / (n - 1);
}

/** Sample standard deviation, sqrt of {@link variance}; NaN when n < 2. */
export function sd(xs: NumArray): number {
  return Math.sqrt(variance(xs));
}

/**
 * Quantile of already ascending-sorted data, Hyndman & Fan (1996) type 7 (linear interpolation
 * between order statistics at h = (n-1)p), the default of R `quantile` and NumPy `quantile`.
 * Does not check sortedness; use {@link quantile} when unsure. NaN when empty.
 */
export function quantileSorted(sorted: NumArray, p: number): number {
  checkProb(p);
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  const frac = h - lo;
  const a = sorted[lo];
  return frac === 0 ? a : a + frac * (sorted[lo + 1] - a);
}

/**
 * Type 7 quantile (R/NumPy default, see {@link quantileSorted}) of sorted or unsorted data.
 * Sorted input is detected in O(n) and used in place; otherwise a Float64Array copy is sorted.
 * NaN if the data are empty or contain NaN.
 */
export function quantile(xs: NumArray, p: number): number {
  checkProb(p);
  const n = xs.length;
  let sorted = true;
  for (let i = 0; i < n; i++) {
    const v = xs[i];
    if (Number.isNaN(v)) return NaN;
    if (i > 0 && v < xs[i - 1]) sorted = false;
  }
  if (sorted) return quantileSorted(xs, p);
  return quantileSorted(Float64Array.from(xs).sort(), p);
}

/** Median = type 7 quantile at 0.5 (the usual mean of the two middle values for even n). */
export function median(xs: NumArray): number {
  return quantile(xs, 0.5);
}

/** Default band probabilities: 90% and 50% central bands plus the median. */
export const DEFAULT_BAND_PROBS: readonly number[] = [0.05, 0.25, 0.5, 0.75, 0.95];

/**
 * Pointwise summary of an ensemble of time series (fan chart / ribbon plot data).
 *
 * - `mean[t]` is the across-run mean at time index t;
 * - `q[key][t]` is the type 7 quantile at probability p, with `key = String(p)`
 *   (e.g. `q['0.05']`, `q['0.5']`), see {@link bandKey};
 * - `probs` lists the probabilities in the order given, `runs` the ensemble size,
 *   `length` the number of time points.
 *
 * Bands are pointwise, not simultaneous: a run can leave the 90% band at some time points.
 */
export interface SeriesBands {
  length: number;
  runs: number;
  probs: readonly number[];
  mean: Float64Array;
  q: Record<string, Float64Array>;
}

/** Key of probability p in {@link SeriesBands.q}: `String(p)`, e.g. 0.05 -> "0.05". */
export function bandKey(p: number): string {
  return String(p);
}

/**
 * Pointwise mean and type 7 quantiles across runs (all runs must have the same length).
 * Uses one scratch buffer of size `runs.length`; O(T * R log R).
 */
export function seriesBands(runs: readonly NumArray[], probs: readonly number[] = DEFAULT_BAND_PROBS): SeriesBands {
  const R = runs.length;
  if (R === 0) throw new RangeError('seriesBands: need at least one run');
  const T = runs[0].length;
  for (let r = 1; r < R; r++) {
    if (runs[r].length !== T) {
      throw new RangeError(`seriesBands: run ${r} has length ${runs[r].length}, expected ${T} (run 0)`);
    }
  }
  for (const p of probs) checkProb(p);
  const meanOut = new Float64Array(T);
  const q: Record<string, Float64Array> = {};
  const cols: Float64Array[] = probs.map((p) => (q[bandKey(p)] = new Float64Array(T)));
  const scratch = new Float64Array(R);
  for (let t = 0; t < T; t++) {
    for (let r = 0; r < R; r++) scratch[r] = runs[r][t];
    meanOut[t] = mean(scratch);
    scratch.sort();
    for (let k = 0; k < probs.length; k++) cols[k][t] = quantileSorted(scratch, probs[k]);
  }
  return { length: T, runs: R, probs: probs.slice(), mean: meanOut, q };
}

function checkProb(p: number): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`probability must be in [0, 1], got ${p}`);
}
