/**
 * The simulation API: one class, exposed through comlink by a Web Worker in the browser
 * (web/worker.ts) and by a `worker_threads` worker in Node (cli/worker.ts), or used
 * directly in the calling thread. Same methods, same results, whatever the host.
 *
 * Two ways to use it:
 * - interactively, one simulation at a time: `start(scenario)`, `step(n)`, `runToEnd(onWeek)`,
 *   `fireMacro(type, strength)`, `series()`, `routes()`, `summary()`, `cancel()`, and for a live
 *   view `state()` (with the macro log), `agentSample(max)`, `egoNetwork(id)`, `phaseNetwork()`, `pickPerson(by)` and `trace(ids)`
 *   (record routes from now on, without a replay), and `saveState()` / `loadState(bytes)` to keep
 *   a run and continue it later;
 * - for ensembles: `runJob(job)` runs one complete scenario on its own and returns only the
 *   outcomes and the requested series (as transferable Float64Arrays); `runReplicate(spec)`
 *   runs one replicate of a branched comparison (the shared history once, then every scenario
 *   from it) and returns one such result per scenario.
 *
 * Long calls (`runToEnd`, `runJob`) give the host's event loop a turn after every week, so a
 * `cancel()` sent while they run is seen at the next week boundary.
 *
 * Callbacks passed through comlink must be wrapped with comlink's `proxy()` by the caller.
 */
import { transfer } from 'comlink';
import { agentSample, egoNetwork, phaseNetwork, pickPerson } from './views.ts';
import { computeOutcomes, outcomeProblems } from '../ensemble/outcomes.ts';
import { IDEOLOGIES } from '../domain.ts';
import type { Route } from '../run/routes.ts';
import { Simulation } from '../run/simulation.ts';
import { branchFrom } from '../run/branch.ts';
import { loadState, saveState } from '../run/snapshot.ts';
import { validateScenario } from '../scenario/resolve.ts';
import type { DemoSelection } from '../scenario/schema.ts';
import { localText } from '../scenario/texts.ts';
import type {
  AgentSample,
  EgoNetwork,
  EgoOptions,
  HostInfo,
  HostState,
  JobResult,
  JobSpec,
  MacroLogEntry,
  ReplicateSpec,
  PhaseNetwork,
  RunState,
  SeriesData,
  WeekCallback,
} from './types.ts';

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
    // An interactive run starts at week 0, after the burn-in, with its first row recorded.
    this.sim.finishBurnIn();
    this.cancelled = false;
    return hostInfo(this.sim);
  }

  /**
   * The whole state of the current simulation as bytes (sim/run/snapshot.ts), its buffer
   * transferred: keep it, and `loadState` continues the run exactly where it was.
   */
  saveState(): Uint8Array {
    const bytes = saveState(this.current());
    return transfer(bytes, [bytes.buffer as ArrayBuffer]);
  }

  /**
   * Replaces the current simulation with the one saved in `bytes`, at the week it was saved,
   * with its series and routes so far. `weeks` sets the total run length (weeks from week 0;
   * default: the saved scenario's). With `scenario`, refuses (StateError naming the fields) a
   * scenario whose model parameters differ from the saved one's.
   */
  loadState(bytes: Uint8Array, options: { weeks?: number; scenario?: unknown } = {}): HostInfo {
    const scenario = options.scenario === undefined ? undefined : validateScenario(options.scenario, 'scenario');
    this.sim = loadState(bytes, { weeks: options.weeks, scenario });
    this.cancelled = false;
    return hostInfo(this.sim);
  }

  /** Runs up to `weeks` weeks (fewer at the end of the run). */
  step(weeks = 1): RunState {
    const sim = this.current();
    for (let i = 0; i < weeks && !sim.done; i++) sim.step();
    return this.runState();
  }

  /** Runs to the end, calling `onWeek` every `every` weeks and at the end; stops early on `cancel()`. */
  async runToEnd(onWeek?: WeekCallback, every = 1): Promise<RunState> {
    const sim = this.current();
    this.stopRequested = false;
    this.cancelled = false;
    while (!sim.done) {
      sim.step();
      if (onWeek && sim.week >= 0 && (sim.week % every === 0 || sim.done))
        await notify(onWeek, sim.week, sim.scenario.weeks, sim.done);
      await yieldToHost();
      if (this.stopRequested) {
        this.cancelled = true;
        break;
      }
    }
    this.stopRequested = false;
    return this.runState();
  }

  /** Fires a macro trigger; it takes effect at the start of the next week. */
  fireMacro(type: string, strength = 1): void {
    this.current().fireMacro(type, strength);
  }

  /**
   * The weekly series so far (all columns, or the ones named), as transferable copies; with
   * `from`, only the rows from that week on (`values[c][k]` is week `from + k`; `weeks` stays
   * the number of weeks recorded), so a live view can fetch just the new rows.
   */
  series(columns?: readonly string[], from = 0): SeriesData {
    const sim = this.current();
    const data = seriesData(sim, columns ?? sim.series.columns, from);
    return transfer(
      data,
      data.values.map((v) => v.buffer),
    );
  }

  /**
   * Routes of the traced agents (scenario `outputs.routes`, and those of `trace`), or of the
   * `ids` among them. `Route.since` says from which week each is recorded.
   */
  routes(ids?: readonly number[]): Route[] {
    const sim = this.current();
    return sim.world.record.routes.toJSON(
      sim.world.agents,
      sim.scenario.regions.map((r) => r.name),
      ids,
    );
  }

  /**
   * Starts recording the routes of `ids` from the current week on, without a replay: `routes()`
   * then holds their events of the following weeks (`since` = this week) and their state now
   * (`start`). Already traced ids keep their route. Tracing never changes the run. Returns the
   * ids newly traced.
   */
  trace(ids: readonly number[]): number[] {
    return this.current().trace(ids);
  }

  /** Every k-th agent, at most `max`, for a live view of a large population (views.ts). */
  agentSample(max: number): AgentSample | null {
    return this.sim ? agentSample(this.sim, max) : null;
  }

  /** The person a guided demo points at (views.ts); null when nobody qualifies. */
  pickPerson(by: DemoSelection): number | null {
    return pickPerson(this.current(), by);
  }

  /** The people in a phase, their contacts and the ties among them, bounded (views.ts). */
  phaseNetwork(maxInPhase = 80, maxContacts = 400): PhaseNetwork {
    return phaseNetwork(this.current(), maxInPhase, maxContacts);
  }

  /** The ties of person `id`, optionally with the second degree up to a cap (views.ts). */
  egoNetwork(id: number, options: EgoOptions = {}): EgoNetwork {
    return egoNetwork(this.current(), id, options);
  }

  summary(): Record<string, unknown> {
    return withoutTiming(this.current().summary());
  }

  /** The run state and the macro log (events that took effect, then those still to come). */
  state(): HostState {
    return { ...this.runState(), macroLog: this.sim ? macroLog(this.sim) : [] };
  }

  private runState(): RunState {
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
    await this.runOn(sim, job.id, job.progressEvery, onWeek);
    const result = jobResult(job.id, sim, job.outcomes, job.series);
    return transfer(
      result,
      result.series.values.map((v) => v.buffer),
    );
  }

  /**
   * Runs one replicate of a branched comparison: the reference to the branch week, saved in
   * memory, then every run from that state with its own scenario (sim/run/branch.ts). The
   * progress callback hears the weeks of each run after the branch, with the run's id.
   * Throws CancelledError if `cancel()` stops it, BranchError if a scenario cannot branch.
   */
  async runReplicate(
    spec: ReplicateSpec,
    onWeek?: (week: number, weeks: number, run: string) => unknown,
  ): Promise<JobResult[]> {
    this.stopRequested = false;
    const t0 = performance.now();
    const reference = validateScenario(spec.reference, `replicate ${spec.id} (shared history)`);
    const scenarios = spec.runs.map((r) => validateScenario(r.scenario, `job ${r.id}`));
    // The shared history yields to the host like a run, so cancel() is seen within a week.
    const ref = new Simulation(reference);
    while (ref.week < spec.branchWeek) {
      ref.step();
      await yieldToHost();
      if (this.stopRequested) {
        this.stopRequested = false;
        throw new CancelledError(spec.id);
      }
    }
    const history = saveState(ref);
    const historySeconds = (performance.now() - t0) / 1000;
    const results: JobResult[] = [];
    for (let k = 0; k < spec.runs.length; k++) {
      const { id } = spec.runs[k];
      const t1 = performance.now();
      const sim = branchFrom(history, scenarios[k]);
      const problems = outcomeProblems(spec.outcomes, sim.series.columns);
      if (problems.length) throw new Error(`job ${id}: ${problems.join('; ')}`);
      await this.runOn(sim, id, spec.progressEvery, onWeek && ((w, n) => onWeek(w, n, id)));
      const result = jobResult(id, sim, spec.outcomes, spec.series);
      result.seconds = (performance.now() - t1) / 1000 + historySeconds / spec.runs.length;
      results.push(result);
    }
    return transfer(
      results,
      results.flatMap((r) => r.series.values.map((v) => v.buffer)),
    );
  }

  /** Runs `sim` to its end, with progress and a turn for the host after every week. */
  private async runOn(sim: Simulation, id: string, progressEvery?: number, onWeek?: WeekCallback): Promise<void> {
    const weeks = sim.scenario.weeks;
    const every = progressEvery ?? Math.max(1, Math.round(weeks / 50));
    while (!sim.done) {
      sim.step();
      if (onWeek && sim.week >= 0 && (sim.week % every === 0 || sim.done))
        await notify(onWeek, sim.week, weeks, sim.done);
      await yieldToHost();
      if (this.stopRequested) {
        this.stopRequested = false;
        throw new CancelledError(id);
      }
    }
  }

  private current(): Simulation {
    if (!this.sim) throw new Error('no simulation: call start(scenario) first');
    return this.sim;
  }
}

/** What the aggregator needs of a finished run. */
function jobResult(id: string, sim: Simulation, outcomes: string[], series: string[]): JobResult {
  return {
    id,
    weeks: sim.series.weeks,
    outcomes: computeOutcomes(outcomes, sim.series),
    series: seriesData(sim, series),
    summary: withoutTiming(sim.summary()),
  };
}

function hostInfo(sim: Simulation): HostInfo {
  const s = sim.scenario;
  return {
    name: s.name,
    question: localText(s.question, 'en'),
    agents: s.agents,
    weeks: s.weeks,
    seed: s.seed,
    columns: [...sim.series.columns],
    macroTypes: Object.keys(s.macro.types),
  };
}

function macroLog(sim: Simulation): MacroLogEntry[] {
  const m = sim.world.macro;
  const entry = (e: (typeof m.log)[number], status: MacroLogEntry['status']): MacroLogEntry => {
    const x: MacroLogEntry = { week: e.week, type: e.type, strength: e.strength, source: e.source, status };
    if (e.ideology !== undefined) x.ideology = IDEOLOGIES[e.ideology];
    return x;
  };
  const out = m.log.map((e) => entry(e, 'done'));
  // Queued events hold the model's clock week; the log and the schedule count from the burn-in's end.
  for (const e of m.queue) out.push({ ...entry(e, 'pending'), week: e.week - sim.world.burnIn });
  for (const e of sim.scenario.macro.schedule) {
    if (e.week > sim.week)
      out.push({ week: e.week, type: e.type, strength: e.strength, source: 'schedule', status: 'pending' });
  }
  return out;
}

function seriesData(sim: Simulation, columns: readonly string[], from = 0): SeriesData {
  const s = sim.series;
  const start = Math.max(0, Math.min(Math.floor(from), s.weeks));
  const values = columns.map((c) => {
    const i = s.columns.indexOf(c);
    if (i < 0) throw new Error(`no series column "${c}"; columns are ${s.columns.join(', ')}`);
    return s.values[i].slice(start, s.weeks);
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
