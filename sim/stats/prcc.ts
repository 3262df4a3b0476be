/**
 * Rank-based sensitivity measures: ranks, Spearman correlation and partial rank correlation
 * coefficients (PRCC), the standard global sensitivity measure for monotone model responses
 * over a Latin hypercube sample (Blower & Dowlatabadi 1994; Marino, Hogue, Ray & Kirschner 2008,
 * J. Theor. Biol. 254:178-196).
 */

import type { NumArray } from './summary.ts';

/**
 * Ranks 1..n with ties given their average rank (R `rank(ties.method = "average")`,
 * SciPy `rankdata`). Throws on NaN, which has no rank.
 */
export function rank(values: NumArray): Float64Array {
  const n = values.length;
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(values[i])) throw new RangeError(`rank: value at index ${i} is NaN`);
    idx[i] = i;
  }
  idx.sort((a, b) => values[a] - values[b]);
  const out = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && values[idx[j]] === values[idx[i]]) j++;
    const r = (i + j + 1) / 2; // average of the 1-based ranks i+1 .. j
    for (let k = i; k < j; k++) out[idx[k]] = r;
    i = j;
  }
  return out;
}

/** Pearson correlation (two-pass, centred); NaN when either input is constant or n < 2. */
export function pearson(a: NumArray, b: NumArray): number {
  const n = a.length;
  if (b.length !== n) throw new RangeError(`pearson: lengths differ (${n} vs ${b.length})`);
  if (n < 2) return NaN;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i];
    mb += b[i];
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i] - ma;
    const db = b[i] - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  if (saa === 0 || sbb === 0) return NaN;
  return clampUnit(sab / Math.sqrt(saa * sbb));
}

/** Spearman rank correlation: Pearson correlation of average ranks (R `cor(method = "spearman")`). */
export function spearman(a: NumArray, b: NumArray): number {
  if (b.length !== a.length) throw new RangeError(`spearman: lengths differ (${a.length} vs ${b.length})`);
  return pearson(rank(a), rank(b));
}

/** Residual variance fraction below which a rank column counts as explained by the others. */
const COLLINEAR_TOL = 1e-10;

/**
 * Partial rank correlation coefficient of each parameter with the output.
 *
 * `X` is runs x params, `y` the output of each run. All columns and y are rank-transformed
 * (average ranks); PRCC_j is the correlation between the residuals of rank(x_j) and rank(y)
 * after linear regression on the ranks of all other parameters. It is computed from the rank
 * correlation matrix by sweeping out the other parameters (Schur complement; Gaussian
 * elimination with skipping of collinear pivots), which equals
 * -C^{-1}_{jy} / sqrt(C^{-1}_{jj} C^{-1}_{yy}) when C is invertible but, unlike the inverse,
 * still works when y is an exact monotone function of some parameters.
 *
 * Returns NaN for parameter j when its column is constant, when its ranks are (up to a 1e-10
 * residual variance fraction) a linear function of the other parameters' ranks, or when the
 * other parameters already explain rank(y) exactly (the partial correlation is 0/0). All NaN
 * when y is constant. Use n well above the number of parameters (Marino et al. suggest
 * n > 4k/3; in practice several hundred runs).
 */
export function prcc(X: readonly NumArray[], y: NumArray): number[] {
  const n = y.length;
  if (X.length !== n) throw new RangeError(`prcc: X has ${X.length} rows but y has ${n} values`);
  if (n < 3) throw new RangeError(`prcc: need at least 3 runs, got ${n}`);
  const k = X[0].length;
  for (let r = 1; r < n; r++) {
    if (X[r].length !== k) throw new RangeError(`prcc: row ${r} has ${X[r].length} parameters, expected ${k}`);
  }
  const m = k + 1; // columns 0..k-1 are parameters, column k is the output
  const col = new Float64Array(n);
  const cols: Float64Array[] = [];
  const norm = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    if (j < k) for (let r = 0; r < n; r++) col[r] = X[r][j];
    const ranked = rank(j < k ? col : y);
    // Ranks have mean (n+1)/2 exactly; centre them.
    const c = (n + 1) / 2;
    let ss = 0;
    for (let r = 0; r < n; r++) {
      ranked[r] -= c;
      ss += ranked[r] * ranked[r];
    }
    cols.push(ranked);
    norm[j] = Math.sqrt(ss);
  }

  // Rank correlation matrix over the non-constant columns.
  const C = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    if (norm[i] === 0) continue;
    C[i * m + i] = 1;
    for (let j = i + 1; j < m; j++) {
      if (norm[j] === 0) continue;
      const a = cols[i];
      const b = cols[j];
      let s = 0;
      for (let r = 0; r < n; r++) s += a[r] * b[r];
      C[i * m + j] = C[j * m + i] = s / (norm[i] * norm[j]);
    }
  }

  const out = new Array<number>(k).fill(NaN);
  if (norm[k] === 0) return out;
  const M = new Float64Array(m * m);
  const active = new Uint8Array(m);
  for (let j = 0; j < k; j++) {
    if (norm[j] === 0) continue;
    M.set(C);
    for (let i = 0; i < m; i++) active[i] = norm[i] === 0 ? 0 : 1;
    // Sweep out every other parameter o: M <- M - M[:,o] M[o,:] / M[o,o] on the still-active set.
    for (let o = 0; o < k; o++) {
      if (o === j || !active[o]) continue;
      active[o] = 0;
      const piv = M[o * m + o];
      if (piv <= COLLINEAR_TOL) continue; // o is explained by parameters already swept: skip it
      for (let u = 0; u < m; u++) {
        if (!active[u]) continue;
        const f = M[u * m + o] / piv;
        if (f === 0) continue;
        for (let v = 0; v < m; v++) if (active[v]) M[u * m + v] -= f * M[o * m + v];
      }
    }
    const rjj = M[j * m + j];
    const ryy = M[k * m + k];
    if (rjj <= COLLINEAR_TOL || ryy <= COLLINEAR_TOL) continue;
    out[j] = clampUnit(M[j * m + k] / Math.sqrt(rjj * ryy));
  }
  return out;
}

function clampUnit(r: number): number {
  return r > 1 ? 1 : r < -1 ? -1 : r;
}
