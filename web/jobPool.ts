/**
 * Runs the jobs of an ensemble plan (a comparison or a sweep) on several simulation workers,
 * one job at a time per worker, with progress and cancel.
 *
 * A worker that crashes (its script fails to load, it throws outside a call, or a job is
 * rejected) stops the whole run: the other workers are terminated and the result names the
 * job that failed, so the page can say which run broke and stay usable.
 */
import { proxy } from 'comlink';
import { jobScenario, planJobs, type Job, type Plan } from '../sim/ensemble/plan.ts';
import { runRecord, type RunRecord } from '../sim/ensemble/records.ts';
import { crashOf, newWorker } from './workerClient.ts';

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
}

export function runPlan(plan: Plan, { onProgress, progressEvery, maxWorkers = navigator.hardwareConcurrency || 2 }: PoolOptions): PoolRun {
  const jobs = planJobs(plan);
  const nWorkers = Math.max(1, Math.min(jobs.length, maxWorkers, 8));
  const workers = Array.from({ length: nWorkers }, () => {
    const w = newWorker();
    return { ...w, crashed: crashOf(w.worker) };
  });
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
    onProgress({ done: records.length, total: jobs.length, fraction: done.reduce((a, b) => a + b, 0) / jobs.length, workers: nWorkers });

  const workerLoop = async (w: (typeof workers)[number]) => {
    while (!halted && next < jobs.length) {
      const job = jobs[next++];
      const t0 = performance.now();
      try {
        const result = await Promise.race([
          w.api.runJob(
            { id: job.id, scenario: jobScenario(plan, job), outcomes: plan.outcomes, series: plan.series, progressEvery },
            proxy((week: number, weeks: number) => {
              done[job.index] = week / weeks;
              if (!halted) update();
            }),
          ),
          w.crashed,
        ]);
        if (halted) return;
        done[job.index] = 1;
        records.push(runRecord(plan, job, result, (performance.now() - t0) / 1000));
        update();
      } catch (err) {
        if (halted) return;
        failure = { job, message: (err as Error)?.message ?? String(err) };
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
      for (const w of workers) w.worker.terminate();
    }
    const counts = { done: records.length, total: jobs.length };
    if (halted === 'cancelled') return { status: 'cancelled', ...counts };
    if (halted === 'failed' || records.length !== jobs.length) {
      const f = failure ?? { job: jobs[0], message: 'unknown error' };
      return { status: 'failed', job: f.job, message: f.message, ...counts };
    }
    return { status: 'done', records: records.sort((a, b) => a.index - b.index), seconds: (performance.now() - t0) / 1000 };
  })();

  return { result, workers: nWorkers, total: jobs.length, cancel: () => halt('cancelled') };
}
