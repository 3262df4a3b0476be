import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
import {
  checkNoForeignFiles,
  jsonText,
  ownedFiles,
  prepareOutputFolder,
  recoverOutput,
  removeTemporaryFiles,
  writeFileSet,
} from './output.ts';
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
  radsim-files.json  the list of these files with their SHA-256 checksums, written last

Options:
  --out DIR      output folder (checked and created before the run; a rerun replaces the
                 files of the earlier run, listed in DIR/radsim-files.json, as a whole)
  --seed N       override the scenario seed
  --agents N     override the population size
  --weeks N      override the number of weeks (after the burn-in)
  --burn-in N    override the weeks of burn-in (scenario burnInWeeks; 0 for none)
  --routes N     record the routes of N agents drawn at random
  --quiet        no progress output
`;

/** Every file `run` may write; a rerun replaces the whole set (radsim-files.json lists it). */
export const RUN_FILES = ['series.csv', 'summary.json', 'scenario.json', 'routes.json'];

/** Temporary files of radsim versions before radsim-files.json ("scenario.json.<pid>.tmp"). */
const LEGACY_TEMPORARY = /^(series\.csv|summary\.json|scenario\.json|routes\.json)\.\d+\.tmp$/;

/** In a folder without a manifest: the run files, if its summary.json is radsim's. */
function legacyRunFiles(dir: string): string[] {
  try {
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as { radsimVersion?: unknown };
    return typeof summary?.radsimVersion === 'string' ? RUN_FILES : [];
  } catch {
    return [];
  }
}

export async function runCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    ...RUN_OPTIONS,
    'burn-in': { type: 'string' },
    routes: { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('name exactly one scenario file');
  if (!values.out) throw new UsageError('--out DIR is required');
  const file = positionals[0];
  const overrides = {
    seed: intOption('seed', values.seed, 0, MAX_SEED),
    ...sizeOverrides(values),
    burnInWeeks: intOption('burn-in', values['burn-in'], 0),
  };
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

  // The output folder is checked before the run, so a finished run is never lost to it.
  const out = values.out;
  prepareOutputFolder(out);
  recoverOutput(out);
  removeTemporaryFiles(out, true, LEGACY_TEMPORARY);
  const owned = ownedFiles(out, legacyRunFiles(out));
  checkNoForeignFiles(out, RUN_FILES, owned);

  const t0 = performance.now();
  // Progress over the burn-in and the run together.
  const burnIn = scenario.burnInWeeks;
  const progress = values.quiet ? undefined : createProgress(`${scenario.name}`, burnIn + scenario.weeks);
  const sim = new Simulation(scenario);
  sim.run((week) => progress?.update(burnIn + week));
  const ms = performance.now() - t0;
  const files: Record<string, string> = {
    'series.csv': seriesToCSV(sim.series),
    'scenario.json': jsonText(scenario),
  };
  const traced = scenario.outputs.routes.ids.length + scenario.outputs.routes.sample > 0;
  if (traced)
    files['routes.json'] = jsonText(
      sim.world.record.routes.toJSON(
        sim.world.agents,
        scenario.regions.map((r) => r.name),
      ),
    );
  files['summary.json'] = jsonText({
    scenario: scenario.name,
    question: scenario.question,
    seed: scenario.seed,
    radsimVersion: VERSION,
    ...sim.summary(),
    runSeconds: Math.round(ms) / 1000,
    buildSeconds: Math.round(sim.buildMs) / 1000,
    stageSeconds: Object.fromEntries(sim.stages.map((st) => [st.name, Math.round(st.ms) / 1000])),
  });
  writeFileSet(out, 'run', files, owned);
  progress?.finish(
    `${scenario.name}: ${scenario.agents} agents x ${scenario.weeks} weeks in ${(ms / 1000).toFixed(1)} s; wrote ${out}/series.csv, summary.json, scenario.json${traced ? ', routes.json' : ''}`,
  );
  return 0;
}
