/**
 * Free parameters and their priors: a priors file or `--param path=lo:hi[:log]`, read against
 * the base scenario with the path handling of `sweep --vary` (sim/ensemble/paths.ts).
 *
 * A uniform prior is uniform on [lo, hi]; a log-uniform prior is uniform in ln(value) on
 * [ln lo, ln hi] (for rates spanning orders of magnitude). The algorithm works in the
 * "internal" coordinates in which every prior is uniform (the value, or its logarithm), so the
 * prior density is constant inside the box and the perturbation kernel is symmetric there.
 */
import { describe, getPath, parsePath, PathError } from '../ensemble/paths.ts';
import { DECIMAL } from '../ensemble/sweepDesign.ts';
import { isPlainObject } from '../scenario/resolve.ts';
import { CalibrationInputError } from './targets.ts';

export const PRIORS_VERSION = 1;
export const PRIOR_KINDS = ['uniform', 'log-uniform'] as const;
export type PriorKind = (typeof PRIOR_KINDS)[number];

export interface ParameterPrior {
  /** Dotted scenario path, e.g. "influence.mu". */
  path: string;
  prior: PriorKind;
  lo: number;
  hi: number;
}

/** Validates parsed priors JSON: { "version": 1, "parameters": [{ path, prior, lo, hi }] }. */
export function parsePriors(data: unknown, file: string): ParameterPrior[] {
  const problems: string[] = [];
  const bad = (field: string, what: string) => problems.push(`${field}: ${what}`);
  if (!isPlainObject(data)) throw new CalibrationInputError(file, ['the file must hold a JSON object']);
  if (data.version !== PRIORS_VERSION)
    bad('version', `must be ${PRIORS_VERSION} (got ${JSON.stringify(data.version)})`);
  const out: ParameterPrior[] = [];
  if (!Array.isArray(data.parameters) || data.parameters.length === 0)
    bad('parameters', 'must be a non-empty list of { "path", "prior", "lo", "hi" }');
  else
    data.parameters.forEach((p: unknown, i: number) => {
      const where = `parameters[${i}]`;
      if (!isPlainObject(p)) return bad(where, 'must be an object { "path", "prior", "lo", "hi" }');
      if (typeof p.path !== 'string' || !p.path)
        return bad(`${where}.path`, 'must be a scenario path, e.g. influence.mu');
      const at = `${where} ("${p.path}")`;
      const prior = p.prior ?? 'uniform';
      if (typeof prior !== 'string' || !(PRIOR_KINDS as readonly string[]).includes(prior))
        return bad(
          `${at}.prior`,
          `must be ${PRIOR_KINDS.map((k) => `"${k}"`).join(' or ')} (got ${JSON.stringify(p.prior)})`,
        );
      for (const k of Object.keys(p))
        if (!['path', 'prior', 'lo', 'hi', 'note'].includes(k))
          bad(`${at}.${k}`, 'unknown field; a parameter has "path", "prior", "lo", "hi" and an optional "note"');
      const lo = p.lo;
      const hi = p.hi;
      if (typeof lo !== 'number' || !Number.isFinite(lo))
        return bad(`${at}.lo`, `must be a number (got ${JSON.stringify(lo)})`);
      if (typeof hi !== 'number' || !Number.isFinite(hi))
        return bad(`${at}.hi`, `must be a number (got ${JSON.stringify(hi)})`);
      const problem = boundsProblem(prior as PriorKind, lo, hi);
      if (problem) return bad(at, problem);
      out.push({ path: p.path, prior: prior as PriorKind, lo, hi });
    });
  if (problems.length) throw new CalibrationInputError(file, problems);
  return out;
}

/** `path=lo:hi` (uniform) or `path=lo:hi:log` (log-uniform), as given to --param. */
export function parseParamOption(text: string): ParameterPrior {
  const where = `--param ${text}`;
  const eq = text.indexOf('=');
  if (eq <= 0)
    throw new CalibrationInputError(where, ['write path=lo:hi or path=lo:hi:log, e.g. influence.mu=0.05:0.3']);
  const path = text.slice(0, eq).trim();
  const parts = text.slice(eq + 1).split(':');
  if (parts.length < 2 || parts.length > 3 || (parts.length === 3 && parts[2].trim() !== 'log'))
    throw new CalibrationInputError(where, ['the range is lo:hi (uniform) or lo:hi:log (log-uniform)']);
  const lo = parseDecimal(parts[0]);
  const hi = parseDecimal(parts[1]);
  if (!Number.isFinite(lo) || !Number.isFinite(hi))
    throw new CalibrationInputError(where, [
      `lo and hi must be numbers in decimal notation, such as 0.5 or 1e-4 (got "${parts[0]}" and "${parts[1]}")`,
    ]);
  const prior: PriorKind = parts.length === 3 ? 'log-uniform' : 'uniform';
  const problem = boundsProblem(prior, lo, hi);
  if (problem) throw new CalibrationInputError(where, [problem]);
  return { path, prior, lo, hi };
}

/** A number in plain decimal notation (as sweep --vary reads them), or NaN. */
export function parseDecimal(text: string): number {
  const t = text.trim();
  const x = DECIMAL.test(t) ? Number(t) : Number.NaN;
  return Number.isFinite(x) ? x : Number.NaN;
}

function boundsProblem(prior: PriorKind, lo: number, hi: number): string | null {
  if (!(lo < hi)) return `lo must be below hi (got lo ${lo}, hi ${hi})`;
  if (prior === 'log-uniform' && !(lo > 0)) return `a log-uniform prior needs lo > 0 (got ${lo})`;
  return null;
}

/**
 * Problems with the parameters against the base scenario: unknown paths, values that are not
 * numbers, the seed, repeated paths.
 */
export function parameterProblems(params: readonly ParameterPrior[], base: unknown): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const p of params) {
    const where = `parameter ${p.path}`;
    let segs: (string | number)[];
    try {
      segs = parsePath(p.path);
    } catch (err) {
      if (!(err instanceof PathError)) throw err;
      problems.push(`${where}: ${err.message}`);
      continue;
    }
    if (segs.length === 1 && segs[0] === 'seed') {
      problems.push(`${where}: the seed is not a parameter; each particle gets its own seeds from --seed`);
      continue;
    }
    if (seen.has(p.path)) problems.push(`${where}: given twice`);
    seen.add(p.path);
    let value: unknown;
    try {
      value = getPath(base, p.path);
    } catch (err) {
      if (!(err instanceof PathError)) throw err;
      problems.push(`${where}: ${err.message}`);
      continue;
    }
    if (typeof value !== 'number')
      problems.push(`${where}: the value at this path is ${describe(value)}; calibrate a number inside it`);
  }
  return problems;
}

/** Value -> internal coordinate (the value, or its logarithm). */
export function toInternal(p: ParameterPrior, value: number): number {
  return p.prior === 'log-uniform' ? Math.log(value) : value;
}

/** Internal coordinate -> value. */
export function fromInternal(p: ParameterPrior, x: number): number {
  return p.prior === 'log-uniform' ? Math.exp(x) : x;
}

/** The prior box in internal coordinates. */
export function internalBounds(p: ParameterPrior): [number, number] {
  return [toInternal(p, p.lo), toInternal(p, p.hi)];
}
