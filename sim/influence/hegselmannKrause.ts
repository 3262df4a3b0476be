/**
 * Hegselmann-Krause bounded confidence, synchronous step on the complete graph.
 *
 * Reference: R. Hegselmann, U. Krause (2002). Opinion dynamics and bounded confidence: models,
 * analysis and simulation. JASSS 5(3) 2. https://www.jasss.org/5/3/2.html
 *
 * Every agent moves at once to the mean of all opinions within `eps` of its own,
 * |x_j - x_i| <= eps (closed bound, as in HK 2002), itself included.
 *
 * Cost: O(n log n) per step, not O(n^2). Opinions are visited in sorted order; since the
 * confidence window [x_i - eps, x_i + eps] slides monotonically with x_i, its ends are found with
 * two pointers that only move forward, and the window sum comes from prefix sums of the sorted
 * values. The sort is the only super-linear part; the index permutation is kept in the scratch
 * between steps and HK preserves the order of opinions (x_i <= x_j implies x_i' <= x_j'), so
 * from the second step on the sort runs on already sorted input.
 */

/** Reusable buffers for `hkStep`; one per population size, so a run allocates nothing per step. */
export interface HKScratch {
  /** Agent indices sorted by opinion (kept between steps: usually still sorted). */
  order: Uint32Array;
  /** Sorted opinions. */
  sorted: Float64Array;
  /** prefix[k] = sum of sorted[0..k-1]. */
  prefix: Float64Array;
}

export function createHKScratch(n: number): HKScratch {
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  return { order, sorted: new Float64Array(n), prefix: new Float64Array(n + 1) };
}

/**
 * One synchronous HK step: out[i] = mean{ x[j] : |x[j] - x[i]| <= eps }.
 * `out` must not alias `x`. Pass a `scratch` from `createHKScratch(x.length)` to avoid
 * allocating (the runner does); without it the step allocates its own buffers.
 *
 * @returns the largest |out[i] - x[i]| (exactly 0 at a fixed point).
 */
export function hkStep(x: Float64Array, eps: number, out: Float64Array, scratch?: HKScratch): number {
  const n = x.length;
  if (out.length !== n) throw new RangeError('hkStep: out and x must have the same length');
  if (out === x) throw new RangeError('hkStep: out must not alias x (the step is synchronous)');
  const s = scratch && scratch.order.length === n ? scratch : createHKScratch(n);
  const { order, sorted, prefix } = s;

  order.sort((a, b) => x[a] - x[b]);
  prefix[0] = 0;
  for (let k = 0; k < n; k++) {
    const v = x[order[k]];
    sorted[k] = v;
    prefix[k + 1] = prefix[k] + v;
  }

  let lo = 0; // first k with sorted[k] >= sorted[i] - eps
  let hi = 0; // one past the last k with sorted[k] <= sorted[i] + eps
  let maxChange = 0;
  for (let k = 0; k < n; k++) {
    const v = sorted[k];
    while (sorted[lo] < v - eps) lo++;
    if (hi < k + 1) hi = k + 1;
    while (hi < n && sorted[hi] <= v + eps) hi++;
    // A window of one repeated value (a formed cluster) keeps it exactly, so fixed points are
    // exact and the returned change is 0 there instead of a rounding residue.
    const mean = sorted[lo] === sorted[hi - 1] ? v : (prefix[hi] - prefix[lo]) / (hi - lo);
    const a = order[k];
    out[a] = mean;
    const c = Math.abs(mean - v);
    if (c > maxChange) maxChange = c;
  }
  return maxChange;
}
