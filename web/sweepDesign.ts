/**
 * Pure helpers of the sweep runner (no DOM): the levels of a parameter, a default range around
 * the scenario value, and a Fisher-z interval for a PRCC.
 */
import { type Field, normalQuantile } from '../sim/index.ts';

export const SWEEP_DEFAULTS = { replicates: 2, agents: 2000, weeks: 104, levels: 3 };

/** Fisher-z interval of a partial correlation r from N runs controlling for k - 1 others. */
export function prccInterval(r: number, N: number, k: number, level = 0.95): [number, number] {
  const df = N - 3 - (k - 1);
  if (!Number.isFinite(r) || df < 1) return [NaN, NaN];
  if (Math.abs(r) >= 1) return [r, r];
  const z = Math.atanh(r);
  const q = normalQuantile(1 - (1 - level) / 2) / Math.sqrt(df);
  return [Math.tanh(z - q), Math.tanh(z + q)];
}

/** The grid values of a parameter: n evenly spaced from lo to hi (whole numbers for an integer field). */
export function levels(f: Field, lo: number, hi: number, n: number): number[] {
  const out = n === 1 ? [lo] : Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
  const vals = f.kind === 'integer' ? out.map(Math.round) : out.map((x) => Number(x.toPrecision(12)));
  return [...new Set(vals)];
}

/** A default range around the scenario value (half to one and a half times it), inside the allowed range. */
export function defaultRange(f: Field, v: number): [number, number] {
  let lo = v === 0 ? 0 : v * 0.5;
  let hi = v === 0 ? 1 : v * 1.5;
  if (lo > hi) [lo, hi] = [hi, lo];
  if (f.max !== null && hi > f.max) hi = f.max;
  if (f.min !== null && lo < f.min) lo = f.min;
  if (f.maxExclusive && f.max !== null && hi >= f.max) hi = f.max - (f.max - lo) * 0.1;
  if (f.minExclusive && f.min !== null && lo <= f.min) lo = f.min + (hi - f.min) * 0.1;
  if (f.kind === 'integer') {
    lo = Math.ceil(lo);
    hi = Math.max(lo, Math.floor(hi));
  }
  return [Number(lo.toPrecision(6)), Number(hi.toPrecision(6))];
}
