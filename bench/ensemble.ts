/**
 * Ensemble throughput: the same replicates (seeds 1..R) run by one worker thread and by two.
 * Each worker is a plain `node:worker_threads` Worker that loads the TypeScript core through tsx
 * (see ensembleWorker.mjs) and takes the next replicate from a shared queue when it is free.
 *
 * Two times are kept per pass: `workMs`, from the moment every worker has loaded its modules to
 * the last result (the throughput of the pool), and `wallMs`, from creating the workers (which
 * includes loading tsx, mathjs, zod and the core in each thread, about a second per worker when
 * the machine is busy). Each replicate is a pure function of its seed, so the two passes must
 * give the same summaries; the benchmark checks that.
 */
import { Worker } from 'node:worker_threads';
import type { RunDone, RunJob } from './ensembleWorker.ts';

export interface EnsemblePass {
  workers: number;
  wallMs: number;
  workMs: number;
  startupMs: number;
  /** CPU time of the whole process (all threads) during the work window, ms. */
  workCpuMs: number;
  runs: RunDone[];
}

export async function ensemblePass(opts: {
  workers: number;
  replicates: number;
  agents: number;
  weeks: number;
  scenario: string;
}): Promise<EnsemblePass> {
  const t0 = performance.now();
  const workers = Array.from(
    { length: opts.workers },
    () => new Worker(new URL('./ensembleWorker.mjs', import.meta.url)),
  );
  try {
    // Wait until every worker has loaded the core.
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((res, rej) => {
            const onMessage = (m: { type: string }) => {
              if (m.type === 'ready') {
                w.off('message', onMessage);
                res();
              }
            };
            w.on('message', onMessage);
            w.once('error', rej);
          }),
      ),
    );
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    const queue = Array.from({ length: opts.replicates }, (_, k) => k + 1);
    const runs: RunDone[] = [];
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((res, rej) => {
            const next = () => {
              const seed = queue.shift();
              if (seed === undefined) {
                w.off('message', onMessage);
                res();
                return;
              }
              const job: RunJob = {
                type: 'run',
                scenario: opts.scenario,
                agents: opts.agents,
                weeks: opts.weeks,
                seed,
              };
              w.postMessage(job);
            };
            const onMessage = (m: RunDone) => {
              if (m.type !== 'done') return;
              runs.push(m);
              next();
            };
            w.on('message', onMessage);
            w.once('error', rej);
            next();
          }),
      ),
    );
    const t2 = performance.now();
    const cd = process.cpuUsage(c1);
    runs.sort((a, b) => a.seed - b.seed);
    return {
      workers: opts.workers,
      wallMs: t2 - t0,
      workMs: t2 - t1,
      startupMs: t1 - t0,
      workCpuMs: (cd.user + cd.system) / 1000,
      runs,
    };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
