/**
 * Aggregation: from the run records of a finished plan to the aggregate files. Pure; the
 * statistics come from sim/stats (bands, t intervals, paired differences, PRCC). Records are
 * taken in job-index order, never in the order runs finished, so the files depend only on the
 * plan and the runs' results: not on the number of workers, on sharding or on resuming.
 *
 * Comparison: outcomes.csv, differences.csv, runs.csv, series_bands.csv,
 *             series_differences.csv, summary.md
 * Sweep:      sweep.csv, sweep_points.csv, sensitivity.csv, summary.md
 */
import { isCount } from './outcomes.ts';
import { populationFactors, scaled, type PopulationFactors } from './perPopulation.ts';
import { precisionStep, type PrecisionStop, type ReplicateValues } from './precision.ts';
import { jobCount, planJobs, pointData, pointId, type ComparePlan, type Plan, type SweepPlan } from './plan.ts';
import type { RunRecord } from './records.ts';
import { compareSummary, sweepSummary } from './report.ts';
import type { CompareStats, DifferenceStats, OutcomeStats, SensitivityStats, SweepStats } from './resultStats.ts';
import { bandColumn, csvText } from './csv.ts';
import {
  bandKey,
  mean,
  meanCI,
  nonNegativeMeanCI,
  pairedDifference,
  prcc,
  quantile,
  seriesBands,
  tCdf,
} from '../stats/index.ts';

export type AggregateFiles = Record<string, string>;
export type { CompareStats, DifferenceStats, OutcomeStats, SensitivityStats, SweepStats } from './resultStats.ts';

/**
 * The aggregate files of a plan from all its run records (any order; all must be present, or,
 * for a precision-driven comparison, all up to where it stopped).
 */
export function aggregatePlan(plan: Plan, records: readonly RunRecord[]): AggregateFiles {
  if (plan.kind === 'compare') {
    const settled = settledComparison(plan, records);
    return aggregateCompare(settled.plan, settled.runs, settled.stop);
  }
  return aggregateSweep(plan, inJobOrder(plan, records));
}

/**
 * A comparison as it ended: for a precision-driven plan, the plan cut to the replicates where
 * the rule stopped (its hash kept) with those runs, and how it stopped; otherwise the plan and
 * its runs in job order. Throws when the runs do not reach a stop (the comparison is unfinished).
 */
export function settledComparison(
  plan: ComparePlan,
  records: readonly RunRecord[],
): { plan: ComparePlan; runs: RunRecord[]; stop: PrecisionStop | null } {
  if (!plan.precision) return { plan, runs: inJobOrder(plan, records), stop: null };
  const step = precisionStep(plan, replicateValues(plan, records));
  if (step.kind === 'run')
    throw new Error(
      `the precision-driven comparison is not finished: its next check needs replicates 0 to ${step.upTo - 1} of every scenario`,
    );
  const { kind: _, ...stop } = step;
  const cut: ComparePlan = { ...plan, replicates: stop.n };
  return {
    plan: cut,
    runs: inJobOrder(
      cut,
      records.filter((r) => r.replicate < stop.n),
    ),
    stop,
  };
}

/** The outcome values of a comparison's records by scenario and replicate, for the precision rule. */
export function replicateValues(plan: ComparePlan, records: readonly RunRecord[]): ReplicateValues {
  const V = plan.scenarios.length;
  const byIndex = new Map<number, RunRecord>();
  for (const r of records) if (r.plan === plan.hash) byIndex.set(r.index, r);
  return (v, o, n) => {
    const out: number[] = [];
    for (let r = 0; r < n; r++) {
      const rec = byIndex.get(r * V + v);
      if (!rec) return null;
      out.push(rec.outcomes[o]);
    }
    return out;
  };
}

/** Records sorted by job index; throws if any job is missing or repeated. */
export function inJobOrder(plan: Plan, records: readonly RunRecord[]): RunRecord[] {
  const n = jobCount(plan);
  const out: (RunRecord | undefined)[] = new Array(n);
  for (const r of records) {
    if (r.plan !== plan.hash) throw new Error(`run ${r.job} belongs to plan ${r.plan}, not ${plan.hash}`);
    if (!(r.index >= 0 && r.index < n)) throw new Error(`run ${r.job} has index ${r.index}, outside 0..${n - 1}`);
    if (out[r.index]) throw new Error(`run ${r.job} is given twice`);
    out[r.index] = r;
  }
  const jobs = planJobs(plan);
  const missing = jobs.filter((j) => !out[j.index]).map((j) => j.id);
  if (missing.length)
    throw new Error(
      `${missing.length} of ${n} runs are missing (${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', ...' : ''})`,
    );
  return out as RunRecord[];
}

// --- comparison ----------------------------------------------------------------------------

/** `stop` tells how a precision-driven comparison ended (`plan` is then cut to its replicates). */
export function compareStats(
  plan: ComparePlan,
  runs: readonly RunRecord[],
  stop: PrecisionStop | null = null,
): CompareStats {
  const V = plan.scenarios.length;
  const R = plan.replicates;
  const value = (v: number, o: string) => Array.from({ length: R }, (_, r) => runs[r * V + v].outcomes[o]);
  const factors = (v: number, o: string) =>
    populationFactors(o, plan.scenarios[v].scenario.agents, runs[v].weeks, plan.scaleTo);
  const outcomes: OutcomeStats[] = [];
  const differences: DifferenceStats[] = [];
  for (let v = 0; v < V; v++) {
    for (const o of plan.outcomes) outcomes.push(outcomeStats(plan, v, o, value(v, o), factors(v, o)));
  }
  for (let v = 1; v < V; v++) {
    for (const o of plan.outcomes) {
      const ref = value(0, o);
      const other = value(v, o);
      const d = pairedDifference(ref, other, plan.level);
      differences.push({
        variant: v,
        outcome: o,
        refMean: mean(ref),
        mean: mean(other),
        d,
        factors: differenceFactors(factors(0, o), factors(v, o)),
      });
    }
  }
  return { plan, outcomes, differences, stop };
}

export function aggregateCompare(
  plan: ComparePlan,
  runs: readonly RunRecord[],
  stop: PrecisionStop | null = null,
): AggregateFiles {
  const stats = compareStats(plan, runs, stop);
  const V = plan.scenarios.length;
  const R = plan.replicates;
  const label = (v: number) => plan.scenarios[v].label;
  const qCols = plan.bandProbs.map(bandColumn);
  const ref = label(0);

  const runRows: (string | number | null)[][] = [];
  const jobs = planJobs(plan);
  for (let v = 0; v < V; v++) {
    for (let r = 0; r < R; r++) {
      const rec = runs[r * V + v];
      for (const o of plan.outcomes) {
        const x = rec.outcomes[o];
        const f = stats.outcomes[v * plan.outcomes.length + plan.outcomes.indexOf(o)].factors;
        runRows.push([jobs[r * V + v].id, label(v), r, rec.seed, o, x, ...perPopulationCells(plan, x, f)]);
      }
    }
  }

  const outcomeRows = stats.outcomes.map((s) => [
    label(s.variant),
    s.outcome,
    s.ci.n,
    s.ci.mean,
    s.ci.sd,
    s.ci.lo,
    s.ci.hi,
    s.median,
    ...s.q,
    s.ci.method,
    ...perPopulationIntervalCells(plan, s),
  ]);

  const diffRows = stats.differences.map(({ variant, outcome, refMean, mean: scenarioMean, d, factors }) => {
    const pairedWidth = d.hi - d.lo;
    const unpairedWidth = d.unpairedHi - d.unpairedLo;
    return [
      label(variant),
      ref,
      outcome,
      d.n,
      refMean,
      scenarioMean,
      d.meanDiff,
      d.lo,
      d.hi,
      d.relative,
      d.relativeLo,
      d.relativeHi,
      d.pValue,
      d.pairedSE,
      d.unpairedSE,
      d.unpairedLo,
      d.unpairedHi,
      pairedWidth,
      unpairedWidth,
      pairedWidth > 0 ? unpairedWidth / pairedWidth : null,
      scaled(d.meanDiff, factors.per100k),
      scaled(d.lo, factors.per100k),
      scaled(d.hi, factors.per100k),
      ...(plan.scaleTo === undefined
        ? []
        : [scaled(d.meanDiff, factors.scaled), scaled(d.lo, factors.scaled), scaled(d.hi, factors.scaled)]),
    ];
  });

  const bandRows: (string | number)[][] = [];
  const seriesDiffRows: (string | number)[][] = [];
  const seriesOf = (v: number, c: string) => Array.from({ length: R }, (_, r) => runs[r * V + v].series[c]);
  for (let v = 0; v < V; v++) {
    for (const c of plan.series) {
      const b = seriesBands(seriesOf(v, c), plan.bandProbs);
      for (let w = 0; w < b.length; w++)
        bandRows.push([label(v), c, w, b.mean[w], ...plan.bandProbs.map((p) => b.q[bandKey(p)][w])]);
    }
  }
  for (let v = 1; v < V; v++) {
    for (const c of plan.series) {
      const refRuns = seriesOf(0, c);
      const otherRuns = seriesOf(v, c);
      const T = Math.min(refRuns[0].length, otherRuns[0].length);
      for (let w = 0; w < T; w++) {
        const d = pairedDifference(
          refRuns.map((x) => x[w]),
          otherRuns.map((x) => x[w]),
          plan.level,
        );
        seriesDiffRows.push([label(v), ref, c, w, d.meanDiff, d.lo, d.hi]);
      }
    }
  }

  return {
    'runs.csv': csvText(
      ['run_id', 'scenario', 'replicate', 'seed', 'outcome', 'value', ...perPopulationColumns(plan)],
      runRows,
    ),
    'outcomes.csv': csvText(
      [
        'scenario',
        'outcome',
        'n',
        'mean',
        'sd',
        'ci_lo',
        'ci_hi',
        'median',
        ...qCols,
        'ci_method',
        ...perPopulationIntervalColumns(plan),
      ],
      outcomeRows,
    ),
    'differences.csv': csvText(
      [
        'scenario',
        'reference',
        'outcome',
        'n',
        'reference_mean',
        'scenario_mean',
        'difference',
        'ci_lo',
        'ci_hi',
        'relative',
        'relative_lo',
        'relative_hi',
        'p_value',
        'paired_se',
        'unpaired_se',
        'unpaired_lo',
        'unpaired_hi',
        'paired_width',
        'unpaired_width',
        'width_ratio',
        'difference_per_100k',
        'difference_per_100k_lo',
        'difference_per_100k_hi',
        ...(plan.scaleTo === undefined ? [] : ['difference_scaled', 'difference_scaled_lo', 'difference_scaled_hi']),
      ],
      diffRows,
    ),
    'series_bands.csv': csvText(['scenario', 'series', 'week', 'mean', ...qCols], bandRows),
    'series_differences.csv': csvText(
      ['scenario', 'reference', 'series', 'week', 'difference', 'ci_lo', 'ci_hi'],
      seriesDiffRows,
    ),
    'summary.md': compareSummary(stats),
  };
}

// --- sweep ---------------------------------------------------------------------------------

export function sweepStats(plan: SweepPlan, runs: readonly RunRecord[]): SweepStats {
  const P = plan.points.length;
  const R = plan.replicates;
  const points: OutcomeStats[] = [];
  for (let p = 0; p < P; p++) {
    const agents = pointData(plan, p).agents;
    for (const o of plan.outcomes)
      points.push(
        outcomeStats(
          plan,
          p,
          o,
          Array.from({ length: R }, (_, r) => runs[r * P + p].outcomes[o]),
          populationFactors(o, agents, runs[p].weeks, plan.scaleTo),
        ),
      );
  }
  // PRCC over all runs (every replicate of every point is one row).
  const X = runs.map((rec) => plan.points[rec.variant].map(numeric));
  const k = plan.vary.length;
  const N = runs.length;
  const sensitivity: SensitivityStats[] = [];
  for (const o of plan.outcomes) {
    const y = runs.map((rec) => rec.outcomes[o]);
    const r = N >= 3 ? prcc(X, y) : new Array<number>(k).fill(NaN);
    plan.vary.forEach((v, j) =>
      sensitivity.push({ parameter: v.path, outcome: o, prcc: r[j], pValue: prccPValue(r[j], N, k), runs: N }),
    );
  }
  return { plan, points, sensitivity };
}

/**
 * Two-sided p-value of a PRCC r from N runs with k parameters: t = r sqrt(df / (1 - r^2)),
 * df = N - 2 - (k - 1) (Marino et al. 2008, the k - 1 other parameters are controlled for).
 */
export function prccPValue(r: number, N: number, k: number): number {
  const df = N - 1 - k;
  if (!Number.isFinite(r) || df < 1) return NaN;
  if (Math.abs(r) >= 1) return 0;
  const t = r * Math.sqrt(df / (1 - r * r));
  return 2 * tCdf(-Math.abs(t), df);
}

export function aggregateSweep(plan: SweepPlan, runs: readonly RunRecord[]): AggregateFiles {
  const stats = sweepStats(plan, runs);
  const P = plan.points.length;
  const R = plan.replicates;
  const params = plan.vary.map((v) => v.path);
  const jobs = planJobs(plan);
  const rows: (string | number | boolean | null)[][] = [];
  for (let p = 0; p < P; p++) {
    for (let r = 0; r < R; r++) {
      const rec = runs[r * P + p];
      for (const o of plan.outcomes) {
        const x = rec.outcomes[o];
        const f = stats.points[p * plan.outcomes.length + plan.outcomes.indexOf(o)].factors;
        rows.push([
          jobs[r * P + p].id,
          pointId(plan, p),
          r,
          rec.seed,
          ...plan.points[p],
          o,
          x,
          ...perPopulationCells(plan, x, f),
        ]);
      }
    }
  }
  const pointRows = stats.points.map((s) => [
    pointId(plan, s.variant),
    ...plan.points[s.variant],
    s.outcome,
    s.ci.n,
    s.ci.mean,
    s.ci.sd,
    s.ci.lo,
    s.ci.hi,
    s.median,
    s.ci.method,
    ...perPopulationIntervalCells(plan, s),
  ]);
  const sensRows = stats.sensitivity.map((s) => [s.parameter, s.outcome, s.prcc, s.pValue, s.runs]);
  return {
    'sweep.csv': csvText(
      ['run_id', 'point', 'replicate', 'seed', ...params, 'outcome', 'value', ...perPopulationColumns(plan)],
      rows,
    ),
    'sweep_points.csv': csvText(
      [
        'point',
        ...params,
        'outcome',
        'n',
        'mean',
        'sd',
        'ci_lo',
        'ci_hi',
        'median',
        'ci_method',
        ...perPopulationIntervalColumns(plan),
      ],
      pointRows,
    ),
    'sensitivity.csv': csvText(['parameter', 'outcome', 'prcc', 'p_value', 'runs'], sensRows),
    'summary.md': sweepSummary(stats),
  };
}

// --- helpers -------------------------------------------------------------------------------

function outcomeStats(
  plan: Plan,
  variant: number,
  outcome: string,
  values: number[],
  factors: PopulationFactors,
): OutcomeStats {
  // Counts get an interval that stays at or above zero (docs/statistics.md).
  const bounded = isCount(outcome) && values.every((x) => x >= 0);
  return {
    variant,
    outcome,
    values,
    ci: bounded ? nonNegativeMeanCI(values, plan.level) : meanCI(values, plan.level),
    median: quantile(values, 0.5),
    q: plan.bandProbs.map((p) => quantile(values, p)),
    factors,
  };
}

/** The per-population columns of a run's value (runs.csv, sweep.csv). */
function perPopulationColumns(plan: Plan): string[] {
  return ['per_100k', 'per_100k_year', ...(plan.scaleTo === undefined ? [] : ['scaled'])];
}

function perPopulationCells(plan: Plan, x: number, f: PopulationFactors): (number | null)[] {
  return [scaled(x, f.per100k), scaled(x, f.per100kYear), ...(plan.scaleTo === undefined ? [] : [scaled(x, f.scaled)])];
}

/** The per-population columns of a mean with its interval (outcomes.csv, sweep_points.csv). */
function perPopulationIntervalColumns(plan: Plan): string[] {
  const names = ['per_100k', 'per_100k_year', ...(plan.scaleTo === undefined ? [] : ['scaled'])];
  return names.flatMap((n) => [n, `${n}_lo`, `${n}_hi`]);
}

function perPopulationIntervalCells(plan: Plan, s: OutcomeStats): (number | null)[] {
  const fs = [s.factors.per100k, s.factors.per100kYear, ...(plan.scaleTo === undefined ? [] : [s.factors.scaled])];
  return fs.flatMap((f) => [scaled(s.ci.mean, f), scaled(s.ci.lo, f), scaled(s.ci.hi, f)]);
}

/** A difference scales like either side only when both scenarios have the same population and length. */
function differenceFactors(ref: PopulationFactors, other: PopulationFactors): PopulationFactors {
  const same = ref.per100k === other.per100k && ref.per100kYear === other.per100kYear;
  return same ? other : { per100k: null, per100kYear: null, scaled: null };
}

function numeric(v: number | boolean): number {
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}
