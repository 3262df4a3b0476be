/**
 * What a phase change does besides changing the phase: counts, first-entry bookkeeping, the
 * active set, joining or leaving a group, and the route of a traced agent. Group break-ups that
 * follow from it send the remaining members of the group phase back to sensitivity.
 */
import { currentMotive } from '../population/agents.ts';
import type { Scenario } from '../scenario/schema.ts';
import { createGroupOps, type GroupListener } from './groups.ts';
import type { World } from './world.ts';

export function createTransitions(s: Scenario, onGroupEvent?: GroupListener) {
  const groups = createGroupOps(s, onGroupEvent);
  const loss = s.groups.breakupAttitudeLoss;

  const onBreakup = (w: World, j: number) => {
    w.agents.attitude[j] *= 1 - loss;
    if (w.agents.phase[j] === 2) move(w, j, 2, 1);
  };

  function leaveGroup(w: World, i: number, breakupChance: number): void {
    groups.leave(w, i, breakupChance, (j) => onBreakup(w, j));
  }

  function move(w: World, i: number, from: number, to: number): void {
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
    if (w.record.traced[i]) w.record.routes.phaseChange(a, i, w.week, from, to);
    if (to === 2 && a.group[i] < 0) groups.join(w, i);
    else if (to < 2 && a.group[i] >= 0) leaveGroup(w, i, 0);
  }

  return { move, leaveGroup };
}
