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

/** What a finished job sends back: compact, only what the aggregator needs. */
export interface JobResult {
  id: string;
  weeks: number;
  outcomes: Record<string, number>;
  series: SeriesData;
  /** The run summary without timing fields. */
  summary: Record<string, unknown>;
}
