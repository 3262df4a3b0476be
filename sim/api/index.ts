/** The simulation API (see host.ts) and its types. */
export { CancelledError, SimulationHost } from './host.ts';
export type {
  AgentSample,
  EgoNetwork,
  EgoOptions,
  HostInfo,
  HostState,
  JobResult,
  JobSpec,
  MacroLogEntry,
  RunState,
  SeriesData,
  WeekCallback,
} from './types.ts';
