import { describe, expect, it } from 'vitest';
import {
  meanCI,
  nonNegativeMeanCI,
  pairedDifference,
  pairedRatioInterval,
  welchInterval,
} from '../../../sim/stats/index.ts';

// Student (1908) / Cushny & Peebles sleep data (R `sleep`): extra hours of sleep, same 10 patients.
const drug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const drug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
// drug2 - drug1 = 1.2, 2.4, 1.3, 1.3, 0.0, 1.0, 1.8, 0.8, 4.6, 1.4

describe('pairedDifference', () => {
  it('reproduces the sleep-data paired t interval (R t.test(paired = TRUE))', () => {
    const r = pairedDifference(drug1, drug2);
    expect(r.n).toBe(10);
    expect(r.df).toBe(9);
    expect(r.meanDiff).toBeCloseTo(1.58, 12);
    expect(r.lo).toBeCloseTo(0.7001142, 6);
    expect(r.hi).toBeCloseTo(2.4598858, 6);
    expect(r.sdDiff).toBeCloseTo(1.2299954832, 9);
    expect(r.pairedSE).toBeCloseTo(1.2299954832 / Math.sqrt(10), 9);
    expect(r.pValue).toBeCloseTo(0.002832890197384273, 9); // t = 4.0621, df = 9
    expect(r.relative).toBeCloseTo(1.58 / 0.75, 12); // mean(drug1) = 0.75
  });

  it('reports the Welch interval of the same difference, which is wider here', () => {
    const r = pairedDifference(drug1, drug2);
    expect(r.unpairedLo).toBeCloseTo(-0.2054832, 6);
    expect(r.unpairedHi).toBeCloseTo(3.3654832, 6);
    expect(r.hi - r.lo).toBeLessThan((r.unpairedHi - r.unpairedLo) / 2);
  });

  it('honours the confidence level', () => {
    const r = pairedDifference(drug1, drug2, 0.99);
    expect(r.lo).toBeCloseTo(0.3159481148951748, 9);
    expect(r.hi).toBeCloseTo(2.844051885104825, 9);
  });

  it('flips sign when the roles are swapped', () => {
    const a = pairedDifference(drug1, drug2);
    const b = pairedDifference(drug2, drug1);
    expect(b.meanDiff).toBeCloseTo(-a.meanDiff, 14);
    expect(b.lo).toBeCloseTo(-a.hi, 12);
    expect(b.hi).toBeCloseTo(-a.lo, 12);
  });

  it('relative is null when the reference mean is 0', () => {
    expect(pairedDifference([-1, 1, 0], [0, 2, 1]).relative).toBeNull();
  });

  it('collapses to a point when every replicate shifts by the same amount', () => {
    const r = pairedDifference([1, 2, 3, 4], [1.5, 2.5, 3.5, 4.5]);
    expect(r.lo).toBe(0.5);
    expect(r.hi).toBe(0.5);
    expect(r.pValue).toBe(0);
  });

  it('throws clear errors on bad input', () => {
    expect(() => pairedDifference([1, 2, 3], [1, 2])).toThrow(/3 replicates but other has 2/);
    expect(() => pairedDifference([1], [2])).toThrow(/at least 2/);
    expect(() => pairedDifference([1, NaN], [2, 3])).toThrow(/not finite/);
    expect(() => pairedDifference([1, 2], [2, 3], 1)).toThrow(/level/);
  });
});

describe('welchInterval', () => {
  it('reproduces R t.test(drug2, drug1) on the sleep data', () => {
    const w = welchInterval(drug1, drug2);
    expect(w.diff).toBeCloseTo(1.58, 12);
    expect(w.df).toBeCloseTo(17.776473516178488, 9);
    expect(w.lo).toBeCloseTo(-0.2054832, 6);
    expect(w.hi).toBeCloseTo(3.3654832, 6);
  });

  it('handles unequal group sizes (hand-computed)', () => {
    // ref: mean 2, var 1 (n=3); other: mean 6, var 10/3 (n=4).
    // se^2 = 1/3 + 10/12 = 7/6; df = (7/6)^2 / ((1/3)^2/2 + (5/6)^2/3) = 1.3611 / 0.2870 = 4.7419...
    const w = welchInterval([1, 2, 3], [4, 5, 7, 8]);
    expect(w.diff).toBe(4);
    expect(w.se).toBeCloseTo(Math.sqrt(7 / 6), 14);
    expect(w.df).toBeCloseTo(49 / 36 / (1 / 18 + 25 / 108), 12);
  });

  it('needs two values per group', () => {
    expect(() => welchInterval([1], [1, 2])).toThrow(/at least 2/);
  });
});

describe('meanCI', () => {
  it('reproduces R t.test(1:10)$conf.int', () => {
    const c = meanCI([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(c.mean).toBe(5.5);
    expect(c.df).toBe(9);
    expect(c.lo).toBeCloseTo(3.334149410331831, 10);
    expect(c.hi).toBeCloseTo(7.665850589668169, 10);
  });

  it('on the sleep differences equals the paired interval', () => {
    const d = drug2.map((v, i) => v - drug1[i]);
    const c = meanCI(d);
    expect(c.lo).toBeCloseTo(0.7001142367230175, 10);
    expect(c.hi).toBeCloseTo(2.459885763276983, 10);
  });

  it('gives NaN bounds for a single value and throws when empty', () => {
    const c = meanCI([3]);
    expect(c.mean).toBe(3);
    expect(c.lo).toBeNaN();
    expect(() => meanCI([])).toThrow(RangeError);
  });
});

describe('nonNegativeMeanCI', () => {
  // Reference: the gamma interval computed with scipy 1.17 (stats.t.ppf, stats.norm.ppf, stats.gamma.ppf).
  it('stays above zero where the t interval goes below it', () => {
    const xs = [0, 1, 0, 2, 1];
    expect(meanCI(xs).lo).toBeLessThan(0);
    const ci = nonNegativeMeanCI(xs);
    expect(ci.method).toBe('gamma');
    expect(ci.mean).toBe(0.8);
    expect(ci.lo).toBeCloseTo(0.11746938973593835, 10);
    expect(ci.hi).toBeCloseTo(2.1234003610025916, 10);
    const ninety = nonNegativeMeanCI(xs, 0.9);
    expect(ninety.lo).toBeCloseTo(0.19938493279931294, 10);
    expect(ninety.hi).toBeCloseTo(1.7271234198990824, 10);
    const rare = nonNegativeMeanCI([0, 0, 3]);
    expect(rare.lo).toBeGreaterThan(0);
    expect(rare.lo).toBeCloseTo(6.013872895386066e-8, 15);
    expect(rare.hi).toBeCloseTo(7.439390905376414, 9);
  });

  it('is close to the t interval for a mean far from zero', () => {
    const xs = [10, 12, 9, 14, 11];
    const g = nonNegativeMeanCI(xs);
    const t = meanCI(xs);
    expect(g.lo).toBeCloseTo(8.939557667261719, 9);
    expect(g.hi).toBeCloseTo(13.711384953908269, 9);
    expect(g.hi - g.lo).toBeCloseTo(t.hi - t.lo, 0); // widths within 0.5 of each other
    expect(g.lo).toBeGreaterThan(t.lo); // skewed upwards
  });

  it('gives a point for constant values, NaN bounds for one value, and refuses negative values', () => {
    expect(nonNegativeMeanCI([0, 0, 0])).toMatchObject({ lo: 0, hi: 0 });
    expect(nonNegativeMeanCI([4, 4])).toMatchObject({ lo: 4, hi: 4 });
    expect(Number.isNaN(nonNegativeMeanCI([3]).lo)).toBe(true);
    expect(() => nonNegativeMeanCI([1, -1])).toThrow(/index 1 is negative/);
  });
});

describe('pairedRatioInterval', () => {
  // Reference: the roots of Fieller's quadratic with numpy (np.cov, np.roots), checked against a
  // brute-force scan of rho for which the paired t test of other - rho * ref does not reject.
  it('gives the Fieller interval of the relative change', () => {
    const r = pairedRatioInterval([10, 12, 9, 14, 11], [8, 11, 7, 12, 10]);
    expect(r.relativeLo).toBeCloseTo(-0.2255085656054422, 10);
    expect(r.relativeHi).toBeCloseTo(-0.0776804489412719, 10);
  });

  it('excludes 0 exactly when the paired t interval of the difference excludes 0', () => {
    const cases: [number[], number[]][] = [
      [
        [10, 12, 9, 14, 11],
        [8, 11, 7, 12, 10],
      ],
      [
        [5, 6, 7, 8],
        [5, 7, 7, 9],
      ],
      [
        [20, 22, 19, 25, 21, 18],
        [21, 21, 20, 24, 22, 19],
      ],
    ];
    for (const [ref, other] of cases) {
      const d = pairedDifference(ref, other);
      const r = pairedRatioInterval(ref, other);
      expect(r.relativeLo! > 0 || r.relativeHi! < 0).toBe(d.lo > 0 || d.hi < 0);
    }
  });

  it('has no bounds when the reference mean cannot be told from zero, and stops at -100%', () => {
    // ref 10, 20, 30 with 3 replicates: mean 20 +- 24.8, so every ratio fits.
    expect(pairedRatioInterval([10, 20, 30], [13, 22, 34])).toEqual({ relativeLo: null, relativeHi: null });
    expect(pairedRatioInterval([0, 0], [1, 2])).toEqual({ relativeLo: null, relativeHi: null });
    // Fieller's lower root is a ratio of -0.31; counts cannot have a negative ratio.
    const r = pairedRatioInterval([3, 4, 2, 5], [1, 3, 0, 2]);
    expect(r.relativeLo).toBe(-1);
    expect(r.relativeHi).toBeCloseTo(-0.21909144314258477, 10);
  });

  it('is part of pairedDifference', () => {
    const d = pairedDifference([10, 12, 9, 14, 11], [8, 11, 7, 12, 10]);
    expect(d.relativeLo).toBeCloseTo(-0.2255085656054422, 10);
  });
});
