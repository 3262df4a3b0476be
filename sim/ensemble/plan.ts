/**
 * Ensemble plans: what a `compare` or a `sweep` runs, as data.
 *
 * A plan holds the fully resolved scenarios (a comparison) or the base scenario and the sweep
 * design (a sweep), the number of replicates, the base seed and what to record. It is written
 * to `DIR/plan.json` and identified by a hash of its content, so a plan alone says what to run:
 * `--resume` continues it and `merge` joins its shards without the original scenario files.
 *
 * The jobs of a plan are derived, never stored: job i is (variant v, replicate r) with
 * i = r * V + v (replicate-major, so an interrupted ensemble has complete replicates of every
 * scenario first), id `s<v>-r<r>` (comparison) or `p<v>-r<r>` (sweep point) and seed
 * replicateSeed(baseSeed, r). A shard k/n takes the jobs with i mod n = k.
 */
import { buildDifferences, formatBuildDifferences } from '../run/branch.ts';
import { seriesColumns } from '../run/series.ts';
import { formatIssue, ScenarioError } from '../scenario/errors.ts';
import { validateScenario } from '../scenario/resolve.ts';
import type { Scenario } from '../scenario/schema.ts';
import { DEFAULT_BAND_PROBS } from '../stats/index.ts';
import { hashValue } from './hash.ts';
import { availableOutcomes, DEFAULT_BAND_SERIES, outcomeProblems } from './outcomes.ts';
import { parsePath, PathError } from './paths.ts';
import { PlanError } from './planError.ts';
import { type PrecisionRule, PRECISION_DEFAULTS, type PrecisionTarget, precisionRuleProblems } from './precision.ts';
import { replicateSeed } from './seeds.ts';
import {
  DESIGN_LIMITS,
  formatLimit,
  gridPoints,
  hypercubePoints,
  parseVary,
  type ParamValue,
  type VarySpec,
} from './sweepDesign.ts';

export const PLAN_FORMAT = 'radsim-plan/1';

export { PlanError } from './planError.ts';
export { DESIGN_LIMITS } from './sweepDesign.ts';
export type { ParamValue, VarySpec } from './sweepDesign.ts';

export interface ScenarioEntry {
  /** Unique short name used in outputs (the scenario name, made unique with the file name). */
  label: string;
  /** The file as named on the command line (informative; not part of the plan hash). */
  file: string;
  /** The resolved, validated scenario; its seed is the plan's base seed. */
  scenario: Scenario;
}

interface PlanBase {
  format: string;
  kind: 'compare' | 'sweep';
  /** Hash of the plan's content (everything except this field and the file names). */
  hash: string;
  radsimVersion: string;
  baseSeed: number;
  replicates: number;
  /** Confidence level of every interval. */
  level: number;
  outcomes: string[];
  /** Series columns recorded per run and banded (comparisons). */
  series: string[];
  bandProbs: number[];
  /**
   * Population to scale counts to in the reports (people in a country or municipality); absent
   * when not asked for. Not part of the hash: it changes the report, not the runs.
   */
  scaleTo?: number;
  /**
   * The branch week (from the end of the burn-in) where every replicate's shared history, run
   * once with the reference (comparison) or the base scenario (sweep), is continued by every
   * scenario or point (sim/run/branch.ts); absent: every run starts on its own from the build
   * (common random numbers only). Absent rather than null so the hashes of unbranched plans
   * stay what they were.
   */
  branchAt?: number;
}

export interface ComparePlan extends PlanBase {
  kind: 'compare';
  /** scenarios[0] is the reference. */
  scenarios: ScenarioEntry[];
  /**
   * Outcomes the comparison is about: the summary says what their differences rule out, and a
   * precision-driven comparison runs until they are precise. Absent when not named.
   */
  primary?: string[];
  /**
   * Present when replicates are added in batches until the primary differences are precise
   * (precision.ts); `replicates` is then the budget, and the comparison ends with fewer or as many.
   */
  precision?: PrecisionRule;
}

export interface SweepPlan extends PlanBase {
  kind: 'sweep';
  base: ScenarioEntry;
  design: 'grid' | 'latin-hypercube';
  /** Number of hypercube samples (null for a grid). */
  samples: number | null;
  vary: VarySpec[];
  /** points[p][j] is the value of vary[j] at point p. */
  points: ParamValue[][];
}

export type Plan = ComparePlan | SweepPlan;

export interface Job {
  /** Position in the plan, 0-based: index = replicate * variants + variant. */
  index: number;
  /** Stable name, also the run file name: "s01-r003" or "p0012-r004". */
  id: string;
  /** Scenario index (comparison) or point index (sweep). */
  variant: number;
  replicate: number;
  seed: number;
}

interface CommonOptions {
  radsimVersion: string;
  replicates: number;
  /** Defaults to the seed of the reference (comparison) or base (sweep) scenario. */
  baseSeed?: number;
  outcomes?: readonly string[];
  level?: number;
  /**
   * Where to branch: a week from the end of the burn-in, `null` for no branch, or absent for
   * the default: the end of the burn-in where the reference has one, no branch otherwise.
   */
  branchAt?: number | null;
}

export interface CompareOptions extends CommonOptions {
  /** Columns to record and band; "all" for every column. */
  series?: readonly string[] | 'all';
  /** Primary outcomes (among `outcomes`). */
  primary?: readonly string[];
  /**
   * Add replicates until the primary differences reach this target; `replicates` is then the
   * budget (--max-replicates).
   */
  precision?: { target: PrecisionTarget; minReplicates?: number; batch?: number };
}

export interface SweepOptions extends CommonOptions {
  /** "path=spec" texts, as given to --vary. */
  vary: readonly string[];
  /** Latin hypercube sample size; a full grid when absent. */
  samples?: number;
}

/** A comparison of scenarios[0] (the reference) with each of the others. */
export function createComparePlan(
  scenarios: readonly { file: string; scenario: Scenario }[],
  o: CompareOptions,
): ComparePlan {
  const problems: string[] = [];
  if (scenarios.length < 2) problems.push('name a reference scenario and at least one scenario to compare with it');
  if (!Number.isInteger(o.replicates) || o.replicates < 2)
    problems.push(`a comparison needs at least 2 replicates for its intervals (got ${o.replicates})`);
  if (replicatesProblem(o.replicates)) problems.push(replicatesProblem(o.replicates)!);
  else if (scenarios.length * o.replicates > DESIGN_LIMITS.jobs)
    problems.push(jobsProblem(scenarios.length, 'scenarios', o.replicates));
  const level = checkLevel(o.level, problems);
  const columnsOf = scenarios.map((s) => seriesColumns(s.scenario));
  const outcomes = [...(o.outcomes ?? availableOutcomes(...columnsOf))];
  const seriesWanted = o.series === 'all' ? undefined : [...(o.series ?? DEFAULT_BAND_SERIES)];
  let series: string[] = [];
  if (scenarios.length > 0) {
    series = seriesWanted ?? columnsOf[0].filter((c) => c !== 'week' && columnsOf.every((cols) => cols.includes(c)));
    scenarios.forEach((s, i) => {
      problems.push(...outcomeProblems(outcomes, columnsOf[i]));
      const missing = series.filter((c) => !columnsOf[i].includes(c));
      if (missing.length)
        problems.push(`${s.file}: no series column(s) ${missing.join(', ')}; columns are ${columnsOf[i].join(', ')}`);
    });
  }
  const primary = o.primary === undefined ? undefined : [...o.primary];
  let precision: PrecisionRule | undefined;
  if (primary !== undefined) {
    if (primary.length === 0) problems.push('--primary names no outcome');
    for (const p of primary)
      if (!outcomes.includes(p))
        problems.push(`--primary "${p}" is not one of the comparison's outcomes: ${outcomes.join(', ')}`);
    if (new Set(primary).size < primary.length) problems.push('--primary names an outcome twice');
  }
  if (o.precision) {
    if (!primary?.length)
      problems.push('--precision needs --primary OUTCOME: the outcome whose difference must be precise');
    precision = {
      target: o.precision.target,
      minReplicates: o.precision.minReplicates ?? PRECISION_DEFAULTS.minReplicates,
      batch: o.precision.batch ?? PRECISION_DEFAULTS.batch,
      maxReplicates: o.replicates,
    };
    problems.push(...precisionRuleProblems(precision));
    const agents = new Set(scenarios.map((s) => s.scenario.agents));
    if (o.precision.target.kind === 'absolute' && agents.size > 1)
      problems.push(
        '--precision abs:X is per 100,000 population, which needs the same number of agents in every scenario; set it with --agents',
      );
  }
  const weeks = new Set(scenarios.map((s) => s.scenario.weeks));
  if (weeks.size > 1)
    problems.push(
      `the scenarios run different numbers of weeks (${scenarios.map((s) => `${s.file}: ${s.scenario.weeks}`).join(', ')}); set the same for all with --weeks`,
    );
  const branchAt = scenarios.length > 0 ? resolveBranch(o.branchAt, scenarios[0].scenario, problems) : undefined;
  if (branchAt !== undefined)
    for (const s of scenarios.slice(1)) {
      const diffs = buildDifferences({ ...scenarios[0].scenario, seed: 0 }, { ...s.scenario, seed: 0 });
      if (diffs.length)
        problems.push(
          `${s.file} cannot continue the shared history of ${scenarios[0].file}: ${formatBuildDifferences(diffs, scenarios[0].file, s.file)}. These fields are fixed once the history has run (--branch-at ${branchAt}); make them equal, or compare without a branch (--branch-at none)`,
        );
    }
  if (problems.length) throw new PlanError([...new Set(problems)]);
  const baseSeed = o.baseSeed ?? scenarios[0].scenario.seed;
  const labels = uniqueLabels(scenarios.map((s) => ({ name: s.scenario.name, file: s.file })));
  const plan: ComparePlan = {
    format: PLAN_FORMAT,
    kind: 'compare',
    hash: '',
    radsimVersion: o.radsimVersion,
    baseSeed,
    replicates: o.replicates,
    level,
    outcomes,
    series,
    bandProbs: [...DEFAULT_BAND_PROBS],
    scenarios: scenarios.map((s, i) => ({
      label: labels[i],
      file: s.file,
      scenario: { ...s.scenario, seed: baseSeed },
    })),
    ...(primary ? { primary } : {}),
    ...(precision ? { precision } : {}),
  };
  if (branchAt !== undefined) plan.branchAt = branchAt;
  plan.hash = planHash(plan);
  return plan;
}

/** A sweep over `--vary` parameters of a base scenario: a full grid, or a Latin hypercube. */
export function createSweepPlan(base: { file: string; scenario: Scenario }, o: SweepOptions): SweepPlan {
  const problems: string[] = [];
  if (!Number.isInteger(o.replicates) || o.replicates < 1)
    problems.push(`replicates must be a whole number >= 1 (got ${o.replicates})`);
  if (replicatesProblem(o.replicates)) problems.push(replicatesProblem(o.replicates)!);
  const samples = o.samples;
  if (samples !== undefined && (!Number.isInteger(samples) || samples < 1))
    problems.push(`--samples must be a whole number >= 1 (got ${samples})`);
  if (samples !== undefined && samples > DESIGN_LIMITS.points)
    problems.push(`--samples ${samples} is above the limit of ${formatLimit(DESIGN_LIMITS.points)} points`);
  const level = checkLevel(o.level, problems);
  const columns = seriesColumns(base.scenario);
  const outcomes = [...(o.outcomes ?? availableOutcomes(columns))];
  problems.push(...outcomeProblems(outcomes, columns));
  if (o.vary.length === 0) problems.push('name at least one parameter to vary: --vary path=values');
  const vary: VarySpec[] = [];
  for (const text of o.vary) {
    try {
      const v = parseVary(text, base.scenario, samples !== undefined);
      if (vary.some((x) => x.path === v.path)) problems.push(`--vary ${v.path} is given twice`);
      else vary.push(v);
    } catch (err) {
      if (!(err instanceof PathError || err instanceof PlanError)) throw err;
      problems.push(err instanceof PlanError ? err.problems.join('; ') : `--vary ${err.message}`);
    }
  }
  if (problems.length) throw new PlanError(problems);
  // Sizes are checked before the points are made.
  const pointCount = samples ?? vary.reduce((n, v) => n * v.values!.length, 1);
  if (pointCount > DESIGN_LIMITS.points)
    problems.push(
      `the grid has ${formatLimit(pointCount)} points (${vary.map((v) => v.values!.length).join(' x ')} values of --vary), above the limit of ${formatLimit(DESIGN_LIMITS.points)}; use fewer values, or a Latin hypercube (--samples N)`,
    );
  else if (pointCount * o.replicates > DESIGN_LIMITS.jobs)
    problems.push(jobsProblem(pointCount, 'points', o.replicates));
  if (problems.length) throw new PlanError(problems);
  const branchAt = resolveBranch(o.branchAt, base.scenario, problems);
  if (problems.length) throw new PlanError(problems);
  const baseSeed = o.baseSeed ?? base.scenario.seed;
  const points = samples === undefined ? gridPoints(vary) : hypercubePoints(vary, samples, baseSeed);
  const plan: SweepPlan = {
    format: PLAN_FORMAT,
    kind: 'sweep',
    hash: '',
    radsimVersion: o.radsimVersion,
    baseSeed,
    replicates: o.replicates,
    level,
    outcomes,
    series: [],
    bandProbs: [...DEFAULT_BAND_PROBS],
    base: {
      label: uniqueLabels([{ name: base.scenario.name, file: base.file }])[0],
      file: base.file,
      scenario: { ...base.scenario, seed: baseSeed },
    },
    design: samples === undefined ? 'grid' : 'latin-hypercube',
    samples: samples ?? null,
    vary,
    points,
  };
  // Every point must be a valid scenario before anything runs.
  const bad: string[] = [];
  for (let p = 0; p < points.length; p++) {
    try {
      validateScenario(pointData(plan, p), pointLabel(plan, p));
    } catch (err) {
      if (!(err instanceof ScenarioError)) throw err;
      bad.push(`${err.file}:\n${err.issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`);
    }
  }
  if (bad.length) {
    const shown = bad.slice(0, 10);
    if (bad.length > shown.length) shown.push(`... and ${bad.length - shown.length} more invalid point(s)`);
    throw new PlanError(
      shown,
      `${bad.length} of ${points.length} sweep point(s) are invalid scenarios; nothing was run`,
    );
  }
  if (branchAt !== undefined) {
    // A branched sweep varies only what can change after the branch: asked for, a build-only
    // field is refused; by default the sweep runs unbranched and its summary says why.
    const fixed = buildOnlyVaried(plan);
    if (fixed.length && o.branchAt !== undefined)
      throw new PlanError([
        `--vary ${fixed.join(', ')}: fixed when the shared history is built, so a sweep branched at week ${branchAt} (--branch-at) cannot vary it; sweep it with --branch-at none`,
      ]);
    if (!fixed.length) plan.branchAt = branchAt;
  }
  plan.hash = planHash(plan);
  return plan;
}

/** The varied paths of a sweep that change a build-only field (sim/run/branch.ts) at some point. */
export function buildOnlyVaried(plan: SweepPlan): string[] {
  const paths = new Set<string>();
  for (let p = 0; p < plan.points.length; p++)
    for (const d of buildDifferences(plan.base.scenario, pointData(plan, p)))
      for (const v of plan.vary)
        if (
          d.path === v.path ||
          d.path.startsWith(`${v.path}.`) ||
          d.path.startsWith(`${v.path}[`) ||
          v.path.startsWith(d.path)
        )
          paths.add(v.path);
  return [...paths];
}

/**
 * The hash of a plan: its canonical JSON without `hash`, the informative file names, the
 * population to scale reports to and the file checksum that plan.json adds.
 */
export function planHash(plan: Plan): string {
  const strip = (e: ScenarioEntry) => ({ label: e.label, scenario: e.scenario });
  const content =
    plan.kind === 'compare'
      ? { ...plan, hash: undefined, checksum: undefined, scaleTo: undefined, scenarios: plan.scenarios.map(strip) }
      : { ...plan, hash: undefined, checksum: undefined, scaleTo: undefined, base: strip(plan.base) };
  return hashValue(content);
}

/** Number of scenarios (comparison) or points (sweep). */
export function variantCount(plan: Plan): number {
  return plan.kind === 'compare' ? plan.scenarios.length : plan.points.length;
}

export function jobCount(plan: Plan): number {
  return variantCount(plan) * plan.replicates;
}

/** Every job of the plan, in index order. */
export function planJobs(plan: Plan): Job[] {
  const V = variantCount(plan);
  const R = plan.replicates;
  const wv = Math.max(2, String(V - 1).length);
  // A precision-driven comparison names its runs by its budget, so a run's id does not depend on where it stopped.
  const budget = plan.kind === 'compare' && plan.precision ? plan.precision.maxReplicates : R;
  const wr = Math.max(3, String(budget - 1).length);
  const prefix = plan.kind === 'compare' ? 's' : 'p';
  const jobs: Job[] = [];
  for (let r = 0; r < R; r++) {
    const seed = replicateSeed(plan.baseSeed, r);
    for (let v = 0; v < V; v++) {
      jobs.push({
        index: r * V + v,
        id: `${prefix}${String(v).padStart(wv, '0')}-r${String(r).padStart(wr, '0')}`,
        variant: v,
        replicate: r,
        seed,
      });
    }
  }
  return jobs;
}

/** The scenario data a job runs (not validated again here; the runner validates). */
export function jobScenario(plan: Plan, job: Job): Scenario {
  const data = plan.kind === 'compare' ? plan.scenarios[job.variant].scenario : pointData(plan, job.variant);
  return { ...data, seed: job.seed };
}

/** Label of a scenario (comparison) or a point with its values (sweep). */
export function variantLabel(plan: Plan, v: number): string {
  return plan.kind === 'compare' ? plan.scenarios[v].label : pointLabel(plan, v);
}

export function pointId(plan: SweepPlan, p: number): string {
  return `p${String(p).padStart(Math.max(2, String(plan.points.length - 1).length), '0')}`;
}

export function pointLabel(plan: SweepPlan, p: number): string {
  return `sweep point ${pointId(plan, p)} (${plan.vary.map((v, j) => `${v.path}=${plan.points[p][j]}`).join(', ')})`;
}

/** The base scenario with the values of point p set. */
export function pointData(plan: SweepPlan, p: number): Scenario {
  const out = structuredClone(plan.base.scenario);
  plan.vary.forEach((v, j) => {
    const segs = parsePath(v.path);
    let cur = out as unknown as Record<PropertyKey, unknown>;
    for (let s = 0; s < segs.length - 1; s++) cur = cur[segs[s]] as Record<PropertyKey, unknown>;
    cur[segs[segs.length - 1]] = plan.points[p][j];
  });
  return out;
}

/**
 * The branch week of a plan, or undefined for none: the default is the end of the burn-in
 * where the reference has one; week 0 without a burn-in is the start, the same as no branch.
 */
function resolveBranch(asked: number | null | undefined, reference: Scenario, problems: string[]): number | undefined {
  if (asked === null) return undefined;
  if (asked === undefined) return reference.burnInWeeks > 0 ? 0 : undefined;
  if (!Number.isInteger(asked) || asked < 0 || asked >= reference.weeks) {
    problems.push(
      `--branch-at must be a whole week from 0 (the end of the burn-in) to ${reference.weeks - 1} (one before the end of the run), or "none" (got ${asked})`,
    );
    return undefined;
  }
  return asked === 0 && reference.burnInWeeks === 0 ? undefined : asked;
}

/** A unit of work of a plan: one job, or (branched) the jobs of one replicate after their shared history. */
export interface PlanTask {
  /** The job's id, or "r<replicate>" for a branched replicate. */
  id: string;
  jobs: Job[];
}

/** The tasks that run `jobs` (jobs of `plan`, in index order): a branched plan runs them by replicate. */
export function planTasks(plan: Plan, jobs: readonly Job[]): PlanTask[] {
  if (plan.branchAt === undefined) return jobs.map((j) => ({ id: j.id, jobs: [j] }));
  const byReplicate = new Map<number, Job[]>();
  for (const j of jobs) {
    const list = byReplicate.get(j.replicate);
    if (list) list.push(j);
    else byReplicate.set(j.replicate, [j]);
  }
  const wr = Math.max(3, String(plan.replicates - 1).length);
  return [...byReplicate].map(([r, list]) => ({ id: `r${String(r).padStart(wr, '0')}`, jobs: list }));
}

/** The scenario of a replicate's shared history: the reference (comparison) or base (sweep), with its seed. */
export function historyScenario(plan: Plan, replicate: number): Scenario {
  const data = plan.kind === 'compare' ? plan.scenarios[0].scenario : plan.base.scenario;
  return { ...data, seed: replicateSeed(plan.baseSeed, replicate) };
}

/** Which way a plan ran: its branch week, the reference's burn-in, or null (no branch). */
export function branchNote(plan: Plan): { week: number; burnInWeeks: number } | null {
  if (plan.branchAt === undefined) return null;
  const ref = plan.kind === 'compare' ? plan.scenarios[0].scenario : plan.base.scenario;
  return { week: plan.branchAt, burnInWeeks: ref.burnInWeeks };
}

function replicatesProblem(replicates: number): string | null {
  return replicates > DESIGN_LIMITS.replicates
    ? `--replicates ${replicates} is above the limit of ${formatLimit(DESIGN_LIMITS.replicates)}`
    : null;
}

function jobsProblem(variants: number, what: string, replicates: number): string {
  return `${formatLimit(variants)} ${what} x ${formatLimit(replicates)} replicates = ${formatLimit(variants * replicates)} runs, above the limit of ${formatLimit(DESIGN_LIMITS.jobs)} runs per plan; lower --replicates or split the ensemble`;
}

function checkLevel(level: number | undefined, problems: string[]): number {
  const l = level ?? 0.95;
  if (!(l > 0 && l < 1)) problems.push(`the confidence level must be between 0 and 1 (got ${l})`);
  return l;
}

/** Scenario names, made unique with the file name (and a number) where they repeat. */
function uniqueLabels(items: readonly { name: string; file: string }[]): string[] {
  const base = items.map((it) => it.name);
  const count = (xs: string[], x: string) => xs.filter((y) => y === x).length;
  const withFile = base.map((n, i) => (count(base, n) > 1 ? `${n} (${fileName(items[i].file)})` : n));
  return withFile.map((n, i) => (count(withFile, n) > 1 ? `${n} #${i + 1}` : n));
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
