/**
 * Social influence (MODEL.md 4.4): each week every free agent meets a few contacts over the
 * network, chosen by layer weight, and may meet the high-reach online sources of their leaning.
 * Attitudes move by relative agreement (Deffuant et al. 2002): confident extremists pull,
 * uncertain moderates are pulled. Contacts of the same leaning, and mainstream contacts of any
 * leaning, influence; a committed radical of another ideology does not. Group followers meeting
 * their own group conform more, leaders less.
 */
import { relativeAgreementToward } from '../influence/relativeAgreement.ts';
import { LAYERS } from '../domain.ts';
import { agentBits, tickKey, tickUniform } from '../random/streams.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { World } from './world.ts';

export type InfluenceListener = (w: World, i: number, before: number, after: number, fromGroup: boolean) => void;

export function createInfluenceStage(s: Scenario, onGroupInfluence?: InfluenceListener) {
  const p = s.influence;
  const weights = Float32Array.from(LAYERS, (l) => s.network.weights[l]);
  const maxWeight = Math.max(...weights);
  const whole = Math.floor(p.contactsPerWeek), fraction = p.contactsPerWeek - whole;
  const reach = Float32Array.from([0, p.sources.reach.jihadist, p.sources.reach.rightWing, p.sources.reach.leftWing, p.sources.reach.antiInstitutional], (r) => r * p.sources.amplification);

  return function influenceStage(w: World): void {
    if (!s.ablation.socialInfluence || maxWeight <= 0) return;
    const a = w.agents, net = w.network, g = w.groups;
    const x = a.attitude, u = a.uncertainty, leaning = a.leaning, group = a.group, online = a.online;
    const detained = a.detainedUntil, offsets = net.offsets, targets = net.targets, layer = net.layer;
    const tk = tickKey(w.keys.influence, w.week), partnerTk = tickKey(w.keys.influencePartner, w.week);
    const threshold = p.mainstreamThreshold;
    for (let i = 0; i < a.n; i++) {
      if (detained[i] >= 0) continue;
      const from = offsets[i], deg = offsets[i + 1] - from;
      const meetings = whole + (fraction > 0 && tickUniform(tk, i, 0) < fraction ? 1 : 0);
      for (let m = 0; m < meetings && deg > 0; m++) {
        // A tie by layer weight: uniform tie, accepted with chance weight / max weight (4 tries).
        // One 32-bit draw per try: the high 16 bits pick the tie, the low 16 bits accept it.
        let j = -1;
        for (let t = 0; t < 4; t++) {
          const bits = agentBits(partnerTk, i, m * 4 + t);
          const e = from + (((bits >>> 16) * deg) >>> 16);
          if ((bits & 0xffff) * maxWeight < weights[layer[e]] * 65536) {
            j = targets[e];
            break;
          }
        }
        if (j < 0 || detained[j] >= 0) continue;
        if (leaning[j] !== leaning[i] && x[j] >= threshold) continue;
        let mu = p.mu;
        const sameGroup = group[i] >= 0 && group[i] === group[j];
        if (sameGroup) mu *= g.leader[group[i]] === i ? p.leaderConformity : p.followerConformity;
        if (mu > 1) mu = 1;
        const before = x[i];
        relativeAgreementToward(x, u, i, x[j], u[j], mu);
        if (sameGroup && onGroupInfluence) onGroupInfluence(w, i, before, x[i], true);
      }
      // High-reach online sources of the own leaning.
      const r = reach[leaning[i]] * online[i];
      if (r > 0 && tickUniform(tk, i, 1) < r) relativeAgreementToward(x, u, i, p.sources.attitude, p.sources.uncertainty, p.mu);
    }
  };
}
