/**
 * Needs (MODEL.md 4.5): unmet needs relax toward the personal baseline; a group meets part of
 * its members' needs in proportion to their identification with it, which is what makes groups
 * attractive. Members' identification grows with time in the group and fades outside it.
 */
import { NEEDS } from '../domain.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { World } from './world.ts';

export function createNeedsStage(s: Scenario) {
  const rate = s.needs.relaxRate;
  const [mId, mJu, mMe, mSe] = NEEDS.map((k) => (s.ablation.groups ? s.needs.groupMeets[k] : 0));
  const growth = s.influence.groupIdentificationGrowth;
  const needsOn = s.ablation.needs;
  return function needsStage(w: World): void {
    const a = w.agents;
    const { identity, justice, meaning, sensation } = a.need;
    const b = a.needBaseline;
    const bId = b.identity, bJu = b.justice, bMe = b.meaning, bSe = b.sensation;
    const needMean = a.needMean;
    const member = w.flags.member, gi = a.groupIdentification;
    for (let i = 0; i < a.n; i++) {
      let g = 0;
      if (member[i]) g = gi[i] += growth * (1 - gi[i]);
      else if (gi[i] > 0) gi[i] *= 1 - growth;
      if (!needsOn) continue;
      identity[i] += rate * (bId[i] * (1 - mId * g) - identity[i]);
      justice[i] += rate * (bJu[i] * (1 - mJu * g) - justice[i]);
      meaning[i] += rate * (bMe[i] * (1 - mMe * g) - meaning[i]);
      sensation[i] += rate * (bSe[i] * (1 - mSe * g) - sensation[i]);
      // The mean need (as refreshNeeds), inlined: hazards read it for everyone every week. The
      // dominant motive is not written here: it is read rarely, and computed there (currentMotive).
      needMean[i] = (identity[i] + justice[i] + meaning[i] + sensation[i]) * 0.25;
    }
  };
}
