import { createSweepPlan, type Plan } from '../sim/node.ts';
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

export const SWEEP_HELP = `radsim sweep <scenario.json> --vary <path>=<values>... --out DIR [options]

Runs the scenario over a grid (or a Latin hypercube) of parameter values, R replicates per
point (replicate r of every point uses the same seed), and writes to DIR:
  sweep.csv          tidy long table, one row per run and outcome: run_id, point, replicate,
                     seed, one column per varied parameter, outcome, value (reads directly
                     into pandas or R)
  sweep_points.csv   per point and outcome: mean, sd, interval, median
  sensitivity.csv    partial rank correlation (PRCC) of each parameter with each outcome, with
                     its p-value: a global sensitivity summary
  summary.md         the same in plain language
  plan.json, runs/   the plan and one file per finished run (for --resume and merge)
  radsim-files.json  the list of the result files with their SHA-256, written last

Parameters (repeat --vary for each):
  --vary PATH=a,b,c      these values (numbers, or true,false)
  --vary PATH=lo:hi:n    n evenly spaced values from lo to hi
  --vary PATH=lo:hi      a continuous range, with --samples
  PATH is a dotted path into the scenario: influence.mu, phases.constants.a01,
  regions[0].share, triggers.catalogue[2].perYear, ablation.groups. Without --samples the
  sweep runs every combination (a full grid).

Options:
  --out DIR        output folder
  --samples N      a Latin hypercube of N points instead of a grid
${ENSEMBLE_OPTIONS_HELP}
Example:
  npx radsim sweep scenarios/baseline.json --vary influence.mu=0.05:0.2:4 --replicates 5 --out out/sweep-mu
`;

export async function sweepCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    ...ENSEMBLE_OPTIONS,
    vary: { type: 'string', multiple: true },
    samples: { type: 'string' },
  });
  const o = execOptions('sweep', values, shardOption(values.shard));
  let plan: Plan;
  if (positionals.length === 0) {
    if (!o.resume) throw new UsageError('name the scenario to sweep');
    for (const opt of [...PLAN_SHAPING_OPTIONS, 'vary', 'samples'] as const) {
      if (values[opt] !== undefined)
        throw new UsageError(
          `--${opt} cannot change a stored plan; --resume without a scenario file continues ${o.dir}/plan.json as it is`,
        );
    }
    plan = storedPlan(o.dir, 'sweep');
  } else {
    if (positionals.length > 1) throw new UsageError('name exactly one scenario to sweep');
    if (!values.vary?.length) throw new UsageError('name at least one parameter: --vary path=values');
    const loaded = loadScenarios(positionals, sizeOverrides(values));
    if (!loaded) return 1;
    try {
      plan = createSweepPlan(loaded[0], {
        radsimVersion: VERSION,
        replicates: intOption('replicates', values.replicates, 1) ?? 10,
        baseSeed: intOption('seed', values.seed, 0, MAX_SEED),
        outcomes: listOption(values.outcomes),
        branchAt: branchOption(values['branch-at']),
        vary: values.vary,
        samples: intOption('samples', values.samples, 1),
      });
    } catch (err) {
      return reportPlanError(err);
    }
  }
  return executePlan(withScaleTo(plan, values['scale-to']), o, VERSION);
}
