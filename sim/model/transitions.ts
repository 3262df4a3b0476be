/**
 * What a phase change does besides changing the phase: counts, first-entry bookkeeping, the
 * active set, joining or leaving a group, and the route of a traced agent. Group break-ups that
 * follow from it send the remaining members of the group phase back to sensitivity.
 */
import { currentMotive } from '../population/agents.ts';
import type { Scenario } from '../scenario/schema.ts';
import { phaseEvent } from '../run/routes.ts';
import { type BreakupHearer, GroupOps } from './groups.ts';
import { isTraced, recordRoute } from './route.ts';
import type { World } from './world.ts';

export class Transitions implements BreakupHearer {
  private readonly groups: GroupOps;
  private readonly loss: number;

  constructor(s: Scenario) {
    this.groups = new GroupOps(s);
    this.loss = s.groups.breakupAttitudeLoss;
  }

  /** A member of a group that broke up: attitude falls, and the group phase ends. */
  brokeUp(w: World, j: number): void {
    w.agents.attitude[j] *= 1 - this.loss;
    if (w.agents.phase[j] === 2) this.move(w, j, 2, 1);
  }

  /** Takes i out of its group; `breakupChance` forces a break-up before succession is tried. */
  leaveGroup(w: World, i: number, breakupChance: number): void {
    this.groups.leave(w, i, breakupChance, this);
  }

  move(w: World, i: number, from: number, to: number): void {
    const a = w.agents;
    a.phase[i] = to;
    a.weeksInPhase[i] = 0;
    w.record.transitions[from * 4 + to]++;
    if (to > 0) w.active.add(i);
    if (to > 0 && a.firstSensitiveWeek[i] < 0) {
      a.firstSensitiveWeek[i] = w.week;
      a.entryMotive[i] = currentMotive(a, i, w.scenario.ablation.needs);
      w.everSensitive++;
    }
    if (to === 3 && a.maxPhase[i] < 3) w.everAction++;
    if (to > a.maxPhase[i]) a.maxPhase[i] = to;
    if (isTraced(w, i)) recordRoute(w, i, phaseEvent(a, i, w.week, from, to));
    if (to === 2 && a.group[i] < 0) this.groups.join(w, i);
    else if (to < 2 && a.group[i] >= 0) this.leaveGroup(w, i, 0);
  }
}
