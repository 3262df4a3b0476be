/**
 * Runs the jobs of an ensemble plan (a comparison or a sweep) on several simulation workers,
 * one task at a time per worker, with progress and cancel. A task is one job, or in a branched
 * plan one replicate: its shared history once, then each of its jobs from it (the host's
 * `runReplicate`), in one worker.
 *
 * A worker that crashes (its script fails to load, it throws outside a call, or a job is
 * rejected) stops the whole run: the other workers are terminated and the result names the
 * job that failed, so the page can say which run broke and stay usable.
 *
 * Workers of a run that finished are kept for the next one (for KEEP_IDLE_MS): a fresh worker
 * spends its first runs loading and compiling the core, seconds of CPU that a comparison of a
 * few small runs would otherwise pay every time (docs/performance.md, sections 3 and 5). A cancelled or
 * failed run terminates its workers, so the next run starts on fresh ones.
 */
import { proxy } from 'comlink';
import {
  historyScenario,
  type Job,
  type JobResult,
  jobScenario,
  type Plan,
  planJobs,
  planTasks,
  runRecord,
  type RunRecord,
} from '../sim/index.ts';
import { crashOf, newWorker, type WorkerClient } from './workerClient.ts';

export interface PoolProgress {
  /** Finished runs. */
  done: number;
  total: number;
  /** Fraction of all weeks run, 0..1. */
  fraction: number;
  workers: number;
}

export type PoolOutcome =
  /** Every record in job-index order. */
  | { status: 'done'; records: RunRecord[]; seconds: number }
  | { status: 'cancelled'; done: number; total: number }
  /** `job` is the run whose worker failed. */
  | { status: 'failed'; job: Job; message: string; done: number; total: number };

export interface PoolRun {
  /** Never rejects: a crash is a `failed` outcome. */
  result: Promise<PoolOutcome>;
  cancel(): void;
  workers: number;
  total: number;
}

export interface PoolOptions {
  onProgress(p: PoolProgress): void;
  /** Weeks between progress messages of a job. */
  progressEvery: number;
  maxWorkers?: number;
  /** The jobs to run (a batch of a precision-driven comparison); all the plan's jobs when absent. */
  jobs?: readonly Job[];
}

/** How long a worker of a finished run is kept for the next run before it is let go. */
export const KEEP_IDLE_MS = 5 * 60_000;

interface PoolWorker extends WorkerClient {
  /** Rejects when the worker crashes; calls race against it. */
  crashed: Promise<never>;
  dead: boolean;
  idleTimer?: ReturnType<typeof setTimeout>;
}

/** Workers of finished runs, waiting for the next. */
const idle: PoolWorker[] = [];

function takeWorkers(n: number): PoolWorker[] {
  const out: PoolWorker[] = [];
  while (out.length < n && idle.length) {
    const w = idle.shift()!;
    clearTimeout(w.idleTimer);
    if (w.dead) w.worker.terminate();
    else out.push(w);
  }
  while (out.length < n) {
    const client = newWorker();
    const w: PoolWorker = { ...client, crashed: crashOf(client.worker), dead: false };
    w.crashed.catch(() => (w.dead = true));
    out.push(w);
  }
  return out;
}

function keepWarm(workers: PoolWorker[]): void {
  for (const w of workers) {
    w.idleTimer = setTimeout(() => {
      const k = idle.indexOf(w);
      if (k >= 0) idle.splice(k, 1);
      w.worker.terminate();
    }, KEEP_IDLE_MS);
    idle.push(w);
  }
}

export function runPlan(
  plan: Plan,
  { onProgress, progressEvery, maxWorkers = navigator.hardwareConcurrency || 2, jobs: only }: PoolOptions,
): PoolRun {
  const jobs = only ? [...only] : planJobs(plan);
  const tasks = planTasks(plan, jobs);
  const byId = new Map(jobs.map((j) => [j.id, j]));
  const nWorkers = Math.max(1, Math.min(tasks.length, maxWorkers, 8));
  const workers = takeWorkers(nWorkers);
  // Progress per job by its position in `jobs` (a batch's job indices need not start at 0).
  const slot = new Map(jobs.map((j, k) => [j.index, k]));
  const done = new Array<number>(jobs.length).fill(0);
  const records: RunRecord[] = [];
  let halted: 'cancelled' | 'failed' | null = null;
  let failure: { job: Job; message: string } | null = null;
  let next = 0;
  let stop!: () => void;
  const stopped = new Promise<void>((res) => (stop = res));
  const halt = (why: 'cancelled' | 'failed') => {
    if (halted) return;
    halted = why;
    for (const w of workers) w.worker.terminate();
    stop();
  };
  const update = () =>
    onProgress({
      done: records.length,
      total: jobs.length,
      fraction: done.reduce((a, b) => a + b, 0) / jobs.length,
      workers: nWorkers,
    });

  const workerLoop = async (w: (typeof workers)[number]) => {
    while (!halted && next < tasks.length) {
      const task = tasks[next++];
      const t0 = performance.now();
      const progress = (id: string, week: number, weeks: number) => {
        done[slot.get(byId.get(id)!.index)!] = week / weeks;
        if (!halted) update();
      };
      try {
        let results: JobResult[];
        if (plan.branchAt === undefined) {
          const job = task.jobs[0];
          const run = w.api.runJob(
            {
              id: job.id,
              scenario: jobScenario(plan, job),
              outcomes: plan.outcomes,
              series: plan.series,
              progressEvery,
            },
            proxy((week: number, weeks: number) => progress(job.id, week, weeks)),
          );
          results = [{ ...(await Promise.race([run, w.crashed])), seconds: (performance.now() - t0) / 1000 }];
        } else {
          // A branched replicate: its shared history once, then each of its jobs from it, in this worker.
          const run = w.api.runReplicate(
            {
              id: task.id,
              reference: historyScenario(plan, task.jobs[0].replicate),
              branchWeek: plan.branchAt,
              runs: task.jobs.map((j) => ({ id: j.id, scenario: jobScenario(plan, j) })),
              outcomes: plan.outcomes,
              series: plan.series,
              progressEvery,
            },
            proxy((week: number, weeks: number, id: string) => progress(id, week, weeks)),
          );
          results = await Promise.race([run, w.crashed]);
        }
        if (halted) return;
        for (const result of results) {
          const job = byId.get(result.id)!;
          done[slot.get(job.index)!] = 1;
          records.push(runRecord(plan, job, result, result.seconds ?? 0));
        }
        update();
      } catch (err) {
        if (halted) return;
        failure = { job: task.jobs[0], message: (err as Error)?.message ?? String(err) };
        halt('failed');
        return;
      }
    }
  };

  const result = (async (): Promise<PoolOutcome> => {
    update();
    const t0 = performance.now();
    try {
      await Promise.race([Promise.all(workers.map(workerLoop)), stopped]);
    } catch (err) {
      if (!halted) {
        failure ??= { job: jobs[0], message: (err as Error).message };
        halt('failed');
      }
    } finally {
      if (halted || records.length !== jobs.length) for (const w of workers) w.worker.terminate();
      else keepWarm(workers);
    }
    const counts = { done: records.length, total: jobs.length };
    if (halted === 'cancelled') return { status: 'cancelled', ...counts };
    if (halted === 'failed' || records.length !== jobs.length) {
      const f = failure ?? { job: jobs[0], message: 'unknown error' };
      return { status: 'failed', job: f.job, message: f.message, ...counts };
    }
    return {
      status: 'done',
      records: records.sort((a, b) => a.index - b.index),
      seconds: (performance.now() - t0) / 1000,
    };
  })();

  return { result, workers: nWorkers, total: jobs.length, cancel: () => halt('cancelled') };
}
