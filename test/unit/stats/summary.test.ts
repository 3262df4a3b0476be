import { describe, expect, it } from 'vitest';
import { mean, median, quantile, quantileSorted, sd, seriesBands, variance } from '../../../sim/stats/index.ts';

const oneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe('mean / variance / sd', () => {
  it('matches hand-computed values', () => {
    expect(mean(oneToTen)).toBe(5.5);
    // Sum of squared deviations of 2,4,4,4,5,5,7,9 around 5 is 32; sample variance 32/7.
    expect(variance([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(32 / 7, 14);
    expect(sd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(sd(oneToTen)).toBeCloseTo(3.0276503540974917, 14); // R: sd(1:10)
  });

  it('stays accurate with a large common offset', () => {
    const xs = [1e9 + 1, 1e9 + 2, 1e9 + 3];
    expect(mean(xs)).toBe(1e9 + 2);
    expect(variance(xs)).toBe(1);
  });

  it('accepts typed arrays and handles degenerate sizes', () => {
    expect(mean(new Float64Array([1, 2, 3, 6]))).toBe(3);
    expect(mean([])).toBeNaN();
    expect(variance([4])).toBeNaN();
    expect(sd([])).toBeNaN();
  });
});

describe('quantile (type 7, R/NumPy default)', () => {
  it('reproduces R quantile(1:10, ...)', () => {
    expect(quantile(oneToTen, 0.1)).toBeCloseTo(1.9, 14);
    expect(quantile(oneToTen, 0.9)).toBeCloseTo(9.1, 14);
    expect(quantile(oneToTen, 0.25)).toBeCloseTo(3.25, 14);
    expect(quantile(oneToTen, 0.75)).toBeCloseTo(7.75, 14);
    expect(quantile(oneToTen, 0)).toBe(1);
    expect(quantile(oneToTen, 1)).toBe(10);
  });

  it('gives the same answer for unsorted input and does not mutate it', () => {
    const xs = [7, 1, 10, 3, 5, 9, 2, 8, 4, 6];
    const copy = xs.slice();
    expect(quantile(xs, 0.1)).toBeCloseTo(1.9, 14);
    expect(quantile(xs, 0.9)).toBeCloseTo(9.1, 14);
    expect(xs).toEqual(copy);
  });

  it('quantileSorted interpolates between order statistics', () => {
    expect(quantileSorted([10, 20], 0.3)).toBeCloseTo(13, 14);
    expect(quantileSorted([42], 0.77)).toBe(42);
  });

  it('median of odd and even samples', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('NaN for empty or NaN-containing data, throws for p outside [0, 1]', () => {
    expect(quantile([], 0.5)).toBeNaN();
    expect(quantile([1, NaN, 3], 0.5)).toBeNaN();
    expect(() => quantile(oneToTen, 1.5)).toThrow(RangeError);
    expect(() => quantile(oneToTen, -0.1)).toThrow(RangeError);
  });
});

describe('seriesBands', () => {
  it('gives pointwise mean and type 7 quantiles keyed by String(p)', () => {
    const runs = [
      [0, 10],
      [2, 30],
      [1, 20],
    ];
    const b = seriesBands(runs);
    expect(b.length).toBe(2);
    expect(b.runs).toBe(3);
    expect(Array.from(b.mean)).toEqual([1, 20]);
    expect(Object.keys(b.q).sort()).toEqual(['0.05', '0.25', '0.5', '0.75', '0.95']);
    expect(Array.from(b.q['0.5'])).toEqual([1, 20]);
    // h = (3-1)*0.05 = 0.1: 0 + 0.1*(1-0) and 10 + 0.1*(20-10)
    expect(b.q['0.05'][0]).toBeCloseTo(0.1, 14);
    expect(b.q['0.05'][1]).toBeCloseTo(11, 14);
    expect(b.q['0.95'][1]).toBeCloseTo(29, 14);
  });

  it('matches quantile() at every time point for custom probabilities', () => {
    const runs = [0, 1, 2, 3, 4, 5, 6].map((r) =>
      Float64Array.from({ length: 5 }, (_, t) => ((r * 37 + t * 11) % 17) - t),
    );
    const probs = [0.1, 0.9];
    const b = seriesBands(runs, probs);
    for (let t = 0; t < 5; t++) {
      const col = runs.map((run) => run[t]);
      expect(b.mean[t]).toBeCloseTo(mean(col), 12);
      expect(b.q['0.1'][t]).toBeCloseTo(quantile(col, 0.1), 12);
      expect(b.q['0.9'][t]).toBeCloseTo(quantile(col, 0.9), 12);
    }
  });

  it('rejects ragged or empty ensembles', () => {
    expect(() => seriesBands([[1, 2], [3]])).toThrow(/length 1, expected 2/);
    expect(() => seriesBands([])).toThrow(RangeError);
  });
});
