/**
 * Types of the simulation API shared by the hosts (a Web Worker in the browser, a
 * `worker_threads` worker in Node, or the calling thread) and their callers.
 * Everything crossing the boundary is structured-clone friendly; series travel as
 * Float64Arrays whose buffers are transferred, not copied.
 */

/** What `start` reports back. */
export interface HostInfo {
  name: string;
  question: string;
  agents: number;
  weeks: number;
  seed: number;
  /** The series columns, in order. */
  columns: string[];
  /** Macro types `fireMacro` accepts. */
  macroTypes: string[];
}

export interface RunState {
  week: number;
  weeks: number;
  done: boolean;
  /** True when the last run call stopped because of `cancel()`. */
  cancelled: boolean;
}

/**
 * What `state()` reports: the run state plus the macro log. (`step` and `runToEnd` return the
 * lean RunState, so the growing log does not travel with every step.)
 */
export interface HostState extends RunState {
  /**
   * Macro events: those that took effect (in order), then those still to come (fired and not
   * yet applied, and scheduled in the scenario for a later week). Empty before `start`.
   */
  macroLog: MacroLogEntry[];
}

/** One macro event of `RunState.macroLog`. */
export interface MacroLogEntry {
  /** The week it takes (or took) effect; a fired event acts the week after the firing. */
  week: number;
  type: string;
  strength: number;
  /** `fired`: by the user through `fireMacro`; `schedule`: the scenario's schedule; `stochastic`, `incident`: by the model. */
  source: 'schedule' | 'stochastic' | 'fired' | 'incident';
  /** `done`: took effect; `pending`: still to come. */
  status: 'done' | 'pending';
  /** For incidents: the perpetrator's ideology. */
  ideology?: string;
}

/**
 * Every k-th agent (at most `max`) with what the Explore canvas draws. Typed arrays, their
 * buffers transferred. Agents are numbered region by region, neighbourhood by neighbourhood,
 * household by household, so a regular sample keeps that order.
 */
export interface AgentSample {
  week: number;
  /** Population size, and the sampling step (ids[k] = k * stride). */
  n: number;
  stride: number;
  ids: Int32Array;
  phase: Uint8Array;
  /** Index into `regions`. */
  region: Uint8Array;
  /** Group id, -1 = none. */
  group: Int32Array;
  regions: string[];
}

/**
 * The ties of one person (sim/network/csr.ts): neighbour ids ascending, the layer of each tie
 * (index into `layers`: household, peer, neighbourhood, online; a pair tied in several layers
 * keeps the lowest) and each neighbour's current phase and region. Optionally the second
 * degree: people tied to a neighbour but not to the person (nor the person), up to a cap.
 */
export interface EgoNetwork {
  week: number;
  id: number;
  phase: number;
  region: number;
  layers: string[];
  ids: Int32Array;
  layer: Uint8Array;
  phases: Uint8Array;
  regions: Uint8Array;
  second?: {
    ids: Int32Array;
    /** Index into `ids` (the first-degree neighbour through whom each is reached: the first found). */
    via: Int32Array;
    layer: Uint8Array;
    phases: Uint8Array;
    /** Second-degree people in all, before the cap. */
    total: number;
  };
}

/**
 * The network around the people in a phase (`phaseNetwork`): what the Explore canvas draws at
 * realistic prevalences, where a sample grid shows a handful of coloured squares. `ids` holds
 * the people in a phase first (`inPhase` of them, up to a cap), then their direct contacts (up
 * to a cap); `ties` are index pairs into `ids` (each tie once) with their layer.
 */
export interface PhaseNetwork {
  week: number;
  ids: Int32Array;
  phase: Uint8Array;
  /** Group id, -1 = none. */
  group: Int32Array;
  inPhase: number;
  /** People in a phase in all, and contacts of theirs in all, before the caps. */
  totalInPhase: number;
  totalContacts: number;
  ties: Int32Array;
  layer: Uint8Array;
  layers: string[];
}

/** Options of `egoNetwork`. */
export interface EgoOptions {
  /** Include the second degree, up to this many people (0 = none, the default). */
  secondDegree?: number;
  /** Only second-degree people in at least this phase (default 0: everyone). */
  secondMinPhase?: number;
}

/** Weekly series, rows 0..weeks-1 (values[c][week]). */
export interface SeriesData {
  columns: string[];
  weeks: number;
  values: Float64Array[];
}

/** Progress callback: called with the week just finished and the run length. */
export type WeekCallback = (week: number, weeks: number) => unknown;

/** One run of an ensemble: a complete scenario (seed included) and what to send back. */
export interface JobSpec {
  id: string;
  /** Scenario data; validated by the host before it runs. */
  scenario: unknown;
  /** Outcome names (sim/ensemble/outcomes.ts). */
  outcomes: string[];
  /** Series columns to send back. */
  series: string[];
  /** Call the progress callback every this many weeks (default: about 50 calls per run). */
  progressEvery?: number;
}

/**
 * One replicate of a branched comparison: the reference scenario runs to `branchWeek` (the
 * shared history), and each run continues that same state with its own scenario
 * (sim/run/branch.ts). Every run's scenario has the reference's seed and build-only fields.
 */
export interface ReplicateSpec {
  /** Name of the replicate (for messages), such as "r003". */
  id: string;
  /** Scenario data of the shared history (the comparison's reference, with the replicate's seed). */
  reference: unknown;
  /** The branch week, counted from the end of the burn-in (0 = its end). */
  branchWeek: number;
  /** The runs that continue the history, in order; each result carries its run's id. */
  runs: { id: string; scenario: unknown }[];
  outcomes: string[];
  series: string[];
  progressEvery?: number;
}

/** A job of an ensemble's worker pool: one run, or one branched replicate of several runs. */
export type EnsembleTask = JobSpec | ReplicateSpec;

/** What a finished job sends back: compact, only what the aggregator needs. */
export interface JobResult {
  id: string;
  weeks: number;
  outcomes: Record<string, number>;
  series: SeriesData;
  /** The run summary without timing fields. */
  summary: Record<string, unknown>;
  /**
   * Seconds of the run (in a branched replicate: its continuation plus its share of the shared
   * history); absent where the caller times the run itself.
   */
  seconds?: number;
}
