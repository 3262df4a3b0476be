/** The simulation API (see host.ts) and its types. */
export { CancelledError, SimulationHost } from './host.ts';
export type { HostInfo, JobResult, JobSpec, RunState, SeriesData, WeekCallback } from './types.ts';
