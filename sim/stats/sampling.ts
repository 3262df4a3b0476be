/**
 * Parameter-space designs for sweeps and global sensitivity analysis.
 * Randomness comes only from the injected `rand` (uniform on [0, 1)), so designs are reproducible
 * from the caller's seeded generator.
 */

/** Closed range of one parameter. */
export interface Range {
  lo: number;
  hi: number;
}

/**
 * Latin hypercube sample (McKay, Beckman & Conover 1979): n points; in every dimension the range
 * is cut into n equal bins and each bin holds exactly one point, placed uniformly within it, with
 * the bin order independently permuted per dimension (Fisher-Yates). Returns points[i][d].
 * Consumes exactly ranges.length * (2n - 1) draws of `rand`, dimension by dimension.
 */
export function latinHypercube(n: number, ranges: readonly Range[], rand: () => number): number[][] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`latinHypercube: n must be an integer >= 1, got ${n}`);
  for (let d = 0; d < ranges.length; d++) {
    const { lo, hi } = ranges[d];
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi < lo) {
      throw new RangeError(`latinHypercube: range ${d} must be finite with lo <= hi, got [${lo}, ${hi}]`);
    }
  }
  const dims = ranges.length;
  const points: number[][] = [];
  for (let i = 0; i < n; i++) points.push(new Array<number>(dims));
  const perm = new Uint32Array(n);
  for (let d = 0; d < dims; d++) {
    for (let i = 0; i < n; i++) perm[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(draw(rand) * (i + 1));
      const t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    const { lo, hi } = ranges[d];
    const w = (hi - lo) / n;
    for (let i = 0; i < n; i++) {
      const v = lo + w * (perm[i] + draw(rand));
      points[i][d] = v > hi ? hi : v; // guard against rounding past the top edge
    }
  }
  return points;
}

/**
 * n evenly spaced values from lo to hi inclusive, for `lo:hi:n` sweeps (n = 1 gives [lo]).
 * Computed as (lo (n-1-i) + hi i) / (n-1), so decimal grids like 0:1:11 give 0.3, not
 * 0.30000000000000004, and both ends are exact.
 */
export function gridValues(lo: number, hi: number, n: number): number[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`gridValues: n must be an integer >= 1, got ${n}`);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw new RangeError(`gridValues: lo and hi must be finite`);
  if (n === 1) return [lo];
  const m = n - 1;
  const out = new Array<number>(n);
  out[0] = lo;
  for (let i = 1; i < m; i++) out[i] = (lo * (m - i) + hi * i) / m;
  out[m] = hi;
  return out;
}

function draw(rand: () => number): number {
  const u = rand();
  if (!(u >= 0 && u < 1)) throw new RangeError(`rand() must return a number in [0, 1), got ${u}`);
  return u;
}
