/** Trend statistics against values worked out by hand and known properties. */
import { describe, expect, it } from 'vitest';
import { mannKendall, slopeCI } from '../../../sim/stats/trend.ts';

describe('slopeCI', () => {
  it('recovers an exact line with a zero-width interval', () => {
    const s = slopeCI([1, 3, 5, 7, 9]);
    expect(s.slope).toBeCloseTo(2, 12);
    expect(s.lo).toBeCloseTo(2, 12);
    expect(s.hi).toBeCloseTo(2, 12);
    expect(s.level).toBeCloseTo(5, 12);
  });

  it('matches a hand computation on noisy data', () => {
    // x = 0..3, y = 1, 2, 2, 4: slope = sxy / sxx = 4.5 / 5 = 0.9; fitted 0.9, 1.8, 2.7, 3.6,
    // residuals 0.1, 0.2, -0.7, 0.4, sse = 0.7, se = sqrt(0.7 / 2 / 5); t(0.975, 2) = 4.302653.
    const s = slopeCI([1, 2, 2, 4]);
    expect(s.slope).toBeCloseTo(0.9, 12);
    const se = Math.sqrt(0.7 / 2 / 5);
    expect(s.se).toBeCloseTo(se, 10);
    expect(s.hi - s.slope).toBeCloseTo(4.302653 * se, 5);
  });

  it('refuses fewer than 3 points', () => {
    expect(() => slopeCI([1, 2])).toThrow(/at least 3 points/);
  });
});

describe('mannKendall', () => {
  it('counts concordant minus discordant pairs', () => {
    expect(mannKendall([1, 2, 3, 4]).s).toBe(6);
    expect(mannKendall([4, 3, 2, 1]).s).toBe(-6);
    expect(mannKendall([1, 3, 2, 4]).s).toBe(4);
  });

  it('gives a small p for a monotone series and a large one for a flat zigzag', () => {
    const up = Array.from({ length: 20 }, (_, i) => i);
    expect(mannKendall(up).p).toBeLessThan(0.001);
    const zigzag = Array.from({ length: 20 }, (_, i) => (i % 2 ? 1 : -1));
    expect(mannKendall(zigzag).p).toBeGreaterThan(0.5);
  });
});
