/**
 * Extremist groups (MODEL.md section 3, meso level). A person entering the group phase joins a
 * group of their leaning through a tie to a member, or online, or founds one and leads it.
 * A newcomer with a clearly higher leadership score (narcissistic traits, sensation need,
 * attitude) takes the lead. Losing the leader breaks the group up unless a successor takes over;
 * the last member leaving dissolves it. Members' ties make recruitment pressure (groupTies).
 */
import { NEED_STRIDE, SENSATION } from '../population/agents.ts';
import type { Scenario } from '../scenario/schema.ts';
import { agentUniform } from '../random/streams.ts';
import type { TickModule } from './module.ts';
import { recordRoute } from './route.ts';
import type { Groups, World } from './world.ts';
import { fixedShape } from '../fixedShape.ts';

export type { Groups } from './world.ts';

export type GroupEvent = 'founded' | 'joined' | 'tookLead' | 'succeeded' | 'left' | 'brokeUp' | 'dissolved';

export function createGroups(capacity = 64): Groups {
  return fixedShape({
    count: 0,
    alive: 0,
    leader: new Int32Array(capacity).fill(-1),
    size: new Int32Array(capacity),
    ideology: new Uint8Array(capacity),
    founded: new Int32Array(capacity),
  });
}

function grow(g: Groups): void {
  const cap = g.leader.length * 2;
  const leader = new Int32Array(cap).fill(-1);
  leader.set(g.leader);
  const size = new Int32Array(cap);
  size.set(g.size);
  const ideology = new Uint8Array(cap);
  ideology.set(g.ideology);
  const founded = new Int32Array(cap);
  founded.set(g.founded);
  Object.assign(g, { leader, size, ideology, founded });
}

export function leaderScore(s: Scenario, w: World, i: number): number {
  const k = s.groups.leaderScore;
  const a = w.agents;
  const narcissism = s.ablation.pathology ? a.pathology.narcissism[i] : 0;
  const sensation = s.ablation.needs ? a.needs[NEED_STRIDE * i + SENSATION] : 0;
  return k.narcissism * narcissism + k.sensation * sensation + k.attitude * a.attitude[i];
}

/** Hears the members who lost their group when it broke up. */
export interface BreakupHearer {
  brokeUp(w: World, j: number): void;
}

/** Joining, leaving, succession and break-up of groups, with the route events they make. */
export class GroupOps {
  constructor(private readonly s: Scenario) {}

  private note(w: World, i: number, group: number, event: GroupEvent): void {
    recordRoute(w, i, { week: w.week, kind: 'group', event, group });
  }

  private setMember(w: World, i: number, g: number): void {
    w.agents.group[i] = g;
    w.flags.member[i] = g >= 0 ? 1 : 0;
  }

  private setLeader(w: World, g: number, i: number): void {
    const old = w.groups.leader[g];
    if (old >= 0) w.flags.leader[old] = 0;
    w.groups.leader[g] = i;
    if (i >= 0) w.flags.leader[i] = 1;
  }

  /** Puts agent i (just entered the group phase) into a group. */
  join(w: World, i: number): void {
    const s = this.s;
    if (!s.ablation.groups) return;
    const a = w.agents,
      g = w.groups,
      net = w.network;
    const lean = a.leaning[i];
    // Through a tie: the group of the neighbour met first, scanning from a random offset.
    const from = net.offsets[i],
      deg = net.offsets[i + 1] - from;
    let chosen = -1;
    if (deg > 0) {
      const start = Math.floor(agentUniform(w.keys.group, w.week, i, 0) * deg);
      for (let d = 0; d < deg; d++) {
        const j = net.targets[from + ((start + d) % deg)];
        const gj = a.group[j];
        if (gj >= 0 && g.ideology[gj] === lean && g.size[gj] < s.groups.maxSize) {
          chosen = gj;
          break;
        }
      }
    }
    // Online: the largest group of the leaning with room, more likely the more online one is.
    if (chosen < 0 && agentUniform(w.keys.group, w.week, i, 1) < s.groups.onlineJoinShare * 2 * a.online[i]) {
      let best = 0;
      for (let k = 0; k < g.count; k++) {
        if (g.size[k] > best && g.ideology[k] === lean && g.size[k] < s.groups.maxSize)
          (best = g.size[k]), (chosen = k);
      }
    }
    if (chosen < 0) {
      if (g.count === g.leader.length) grow(g);
      chosen = g.count++;
      g.alive++;
      g.size[chosen] = 1;
      g.ideology[chosen] = lean;
      g.founded[chosen] = w.week;
      this.setMember(w, i, chosen);
      this.setLeader(w, chosen, i);
      w.record.groupsFormed++;
      this.note(w, i, chosen, 'founded');
      return;
    }
    g.size[chosen]++;
    this.setMember(w, i, chosen);
    this.note(w, i, chosen, 'joined');
    const lead = g.leader[chosen];
    if (lead < 0 || leaderScore(s, w, i) > s.groups.takeoverMargin * leaderScore(s, w, lead)) {
      this.setLeader(w, chosen, i);
      this.note(w, i, chosen, 'tookLead');
    }
  }

  /**
   * Takes agent i out of its group. If i led it, a successor takes over with the scenario's
   * chance (or `breakupChance` forces a break-up), else the group breaks up, and `hearer`
   * hears each member who lost the group.
   */
  leave(w: World, i: number, breakupChance: number, hearer: BreakupHearer): void {
    const a = w.agents,
      g = w.groups;
    const k = a.group[i];
    if (k < 0) return;
    this.setMember(w, i, -1);
    g.size[k]--;
    this.note(w, i, k, 'left');
    if (g.size[k] === 0) {
      this.dissolve(w, k);
      return;
    }
    if (g.leader[k] !== i) return;
    this.setLeader(w, k, -1);
    const u = agentUniform(w.keys.group, w.week, i, 2);
    if (u >= breakupChance && agentUniform(w.keys.group, w.week, i, 3) < this.s.groups.successionChance) {
      const next = this.strongestMember(w, k);
      this.setLeader(w, k, next);
      this.note(w, next, k, 'succeeded');
      return;
    }
    // Break-up: every member loses the group.
    for (let q = w.active.size - 1; q >= 0; q--) {
      const j = w.active.at(q);
      if (a.group[j] === k) {
        this.setMember(w, j, -1);
        g.size[k]--;
        this.note(w, j, k, 'brokeUp');
        hearer.brokeUp(w, j);
      }
    }
    this.dissolve(w, k);
  }

  private dissolve(w: World, k: number): void {
    w.groups.alive--;
    w.groups.size[k] = 0;
    this.setLeader(w, k, -1);
    w.record.groupsDissolved++;
  }

  private strongestMember(w: World, k: number): number {
    let best = -1,
      bestScore = -Infinity;
    for (let q = 0; q < w.active.size; q++) {
      const j = w.active.at(q);
      if (w.agents.group[j] !== k) continue;
      const sc = leaderScore(this.s, w, j);
      if (sc > bestScore || (sc === bestScore && j < best)) (bestScore = sc), (best = j);
    }
    return best;
  }
}

/**
 * Recruitment pressure: groupTies[j] counts j's ties to members of groups of j's leaning.
 * Pushed from the (few) members to their neighbours, and cleared the same way next week.
 */
export class GroupTiesStage implements TickModule {
  readonly name = 'groupTies';
  /** The agents whose count was raised last week, to clear. */
  private touched = new Uint32Array(1024);
  private touchedCount = 0;

  init(): void {}

  step(w: World): void {
    const a = w.agents,
      net = w.network,
      g = w.groups;
    let touched = this.touched,
      touchedCount = this.touchedCount;
    for (let t = 0; t < touchedCount; t++) a.groupTies[touched[t]] = 0;
    touchedCount = 0;
    for (let q = 0; q < w.active.size; q++) {
      const m = w.active.at(q);
      const k = a.group[m];
      if (k < 0) continue;
      const ideology = g.ideology[k];
      for (let e = net.offsets[m]; e < net.offsets[m + 1]; e++) {
        const j = net.targets[e];
        if (a.leaning[j] !== ideology || a.group[j] === k) continue;
        if (a.groupTies[j] === 0) {
          if (touchedCount === touched.length) {
            const grown = new Uint32Array(touched.length * 2);
            grown.set(touched);
            touched = this.touched = grown;
          }
          touched[touchedCount++] = j;
        }
        a.groupTies[j]++;
      }
    }
    this.touchedCount = touchedCount;
  }
}
