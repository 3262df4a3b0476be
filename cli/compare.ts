import { createComparePlan, DEFAULT_BAND_SERIES, type Plan } from '../sim/node.ts';
import {
  ENSEMBLE_OPTIONS_HELP,
  executePlan,
  execOptions,
  loadScenarios,
  reportPlanError,
  storedPlan,
} from './ensemble.ts';
import { intOption, MAX_SEED, parse, UsageError } from './args.ts';
import {
  ENSEMBLE_OPTIONS,
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

Example:
  npx radsim compare scenarios/baseline.json my-variant.json --replicates 10 --out out/cmp
`;

export async function compareCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { ...ENSEMBLE_OPTIONS, series: { type: 'string' } });
  const o = execOptions('compare', values, shardOption(values.shard));
  let plan: Plan;
  if (positionals.length === 0) {
    if (!o.resume) throw new UsageError('name the reference scenario and at least one scenario to compare with it');
    for (const opt of [...PLAN_SHAPING_OPTIONS, 'series'] as const) {
      if (values[opt] !== undefined)
        throw new UsageError(
          `--${opt} cannot change a stored plan; --resume without scenario files continues ${o.dir}/plan.json as it is`,
        );
    }
    plan = storedPlan(o.dir, 'compare');
  } else {
    if (positionals.length < 2)
      throw new UsageError('name the reference scenario and at least one scenario to compare with it');
    const scenarios = loadScenarios(positionals, sizeOverrides(values));
    if (!scenarios) return 1;
    const series = values.series?.trim() === 'all' ? ('all' as const) : listOption(values.series);
    try {
      plan = createComparePlan(scenarios, {
        radsimVersion: VERSION,
        replicates: intOption('replicates', values.replicates, 1) ?? 10,
        baseSeed: intOption('seed', values.seed, 0, MAX_SEED),
        outcomes: listOption(values.outcomes),
        series,
      });
    } catch (err) {
      return reportPlanError(err);
    }
  }
  return executePlan(withScaleTo(plan, values['scale-to']), o, VERSION);
}
