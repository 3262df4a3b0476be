/**
 * What `radsim compare` and `radsim sweep` share (their options and help text are in
 * options.ts): the output folder checks, running the jobs of a plan on the worker pool
 * (writing each finished run at once), Ctrl-C, and rebuilding the aggregate files from the
 * run files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  aggregatePlan,
  type EnsembleTask,
  historyScenario,
  type Job,
  jobCount,
  jobScenario,
  type JobSpec,
  type Plan,
  PlanError,
  planJobs,
  planTasks,
  precisionStep,
  replicateValues,
  resolveScenarioFile,
  runRecord,
  runRecordText,
  type Scenario,
  ScenarioError,
  type Shard,
  shardJobs,
  validateScenario,
  withOverrides,
} from '../sim/node.ts';
import {
  AGGREGATE_FILES,
  appendTiming,
  clearOutput,
  ownedAggregates,
  readPlan,
  readRuns,
  removeTemporaryFiles,
  runFile,
  runFileNames,
  timingFileName,
  writeFileAtomic,
  writePlan,
} from './ensembleFiles.ts';
import { checkNoForeignFiles, prepareOutputFolder, recoverOutput, writeFileSet } from './output.ts';
import { withChecksum } from './checksum.ts';
import { createEnsembleProgress, duration } from './ensembleProgress.ts';
import { intOption, UsageError } from './args.ts';
import { type ENSEMBLE_OPTIONS, MAX_WORKERS, type OptionValues } from './options.ts';
import { createRunner, defaultWorkers } from './pool.ts';

export type CommonValues = OptionValues<typeof ENSEMBLE_OPTIONS>;

export interface ExecOptions {
  command: 'compare' | 'sweep';
  dir: string;
  workers: number;
  shard: Shard | null;
  resume: boolean;
  overwrite: boolean;
  quiet: boolean;
}

export function execOptions(command: 'compare' | 'sweep', v: CommonValues, shard: Shard | null): ExecOptions {
  if (!v.out) throw new UsageError('--out DIR is required');
  if (v.resume && v.overwrite) throw new UsageError('--resume and --overwrite contradict each other');
  return {
    command,
    dir: v.out,
    workers: intOption('workers', v.workers, 0, MAX_WORKERS) ?? defaultWorkers(),
    shard,
    resume: Boolean(v.resume),
    overwrite: Boolean(v.overwrite),
    quiet: Boolean(v.quiet),
  };
}

/** Loads scenario files with overrides; prints every problem of every file and returns null if any. */
export function loadScenarios(
  files: readonly string[],
  overrides: { agents?: number; weeks?: number },
): { file: string; scenario: Scenario }[] | null {
  const out: { file: string; scenario: Scenario }[] = [];
  let bad = false;
  for (const file of files) {
    try {
      out.push({ file, scenario: validateScenario(withOverrides(resolveScenarioFile(file), overrides), file) });
    } catch (err) {
      if (!(err instanceof ScenarioError)) throw err;
      process.stderr.write(`${err.message}\n`);
      bad = true;
    }
  }
  if (bad) {
    process.stderr.write('Nothing was run.\n');
    return null;
  }
  return out;
}

/** Prints a PlanError and returns exit code 1. */
export function reportPlanError(err: unknown): number {
  if (!(err instanceof PlanError)) throw err;
  process.stderr.write(`${err.message}\nNothing was run.\n`);
  return 1;
}

/** The plan stored in DIR for `--resume` without scenario files. */
export function storedPlan(dir: string, kind: 'compare' | 'sweep'): Plan {
  const plan = readPlan(dir);
  if (!plan)
    throw new UsageError(`--resume without scenario files continues the plan in ${dir}/plan.json, but there is none`);
  if (plan.kind !== kind)
    throw new UsageError(`${dir} holds a ${plan.kind}, not a ${kind}: use "radsim ${plan.kind} --resume --out ${dir}"`);
  return plan;
}

function resumeCommand(o: ExecOptions): string {
  return `npx radsim ${o.command} --resume --out ${o.dir}${o.shard ? ` --shard ${o.shard.k}/${o.shard.n}` : ''}`;
}

/**
 * Runs the plan's jobs (or the shard's) that have no valid run file in DIR yet, writing each
 * run file as soon as the run finishes, then (without --shard) rebuilds the aggregate files.
 * Returns the exit code: 0 done, 1 failed, 130 interrupted (143 on SIGTERM).
 */
export async function executePlan(plan: Plan, o: ExecOptions, VERSION: string): Promise<number> {
  const t0 = performance.now();
  const startedAt = new Date().toISOString();
  if (plan.radsimVersion !== VERSION) {
    process.stderr.write(
      `${o.dir}/plan.json was made by radsim ${plan.radsimVersion}; this is radsim ${VERSION}. Start a new ensemble (another --out, or --overwrite).\n`,
    );
    return 1;
  }
  // The output folder is checked (and a half-moved aggregate set finished) before anything runs.
  prepareOutputFolder(o.dir);
  recoverOutput(o.dir);
  const prepared = prepareDir(plan, o);
  if (prepared !== null) return prepared;

  const all = planJobs(plan);
  // A branched plan shards by replicate: a replicate's runs share one history.
  const mine = plan.branchAt === undefined ? shardJobs(all, o.shard) : shardByReplicate(all, o.shard);
  const stored = readRuns(o.dir, plan, mine);
  if (stored.invalid.length) {
    process.stderr.write(
      `radsim ${o.command}: ${stored.invalid.length} run file(s) in ${o.dir}/runs fail their check; nothing was run:\n` +
        stored.invalid.map((b) => `  ${b.file} ${b.reason}\n`).join('') +
        `Delete them to run those jobs again (${resumeCommand(o)}), or start again with --overwrite.\n`,
    );
    return 1;
  }
  const skipped = stored.records.size;
  const where = o.shard ? `shard ${o.shard.k}/${o.shard.n}: ` : '';
  // A precision-driven comparison runs in batches of whole replicates up to the next check of its
  // rule (sim/ensemble/precision.ts); any other plan runs all its jobs at once.
  const nextLimit = (): number | null => {
    if (plan.kind !== 'compare' || !plan.precision) return Number.POSITIVE_INFINITY;
    const step = precisionStep(plan, replicateValues(plan, [...stored.records.values()]));
    return step.kind === 'run' ? step.upTo : null;
  };
  const workers = o.workers === 0 ? 0 : Math.max(1, Math.min(o.workers, mine.length - skipped || 1));
  let ran = 0;
  let runSeconds = 0;
  let signal: NodeJS.Signals | null = null;
  let outcome: { stopped: boolean; error?: { job: string; error: Error } } = { stopped: false };
  let runner: ReturnType<typeof createRunner> | null = null;
  let progress = createEnsembleProgress(o.command, [], process.stderr, true);
  const onSignal = (sig: NodeJS.Signals) => {
    if (signal) {
      process.stderr.write(`\nradsim: stopped at once; ${skipped + ran} finished runs are in ${o.dir}/runs\n`);
      process.exit(sig === 'SIGTERM' ? 143 : 130);
    }
    signal = sig;
    progress.note(
      `${sig === 'SIGINT' ? 'Ctrl-C' : sig}: stopping; finished runs are kept (Ctrl-C again quits at once)`,
    );
    runner?.stop();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    for (let limit = nextLimit(); limit !== null && !signal; limit = nextLimit()) {
      const upTo = limit;
      const todo = mine.filter((j) => !stored.records.has(j.index) && j.replicate < upTo);
      const specs = new Map<string, { job: Job; spec: JobSpec; agents: number; weeks: number }>();
      for (const job of todo) {
        const scenario = jobScenario(plan, job);
        specs.set(job.id, {
          job,
          spec: { id: job.id, scenario, outcomes: plan.outcomes, series: plan.series },
          agents: scenario.agents,
          weeks: scenario.weeks,
        });
      }
      progress = createEnsembleProgress(
        o.shard ? `${o.command} shard ${o.shard.k}/${o.shard.n}` : o.command,
        [...specs.values()].map((s) => ({ id: s.job.id, agents: s.agents, weeks: s.weeks })),
        process.stderr,
        o.quiet,
      );
      if (!o.quiet) {
        const total = o.shard ? `${mine.length} of the ${jobCount(plan)} runs` : `${jobCount(plan)} runs`;
        const batch = Number.isFinite(upTo)
          ? `precision check at ${upTo} replicates (budget ${plan.replicates})`
          : total;
        progress.note(
          `${where}${batch}${skipped ? `, ${skipped} already finished` : ''}; running ${todo.length} on ${workers === 0 ? 'the main thread' : `${workers} worker thread(s)`}. Output: ${o.dir}`,
        );
      }
      if (todo.length === 0) {
        if (Number.isFinite(upTo)) continue; // every run up to the next check is finished already
        break;
      }
      runner ??= createRunner(workers);
      outcome = await runner.run(ensembleTasks(plan, todo, specs), {
        onStart: (job) => progress.start(job.id),
        onWeek: (job, week) => progress.week(job.id, week),
        onDone: (spec, result, seconds) => {
          const { job } = specs.get(spec.id)!;
          const record = withChecksum(runRecord(plan, job, result, Math.round(seconds * 1000) / 1000));
          writeFileAtomic(runFile(o.dir, job.id), runRecordText(record));
          stored.records.set(job.index, record);
          ran++;
          runSeconds += seconds;
          progress.done(job.id);
        },
      });
      if (outcome.error || outcome.stopped) break;
      if (!Number.isFinite(upTo)) break;
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await runner?.close();
  }
  const planned = plan.kind === 'compare' && plan.precision ? skipped + ran : mine.length;

  const wallSeconds = (performance.now() - t0) / 1000;
  appendTiming(o.dir, timingFileName(o.shard), {
    command: o.command,
    startedAt,
    shard: o.shard ? `${o.shard.k}/${o.shard.n}` : null,
    workers,
    planned,
    skipped,
    ran,
    interrupted: signal !== null,
    failed: outcome.error ? outcome.error.job : null,
    wallSeconds: round3(wallSeconds),
    runSeconds: round3(runSeconds),
  });

  if (outcome.error) {
    progress.finish('');
    process.stderr.write(
      `radsim ${o.command}: run ${outcome.error.job} failed: ${outcome.error.error.stack ?? outcome.error.error.message}\n${skipped + ran} finished runs are kept in ${o.dir}/runs; after fixing the cause, continue with: ${resumeCommand(o)}\n`,
    );
    return 1;
  }
  if (signal || outcome.stopped) {
    progress.finish('');
    process.stderr.write(
      `Interrupted: ${skipped + ran} of ${plan.kind === 'compare' && plan.precision ? `at most ${mine.length}` : mine.length} runs${o.shard ? ' of this shard' : ''} are finished and kept in ${o.dir}/runs.\nContinue with: ${resumeCommand(o)}\n`,
    );
    return signal === 'SIGTERM' ? 143 : 130;
  }
  const timeText = `${ran} run(s) in ${duration(wallSeconds)}${skipped ? ` (${skipped} finished earlier)` : ''}`;
  if (o.shard) {
    progress.finish(
      `${where}done: ${timeText}. When every shard is done, join them with: npx radsim merge <shard dirs> --out <dir> (or "npx radsim merge ${o.dir}" if the shards share it)`,
    );
    return 0;
  }
  const files = buildAggregates(plan, o.dir);
  progress.finish(`${o.command}: ${timeText}. Wrote ${files.map((f) => join(o.dir, f)).join(', ')}`);
  if (!o.quiet) printFindings(join(o.dir, 'summary.md'));
  return 0;
}

/** The jobs of shard k of n for a branched plan: whole replicates, replicate r going to shard r mod n. */
function shardByReplicate(jobs: readonly Job[], shard: Shard | null): Job[] {
  if (!shard) return [...jobs];
  return jobs.filter((j) => j.replicate % shard.n === shard.k);
}

/** What the worker pool runs: one task per job, or per replicate of a branched plan. */
function ensembleTasks(plan: Plan, todo: readonly Job[], specs: Map<string, { spec: JobSpec }>): EnsembleTask[] {
  return planTasks(plan, todo).map((t): EnsembleTask => {
    if (plan.branchAt === undefined) return specs.get(t.id)!.spec;
    return {
      id: t.id,
      reference: historyScenario(plan, t.jobs[0].replicate),
      branchWeek: plan.branchAt,
      runs: t.jobs.map((j) => ({ id: j.id, scenario: specs.get(j.id)!.spec.scenario })),
      outcomes: plan.outcomes,
      series: plan.series,
    };
  });
}

/**
 * Checks DIR against the plan and writes plan.json; returns an exit code to stop with, or null
 * to go on.
 */
function prepareDir(plan: Plan, o: ExecOptions): number | null {
  let existing: Plan | null;
  try {
    existing = readPlan(o.dir);
  } catch (err) {
    if (!o.overwrite || o.shard) {
      process.stderr.write(
        `radsim ${o.command}: ${(err as Error).message}; use another --out, or --overwrite to start again\n`,
      );
      return 1;
    }
    existing = null;
  }
  const finished = () => runFileNames(o.dir).length;
  if (existing && existing.hash === plan.hash) {
    if (o.overwrite && !o.shard) {
      clearOutput(o.dir);
    } else if (!o.resume && !o.shard) {
      process.stderr.write(
        `radsim ${o.command}: ${o.dir} already holds this ${plan.kind} (${finished()} of ${jobCount(plan)} runs finished).\n` +
          `Continue it with --resume, start it again with --overwrite, or choose another --out.\n`,
      );
      return 1;
    }
  } else if (existing) {
    if (o.overwrite && !o.shard) {
      clearOutput(o.dir);
    } else {
      const why =
        existing.kind !== plan.kind
          ? `a ${existing.kind}`
          : `a different ${plan.kind} (plan ${existing.hash}, this command's plan is ${plan.hash})`;
      process.stderr.write(
        `radsim ${o.command}: ${o.dir} holds ${why}: the scenarios, overrides, seeds, replicates, outcomes or radsim version differ.\n` +
          `Resume it with the same command (or "npx radsim ${existing.kind} --resume --out ${o.dir}"), choose another --out${o.shard ? '' : ', or --overwrite to discard it'}.\n`,
      );
      return 1;
    }
  } else if (finished() > 0 && !o.overwrite) {
    process.stderr.write(
      `radsim ${o.command}: ${o.dir}/runs holds run files but ${o.dir} has no plan.json; choose another --out, or --overwrite\n`,
    );
    return 1;
  } else if (o.overwrite && !o.shard) {
    clearOutput(o.dir);
  }
  removeTemporaryFiles(o.dir, !o.shard);
  // The aggregate files will replace radsim's earlier ones, never a file radsim did not write.
  if (!o.shard) checkNoForeignFiles(o.dir, AGGREGATE_FILES[plan.kind], ownedAggregates(o.dir));
  const again = readPlanQuietly(o.dir);
  if (!again || again.hash !== plan.hash || again.scaleTo !== plan.scaleTo) writePlan(o.dir, plan);
  return null;
}

function readPlanQuietly(dir: string): Plan | null {
  try {
    return readPlan(dir);
  } catch {
    return null;
  }
}

/**
 * Rebuilds the aggregate files of a finished plan from the run files in DIR, written as one set
 * that replaces the earlier one (cli/output.ts); returns their names.
 */
export function buildAggregates(plan: Plan, dir: string): string[] {
  const jobs = planJobs(plan);
  const { records, invalid } = readRuns(dir, plan, jobs);
  if (invalid.length)
    throw new PlanError(
      invalid.map((b) => `${b.file} ${b.reason}`),
      `${dir} holds run files that do not belong to its plan`,
    );
  const files = aggregatePlan(plan, [...records.values()]);
  const set: Record<string, string> = {};
  for (const name of AGGREGATE_FILES[plan.kind]) set[name] = files[name];
  return writeFileSet(dir, plan.kind, set, ownedAggregates(dir));
}

/** The "Main findings" section of summary.md on stdout, for a quick look. */
function printFindings(summaryPath: string): void {
  const m = /## Main findings\n\n([\s\S]*?)\n\n## /.exec(readFileSync(summaryPath, 'utf8'));
  if (m) process.stdout.write(`\n${m[1].replace(/\*\*/g, '')}\n\n(details: ${summaryPath})\n`);
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
