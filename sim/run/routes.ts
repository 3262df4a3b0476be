/**
 * Routes, not roots: for a few chosen agents, the sequence of phase changes with the triggers,
 * needs, group events and (later) practice events around each change. Only traced agents write
 * here, so the tick loop allocates nothing for everyone else.
 */
import { IDEOLOGIES, NEEDS, PATHOLOGIES } from '../domain.ts';
import type { Agents } from '../population/agents.ts';

export type RouteEvent =
  | { week: number; kind: 'phase'; from: number; to: number; needs: Record<string, number>; attitude: number; trigger: number; group: number }
  | { week: number; kind: 'trigger'; id: string; level: string; direction: string; impact: number }
  | { week: number; kind: 'group'; event: string; group: number }
  | { week: number; kind: 'incident' | 'arrest' | 'release' }
  /** The person left (oldest age) and a newcomer took this id: what follows is the newcomer's route. */
  | { week: number; kind: 'renewed' }
  | { week: number; kind: 'signal'; truePositive: boolean }
  | { week: number; kind: 'triage'; decision: 'dismissed' | 'waiting list' | 'case started' | 'follow-up'; radicalising: boolean }
  | { week: number; kind: 'case'; event: 'ended' }
  | { week: number; kind: 'intervention'; event: string; id: string };

export interface Route {
  id: number;
  profile: Record<string, number | string>;
  events: RouteEvent[];
}

export class RouteLog {
  readonly ids: readonly number[];
  private readonly byId = new Map<number, RouteEvent[]>();

  constructor(ids: readonly number[]) {
    this.ids = [...new Set(ids)].sort((a, b) => a - b);
    for (const id of this.ids) this.byId.set(id, []);
  }

  add(id: number, e: RouteEvent): void {
    this.byId.get(id)?.push(e);
  }

  phaseChange(a: Agents, i: number, week: number, from: number, to: number): void {
    const needs: Record<string, number> = {};
    for (const k of NEEDS) needs[k] = round(a.need[k][i]);
    this.add(i, { week, kind: 'phase', from, to, needs, attitude: round(a.attitude[i]), trigger: round(a.recentTrigger[i]), group: a.group[i] });
  }

  /** Routes with each agent's fixed profile, for routes.json. */
  toJSON(a: Agents, regionNames: readonly string[] = []): Route[] {
    return this.ids.map((id) => {
      const profile: Record<string, number | string> = {
        ageAtEnd: round(a.age[id]),
        sex: a.male[id] ? 'male' : 'female',
        education: ['low', 'mid', 'high'][a.education[id]],
        region: regionNames[a.region[id]] ?? a.region[id],
        leaning: IDEOLOGIES[a.leaning[id]],
        phaseAtEnd: a.phase[id],
      };
      for (const d of PATHOLOGIES) if (a.pathology[d][id] > 0) profile[d] = round(a.pathology[d][id]);
      return { id, profile, events: this.byId.get(id) ?? [] };
    });
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
