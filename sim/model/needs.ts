/**
 * Needs (MODEL.md 4.5): unmet needs relax toward the personal baseline; a group meets part of
 * its members' needs in proportion to their identification with it, which is what makes groups
 * attractive. Members' identification grows with time in the group and fades outside it.
 */
import { NEEDS } from '../domain.ts';
import { NEED_STRIDE } from '../population/agents.ts';
import type { TickModule } from './module.ts';
import type { World } from './world.ts';

export class NeedsStage implements TickModule {
  readonly name = 'needs';
  private readonly rate: number;
  /** The share of each need a group meets, by NEEDS (0 with groups switched off). */
  private readonly meets: Float64Array;
  private readonly growth: number;
  private readonly needsOn: boolean;

  constructor(w: World) {
    const s = w.scenario;
    this.rate = s.needs.relaxRate;
    this.meets = Float64Array.from(NEEDS, (k) => (s.ablation.groups ? s.needs.groupMeets[k] : 0));
    this.growth = s.influence.groupIdentificationGrowth;
    this.needsOn = s.ablation.needs;
  }

  init(): void {}

  step(w: World): void {
    const rate = this.rate,
      growth = this.growth,
      needsOn = this.needsOn;
    const mId = this.meets[0],
      mJu = this.meets[1],
      mMe = this.meets[2],
      mSe = this.meets[3];
    const a = w.agents;
    const x = a.needs; // need k of agent i at o + k, its baseline at o + NEED_BASELINE + k (o = 8i)
    const needMean = a.needMean;
    const member = w.flags.member,
      gi = a.groupIdentification;
    for (let i = 0, o = 0; i < a.n; i++, o += NEED_STRIDE) {
      let g = 0;
      if (member[i]) g = gi[i] += growth * (1 - gi[i]);
      else if (gi[i] > 0) gi[i] *= 1 - growth;
      if (!needsOn) continue;
      x[o] += rate * (x[o + 4] * (1 - mId * g) - x[o]);
      x[o + 1] += rate * (x[o + 5] * (1 - mJu * g) - x[o + 1]);
      x[o + 2] += rate * (x[o + 6] * (1 - mMe * g) - x[o + 2]);
      x[o + 3] += rate * (x[o + 7] * (1 - mSe * g) - x[o + 3]);
      // The mean need (as refreshNeeds), inlined: hazards read it for everyone every week. The
      // dominant motive is not written here: it is read rarely, and computed there (currentMotive).
      needMean[i] = (x[o] + x[o + 1] + x[o + 2] + x[o + 3]) * 0.25;
    }
  }
}
