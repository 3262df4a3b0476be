/**
 * What happened during one tick, as counters reset at the start of each tick. The series
 * recorder reads them at the end of the tick; nothing here allocates per agent.
 */
import type { RouteLog } from '../run/routes.ts';
import { fixedShape } from '../fixedShape.ts';

export interface TickRecord {
  /** transitions[from * 4 + to]: agents that moved from one phase to another this week. */
  readonly transitions: Int32Array;
  /** triggers[level * 2 + (deradicalising ? 1 : 0)]; level 0 micro, 1 meso, 2 macro (events, not agents). */
  readonly triggers: Int32Array;
  incidents: number;
  /** All arrests; those before any incident counted apart as well. */
  arrests: number;
  /** Arrests of people in the action phase for preparation or threats (no incident). */
  arrestsPreparation: number;
  /** Arrests of group members in the group phase for membership or support. */
  arrestsMembership: number;
  releases: number;
  groupsFormed: number;
  groupsDissolved: number;
  // practice (MODEL.md 4.8)
  signalsTrue: number;
  signalsFalse: number;
  includedTrue: number;
  includedFalse: number;
  dismissedTrue: number;
  dismissedFalse: number;
  detectionDelaySum: number;
  detectionCount: number;
  caseStarts: number;
  practiceHours: number;
  // interventions (MODEL.md 5)
  interventionStarts: number;
  interventionCompletions: number;
  interventionDropouts: number;
  interventionDeclined: number;
  interventionHours: number;
  /** Agents whose route is recorded, and where it goes. */
  readonly traced: Uint8Array;
  readonly routes: RouteLog;
}

export function createTickRecord(n: number, routes: RouteLog): TickRecord {
  const traced = new Uint8Array(n);
  for (const id of routes.ids) traced[id] = 1;
  return fixedShape({
    transitions: new Int32Array(16),
    triggers: new Int32Array(6),
    incidents: 0,
    arrests: 0,
    arrestsPreparation: 0,
    arrestsMembership: 0,
    releases: 0,
    groupsFormed: 0,
    groupsDissolved: 0,
    ...ZERO_PRACTICE,
    traced,
    routes,
  });
}

export function resetTickRecord(r: TickRecord): void {
  r.transitions.fill(0);
  r.triggers.fill(0);
  r.incidents = 0;
  r.arrests = 0;
  r.arrestsPreparation = 0;
  r.arrestsMembership = 0;
  r.releases = 0;
  r.groupsFormed = 0;
  r.groupsDissolved = 0;
  Object.assign(r, ZERO_PRACTICE);
}

const ZERO_PRACTICE = {
  signalsTrue: 0,
  signalsFalse: 0,
  includedTrue: 0,
  includedFalse: 0,
  dismissedTrue: 0,
  dismissedFalse: 0,
  detectionDelaySum: 0,
  detectionCount: 0,
  caseStarts: 0,
  practiceHours: 0,
  interventionStarts: 0,
  interventionCompletions: 0,
  interventionDropouts: 0,
  interventionDeclined: 0,
  interventionHours: 0,
};
