/**
 * The simulation API: one class, exposed through comlink by a Web Worker in the browser
 * (sim/api/worker.ts) and by a `worker_threads` worker in Node (cli/worker.ts), or used
 * directly in the calling thread. Same methods, same results, whatever the host.
 *
 * Two ways to use it:
 * - interactively, one simulation at a time: `start(scenario)`, `step(n)`, `runToEnd(onWeek)`,
 *   `fireMacro(type, strength)`, `series()`, `routes()`, `summary()`, `cancel()`;
 * - for ensembles: `runJob(job)` runs one complete scenario on its own and returns only the
 *   outcomes and the requested series (as transferable Float64Arrays).
 *
 * Long calls (`runToEnd`, `runJob`) give the host's event loop a turn after every week, so a
 * `cancel()` sent while they run is seen at the next week boundary.
 *
 * Callbacks passed through comlink must be wrapped with comlink's `proxy()` by the caller.
 */
import { transfer } from 'comlink';
import { computeOutcomes, outcomeProblems } from '../ensemble/outcomes.ts';
import type { Route } from '../run/routes.ts';
import { Simulation } from '../run/simulation.ts';
import { validateScenario } from '../scenario/resolve.ts';
import type { HostInfo, JobResult, JobSpec, RunState, SeriesData, WeekCallback } from './types.ts';

/** Thrown by `runJob` when `cancel()` stopped it. */
export class CancelledError extends Error {
  constructor(id: string) {
    super(`job ${id} was cancelled`);
    this.name = 'CancelledError';
  }
}

export class SimulationHost {
  private sim: Simulation | null = null;
  private cancelled = false;
  private stopRequested = false;

  /** Validates the scenario data (ScenarioError lists every problem) and builds the world. */
  start(scenario: unknown, name = 'scenario'): HostInfo {
    const s = validateScenario(scenario, name);
    this.sim = new Simulation(s);
    this.cancelled = false;
    return {
      name: s.name,
      question: s.question,
      agents: s.agents,
      weeks: s.weeks,
      seed: s.seed,
      columns: [...this.sim.series.columns],
      macroTypes: Object.keys(s.macro.types),
    };
  }

  /** Runs up to `weeks` weeks (fewer at the end of the run). */
  step(weeks = 1): RunState {
    const sim = this.current();
    for (let i = 0; i < weeks && !sim.done; i++) sim.step();
    return this.state();
  }

  /** Runs to the end, calling `onWeek` every `every` weeks and at the end; stops early on `cancel()`. */
  async runToEnd(onWeek?: WeekCallback, every = 1): Promise<RunState> {
    const sim = this.current();
    this.stopRequested = false;
    this.cancelled = false;
    while (!sim.done) {
      sim.step();
      if (onWeek && (sim.week % every === 0 || sim.done)) await notify(onWeek, sim.week, sim.scenario.weeks, sim.done);
      await yieldToHost();
      if (this.stopRequested) {
        this.cancelled = true;
        break;
      }
    }
    this.stopRequested = false;
    return this.state();
  }

  /** Fires a macro trigger; it takes effect at the start of the next week. */
  fireMacro(type: string, strength = 1): void {
    this.current().fireMacro(type, strength);
  }

  /** The weekly series so far (all columns, or the ones named), as transferable copies. */
  series(columns?: readonly string[]): SeriesData {
    const sim = this.current();
    const data = seriesData(sim, columns ?? sim.series.columns);
    return transfer(data, data.values.map((v) => v.buffer));
  }

  /** Routes of the traced agents (scenario `outputs.routes`). */
  routes(): Route[] {
    const sim = this.current();
    return sim.world.record.routes.toJSON(sim.world.agents, sim.scenario.regions.map((r) => r.name));
  }

  summary(): Record<string, unknown> {
    return withoutTiming(this.current().summary());
  }

  state(): RunState {
    const sim = this.sim;
    if (!sim) return { week: 0, weeks: 0, done: false, cancelled: this.cancelled };
    return { week: sim.week, weeks: sim.scenario.weeks, done: sim.done, cancelled: this.cancelled };
  }

  /** Asks the running `runToEnd` or `runJob` to stop at the next week boundary. */
  cancel(): void {
    this.stopRequested = true;
  }

  /**
   * Runs one ensemble job on its own simulation (the interactive one is left alone) and returns
   * its outcomes and the requested series. Throws CancelledError if `cancel()` stops it.
   */
  async runJob(job: JobSpec, onWeek?: WeekCallback): Promise<JobResult> {
    this.stopRequested = false;
    const scenario = validateScenario(job.scenario, `job ${job.id}`);
    const sim = new Simulation(scenario);
    const problems = outcomeProblems(job.outcomes, sim.series.columns);
    if (problems.length) throw new Error(`job ${job.id}: ${problems.join('; ')}`);
    const every = job.progressEvery ?? Math.max(1, Math.round(scenario.weeks / 50));
    while (!sim.done) {
      sim.step();
      if (onWeek && (sim.week % every === 0 || sim.done)) await notify(onWeek, sim.week, scenario.weeks, sim.done);
      await yieldToHost();
      if (this.stopRequested) {
        this.stopRequested = false;
        throw new CancelledError(job.id);
      }
    }
    const result: JobResult = {
      id: job.id,
      weeks: sim.series.weeks,
      outcomes: computeOutcomes(job.outcomes, sim.series),
      series: seriesData(sim, job.series),
      summary: withoutTiming(sim.summary()),
    };
    return transfer(result, result.series.values.map((v) => v.buffer));
  }

  private current(): Simulation {
    if (!this.sim) throw new Error('no simulation: call start(scenario) first');
    return this.sim;
  }
}

function seriesData(sim: Simulation, columns: readonly string[]): SeriesData {
  const s = sim.series;
  const values = columns.map((c) => {
    const i = s.columns.indexOf(c);
    if (i < 0) throw new Error(`no series column "${c}"; columns are ${s.columns.join(', ')}`);
    return s.values[i].slice(0, s.weeks);
  });
  return { columns: [...columns], weeks: s.weeks, values };
}

/**
 * Calls a progress callback. Through comlink it returns a promise: not waited for, except for
 * the last call of a run, so that every progress call has reached the caller before the run's
 * result does (the callback's messages travel on their own channel).
 */
async function notify(cb: WeekCallback, week: number, weeks: number, last: boolean): Promise<void> {
  const r = cb(week, weeks);
  if (r && typeof (r as Promise<unknown>).then === 'function') {
    const p = (r as Promise<unknown>).catch(() => {});
    if (last) await p;
  }
}

/** Drops timing fields, so results depend only on the scenario. */
function withoutTiming(summary: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(summary).filter(([k]) => !/(seconds|Ms$|^ms$)/i.test(k)));
}

/** Gives the event loop a turn: setImmediate in Node, a MessageChannel round trip in browsers. */
function yieldToHost(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}
