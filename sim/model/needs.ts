/**
 * Needs (MODEL.md 4.5): unmet needs relax toward the personal baseline; a group meets part of
 * its members' needs in proportion to their identification with it, which is what makes groups
 * attractive. Members' identification grows with time in the group. Also ages everyone by a week.
 */
import { NEEDS } from '../domain.ts';
import { refreshDerived } from '../population/agents.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { World } from './world.ts';

export function createNeedsStage(s: Scenario) {
  const rate = s.needs.relaxRate;
  const met = Float32Array.from(NEEDS, (k) => (s.ablation.groups ? s.needs.groupMeets[k] : 0));
  const growth = s.influence.groupIdentificationGrowth;
  return function needsStage(w: World): void {
    const a = w.agents;
    const cur = NEEDS.map((k) => a.need[k]);
    const base = NEEDS.map((k) => a.needBaseline[k]);
    const member = w.flags.member, adolescent = w.flags.adolescent;
    const gi = a.groupIdentification;
    for (let i = 0; i < a.n; i++) {
      a.age[i] += 1 / 52;
      adolescent[i] = a.age[i] < 18 ? 1 : 0;
      if (member[i]) gi[i] += growth * (1 - gi[i]);
      else if (gi[i] > 0) gi[i] *= 1 - growth;
      if (!s.ablation.needs) continue;
      const g = member[i] ? gi[i] : 0;
      for (let k = 0; k < 4; k++) {
        const target = base[k][i] * (1 - met[k] * g);
        cur[k][i] += rate * (target - cur[k][i]);
      }
      refreshDerived(a, i);
    }
  };
}
