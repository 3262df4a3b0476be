import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  loadState,
  localText,
  resolveScenarioFile,
  readStateHeader,
  type Scenario,
  ScenarioError,
  saveState,
  seriesToCSV,
  Simulation,
  StateError,
  validateScenario,
  withOverrides,
} from '../sim/node.ts';
import { intOption, MAX_SEED, parse, UsageError } from './args.ts';
import { RUN_OPTIONS, sizeOverrides } from './options.ts';
import {
  checkNoForeignFiles,
  jsonText,
  OutputError,
  writeFileAtomic,
  ownedFiles,
  prepareOutputFolder,
  recoverOutput,
  removeTemporaryFiles,
  writeFileSet,
} from './output.ts';
import { createProgress } from './progress.ts';
import { VERSION } from './version.ts';

export const RUN_HELP = `radsim run <scenario.json> --out DIR [options]
radsim run --from-state FILE --weeks N --out DIR [scenario.json] [options]

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
  --save-state FILE  after the run, write its whole state to FILE (a binary snapshot: agents,
                 network, groups, queues and cases, macro and intervention state, the week,
                 the series and routes so far, and the resolved scenario)
  --from-state FILE  continue the run saved in FILE for --weeks N more weeks (N is required).
                 DIR then holds the outputs of the whole run, weeks 0 to the end: the same
                 files, byte for byte, as one run of all the weeks (summary.json's timings
                 aside, which cover the continued part, and its resumedFromWeek). With a
                 scenario file, it must have the saved run's model parameters (texts, weeks
                 and outputs may differ); without, the saved scenario is used. --seed,
                 --agents, --routes and --burn-in do not go with --from-state
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
    'save-state': { type: 'string' },
    'from-state': { type: 'string' },
  });
  const fromState = values['from-state'];
  if (positionals.length > 1 || (positionals.length === 0 && fromState === undefined))
    throw new UsageError('name exactly one scenario file');
  if (!values.out) throw new UsageError('--out DIR is required');
  const saveTo = values['save-state'];
  if (saveTo !== undefined) checkStateTarget(saveTo);
  const file = positionals[0];
  const overrides = {
    seed: intOption('seed', values.seed, 0, MAX_SEED),
    ...sizeOverrides(values),
    burnInWeeks: intOption('burn-in', values['burn-in'], 0),
  };
  const routes = intOption('routes', values.routes);

  let scenario: Scenario;
  let resumed: Simulation | null = null;
  try {
    if (fromState !== undefined) {
      for (const o of ['seed', 'agents', 'routes', 'burn-in'] as const)
        if (values[o] !== undefined)
          throw new UsageError(`--${o} does not go with --from-state (the saved run fixes it)`);
      if (overrides.weeks === undefined)
        throw new UsageError('--from-state needs --weeks N, the number of weeks to run on');
      resumed = resumeFrom(fromState, file, overrides.weeks);
      if (!resumed) return 1;
      scenario = resumed.scenario;
    } else {
      const data = withOverrides(resolveScenarioFile(file), overrides);
      if (routes !== undefined) {
        const outputs = (data.outputs ?? {}) as { routes?: { ids?: number[]; sample?: number } };
        data.outputs = { ...outputs, routes: { ids: outputs.routes?.ids ?? [], sample: routes } };
      }
      scenario = validateScenario(data, file);
    }
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
  // Progress over the burn-in (a resumed run has had it) and the run together.
  const burnIn = resumed ? 0 : scenario.burnInWeeks;
  const progress = values.quiet ? undefined : createProgress(`${scenario.name}`, burnIn + scenario.weeks);
  const sim = resumed ?? new Simulation(scenario);
  const fromWeek = sim.week;
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
    question: localText(scenario.question, 'en'),
    seed: scenario.seed,
    radsimVersion: VERSION,
    ...(resumed ? { resumedFromWeek: fromWeek } : {}),
    ...sim.summary(),
    runSeconds: Math.round(ms) / 1000,
    buildSeconds: Math.round(sim.buildMs) / 1000,
    stageSeconds: Object.fromEntries(sim.stages.map((st) => [st.name, Math.round(st.ms) / 1000])),
  });
  writeFileSet(out, 'run', files, owned);
  if (saveTo !== undefined) writeFileAtomic(saveTo, saveState(sim));
  const span = resumed ? `weeks ${fromWeek} to ${scenario.weeks}` : `${scenario.weeks} weeks`;
  progress?.finish(
    `${scenario.name}: ${scenario.agents} agents x ${span} in ${(ms / 1000).toFixed(1)} s; wrote ${out}/series.csv, summary.json, scenario.json${traced ? ', routes.json' : ''}${saveTo !== undefined ? `, and the state to ${saveTo}` : ''}`,
  );
  return 0;
}

/** Before the run: the state file's folder exists and the path is not a folder. */
function checkStateTarget(path: string): void {
  const dir = dirname(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new OutputError(`--save-state ${path}: the folder ${dir} does not exist`);
  if (existsSync(path) && statSync(path).isDirectory())
    throw new OutputError(`--save-state ${path}: a folder of that name is in the way`);
}

/**
 * The saved run of `stateFile`, to run `more` weeks on; with a scenario file, checked against
 * the saved scenario. Null (after a message) when the state cannot be continued.
 */
function resumeFrom(stateFile: string, scenarioFile: string | undefined, more: number): Simulation | null {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(stateFile);
  } catch (err) {
    throw new UsageError(`--from-state ${stateFile}: cannot read it (${(err as Error).message})`);
  }
  try {
    const header = readStateHeader(bytes);
    const scenario =
      scenarioFile === undefined ? undefined : validateScenario(resolveScenarioFile(scenarioFile), scenarioFile);
    return loadState(bytes, { scenario, weeks: header.week + more });
  } catch (err) {
    if (!(err instanceof StateError)) throw err;
    process.stderr.write(`${stateFile}: ${err.message}\nNothing was run.\n`);
    return null;
  }
}
