import {
  createComparePlan,
  DEFAULT_BAND_SERIES,
  parsePrecisionTarget,
  type Plan,
  PRECISION_DEFAULTS,
  type PrecisionTarget,
} from '../sim/node.ts';
import { executePlan, execOptions, loadScenarios, reportPlanError, storedPlan } from './ensemble.ts';
import { intOption, MAX_SEED, parse, UsageError } from './args.ts';
import {
  branchOption,
  ENSEMBLE_OPTIONS,
  ENSEMBLE_OPTIONS_HELP,
  listOption,
  PLAN_SHAPING_OPTIONS,
  shardOption,
  sizeOverrides,
  withScaleTo,
} from './options.ts';
import { VERSION } from './version.ts';

export const COMPARE_HELP = `radsim compare <reference.json> <scenario.json>... --out DIR [options]

Runs every scenario R times on common random numbers (replicate r of every scenario uses the
same seed, so the same synthetic people meet the same random draws) and compares each scenario
with the reference (the first file). Writes to DIR:
  summary.md              the comparison in plain language, for readers of the results
  differences.csv         per scenario and outcome: the paired difference to the reference with
                          its interval, relative change, p-value, and the unpaired (Welch)
                          interval of the same difference for comparison
  outcomes.csv            per scenario and outcome: mean, interval, median, quantiles
  runs.csv                one row per run and outcome (run_id, scenario, replicate, seed, ...)
  series_bands.csv        per scenario, series and week: mean and 5/25/50/75/95% quantiles
  series_differences.csv  per scenario, series and week: paired difference to the reference
  plan.json, runs/        the plan and one file per finished run (for --resume and merge)
  radsim-files.json       the list of the result files with their SHA-256, written last
  timing.json             run times (not part of the results)

Options:
  --out DIR        output folder
${ENSEMBLE_OPTIONS_HELP}  --series LIST    series columns to band (default: ${DEFAULT_BAND_SERIES.join(', ')}), or "all"
  --primary LIST   the outcome(s) the comparison is about: where a difference is not clear,
                   summary.md says which changes it rules out and the smallest it would detect
  --precision P    add replicates until the 95% interval of every primary difference (each
                   scenario against the reference) has a half-width of at most P times the
                   reference mean (0.1 = +-10%), or at most X with abs:X (per 100,000 for
                   counts, the outcome's own unit otherwise); needs --primary, replaces
                   --replicates. The replicates it ends with do not depend on --workers.
  --max-replicates N  the budget of a --precision run (default ${PRECISION_DEFAULTS.maxReplicates})
  --min-replicates N  replicates before the first check (default ${PRECISION_DEFAULTS.minReplicates})
  --batch N        replicates added between checks (default ${PRECISION_DEFAULTS.batch})

Examples:
  npx radsim compare scenarios/baseline.json my-variant.json --replicates 10 --out out/cmp
  npx radsim compare scenarios/baseline.json my-variant.json --primary ever_sensitive \\
    --precision 0.1 --max-replicates 60 --out out/cmp
`;

/** Options of compare only: the primary outcomes and the precision-driven number of replicates. */
const COMPARE_OPTIONS = {
  ...ENSEMBLE_OPTIONS,
  series: { type: 'string' },
  primary: { type: 'string' },
  precision: { type: 'string' },
  'max-replicates': { type: 'string' },
  'min-replicates': { type: 'string' },
  batch: { type: 'string' },
} as const;

const PRECISION_ONLY = ['max-replicates', 'min-replicates', 'batch'] as const;

/** --precision and its companions, checked against each other and --replicates; null without --precision. */
function precisionOptions(values: {
  precision?: string;
  replicates?: string;
  'max-replicates'?: string;
  'min-replicates'?: string;
  batch?: string;
}): { target: PrecisionTarget; minReplicates?: number; batch?: number; maxReplicates: number } | null {
  if (values.precision === undefined) {
    for (const opt of PRECISION_ONLY)
      if (values[opt] !== undefined) throw new UsageError(`--${opt} only applies with --precision`);
    return null;
  }
  if (values.replicates !== undefined)
    throw new UsageError(
      '--replicates and --precision contradict each other: with --precision the number of replicates follows from the precision, up to --max-replicates',
    );
  let target: PrecisionTarget;
  try {
    target = parsePrecisionTarget(values.precision);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  return {
    target,
    maxReplicates: intOption('max-replicates', values['max-replicates'], 3) ?? PRECISION_DEFAULTS.maxReplicates,
    minReplicates: intOption('min-replicates', values['min-replicates'], 3),
    batch: intOption('batch', values.batch, 1),
  };
}

export async function compareCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, COMPARE_OPTIONS);
  const o = execOptions('compare', values, shardOption(values.shard));
  const precision = precisionOptions(values);
  if (precision && o.shard)
    throw new UsageError(
      '--precision cannot be split with --shard: each batch of replicates depends on the results of the ones before',
    );
  let plan: Plan;
  if (positionals.length === 0) {
    if (!o.resume) throw new UsageError('name the reference scenario and at least one scenario to compare with it');
    for (const opt of [...PLAN_SHAPING_OPTIONS, 'series', 'primary', 'precision', ...PRECISION_ONLY] as const) {
      if (values[opt] !== undefined)
        throw new UsageError(
          `--${opt} cannot change a stored plan; --resume without scenario files continues ${o.dir}/plan.json as it is`,
        );
    }
    plan = storedPlan(o.dir, 'compare');
    if (plan.kind === 'compare' && plan.precision && o.shard)
      throw new UsageError(`${o.dir} holds a precision-driven comparison, which cannot be split with --shard`);
  } else {
    if (positionals.length < 2)
      throw new UsageError('name the reference scenario and at least one scenario to compare with it');
    const scenarios = loadScenarios(positionals, sizeOverrides(values));
    if (!scenarios) return 1;
    const series = values.series?.trim() === 'all' ? ('all' as const) : listOption(values.series);
    try {
      plan = createComparePlan(scenarios, {
        radsimVersion: VERSION,
        replicates: precision?.maxReplicates ?? intOption('replicates', values.replicates, 1) ?? 10,
        baseSeed: intOption('seed', values.seed, 0, MAX_SEED),
        outcomes: listOption(values.outcomes),
        branchAt: branchOption(values['branch-at']),
        series,
        primary: listOption(values.primary),
        ...(precision
          ? { precision: { target: precision.target, minReplicates: precision.minReplicates, batch: precision.batch } }
          : {}),
      });
    } catch (err) {
      return reportPlanError(err);
    }
  }
  return executePlan(withScaleTo(plan, values['scale-to']), o, VERSION);
}
