/**
 * Routes, not roots: for a few chosen agents, the sequence of phase changes with the triggers,
 * needs, group events and (later) practice events around each change. Only traced agents write
 * here, so the tick loop allocates nothing for everyone else.
 */
import { IDEOLOGIES, NEEDS, PATHOLOGIES } from '../domain.ts';
import { NEED_STRIDE, type Agents } from '../population/agents.ts';

export type RouteEvent =
  | {
      week: number;
      kind: 'phase';
      from: number;
      to: number;
      needs: Record<string, number>;
      attitude: number;
      trigger: number;
      group: number;
    }
  | { week: number; kind: 'trigger'; id: string; level: string; direction: string; impact: number }
  | { week: number; kind: 'group'; event: string; group: number }
  | { week: number; kind: 'incident' | 'arrest' | 'release' }
  /** The person left (oldest age) and a newcomer took this id: what follows is the newcomer's route. */
  | { week: number; kind: 'renewed' }
  | { week: number; kind: 'signal'; truePositive: boolean }
  | {
      week: number;
      kind: 'triage';
      decision: 'dismissed' | 'waiting list' | 'case started' | 'follow-up';
      radicalising: boolean;
    }
  | { week: number; kind: 'case'; event: 'ended' }
  | { week: number; kind: 'intervention'; event: string; id: string };

export interface Route {
  id: number;
  /**
   * The week from which the route is recorded: 0 for agents traced from the start (scenario
   * `outputs.routes`), the week of the `trace` call for agents traced later. Events of weeks
   * up to and including `since` are not in `events`; `start` describes the person at that week.
   */
  since: number;
  /** The person's state when tracing began (at week `since`), so a later trace has context. */
  start: RouteStart;
  profile: Record<string, number | string>;
  events: RouteEvent[];
}

/** What is known of a person at the week tracing began (from their current state, not history). */
export interface RouteStart {
  phase: number;
  /** Weeks spent in that phase so far (so the phase began about `since - weeksInPhase`). */
  weeksInPhase: number;
  /** Highest phase ever reached. */
  maxPhase: number;
  /** First entry into phase >= 1, -1 = never. */
  firstSensitiveWeek: number;
  /** Group id, -1 = none. */
  group: number;
  /** Last signal, first inclusion in the PGA: -1 = never. */
  signalWeek: number;
  detectedWeek: number;
  needs: Record<string, number>;
  attitude: number;
}

export class RouteLog {
  private readonly byId = new Map<number, RouteEvent[]>();
  private readonly sinceById = new Map<number, { since: number; start: RouteStart | null }>();
  private sorted: number[] = [];
  /**
   * Weeks of the burn-in: the model's clock counts them, routes do not. Events are stored in
   * weeks after the burn-in, and those of the burn-in itself are not stored.
   */
  burnIn = 0;

  constructor(ids: readonly number[]) {
    for (const id of ids)
      if (!this.byId.has(id)) {
        this.byId.set(id, []);
        this.sinceById.set(id, { since: 0, start: null });
      }
    this.sorted = [...this.byId.keys()].sort((a, b) => a - b);
  }

  /** The traced agent ids, ascending. */
  get ids(): readonly number[] {
    return this.sorted;
  }

  has(id: number): boolean {
    return this.byId.has(id);
  }

  /** Records the start state (week 0) of the agents traced from the start; called once after the build. */
  captureStart(a: Agents): void {
    for (const [id, s] of this.sinceById) if (s.start === null) s.start = snapshot(a, id, this.burnIn);
  }

  /**
   * Starts recording the routes of `ids` from `week` on (their events of later weeks), keeping
   * a snapshot of each one's state at that week. Ids already traced are left as they are.
   * Returns the ids newly traced. The caller also sets the tick record's `traced` flags.
   */
  trace(ids: readonly number[], week: number, a: Agents): number[] {
    const added: number[] = [];
    for (const id of ids) {
      if (this.byId.has(id)) continue;
      this.byId.set(id, []);
      this.sinceById.set(id, { since: week, start: snapshot(a, id, this.burnIn) });
      added.push(id);
    }
    if (added.length) this.sorted = [...this.byId.keys()].sort((x, y) => x - y);
    return added;
  }

  add(id: number, e: RouteEvent): void {
    if (this.burnIn > 0) {
      if (e.week <= this.burnIn) return;
      e.week -= this.burnIn;
    }
    this.byId.get(id)?.push(e);
  }

  /**
   * Routes with each agent's fixed profile, for routes.json (all traced agents, or the `only`
   * ids among them, in ascending order).
   */
  toJSON(a: Agents, regionNames: readonly string[] = [], only?: readonly number[]): Route[] {
    const want = only ? new Set(only) : null;
    return this.ids
      .filter((id) => !want || want.has(id))
      .map((id) => {
        const s = this.sinceById.get(id) ?? { since: 0, start: null };
        const profile: Record<string, number | string> = {
          ageAtEnd: round(a.age[id]),
          sex: a.male[id] ? 'male' : 'female',
          education: ['low', 'mid', 'high'][a.education[id]],
          region: regionNames[a.region[id]] ?? a.region[id],
          leaning: IDEOLOGIES[a.leaning[id]],
          phaseAtEnd: a.phase[id],
        };
        for (const d of PATHOLOGIES) if (a.pathology[d][id] > 0) profile[d] = round(a.pathology[d][id]);
        return {
          id,
          since: s.since,
          start: s.start ?? snapshot(a, id, this.burnIn),
          profile,
          events: this.byId.get(id) ?? [],
        };
      });
  }
}

/** A phase change of agent i, with the needs, attitude, trigger load and group around it. */
export function phaseEvent(a: Agents, i: number, week: number, from: number, to: number): RouteEvent {
  const needs: Record<string, number> = {};
  NEEDS.forEach((k, j) => (needs[k] = round(a.needs[NEED_STRIDE * i + j])));
  return {
    week,
    kind: 'phase',
    from,
    to,
    needs,
    attitude: round(a.attitude[i]),
    trigger: round(a.recentTrigger[i]),
    group: a.group[i],
  };
}

/** The state of agent `i` now, as a route's start (weeks counted after a burn-in of `burnIn` weeks). */
export function snapshot(a: Agents, i: number, burnIn = 0): RouteStart {
  const after = (week: number) => (week < 0 ? week : week - burnIn);
  const needs: Record<string, number> = {};
  NEEDS.forEach((k, j) => (needs[k] = round(a.needs[NEED_STRIDE * i + j])));
  return {
    phase: a.phase[i],
    weeksInPhase: Math.round(a.weeksInPhase[i]),
    maxPhase: a.maxPhase[i],
    firstSensitiveWeek: after(a.firstSensitiveWeek[i]),
    group: a.group[i],
    signalWeek: after(a.signalWeek[i]),
    detectedWeek: after(a.detectedWeek[i]),
    needs,
    attitude: round(a.attitude[i]),
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
