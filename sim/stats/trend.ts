/**
 * Trend tests for a time series: the least-squares slope with its t interval, and the
 * Mann-Kendall rank statistic (Mann 1945; Kendall 1975) with its normal approximation (no tie
 * correction: the series tested here are means of continuous quantities, ties are rare).
 */
import type { NumArray } from './summary.ts';
import { normalCdf, tQuantile } from './tdist.ts';

export interface SlopeCI {
  n: number;
  /** Change per step of x. */
  slope: number;
  se: number;
  lo: number;
  hi: number;
  /** Mean of y (the level a change is judged against). */
  level: number;
}

/** Least-squares slope of y on x = 0, 1, ..., n - 1, with its two-sided t interval (n - 2 df). */
export function slopeCI(y: NumArray, level = 0.95): SlopeCI {
  const n = y.length;
  if (n < 3) throw new Error(`a slope interval needs at least 3 points, got ${n}`);
  const mx = (n - 1) / 2;
  let my = 0;
  for (let i = 0; i < n; i++) my += y[i];
  my /= n;
  let sxx = 0,
    sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (i - mx) ** 2;
    sxy += (i - mx) * (y[i] - my);
  }
  const slope = sxy / sxx;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += (y[i] - my - slope * (i - mx)) ** 2;
  const se = Math.sqrt(sse / (n - 2) / sxx);
  const t = tQuantile(1 - (1 - level) / 2, n - 2);
  return { n, slope, se, lo: slope - t * se, hi: slope + t * se, level: my };
}

export interface MannKendall {
  n: number;
  /** Sum over pairs i < j of sign(y[j] - y[i]). */
  s: number;
  /** Normal score with continuity correction. */
  z: number;
  /** Two-sided p-value. */
  p: number;
}

export function mannKendall(y: NumArray): MannKendall {
  const n = y.length;
  let s = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) s += Math.sign(y[j] - y[i]);
  const v = (n * (n - 1) * (2 * n + 5)) / 18;
  const z = s > 0 ? (s - 1) / Math.sqrt(v) : s < 0 ? (s + 1) / Math.sqrt(v) : 0;
  return { n, s, z, p: 2 * (1 - normalCdf(Math.abs(z))) };
}
