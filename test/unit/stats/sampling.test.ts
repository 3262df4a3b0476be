import { describe, expect, it } from 'vitest';
import { gridValues, latinHypercube } from '../../../sim/stats/index.ts';

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

describe('latinHypercube', () => {
  const ranges = [
    { lo: 0, hi: 1 },
    { lo: -5, hi: 5 },
    { lo: 100, hi: 200 },
    { lo: 0.01, hi: 0.02 },
  ];

  it('puts exactly one point in each of the n bins of every dimension, within range', () => {
    for (const n of [1, 2, 7, 50, 333]) {
      const pts = latinHypercube(n, ranges, mulberry32(n));
      expect(pts.length).toBe(n);
      ranges.forEach(({ lo, hi }, d) => {
        const seen = new Uint8Array(n);
        for (const p of pts) {
          expect(p.length).toBe(ranges.length);
          expect(p[d]).toBeGreaterThanOrEqual(lo);
          expect(p[d]).toBeLessThanOrEqual(hi);
          seen[Math.min(n - 1, Math.floor(((p[d] - lo) / (hi - lo)) * n))]++;
        }
        expect(Array.from(seen)).toEqual(new Array(n).fill(1));
      });
    }
  });

  it('is reproducible from the injected generator and varies with the seed', () => {
    const a = latinHypercube(20, ranges, mulberry32(1));
    const b = latinHypercube(20, ranges, mulberry32(1));
    const c = latinHypercube(20, ranges, mulberry32(2));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('permutes bins independently across dimensions', () => {
    // With 50 points, identical bin orders in two dimensions would have probability 1/50!.
    const pts = latinHypercube(50, [ranges[0], ranges[0]], mulberry32(3));
    const bins = (d: number) => pts.map((p) => Math.floor(p[d] * 50));
    expect(bins(0)).not.toEqual(bins(1));
  });

  it('draws exactly dims * (2n - 1) numbers', () => {
    let calls = 0;
    const base = mulberry32(9);
    latinHypercube(10, ranges, () => {
      calls++;
      return base();
    });
    expect(calls).toBe(ranges.length * 19);
  });

  it('handles a degenerate range and rejects bad input', () => {
    expect(latinHypercube(3, [{ lo: 2, hi: 2 }], mulberry32(4)).map((p) => p[0])).toEqual([2, 2, 2]);
    expect(() => latinHypercube(0, ranges, mulberry32(5))).toThrow(RangeError);
    expect(() => latinHypercube(3, [{ lo: 1, hi: 0 }], mulberry32(5))).toThrow(/lo <= hi/);
    expect(() => latinHypercube(3, ranges, () => 1)).toThrow(/\[0, 1\)/);
  });
});

describe('gridValues', () => {
  it('includes both ends and gives clean decimals', () => {
    expect(gridValues(0, 1, 11)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(gridValues(0.1, 0.5, 5)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(gridValues(-1, 1, 2)).toEqual([-1, 1]);
    expect(gridValues(10, 0, 3)).toEqual([10, 5, 0]);
  });

  it('n = 1 gives lo; n < 1 or fractional n throws', () => {
    expect(gridValues(3, 7, 1)).toEqual([3]);
    expect(() => gridValues(0, 1, 0)).toThrow(RangeError);
    expect(() => gridValues(0, 1, 2.5)).toThrow(RangeError);
  });
});
