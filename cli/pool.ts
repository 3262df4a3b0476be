/**
 * Running ensemble jobs: a pool of `worker_threads`, each exposing the SimulationHost API
 * (sim/api/host.ts) through comlink, or the calling thread itself (`--workers 0`).
 *
 * A task is one run (a JobSpec) or one branched replicate (a ReplicateSpec: the shared history,
 * then several runs, in one worker). Tasks are handed out in the order given, to whichever
 * worker is free; results come back in completion order, one `onDone` per run. Callers must not
 * let that order matter (the ensemble commands write each result to its own file and aggregate
 * in job order).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { proxy, wrap, type Remote } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { CancelledError, type EnsembleTask, type JobResult, type ReplicateSpec, SimulationHost } from '../sim/node.ts';

/** A run of a task, as the events name it (its id). */
export interface RunRef {
  id: string;
}

export interface RunEvents {
  /** A run starts (in a branched replicate: each run as it continues the shared history). */
  onStart?(run: RunRef): void;
  onWeek?(run: RunRef, week: number, weeks: number): void;
  /** Called as each run finishes; the next task on that worker starts after it returns. */
  onDone(run: RunRef, result: JobResult, seconds: number): void | Promise<void>;
}

function isReplicate(task: EnsembleTask): task is ReplicateSpec {
  return 'runs' in task;
}

/** A task on a host: its results, each with its run's seconds. */
async function runTask(
  api: SimulationHost | Remote<SimulationHost>,
  task: EnsembleTask,
  events: RunEvents,
  remote: boolean,
): Promise<JobResult[]> {
  const t0 = performance.now();
  const cb = <F extends (...a: never[]) => unknown>(f: F) => (remote ? proxy(f) : f);
  if (!isReplicate(task)) {
    events.onStart?.(task);
    const onWeek = events.onWeek ? cb((week: number, weeks: number) => events.onWeek!(task, week, weeks)) : undefined;
    const result = await api.runJob(task, onWeek);
    return [{ ...result, seconds: (performance.now() - t0) / 1000 }];
  }
  let current = '';
  const onWeek = cb((week: number, weeks: number, run: string) => {
    if (run !== current) {
      current = run;
      events.onStart?.({ id: run });
    }
    events.onWeek?.({ id: run }, week, weeks);
  });
  return api.runReplicate(task, onWeek);
}

export interface RunOutcome {
  /** stop() was called before every job finished. */
  stopped: boolean;
  /** The first job that failed, if any (no new jobs start after a failure). */
  error?: { job: string; error: Error };
}

export interface JobRunner {
  /** Number of jobs run at the same time. */
  readonly size: number;
  run(jobs: readonly EnsembleTask[], events: RunEvents): Promise<RunOutcome>;
  /** Starts no new job and abandons the running ones (their workers are terminated). */
  stop(): void;
  close(): Promise<void>;
}

/** The default number of workers: the cores Node may use. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** `workers` threads, or the calling thread when `workers` is 0. */
export function createRunner(workers: number): JobRunner {
  return workers === 0 ? new InThreadRunner() : new WorkerPool(workers);
}

const BOOT = new URL('./worker-boot.mjs', import.meta.url);

interface Slot {
  worker: Worker;
  api: Remote<SimulationHost>;
  /** Rejects when the worker dies (error, exit or terminate). */
  dead: Promise<never>;
}

export class WorkerPool implements JobRunner {
  private readonly slots: Slot[] = [];
  private stopping = false;
  private stopRequested = false;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`a worker pool needs at least 1 worker, got ${size}`);
    for (let i = 0; i < size; i++) this.slots.push(spawn());
  }

  async run(jobs: readonly EnsembleTask[], events: RunEvents): Promise<RunOutcome> {
    let next = 0;
    let completed = 0;
    let failure: RunOutcome['error'];
    const loop = async (slot: Slot) => {
      // Wait until the worker has loaded, so that run times do not include its start-up.
      try {
        await Promise.race([slot.api.state(), slot.dead]);
      } catch (err) {
        if (!this.stopping && !failure) failure = { job: '(worker start-up)', error: asError(err) };
        return;
      }
      while (!this.stopping && !failure && next < jobs.length) {
        const job = jobs[next++];
        let results: JobResult[];
        try {
          results = await Promise.race([runTask(slot.api, job, events, true), slot.dead]);
        } catch (err) {
          if (!this.stopping && !failure) failure = { job: job.id, error: asError(err) };
          return;
        }
        // A result that arrives while stopping is finished work: keep it.
        try {
          for (const result of results) await events.onDone({ id: result.id }, result, result.seconds ?? 0);
        } catch (err) {
          if (!failure) failure = { job: job.id, error: asError(err) };
          return;
        }
        completed++;
      }
    };
    await Promise.all(this.slots.map(loop));
    if (failure) await this.close();
    return { stopped: this.stopRequested && completed < jobs.length, error: failure };
  }

  stop(): void {
    if (this.stopping) return;
    this.stopping = true;
    this.stopRequested = true;
    for (const s of this.slots) void s.worker.terminate();
  }

  async close(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

/**
 * One simulation worker thread with the SimulationHost API through comlink, for interactive
 * use (start, step, runToEnd with a `proxy()` callback, fireMacro, series, routes, cancel).
 * `terminate()` ends it.
 */
export function spawnSimulationWorker(): {
  api: Remote<SimulationHost>;
  worker: Worker;
  terminate: () => Promise<number>;
} {
  const { api, worker } = spawn();
  return { api, worker, terminate: () => worker.terminate() };
}

function spawn(): Slot {
  const worker = new Worker(BOOT);
  const api = wrap<SimulationHost>(nodeEndpoint(worker));
  const dead = new Promise<never>((_, reject) => {
    worker.once('error', (err) => reject(err));
    worker.once('exit', (code) => reject(new Error(`worker thread exited (code ${code})`)));
  });
  dead.catch(() => {}); // observed through Promise.race; never an unhandled rejection
  return { worker, api, dead };
}

/** Runs jobs one after the other in the calling thread (`--workers 0`), same API. */
export class InThreadRunner implements JobRunner {
  readonly size = 1;
  private readonly host = new SimulationHost();
  private stopping = false;

  async run(jobs: readonly EnsembleTask[], events: RunEvents): Promise<RunOutcome> {
    let completed = 0;
    for (const job of jobs) {
      if (this.stopping) break;
      let results: JobResult[];
      try {
        results = await runTask(this.host, job, events, false);
      } catch (err) {
        if (err instanceof CancelledError || this.stopping) break;
        return { stopped: false, error: { job: job.id, error: asError(err) } };
      }
      try {
        for (const result of results) await events.onDone({ id: result.id }, result, result.seconds ?? 0);
      } catch (err) {
        return { stopped: false, error: { job: job.id, error: asError(err) } };
      }
      completed++;
    }
    return { stopped: this.stopping && completed < jobs.length };
  }

  stop(): void {
    this.stopping = true;
    this.host.cancel();
  }

  async close(): Promise<void> {
    this.stopping = true;
  }
}

function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}
