/**
 * Precision-driven comparisons: replicates are added in fixed batches until the paired
 * difference of every primary outcome (each scenario against the reference) has a 95% interval
 * whose half-width is within the target, or the budget of replicates is spent.
 *
 * A difference that was the same in every replicate (an interval of width 0) is never precise.
 * The rule is checked only at fixed checkpoints, n = min, min + batch, min + 2 batch, ...,
 * ending at the budget, and only on replicates 0..n-1. Replicate r always has the same seed
 * (seeds.ts), so the replicates a comparison ends with depend on the plan and the runs' results
 * alone, never on the number of workers, on the order runs finished, or on resuming.
 * docs/statistics.md gives the rule and its caveats.
 */
import { mean, pairedDifference } from '../stats/index.ts';
import { isCount } from './outcomes.ts';
import { PER_POPULATION } from './perPopulation.ts';

/**
 * The target of the interval's half-width:
 * - relative: half-width <= value x |reference mean| (the relative change known to +- value);
 * - absolute: half-width <= value, per 100,000 population for a count, in the outcome's unit otherwise.
 */
/**
 * What the rule reads of a comparison plan: its scenarios' sizes, the primary outcomes, the
 * interval level and the rule. A structural subset of `ComparePlan`, so the plan module can use
 * this one without the two importing each other.
 */
export interface PrecisionPlan {
  readonly scenarios: readonly { readonly scenario: { readonly agents: number } }[];
  readonly primary?: string[];
  readonly level: number;
  readonly precision?: PrecisionRule;
}

export type PrecisionTarget = { kind: 'relative'; value: number } | { kind: 'absolute'; value: number };

export interface PrecisionRule {
  target: PrecisionTarget;
  /** Replicates before the first check. */
  minReplicates: number;
  /** Replicates added between checks. */
  batch: number;
  /** The budget: no more replicates than this (the plan's `replicates`). */
  maxReplicates: number;
}

/** Defaults of --min-replicates and --batch (docs/statistics.md says why). */
export const PRECISION_DEFAULTS = { minReplicates: 10, batch: 5, maxReplicates: 100 } as const;

/** Largest relative target: a half-width of ten times the reference mean says nothing. */
export const MAX_RELATIVE_TARGET = 10;

/** "0.1" (relative) or "abs:0.5" (absolute); throws an Error saying what is allowed. */
export function parsePrecisionTarget(text: string): PrecisionTarget {
  const t = text.trim();
  const abs = /^abs:(.*)$/i.exec(t);
  const num = (s: string) => (/^\s*(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/.test(s) ? Number(s) : Number.NaN);
  if (abs) {
    const v = num(abs[1]);
    if (!(v > 0) || !Number.isFinite(v))
      throw new Error(`--precision abs:X needs a number X above 0 (per 100,000 for counts); got "${text}"`);
    return { kind: 'absolute', value: v };
  }
  const v = num(t);
  if (!(v > 0 && v <= MAX_RELATIVE_TARGET))
    throw new Error(
      `--precision must be a relative half-width above 0 and at most ${MAX_RELATIVE_TARGET} (0.1 = the interval reaches 10% of the reference mean on either side), or abs:X; got "${text}"`,
    );
  return { kind: 'relative', value: v };
}

/** The target as it is written on the command line and in share links: "0.1" or "abs:0.5". */
export function precisionTargetText(t: PrecisionTarget): string {
  return t.kind === 'relative' ? String(t.value) : `abs:${t.value}`;
}

/** Problems with a rule (numbers, and the budget against the minimum). */
export function precisionRuleProblems(rule: PrecisionRule): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(rule.minReplicates) || rule.minReplicates < 3)
    problems.push(`--min-replicates must be a whole number >= 3 (got ${rule.minReplicates})`);
  if (!Number.isInteger(rule.batch) || rule.batch < 1)
    problems.push(`--batch must be a whole number >= 1 (got ${rule.batch})`);
  if (!Number.isInteger(rule.maxReplicates) || rule.maxReplicates < rule.minReplicates)
    problems.push(
      `--max-replicates (${rule.maxReplicates}) must be a whole number at least --min-replicates (${rule.minReplicates})`,
    );
  return problems;
}

/** The numbers of replicates at which the rule is checked: min, min + batch, ..., and the budget last. */
export function checkpoints(rule: PrecisionRule): number[] {
  const out: number[] = [];
  for (let n = rule.minReplicates; n < rule.maxReplicates; n += rule.batch) out.push(n);
  out.push(rule.maxReplicates);
  return out;
}

/** One primary difference (a scenario against the reference) at a checkpoint. */
export interface PrecisionCheck {
  variant: number;
  outcome: string;
  /** Half-width of the paired interval, in the outcome's unit (per run). */
  halfWidth: number;
  /** The half-width allowed, in the outcome's unit; NaN when there is none (a relative target on a reference mean of 0). */
  allowed: number;
  /** The outcome was 0 in every run of both scenarios (its half-width is then 0: not met). */
  neverOccurred: boolean;
  met: boolean;
}

/** How a precision-driven comparison ended. */
export interface PrecisionStop {
  rule: PrecisionRule;
  primary: string[];
  /** Replicates used (the comparison's size). */
  n: number;
  reason: 'precision' | 'budget';
  /** The checks at n. */
  checks: PrecisionCheck[];
}

/** Run values of scenario v for outcome o, replicates 0..n-1, or null when one is missing. */
export type ReplicateValues = (v: number, o: string, n: number) => number[] | null;

/** What to do next: run replicates up to `upTo` (exclusive), or stop. */
export type PrecisionStep = { kind: 'run'; upTo: number } | ({ kind: 'stop' } & PrecisionStop);

/** Factor from an outcome's unit to the unit of an absolute target (per 100,000 for counts). */
export function targetUnitFactor(outcome: string, agents: number): number {
  return isCount(outcome) ? PER_POPULATION / agents : 1;
}

/** The checks of every primary difference on replicates 0..n-1 (values must be present). */
export function precisionChecks(
  plan: PrecisionPlan,
  rule: PrecisionRule,
  values: ReplicateValues,
  n: number,
): PrecisionCheck[] {
  const checks: PrecisionCheck[] = [];
  for (let v = 1; v < plan.scenarios.length; v++) {
    for (const o of plan.primary ?? []) {
      const ref = values(0, o, n)!;
      const other = values(v, o, n)!;
      const d = pairedDifference(ref, other, plan.level);
      const halfWidth = (d.hi - d.lo) / 2;
      const refMean = Math.abs(mean(ref));
      const allowed =
        rule.target.kind === 'relative'
          ? refMean > 0
            ? rule.target.value * refMean
            : Number.NaN
          : rule.target.value / targetUnitFactor(o, plan.scenarios[0].scenario.agents);
      // A difference that was the same in every replicate so far (width 0: a standard deviation
      // estimated as 0, the extreme of the too-small estimates that stop sequential rules early;
      // also what a rare outcome that has not yet occurred gives) never counts as precise.
      const neverOccurred = ref.every((x) => x === 0) && other.every((x) => x === 0);
      checks.push({
        variant: v,
        outcome: o,
        halfWidth,
        allowed,
        neverOccurred,
        met: halfWidth > 0 && halfWidth <= allowed,
      });
    }
  }
  return checks;
}

/**
 * The next step of the sequential procedure, from the results at hand: walking the checkpoints
 * in order, the first one whose replicates are not all finished is to be run; the first whose
 * checks are all met stops for precision; the budget stops in any case. Pure: the same results
 * give the same step, so a resumed or differently parallel run takes the same path.
 */
export function precisionStep(plan: PrecisionPlan, values: ReplicateValues): PrecisionStep {
  const rule = plan.precision;
  if (!rule || !plan.primary?.length) throw new Error('precisionStep: the plan is not precision-driven');
  for (const n of checkpoints(rule)) {
    const complete = plan.scenarios.every((_, v) => plan.primary!.every((o) => values(v, o, n) !== null));
    if (!complete) return { kind: 'run', upTo: n };
    const checks = precisionChecks(plan, rule, values, n);
    if (checks.every((c) => c.met))
      return { kind: 'stop', rule, primary: plan.primary, n, reason: 'precision', checks };
    if (n === rule.maxReplicates) return { kind: 'stop', rule, primary: plan.primary, n, reason: 'budget', checks };
  }
  throw new Error('precisionStep: no checkpoint'); // checkpoints() always ends at the budget
}
