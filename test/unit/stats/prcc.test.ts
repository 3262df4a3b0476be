import { describe, expect, it } from 'vitest';
import { pearson, prcc, rank, spearman } from '../../../sim/stats/index.ts';

/** mulberry32: tiny seeded PRNG for reproducible test data. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/** Independent reference: PRCC via the inverse of the rank correlation matrix (Gauss-Jordan). */
function prccByInverse(X: number[][], y: number[]): number[] {
  const k = X[0].length;
  const cols = [...Array.from({ length: k }, (_, j) => rank(X.map((r) => r[j]))), rank(y)];
  const m = k + 1;
  const A = cols.map((a) => cols.map((b) => pearson(a, b)));
  const inv = A.map((_, i) => A.map((__, j) => (i === j ? 1 : 0)));
  for (let c = 0; c < m; c++) {
    let p = c;
    for (let r = c + 1; r < m; r++) if (Math.abs(A[r][c]) > Math.abs(A[p][c])) p = r;
    [A[c], A[p]] = [A[p], A[c]];
    [inv[c], inv[p]] = [inv[p], inv[c]];
    const d = A[c][c];
    for (let j = 0; j < m; j++) {
      A[c][j] /= d;
      inv[c][j] /= d;
    }
    for (let r = 0; r < m; r++) {
      if (r === c) continue;
      const f = A[r][c];
      for (let j = 0; j < m; j++) {
        A[r][j] -= f * A[c][j];
        inv[r][j] -= f * inv[c][j];
      }
    }
  }
  return Array.from({ length: k }, (_, i) => -inv[i][k] / Math.sqrt(inv[i][i] * inv[k][k]));
}

describe('rank', () => {
  it('gives average ranks to ties (R rank / SciPy rankdata)', () => {
    expect(Array.from(rank([3, 1, 4, 1, 5, 9, 2, 6, 5, 3]))).toEqual([4.5, 1.5, 6, 1.5, 7.5, 10, 3, 9, 7.5, 4.5]);
    expect(Array.from(rank([2, 2, 2]))).toEqual([2, 2, 2]);
    expect(Array.from(rank([]))).toEqual([]);
  });

  it('throws on NaN', () => {
    expect(() => rank([1, NaN])).toThrow(/NaN/);
  });
});

describe('spearman', () => {
  it('matches a hand-computed value with ties', () => {
    // ranks (1,2,3,4,5) vs (1,2,3.5,5,3.5): cov sum 8, sums of squares 10 and 9.5.
    expect(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])).toBeCloseTo(8 / Math.sqrt(95), 14);
  });

  it('is +-1 for monotone relations and NaN for a constant', () => {
    const x = [0.3, 1.2, -4, 7, 2.5, 0];
    expect(spearman(x, x.map(Math.exp))).toBe(1);
    expect(
      spearman(
        x,
        x.map((v) => -(v ** 3)),
      ),
    ).toBe(-1);
    expect(
      spearman(
        x,
        x.map(() => 4),
      ),
    ).toBeNaN();
  });

  it('rejects different lengths', () => {
    expect(() => spearman([1, 2], [1, 2, 3])).toThrow(/lengths differ/);
  });
});

describe('prcc', () => {
  const n = 300;
  const rand = mulberry32(20240611);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const x1 = rand();
    const x2 = rand();
    const x3 = rand();
    X.push([x1, x2, x3]);
    // Population partial correlations: x1 sqrt((4/12) / (4/12 + 0.04)) = 0.945,
    // x2 -sqrt((1/12) / (1/12 + 0.04)) = -0.82, x3 0.
    y.push(2 * x1 - x2 + 0.2 * gaussian(rand));
  }

  it('finds the strong, the negative and the irrelevant parameter', () => {
    const [p1, p2, p3] = prcc(X, y);
    expect(p1).toBeGreaterThan(0.9);
    expect(p2).toBeLessThan(-0.5);
    expect(Math.abs(p3)).toBeLessThan(0.15);
  });

  it('equals -Cinv_iy / sqrt(Cinv_ii Cinv_yy) when the rank correlation matrix is invertible', () => {
    const ours = prcc(X, y);
    const ref = prccByInverse(X, y);
    for (let j = 0; j < 3; j++) expect(ours[j]).toBeCloseTo(ref[j], 12);
  });

  it('matches residual-regression PRCC computed with NumPy on a fixed table (with ties)', () => {
    const Xs = [
      [0.12, 3.1, 7],
      [0.55, 2.2, 1],
      [0.31, 4.8, 5],
      [0.9, 1.5, 2],
      [0.47, 3.9, 9],
      [0.05, 2.7, 4],
      [0.76, 4.1, 3],
      [0.66, 1.9, 8],
      [0.23, 3.3, 6],
      [0.84, 2.9, 10],
      [0.39, 4.4, 5],
    ];
    const ys = [1.3, 2.9, 1.1, 5.2, 1.4, 0.4, 2.8, 4.1, 1.0, 3.9, 1.2];
    const r = prcc(Xs, ys);
    expect(r[0]).toBeCloseTo(0.924480023771741, 12);
    expect(r[1]).toBeCloseTo(-0.6997623778395883, 12);
    expect(r[2]).toBeCloseTo(0.33453695197054295, 12);
  });

  it('is exactly 1 when y is a monotone function of x1 alone', () => {
    const r2 = mulberry32(7);
    const Xe: number[][] = [];
    const ye: number[] = [];
    for (let i = 0; i < 40; i++) {
      const x1 = r2();
      Xe.push([x1, r2()]);
      ye.push(Math.exp(3 * x1) - 1);
    }
    const [p1, p2] = prcc(Xe, ye);
    expect(p1).toBeCloseTo(1, 12);
    // x1 explains rank(y) completely, so the partial correlation of x2 is 0/0.
    expect(p2).toBeNaN();
  });

  it('is invariant under monotone transforms of inputs and output', () => {
    const Xt = X.map(([a, b, c]) => [Math.log(a), b ** 3, -Math.exp(c)]);
    const yt = y.map((v) => Math.atan(v));
    const a = prcc(X, y);
    const b = prcc(Xt, yt);
    expect(b[0]).toBeCloseTo(a[0], 12);
    expect(b[1]).toBeCloseTo(a[1], 12);
    expect(b[2]).toBeCloseTo(-a[2], 12); // the transform of x3 is decreasing
  });

  it('gives NaN for a constant parameter and leaves the others as if it were absent', () => {
    const Xc = X.map((row) => [row[0], 0.5, row[1], row[2]]);
    const withConst = prcc(Xc, y);
    const without = prcc(X, y);
    expect(withConst[1]).toBeNaN();
    expect(withConst[0]).toBeCloseTo(without[0], 12);
    expect(withConst[2]).toBeCloseTo(without[1], 12);
    expect(withConst[3]).toBeCloseTo(without[2], 12);
  });

  it('gives all NaN for a constant output and validates shapes', () => {
    expect(
      prcc(
        X,
        y.map(() => 1),
      ),
    ).toEqual([NaN, NaN, NaN]);
    expect(() => prcc(X.slice(1), y)).toThrow(/rows/);
    expect(() => prcc([[1], [2]], [1, 2])).toThrow(/at least 3/);
  });
});
