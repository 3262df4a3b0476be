/**
 * Sweep designs: the `--vary path=values` grammar, read against the base scenario (a list, a
 * grid lo:hi:n, or a range lo:hi for a Latin hypercube), and the points of a full grid or a
 * Latin hypercube over the parameters.
 */
import seedrandom from 'seedrandom';
import type { Scenario } from '../scenario/schema.ts';
import { gridValues, latinHypercube, type Range } from '../stats/index.ts';
import { describe, getPath, parsePath } from './paths.ts';
import { PlanError } from './planError.ts';

/**
 * Design size limits, checked before anything is allocated. A sweep point is validated as a
 * whole scenario when the plan is made (about 3 ms each: 15 s for 5,000 points) and every run leaves a run
 * file, so larger designs are better split into several sweeps.
 */
export const DESIGN_LIMITS = {
  /** Replicates per scenario or point (--replicates). */
  replicates: 10_000,
  /** Points of a sweep: grid points (the product of the value counts) or --samples. */
  points: 5_000,
  /** Runs of a plan: scenarios or points times replicates. */
  jobs: 1_000_000,
} as const;

/** "10,000" */
export function formatLimit(n: number): string {
  return n.toLocaleString('en-US');
}

/** A sweep parameter value. */
export type ParamValue = number | boolean;

export interface VarySpec {
  /** Dotted scenario path, e.g. "influence.mu". */
  path: string;
  /** The text after "=" as given. */
  spec: string;
  /** Grid values, or the values a Latin hypercube picks from. */
  values: ParamValue[] | null;
  /** Continuous range of a Latin hypercube. */
  range: Range | null;
  /** The value in the base scenario. */
  base: ParamValue;
}

/** Parses "path=spec" against the base scenario. */
export function parseVary(text: string, base: Scenario, hypercube: boolean): VarySpec {
  const eq = text.indexOf('=');
  if (eq <= 0)
    throw new PlanError([
      `--vary "${text}": write path=values, e.g. influence.mu=0.05,0.1,0.2 or phases.constants.a01=0.001:0.003:5`,
    ]);
  const path = text.slice(0, eq).trim();
  const spec = text.slice(eq + 1).trim();
  const where = `--vary ${path}`;
  if (parsePath(path)[0] === 'seed' && parsePath(path).length === 1)
    throw new PlanError([
      `${where}: the seed is not a parameter; replicates get their seeds from the base seed (use --seed and --replicates)`,
    ]);
  const baseValue = getPath(base, path);
  if (typeof baseValue !== 'number' && typeof baseValue !== 'boolean') {
    throw new PlanError([
      `${where}: the value at this path is ${describe(baseValue)}; vary a number or true/false inside it`,
    ]);
  }
  if (spec === '') throw new PlanError([`${where}: no values after "="`]);
  const parts = spec.split(':');
  if (parts.length > 1) {
    if (typeof baseValue === 'boolean')
      throw new PlanError([`${where}: a true/false parameter takes a list (true,false), not a range`]);
    if (parts.length > 3)
      throw new PlanError([`${where}=${spec}: a range is lo:hi:n (grid) or lo:hi (with --samples)`]);
    const lo = toNumber(parts[0], where);
    const hi = toNumber(parts[1], where);
    if (hi < lo) throw new PlanError([`${where}=${spec}: hi (${hi}) is below lo (${lo})`]);
    if (parts.length === 3) {
      if (hypercube)
        throw new PlanError([
          `${where}=${spec}: with --samples the hypercube picks the values; give the range as lo:hi`,
        ]);
      const n = /^[0-9]+$/.test(parts[2]) ? Number(parts[2]) : Number.NaN;
      if (!Number.isSafeInteger(n) || n < 1)
        throw new PlanError([`${where}=${spec}: n must be a whole number >= 1 (got "${parts[2]}")`]);
      if (n > DESIGN_LIMITS.points)
        throw new PlanError([
          `${where}=${spec}: n is above the limit of ${formatLimit(DESIGN_LIMITS.points)} values (sweep points)`,
        ]);
      return { path, spec, values: gridValues(lo, hi, n), range: null, base: baseValue };
    }
    if (!hypercube)
      throw new PlanError([
        `${where}=${spec}: say how many grid values: lo:hi:n (or add --samples N for a Latin hypercube)`,
      ]);
    return { path, spec, values: null, range: { lo, hi }, base: baseValue };
  }
  const tokens = spec.split(',');
  if (tokens.length > DESIGN_LIMITS.points)
    throw new PlanError([
      `${where}: ${tokens.length} values is above the limit of ${formatLimit(DESIGN_LIMITS.points)} (sweep points)`,
    ]);
  const values = tokens.map((tok) => {
    const t = tok.trim();
    if (typeof baseValue === 'boolean') {
      if (t === 'true' || t === 'false') return t === 'true';
      throw new PlanError([`${where}: this parameter is true/false, got "${t}"`]);
    }
    return toNumber(t, where);
  });
  return { path, spec, values, range: null, base: baseValue };
}

/** A number in plain decimal notation (-0.5, 12, 1e-4); Number() alone would also take "", "0x10" and "Infinity". */
export const DECIMAL = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

function toNumber(t: string, where: string): number {
  const x = DECIMAL.test(t.trim()) ? Number(t) : Number.NaN;
  if (!Number.isFinite(x))
    throw new PlanError([`${where}: "${t}" is not a number in decimal notation (such as 0.5 or 1e-4)`]);
  return x;
}

/** Full factorial: the first --vary changes slowest. */
export function gridPoints(vary: readonly VarySpec[]): ParamValue[][] {
  let points: ParamValue[][] = [[]];
  for (const v of vary) points = points.flatMap((p) => v.values!.map((x) => [...p, x]));
  return points;
}

/**
 * Latin hypercube over the ranges (lists: over their indices, each value an equal share), from
 * seedrandom's xor4096 seeded with "<baseSeed>/sweep/latin-hypercube".
 */
export function hypercubePoints(vary: readonly VarySpec[], samples: number, baseSeed: number): ParamValue[][] {
  const rand = seedrandom.xor4096(`${baseSeed}/sweep/latin-hypercube`);
  const ranges: Range[] = vary.map((v) => v.range ?? { lo: 0, hi: v.values!.length });
  const u = latinHypercube(samples, ranges, rand);
  return u.map((row) =>
    row.map((x, j) => {
      const vals = vary[j].values;
      return vals ? vals[Math.min(Math.floor(x), vals.length - 1)] : x;
    }),
  );
}
