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
import { agentUniform } from '../random/streams.ts';
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
    const x = a.attitude, u = a.uncertainty;
    const key = w.keys.influence, partnerKey = w.keys.influencePartner, week = w.week;
    for (let i = 0; i < a.n; i++) {
      if (a.detainedUntil[i] >= 0) continue;
      const from = net.offsets[i], deg = net.offsets[i + 1] - from;
      const meetings = whole + (fraction > 0 && agentUniform(key, week, i, 0) < fraction ? 1 : 0);
      for (let m = 0; m < meetings && deg > 0; m++) {
        // A tie by layer weight: uniform tie, accepted with chance weight / max weight (4 tries).
        let j = -1;
        for (let t = 0; t < 4; t++) {
          const e = from + Math.floor(agentUniform(partnerKey, week, i, 2 * (m * 4 + t)) * deg);
          if (agentUniform(partnerKey, week, i, 2 * (m * 4 + t) + 1) * maxWeight < weights[net.layer[e]]) {
            j = net.targets[e];
            break;
          }
        }
        if (j < 0 || a.detainedUntil[j] >= 0) continue;
        if (a.leaning[j] !== a.leaning[i] && x[j] >= p.mainstreamThreshold) continue;
        let mu = p.mu;
        const sameGroup = a.group[i] >= 0 && a.group[i] === a.group[j];
        if (sameGroup) mu *= g.leader[a.group[i]] === i ? p.leaderConformity : p.followerConformity;
        if (mu > 1) mu = 1;
        const before = x[i];
        relativeAgreementToward(x, u, i, x[j], u[j], mu);
        if (sameGroup && onGroupInfluence) onGroupInfluence(w, i, before, x[i], true);
      }
      // High-reach online sources of the own leaning.
      const r = reach[a.leaning[i]] * a.online[i];
      if (r > 0 && agentUniform(key, week, i, 1) < r) relativeAgreementToward(x, u, i, p.sources.attitude, p.sources.uncertainty, p.mu);
    }
  };
}
