/**
 * Runs the jobs of an ensemble plan on several comlink workers, with progress and cancel.
 * The same approach as the comparison in web/compare.ts (whose loop is private there): one job
 * at a time per worker, progress from the weekly callback, cancel by terminating the workers.
 */
import { proxy } from 'comlink';
import { jobScenario, planJobs, type Plan } from '../sim/ensemble/plan.ts';
import { runRecord, type RunRecord } from '../sim/ensemble/records.ts';
import { newWorker } from './explore.ts';

export interface PoolProgress {
  /** Finished runs. */
  done: number;
  total: number;
  /** Fraction of all weeks run, 0..1. */
  fraction: number;
  workers: number;
}

export interface PoolRun {
  /** Resolves with every record in job-index order, or null when cancelled. */
  result: Promise<RunRecord[] | null>;
  cancel(): void;
  workers: number;
}

export function runPlan(plan: Plan, onProgress: (p: PoolProgress) => void, maxWorkers = navigator.hardwareConcurrency || 2): PoolRun {
  const jobs = planJobs(plan);
  const nWorkers = Math.max(1, Math.min(jobs.length, maxWorkers, 8));
  const workers = Array.from({ length: nWorkers }, () => newWorker());
  const done = new Array<number>(jobs.length).fill(0);
  const records: RunRecord[] = [];
  let cancelled = false;
  let next = 0;
  let stop: () => void = () => {};
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const update = () => onProgress({ done: records.length, total: jobs.length, fraction: done.reduce((a, b) => a + b, 0) / jobs.length, workers: nWorkers });
  const loop = async (w: (typeof workers)[number]) => {
    while (!cancelled && next < jobs.length) {
      const job = jobs[next++];
      const t0 = performance.now();
      const res = await w.api.runJob(
        { id: job.id, scenario: jobScenario(plan, job), outcomes: plan.outcomes, series: plan.series, progressEvery: 4 },
        proxy((week: number, weeks: number) => {
          done[job.index] = week / weeks;
          update();
        }),
      );
      if (cancelled) return;
      done[job.index] = 1;
      records.push(runRecord(plan, job, res, (performance.now() - t0) / 1000));
      update();
    }
  };
  const result = (async () => {
    update();
    try {
      await Promise.race([Promise.all(workers.map(loop)), stopped]);
    } catch (err) {
      if (!cancelled) throw err;
    } finally {
      for (const w of workers) w.worker.terminate();
    }
    if (cancelled) return null;
    return records.sort((a, b) => a.index - b.index);
  })();
  return {
    result,
    workers: nWorkers,
    cancel: () => {
      cancelled = true;
      for (const w of workers) w.worker.terminate();
      stop();
    },
  };
}
