import {
  resolveScenarioFile,
  type Scenario,
  ScenarioError,
  seriesToCSV,
  Simulation,
  validateScenario,
  withOverrides,
} from '../sim/node.ts';
import { intOption, MAX_SEED, parse, UsageError } from './args.ts';
import { RUN_OPTIONS, sizeOverrides } from './options.ts';
import { writeAtomic, writeJSON } from './output.ts';
import { createProgress } from './progress.ts';
import { VERSION } from './version.ts';

export const RUN_HELP = `radsim run <scenario.json> --out DIR [options]

Runs one scenario headless and writes to DIR:
  series.csv     one row per week: phase counts (phase_0..phase_3), breakdowns by ideology,
                 age band, sex, region and dominant motive, the transition matrix of the week,
                 incidents, arrests, triggers by level, groups, macro fields, mean needs
  summary.json   final counts, totals, run time, seed and radsim version
  scenario.json  the fully resolved scenario: "radsim run DIR/scenario.json" reproduces the run
  routes.json    with --routes or outputs.routes in the scenario: the route of each traced agent

Options:
  --out DIR      output folder (created if needed; existing files are replaced)
  --seed N       override the scenario seed
  --agents N     override the population size
  --weeks N      override the number of weeks
  --routes N     record the routes of N agents drawn at random
  --quiet        no progress output
`;

export async function runCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { ...RUN_OPTIONS, routes: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError('name exactly one scenario file');
  if (!values.out) throw new UsageError('--out DIR is required');
  const file = positionals[0];
  const overrides = { seed: intOption('seed', values.seed, 0, MAX_SEED), ...sizeOverrides(values) };
  const routes = intOption('routes', values.routes);

  let scenario: Scenario;
  try {
    const data = withOverrides(resolveScenarioFile(file), overrides);
    if (routes !== undefined) {
      const outputs = (data.outputs ?? {}) as { routes?: { ids?: number[]; sample?: number } };
      data.outputs = { ...outputs, routes: { ids: outputs.routes?.ids ?? [], sample: routes } };
    }
    scenario = validateScenario(data, file);
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw err;
    process.stderr.write(`${err.message}\nNothing was run.\n`);
    return 1;
  }

  const t0 = performance.now();
  const progress = values.quiet ? undefined : createProgress(`${scenario.name}`, scenario.weeks);
  const sim = new Simulation(scenario);
  sim.run((week) => progress?.update(week));
  const ms = performance.now() - t0;
  const out = values.out;
  writeAtomic(out, 'series.csv', seriesToCSV(sim.series));
  writeJSON(out, 'scenario.json', scenario);
  const traced = scenario.outputs.routes.ids.length + scenario.outputs.routes.sample > 0;
  if (traced)
    writeJSON(
      out,
      'routes.json',
      sim.world.record.routes.toJSON(
        sim.world.agents,
        scenario.regions.map((r) => r.name),
      ),
    );
  writeJSON(out, 'summary.json', {
    scenario: scenario.name,
    question: scenario.question,
    seed: scenario.seed,
    radsimVersion: VERSION,
    ...sim.summary(),
    runSeconds: Math.round(ms) / 1000,
    buildSeconds: Math.round(sim.buildMs) / 1000,
    stageSeconds: Object.fromEntries(sim.stages.map((st) => [st.name, Math.round(st.ms) / 1000])),
  });
  progress?.finish(
    `${scenario.name}: ${scenario.agents} agents x ${scenario.weeks} weeks in ${(ms / 1000).toFixed(1)} s; wrote ${out}/series.csv, summary.json, scenario.json${traced ? ', routes.json' : ''}`,
  );
  return 0;
}
