/**
 * `radsim calibrate`: ABC-SMC calibration of a scenario's free parameters to target intervals
 * (sim/calibrate/), running the model on the worker pool, one batch of proposals at a time.
 * The folder it writes is cli/calibrationFolder.ts.
 *
 * A shard (--shard k/n) runs its share of the current batch and stops; `radsim merge DIR`
 * records the batch and writes the state for the next one.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AbcJob,
  type AbcSettings,
  abcProblem,
  batchJobs,
  type Calibration,
  CalibrationInputError,
  calibrationColumns,
  calibrationJobId as jobId,
  calibrationJobScenario as jobScenario,
  calibrationRun,
  createCalibration,
  DISTANCES,
  type DistanceKind,
  type JobSpec,
  type ParameterPrior,
  parseDecimal,
  parseParamOption,
  parsePriors,
  parseTargets,
  runStatistics,
  type Shard,
  shardJobs,
  type TargetsFile,
} from '../sim/node.ts';
import { intOption, MAX_SEED, parse, UsageError } from './args.ts';
import { loadScenarios, reportPlanError } from './ensemble.ts';
import { appendTiming, timingFileName, writeFileAtomic } from './ensembleFiles.ts';
import { prepareOutputFolder, recoverOutput } from './output.ts';
import { createEnsembleProgress, duration } from './ensembleProgress.ts';
import { MAX_WORKERS, RUN_OPTIONS, shardOption, sizeOverrides } from './options.ts';
import {
  advance,
  type FolderOptions,
  prepareDir,
  readCalibration,
  readState,
  runDir,
  runPath,
  statusLine,
  storedResults,
  writeState,
} from './calibrationFolder.ts';
import { createRunner, defaultWorkers, type JobRunner } from './pool.ts';
import { VERSION } from './version.ts';

export const CALIBRATE_HELP = `radsim calibrate <scenario.json> --targets FILE (--param PATH=lo:hi... | --priors FILE) --out DIR [options]

Approximate Bayesian computation with sequential Monte Carlo (ABC-SMC): finds the values of
the free parameters under which the model's statistics fall in the target intervals, as a
weighted sample of particles (the approximate posterior). Generation 0 draws from the priors;
each later one perturbs the previous generation's particles and keeps those within a tolerance
that shrinks every generation. Writes to DIR:
  summary.md         the posterior (median, 95% interval), correlations and fit, in words
  posterior.csv      per parameter: median, 2.5% and 97.5% quantiles, mean, sd
  particles.csv      tidy table, one row per particle of every generation: weight, distance,
                     parameter values, target statistics (reads directly into pandas or R)
  generations.csv    tolerance, proposals, acceptance rate and ESS per generation
  correlations.csv, fit.csv, calibration.json, state.json, runs/ (for --resume and merge)

Parameters and priors:
  --param PATH=lo:hi       uniform prior on [lo, hi] (repeat for each parameter)
  --param PATH=lo:hi:log   log-uniform prior (uniform in the logarithm; lo > 0)
  --priors FILE            the same as JSON: {"version":1,"parameters":[{"path":..,"prior":
                           "uniform"|"log-uniform","lo":..,"hi":..}]}
  PATH is a dotted path into the scenario, as for sweep --vary: influence.mu,
  phases.constants.a01, triggers.catalogue[2].perYear.
  --targets FILE           target intervals (format: docs/calibration.md)

Options:
  --out DIR              output folder
  --particles N          particles per generation (default 100)
  --generations G        at most this many generations, the prior's included (default 5)
  --quantile q           tolerance = this quantile of the previous distances (default 0.5)
  --min-tolerance x      stop after the generation that reaches this tolerance (default 0)
  --min-acceptance r     stop when a generation's acceptance rate falls below r (default 0.02)
  --seeds S              runs per particle, statistics averaged (default 1)
  --distance KIND        euclidean (default) or max, over the targets' scaled distances
  --seed N               seed of the proposals and of every run's seed (default: the scenario's)
  --agents N, --weeks N  population size and length of every run (override the scenario)
  --workers N            worker threads (default: the number of cores, here ${defaultWorkers()}); 0 runs
                         in this thread. Results do not depend on N.
  --shard k/n            run only part k of n of the current batch and stop, for clusters; then
                         "radsim merge DIR" moves to the next batch (docs/calibration.md)
  --status               print where the calibration in DIR stands; exit 0 if finished, 3 if not
  --resume               continue an interrupted calibration; without a scenario file it
                         continues the one stored in DIR
  --overwrite            discard what DIR holds and start again
  --quiet                no progress output

Example:
  npx radsim calibrate scenarios/baseline.json --targets calibration/targets.json \\
    --param influence.mu=0.05:0.3 --param phases.constants.a01=0.0005:0.003:log \\
    --particles 200 --generations 5 --agents 20000 --out out/calibration
`;

const STATUS_NOT_FINISHED = 3;

export async function calibrateCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    ...RUN_OPTIONS,
    targets: { type: 'string' },
    param: { type: 'string', multiple: true },
    priors: { type: 'string' },
    particles: { type: 'string' },
    generations: { type: 'string' },
    quantile: { type: 'string' },
    'min-tolerance': { type: 'string' },
    'min-acceptance': { type: 'string' },
    seeds: { type: 'string' },
    distance: { type: 'string' },
    workers: { type: 'string' },
    shard: { type: 'string' },
    status: { type: 'boolean' },
    resume: { type: 'boolean' },
    overwrite: { type: 'boolean' },
  });
  if (!values.out) throw new UsageError('--out DIR is required');
  const dir = values.out;
  if (values.status) return printStatus(dir);
  if (values.resume && values.overwrite) throw new UsageError('--resume and --overwrite contradict each other');
  const shard = shardOption(values.shard);

  let calibration: Calibration;
  if (positionals.length === 0) {
    if (!values.resume && !shard) throw new UsageError('name the scenario to calibrate');
    for (const opt of [
      'targets',
      'param',
      'priors',
      'particles',
      'generations',
      'quantile',
      'min-tolerance',
      'min-acceptance',
      'seeds',
      'distance',
      'seed',
      'agents',
      'weeks',
    ] as const)
      if (values[opt] !== undefined)
        throw new UsageError(
          `--${opt} cannot change a stored calibration; without a scenario file ${dir} is continued as it is`,
        );
    const stored = readCalibration(dir);
    if (!stored) throw new UsageError(`${dir} holds no calibration.json to continue`);
    calibration = stored;
  } else {
    if (positionals.length > 1) throw new UsageError('name exactly one scenario to calibrate');
    if (!values.targets) throw new UsageError('name the targets: --targets FILE');
    if (!values.param?.length && !values.priors)
      throw new UsageError('name the free parameters: --param path=lo:hi (repeat) or --priors FILE');
    const loaded = loadScenarios(positionals, sizeOverrides(values));
    if (!loaded) return 1;
    let targets: TargetsFile;
    let params: ParameterPrior[];
    try {
      targets = parseTargets(readJson(values.targets), values.targets);
      params = [
        ...(values.priors ? parsePriors(readJson(values.priors), values.priors) : []),
        ...(values.param ?? []).map(parseParamOption),
      ];
    } catch (err) {
      if (!(err instanceof CalibrationInputError)) throw err;
      process.stderr.write(`${err.message}\nNothing was run.\n`);
      return 1;
    }
    const settings: AbcSettings = {
      particles: intOption('particles', values.particles, 2) ?? 100,
      generations: intOption('generations', values.generations, 1) ?? 5,
      quantile: numberOption('quantile', values.quantile) ?? 0.5,
      minTolerance: numberOption('min-tolerance', values['min-tolerance']) ?? 0,
      minAcceptance: numberOption('min-acceptance', values['min-acceptance']) ?? 0.02,
      seedsPerParticle: intOption('seeds', values.seeds, 1) ?? 1,
      seed: intOption('seed', values.seed, 0, MAX_SEED) ?? loaded[0].scenario.seed,
      distance: (values.distance ?? 'euclidean') as DistanceKind,
    };
    if (!(DISTANCES as readonly string[]).includes(settings.distance))
      throw new UsageError(`--distance must be ${DISTANCES.join(' or ')}, got "${settings.distance}"`);
    try {
      calibration = createCalibration({
        scenarioFile: positionals[0],
        base: loaded[0].scenario,
        targetsFile: values.targets,
        targets,
        params,
        settings,
        radsimVersion: VERSION,
      });
    } catch (err) {
      return reportPlanError(err);
    }
  }
  const workers = intOption('workers', values.workers, 0, MAX_WORKERS) ?? defaultWorkers();
  return execute(calibration, {
    dir,
    workers,
    shard,
    resume: Boolean(values.resume),
    overwrite: Boolean(values.overwrite),
    quiet: Boolean(values.quiet),
  });
}

function numberOption(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const x = parseDecimal(v);
  if (!Number.isFinite(x))
    throw new UsageError(`--${name} must be a number in decimal notation (such as 0.5), got "${v}"`);
  return x;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CalibrationInputError(file, [
      `cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
    ]);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CalibrationInputError(file, [`is not valid JSON: ${(err as Error).message}`]);
  }
}

interface ExecOptions extends FolderOptions {
  dir: string;
  workers: number;
  shard: Shard | null;
  resume: boolean;
  overwrite: boolean;
  quiet: boolean;
}

function printStatus(dir: string): number {
  const c = readCalibration(dir);
  if (!c) throw new UsageError(`${dir} holds no calibration.json`);
  const state = readState(dir, c);
  process.stdout.write(`${dir}: ${statusLine(c, state)}\n`);
  return state.running ? STATUS_NOT_FINISHED : 0;
}

// ---- running ----

async function execute(c: Calibration, o: ExecOptions): Promise<number> {
  const t0 = performance.now();
  const startedAt = new Date().toISOString();
  if (c.radsimVersion !== VERSION) {
    process.stderr.write(
      `${o.dir}/calibration.json was made by radsim ${c.radsimVersion}; this is radsim ${VERSION}.\n`,
    );
    return 1;
  }
  // The output folder is checked (and a half-moved report set finished) before anything runs.
  prepareOutputFolder(o.dir);
  recoverOutput(o.dir);
  const prepared = prepareDir(c, o);
  if (prepared !== null) return prepared;
  const problem = abcProblem(c);
  let state = readState(o.dir, c);
  if (!existsSync(join(o.dir, 'state.json')) && !o.shard) writeState(o.dir, c, state);
  const note = (text: string) => {
    if (!o.quiet) process.stderr.write(`${text}\n`);
  };
  if (!state.running) {
    note(`radsim calibrate: ${o.dir} is finished (${state.stop?.text}).`);
    return 0;
  }
  const where = o.shard ? `shard ${o.shard.k}/${o.shard.n}: ` : '';
  note(`radsim calibrate: ${where}${statusLine(c, state)}. Output: ${o.dir}`);

  let runner: JobRunner | null = null;
  let signal: NodeJS.Signals | null = null;
  let ran = 0;
  let runSeconds = 0;
  let failure: string | null = null;
  const onSignal = (sig: NodeJS.Signals) => {
    if (signal) process.exit(sig === 'SIGTERM' ? 143 : 130);
    signal = sig;
    note(`${sig === 'SIGINT' ? 'Ctrl-C' : sig}: stopping; finished runs are kept (Ctrl-C again quits at once)`);
    runner?.stop();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    while (state.running && !signal) {
      const all = batchJobs(problem, state);
      const mine = shardJobs(all, o.shard);
      const { found, invalid } = storedResults(o.dir, c, mine);
      for (const bad of invalid) note(`radsim calibrate: ${bad}; running it again`);
      const todo = mine.filter((j) => !found.has(j.index));
      if (todo.length) {
        mkdirSync(runDir(o.dir, todo[0].generation), { recursive: true });
        const specs = new Map<string, { job: AbcJob; spec: JobSpec }>();
        for (const job of todo) {
          const id = jobId(job);
          specs.set(id, {
            job,
            spec: {
              id,
              scenario: jobScenario(c, job),
              // The runner wants an outcome; the targets read the series.
              outcomes: ['ever_action'],
              series: calibrationColumns(c),
            },
          });
        }
        const r = state.running;
        const progress = createEnsembleProgress(
          `calibrate ${where}generation ${r.generation} batch ${r.batch}`,
          todo.map((j) => ({ id: jobId(j), agents: c.base.agents, weeks: c.base.weeks })),
          process.stderr,
          o.quiet,
        );
        runner ??= createRunner(o.workers);
        const outcome = await runner.run(
          [...specs.values()].map((s) => s.spec),
          {
            onStart: (job) => progress.start(job.id),
            onWeek: (job, week) => progress.week(job.id, week),
            onDone: (spec, result, seconds) => {
              const { job, spec: run } = specs.get(spec.id)!;
              const stats = runStatistics(c, result.series, (run.scenario as { agents: number }).agents);
              const rec = calibrationRun(c, job, stats, Math.round(seconds * 1000) / 1000);
              writeFileAtomic(runPath(o.dir, job), `${JSON.stringify(rec)}\n`);
              found.set(job.index, stats);
              ran++;
              runSeconds += seconds;
              progress.done(spec.id);
            },
          },
        );
        progress.finish('');
        if (outcome.error) {
          failure = `run ${outcome.error.job} failed: ${outcome.error.error.stack ?? outcome.error.error.message}`;
          break;
        }
        if (signal || outcome.stopped) break;
      }
      if (o.shard) break;
      state = advance(c, o.dir, state, found);
      note(`radsim calibrate: ${statusLine(c, state)}`);
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await runner?.close();
  }
  const wallSeconds = (performance.now() - t0) / 1000;
  appendTiming(o.dir, timingFileName(o.shard), {
    command: 'calibrate',
    startedAt,
    shard: o.shard ? `${o.shard.k}/${o.shard.n}` : null,
    workers: o.workers,
    ran,
    interrupted: signal !== null,
    failed: failure,
    wallSeconds: Math.round(wallSeconds * 1000) / 1000,
    runSeconds: Math.round(runSeconds * 1000) / 1000,
  });
  const resume = `npx radsim calibrate --resume --out ${o.dir}${o.shard ? ` --shard ${o.shard.k}/${o.shard.n}` : ''}`;
  if (failure) {
    process.stderr.write(
      `radsim calibrate: ${failure}\nFinished runs are kept in ${o.dir}/runs; after fixing the cause, continue with: ${resume}\n`,
    );
    return 1;
  }
  if (signal) {
    process.stderr.write(`Interrupted: finished runs are kept in ${o.dir}/runs.\nContinue with: ${resume}\n`);
    return signal === 'SIGTERM' ? 143 : 130;
  }
  if (o.shard) {
    note(
      `radsim calibrate: ${where}done: ${ran} run(s) in ${duration(wallSeconds)}. When every shard is done: npx radsim merge ${o.dir}`,
    );
    return 0;
  }
  note(
    `radsim calibrate: ${ran} run(s) in ${duration(wallSeconds)}. Wrote ${join(o.dir, 'summary.md')} and the CSV files.`,
  );
  return 0;
}
