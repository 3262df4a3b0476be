import { describe, expect, it } from 'vitest';
import {
  gammaCdf,
  gammaQuantile,
  lbeta,
  lgamma,
  normalCdf,
  normalQuantile,
  tCdf,
  tQuantile,
} from '../../../sim/stats/index.ts';

describe('tQuantile', () => {
  // Printed t tables (4 decimals).
  const table: [p: number, df: number, t: number][] = [
    [0.975, 1, 12.7062],
    [0.975, 2, 4.3027],
    [0.975, 5, 2.5706],
    [0.975, 10, 2.2281],
    [0.975, 30, 2.0423],
    [0.975, 1000, 1.9623],
    [0.95, 4, 2.1318],
    [0.995, 20, 2.8453],
  ];
  it.each(table)('t(%d, %d) = %d (table)', (p, df, t) => {
    expect(Math.abs(tQuantile(p, df) - t)).toBeLessThan(5e-5);
  });

  // Full-precision values from SciPy 1.17 stats.t.ppf (same algorithm family as R qt()).
  const precise: [p: number, df: number, t: number][] = [
    [0.975, 1, 12.706204736174694],
    [0.975, 2, 4.302652729749462],
    [0.975, 5, 2.5705818356363146],
    [0.975, 10, 2.228138851986274],
    [0.975, 30, 2.0422724563012378],
    [0.975, 1000, 1.9623390808264083],
    [0.95, 4, 2.1318467863266495],
    [0.995, 20, 2.8453397097861077],
    [0.975, 17.776, 2.102821310380221], // non-integer df, as produced by Welch
    [0.975, 2.5, 3.5746548420036817],
    [0.6, 7, 0.2631668613520229],
    [0.999999, 3, 103.29946777942898],
    [0.9999999999, 1.5, 2422662.9674997074],
    [0.025, 1e6, -1.9599663568141072],
    [1e-15, 1e4, -7.954081681012809],
  ];
  it.each(precise)('t(%d, %d) = %d to 1e-9 relative', (p, df, t) => {
    expect(Math.abs(tQuantile(p, df) - t) / Math.abs(t)).toBeLessThan(1e-9);
  });

  it('is antisymmetric, and exact at the ends and the centre', () => {
    for (const df of [1, 3, 7.5, 40]) {
      expect(tQuantile(0.025, df)).toBeCloseTo(-tQuantile(0.975, df), 12);
      expect(tQuantile(0.5, df)).toBe(0);
    }
    expect(tQuantile(0, 5)).toBe(-Infinity);
    expect(tQuantile(1, 5)).toBe(Infinity);
  });

  it('inverts tCdf over a grid of p and df', () => {
    for (const df of [1, 1.7, 2, 3, 4.2, 9, 25, 120, 5000]) {
      for (const p of [1e-8, 0.001, 0.05, 0.3, 0.55, 0.9, 0.999]) {
        const t = tQuantile(p, df);
        expect(Math.abs(tCdf(t, df) - p) / p).toBeLessThan(1e-10);
      }
    }
  });

  it('tends to the normal quantile as df grows', () => {
    expect(tQuantile(0.975, Infinity)).toBe(normalQuantile(0.975));
    expect(tQuantile(0.975, 1e9)).toBeCloseTo(1.959963984540054, 8);
  });

  it('rejects invalid arguments', () => {
    expect(() => tQuantile(1.2, 5)).toThrow(RangeError);
    expect(() => tQuantile(0.5, 0)).toThrow(RangeError);
    expect(() => tQuantile(NaN, 5)).toThrow(RangeError);
  });
});

describe('tCdf', () => {
  it('matches SciPy stats.t.cdf', () => {
    expect(tCdf(2, 3)).toBeCloseTo(0.9303370157205785, 13);
    expect(tCdf(-2, 3)).toBeCloseTo(0.06966298427942152, 13);
    expect(tCdf(0.1, 50)).toBeCloseTo(0.539627893173515, 13);
    expect(tCdf(-40, 2.5) / 7.09781714524669e-5).toBeCloseTo(1, 12);
    expect(tCdf(1, 1)).toBeCloseTo(0.75, 14); // Cauchy: 1/2 + atan(1)/pi
    expect(tCdf(0, 4)).toBe(0.5);
  });

  it('uses the normal limit for huge df', () => {
    expect(tCdf(-2, 2e7)).toBeCloseTo(0.022750138697050174, 13);
  });
});

describe('normalQuantile / normalCdf', () => {
  it('matches R qnorm() / SciPy norm.ppf', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 6);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 13);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
    expect(normalQuantile(1e-300)).toBeCloseTo(-37.0470962993612, 10);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(() => normalQuantile(2)).toThrow(RangeError);
  });

  it('normalCdf matches SciPy norm.cdf in the body and the tails', () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 14);
    expect(normalCdf(0.5)).toBeCloseTo(0.6914624612740131, 14);
    expect(normalCdf(-5) / 2.866515718791933e-7).toBeCloseTo(1, 12);
    expect(normalCdf(0)).toBe(0.5);
  });

  it('round-trips', () => {
    for (const p of [1e-12, 0.01, 0.2, 0.5, 0.8, 0.99]) {
      expect(normalCdf(normalQuantile(p)) / p).toBeCloseTo(1, 12);
    }
  });
});

describe('lgamma / lbeta', () => {
  it('match known values', () => {
    expect(lgamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14);
    expect(lgamma(10)).toBeCloseTo(Math.log(362880), 13);
    expect(lbeta(3, 4)).toBeCloseTo(Math.log(1 / 60), 14); // B(3,4) = 2! 3! / 6!
    expect(lbeta(15, 0.5)).toBeCloseTo(-0.773328365452232, 13); // mpmath
    expect(lbeta(5e5, 0.5)).toBeCloseTo(-5.988816495777464, 12); // mpmath; naive lgamma differences lose ~1e-10
  });
});

describe('gammaCdf / gammaQuantile', () => {
  it('match scipy.stats.gamma (1.17) in both tails and at small and large shapes', () => {
    expect(gammaQuantile(0.025, 0.5)).toBeCloseTo(0.0004910345585876278, 12);
    expect(gammaQuantile(0.975, 0.5)).toBeCloseTo(2.511943093657444, 10);
    expect(gammaQuantile(0.5, 3.7)).toBeCloseTo(3.3725380132364133, 10);
    expect(gammaQuantile(0.999, 200) / 246.5658793699739).toBeCloseTo(1, 12);
    expect(gammaQuantile(0.01, 0.05) / 5.844632057286578e-41).toBeCloseTo(1, 8);
    expect(gammaCdf(2.5, 0.3)).toBeCloseTo(0.9881546781546887, 12);
  });

  it('are each other’s inverse, and the shape-1 case is the exponential distribution', () => {
    for (const p of [1e-6, 0.05, 0.5, 0.95, 0.999999]) expect(gammaCdf(gammaQuantile(p, 2.3), 2.3)).toBeCloseTo(p, 12);
    expect(gammaQuantile(0.5, 1)).toBeCloseTo(Math.LN2, 12);
    expect(gammaCdf(0, 2)).toBe(0);
    expect(gammaQuantile(0, 2)).toBe(0);
    expect(() => gammaQuantile(0.5, 0)).toThrow(/shape/);
  });
});
