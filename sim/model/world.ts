/**
 * Everything a running simulation holds: the scenario, the agents, the network, the groups,
 * the society-level fields, the random purpose keys and the current week. The stages of the
 * tick (sim/model/module.ts) step over a World.
 */
import type { Network } from '../network/csr.ts';
import type { Agents } from '../population/agents.ts';
import type { RegionLayout } from '../population/build.ts';
import type { RegionParams } from '../scenario/regions.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { SparseSet } from './sparseSet.ts';
import type { TickRecord } from './tickRecord.ts';

/** The groups (sim/model/groups.ts), indexed by group id. */
export interface Groups {
  count: number; // ids used so far (alive or not)
  alive: number;
  leader: Int32Array;
  size: Int32Array;
  ideology: Uint8Array;
  founded: Int32Array;
}

/** The society-level fields (sim/model/macro.ts). */
export interface MacroState {
  /** Length-1 arrays so formulas can bind them like any other variable. */
  readonly grievance: Float64Array;
  readonly threat: Float64Array;
  /** Indexed by ideology (0 = none stays 0). */
  readonly salience: Float64Array;
  /** Rises this week, applied to agents in the trigger stage. */
  readonly rise: { grievance: number; threat: number; salience: Float64Array };
  /** Events queued by the API (fired live) or by incidents, applied at the next macro stage. */
  readonly queue: MacroEvent[];
  /** Every macro event that happened, for the output. */
  readonly log: MacroEvent[];
}

export interface MacroEvent {
  week: number;
  type: string;
  strength: number;
  source: 'schedule' | 'stochastic' | 'fired' | 'incident';
  /** For incidents: the ideology of the perpetrator (its opponent's salience rises too). */
  ideology?: number;
}

/** Per-agent flags derived from state, kept as arrays so formulas can read them. */
export interface Flags {
  readonly member: Uint8Array; // in a group
  readonly leader: Uint8Array; // leads a group
  readonly adolescent: Uint8Array; // age < 18
  readonly eduLow: Uint8Array;
  readonly eduHigh: Uint8Array;
  /** Demographic cell (age band, sex, education): the index of rate and susceptibility tables. */
  readonly cell: Uint8Array;
  /** 1 while a PGA case plan runs (the waiting list does not count). */
  readonly caseActive: Uint8Array;
}

/** Named random purposes of the tick loop; each gets its own key (see random/streams.ts). */
export const PURPOSES = [
  'macro',
  'trigger',
  'triggerPick',
  'influence',
  'influencePartner',
  'phase',
  'group',
  'incident',
  'arrest',
  'signal',
  'triage',
  'interventionOffer',
  'interventionCoverage',
  'interventionDropout',
  'lifecourse',
  'renewal',
  'rewiring',
  'preparationArrest',
] as const;
export type Purpose = (typeof PURPOSES)[number];

export interface World {
  readonly scenario: Scenario;
  /** Each region's effective parameters (the scenario's with the region's overrides), by region index. */
  readonly regions: readonly RegionParams[];
  readonly agents: Agents;
  readonly layout: RegionLayout;
  readonly network: Network;
  readonly flags: Flags;
  readonly groups: Groups;
  readonly macro: MacroState;
  readonly keys: Readonly<Record<Purpose, number>>;
  /** A zero column of length n, read by formulas in place of an ablated factor. */
  readonly zeros: Float32Array;
  readonly record: TickRecord;
  /** Agents that per-tick work beyond the population-wide stages must visit: phase >= 1 or detained. */
  readonly active: SparseSet;
  /** Running totals of agents who ever reached phase 1 and phase 3. */
  everSensitive: number;
  everAction: number;
  /** Stocks of the practice pipeline and interventions, kept current by their stages. */
  readonly practiceStocks: { triageQueue: number; waitingList: number; cases: number; participants: number };
  /** People who left (at a band boundary or the oldest age) and were replaced by a newcomer. */
  renewed: number;
  /**
   * The model's clock, in weeks since the start of the run, burn-in included: week-keyed draws
   * and stored weeks (detention, cases, labels) use it. Scheduled weeks, the series, routes and
   * the macro log count from the end of the burn-in, `week - burnIn`.
   */
  week: number;
  /** Weeks of burn-in before the observed run (the scenario's `burnInWeeks`). */
  readonly burnIn: number;
}
