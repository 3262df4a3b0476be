/**
 * Weighted index draws (the endpoints of online ties, when the network is built).
 */
import type { Stream } from './streams.ts';

/**
 * Draws indices with chance proportional to weights: the index i with cum[i - 1] <= target <
 * cum[i] for a uniform target, as a bisection of the cumulative sums finds it, but started from a
 * guide table (for each of n equal slices of the total, the first index whose sum passes the
 * slice's start), so each draw searches a handful of entries instead of the whole array (Chen and
 * Asau's guide table). Same uniform, same index as the plain bisection over [from, to).
 */
export class WeightedIndex {
  private readonly guide: Int32Array;
  private readonly slices: number;

  /** `cum`: the running sums of non-negative weights, at least one of them positive. */
  constructor(private readonly cum: Float64Array) {
    const n = cum.length,
      total = cum[n - 1];
    if (!(n > 0 && total > 0 && total < Infinity))
      throw new Error(
        `WeightedIndex needs cumulative weights with a positive finite total (got ${n} weights, total ${total})`,
      );
    this.slices = n;
    this.guide = new Int32Array(n + 1);
    for (let b = 0, i = 0; b < n; b++) {
      const start = (b / n) * total;
      while (i < n - 1 && cum[i] <= start) i++;
      this.guide[b] = i;
    }
    this.guide[n] = n - 1;
  }

  /** The index in [from, to) drawn with chance proportional to its weight (to - 1 if all weights there are 0). */
  draw(from: number, to: number, rs: Stream): number {
    const cum = this.cum,
      n = cum.length;
    const lo0 = from === 0 ? 0 : cum[from - 1];
    const target = lo0 + rs.uniform() * (cum[to - 1] - lo0);
    // The first index whose sum passes the target lies between the guides of its slice; widened
    // where rounding put the target in a neighbouring slice.
    const b = Math.min(this.slices - 1, Math.max(0, Math.floor((target / cum[n - 1]) * this.slices)));
    let lo = this.guide[b],
      hi = this.guide[b + 1];
    while (lo > 0 && cum[lo - 1] > target) lo--;
    while (hi < n - 1 && cum[hi] <= target) hi++;
    // The plain bisection over [from, to - 1], on the part of it that holds the answer.
    if (lo < from) lo = from;
    if (hi > to - 1) hi = to - 1;
    if (lo > hi) return to - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
