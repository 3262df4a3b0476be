/**
 * What taking part in a programme does to a person (MODEL.md 5): the six working elements move
 * protective factors, needs, attitude, violence and pathology; ideological change is resisted
 * more in later phases and with stronger group identification; the system approach passes part
 * of the gain in bonds and resilience to the household; tailored case plans weigh the elements
 * by what the person shows; uptake depends on trust, stigma and delivery.
 */
import { WORKING_ELEMENTS } from '../domain.ts';
import { HOUSEHOLD as HOUSEHOLD_LAYER } from '../network/build.ts';
import {
  IDENTITY,
  JUSTICE,
  MEANING,
  NEED_BASELINE,
  NEED_STRIDE,
  refreshNeeds,
  refreshProtection,
} from '../population/agents.ts';
import type { InterventionMechanics } from '../scenario/practiceSchema.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Programme } from './programmes.ts';
import type { World } from './world.ts';

export const E = WORKING_ELEMENTS.length;
export const [COG, PSY, SOC, BEH, SOCIETAL, PATH] = [0, 1, 2, 3, 4, 5];

const clamp = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

export class InterventionEffects {
  private readonly m: InterventionMechanics;
  private readonly fx: InterventionMechanics['effects'];
  private readonly needsOn: boolean;
  /** Per working element, scratch of planFor. */
  private readonly score = new Float32Array(E);

  constructor(s: Scenario) {
    this.m = s.interventionMechanics;
    this.fx = this.m.effects;
    this.needsOn = s.ablation.needs;
  }

  resistance(w: World, i: number): number {
    const a = w.agents,
      m = this.m;
    return Math.min(
      0.95,
      m.resistance.byPhase[a.phase[i]] + m.resistance.groupIdentification * a.groupIdentification[i],
    );
  }

  /** Applies the change of effect levels `d` (per working element) to agent i's state. */
  apply(w: World, i: number, d: Float32Array): void {
    const fx = this.fx;
    const a = w.agents,
      p = a.protective,
      n = a.needs,
      o = NEED_STRIDE * i,
      b = o + NEED_BASELINE;
    const keepIdeology = 1 - this.resistance(w, i);
    p.criticalThinking[i] = clamp(p.criticalThinking[i] + fx.cognitive.criticalThinking * d[COG]);
    p.resilience[i] = clamp(p.resilience[i] + fx.psychosocial.resilience * d[PSY]);
    p.emotionRegulation[i] = clamp(p.emotionRegulation[i] + fx.psychosocial.emotionRegulation * d[PSY]);
    p.socialBonds[i] = clamp(p.socialBonds[i] + fx.socialEducational.socialBonds * d[SOC]);
    p.civicCompetence[i] = clamp(p.civicCompetence[i] + fx.societal.civicCompetence * d[SOCIETAL]);
    p.institutionalTrust[i] = clamp(p.institutionalTrust[i] + fx.societal.institutionalTrust * d[SOCIETAL]);
    if (this.needsOn) {
      const dm = fx.socialEducational.meaning * d[SOC],
        di = fx.socialEducational.identity * d[SOC],
        dj = fx.societal.justice * d[SOCIETAL];
      n[b + MEANING] = clamp(n[b + MEANING] - dm);
      n[o + MEANING] = clamp(n[o + MEANING] - dm);
      n[b + IDENTITY] = clamp(n[b + IDENTITY] - di);
      n[o + IDENTITY] = clamp(n[o + IDENTITY] - di);
      n[b + JUSTICE] = clamp(n[b + JUSTICE] - dj);
      n[o + JUSTICE] = clamp(n[o + JUSTICE] - dj);
      refreshNeeds(a, i);
    }
    a.attitude[i] = clamp(
      a.attitude[i] - keepIdeology * (fx.cognitive.attitude * d[COG] + fx.behavioural.attitude * d[BEH]),
    );
    a.violence[i] = clamp(a.violence[i] - keepIdeology * fx.behavioural.violence * d[BEH]);
    a.groupIdentification[i] = clamp(
      a.groupIdentification[i] - keepIdeology * fx.behavioural.groupIdentification * d[BEH],
    );
    const t = fx.pathologyTreatment.severity * d[PATH];
    if (t !== 0) {
      // Treatment scales severity down; decay of the treatment effect scales it back up.
      const f = t > 0 ? 1 - Math.min(0.99, t) : 1 / (1 - Math.min(0.99, -t));
      const q = a.pathology;
      q.adhd[i] = Math.min(1, q.adhd[i] * f);
      q.psychosis[i] = Math.min(1, q.psychosis[i] * f);
      q.depression[i] = Math.min(1, q.depression[i] * f);
      q.trauma[i] = Math.min(1, q.trauma[i] * f);
      a.pathologyAny[i] =
        1 -
        (1 - q.adhd[i]) *
          (1 - q.autism[i]) *
          (1 - q.psychosis[i]) *
          (1 - q.narcissism[i]) *
          (1 - q.depression[i]) *
          (1 - q.trauma[i]);
    }
    refreshProtection(a, i);
  }

  /**
   * The restoring forces' share of a programme's effect (7.7a, 7.13): the part of agent i's
   * state that the effect levels above the kept floor make (`o` is the agent's offset in the dose
   * table) is held by the programme, whose decay alone removes it, so the restoring stage pulls
   * toward the set point plus that part. This adds the pull toward it, `kA` and `kP` being the
   * shares of the gap that closed at this visit for attitude and protective factors.
   */
  hold(w: World, i: number, o: number, kA: number, kP: number): void {
    const a = w.agents,
      t = a.dose,
      dose = t.dose,
      floor = t.floor,
      fx = this.fx;
    const cog = dose[o + COG] - floor[o + COG],
      psy = dose[o + PSY] - floor[o + PSY],
      soc = dose[o + SOC] - floor[o + SOC],
      beh = dose[o + BEH] - floor[o + BEH],
      societal = dose[o + SOCIETAL] - floor[o + SOCIETAL];
    if (cog === 0 && psy === 0 && soc === 0 && beh === 0 && societal === 0) return;
    const p = a.protective;
    p.criticalThinking[i] = clamp(p.criticalThinking[i] + kP * fx.cognitive.criticalThinking * cog);
    p.resilience[i] = clamp(p.resilience[i] + kP * fx.psychosocial.resilience * psy);
    p.emotionRegulation[i] = clamp(p.emotionRegulation[i] + kP * fx.psychosocial.emotionRegulation * psy);
    p.socialBonds[i] = clamp(p.socialBonds[i] + kP * fx.socialEducational.socialBonds * soc);
    p.civicCompetence[i] = clamp(p.civicCompetence[i] + kP * fx.societal.civicCompetence * societal);
    p.institutionalTrust[i] = clamp(p.institutionalTrust[i] + kP * fx.societal.institutionalTrust * societal);
    // As in apply: the ideological part is held as far as resistance lets it through now.
    const keepIdeology = 1 - this.resistance(w, i);
    a.attitude[i] = clamp(
      a.attitude[i] - kA * keepIdeology * (fx.cognitive.attitude * cog + fx.behavioural.attitude * beh),
    );
  }

  /**
   * The system approach: household members gain a share of the participant's rise in bonds and
   * resilience (`d`, this week's change of effect levels).
   */
  reachHousehold(w: World, i: number, share: number, d: Float32Array): void {
    if (share <= 0 || (d[SOC] <= 0 && d[PSY] <= 0)) return;
    const fx = this.fx;
    const a = w.agents,
      net = w.network,
      p = a.protective;
    for (let e = net.offsets[i]; e < net.offsets[i + 1]; e++) {
      if (net.layer[e] !== HOUSEHOLD_LAYER) continue;
      const j = net.targets[e];
      p.socialBonds[j] = Math.min(1, p.socialBonds[j] + share * fx.socialEducational.socialBonds * Math.max(0, d[SOC]));
      p.resilience[j] = Math.min(1, p.resilience[j] + share * fx.psychosocial.resilience * Math.max(0, d[PSY]));
      refreshProtection(a, j);
    }
  }

  /** Per-person intensities of a case plan: tailored plans weigh elements by what the person shows. */
  planFor(w: World, i: number, p: Programme, out: Float32Array): void {
    out.set(p.intensity);
    if (p.tailored <= 0) return;
    const a = w.agents,
      score = this.score;
    let total = 0;
    for (let e = 0; e < E; e++) total += p.intensity[e];
    score[COG] = a.attitude[i];
    score[PSY] = 1 - a.protection[i];
    const o = NEED_STRIDE * i;
    score[SOC] = (a.needs[o + IDENTITY] + a.needs[o + MEANING]) / 2;
    score[BEH] = a.phase[i] / 3 + a.violence[i];
    score[SOCIETAL] = a.needs[o + JUSTICE];
    score[PATH] = a.pathologyAny[i]; // pathology treatment only where there is pathology
    let sum = 0;
    for (let e = 0; e < E; e++) sum += score[e];
    if (sum === 0) sum = 1;
    for (let e = 0; e < E; e++)
      out[e] = Math.min(1, (1 - p.tailored) * p.intensity[e] + (p.tailored * total * score[e]) / sum);
  }

  /** The chance that agent i takes up an offer of programme p. */
  uptake(w: World, i: number, p: Programme): number {
    const a = w.agents,
      u = this.m.uptake,
      d = p.spec.delivery;
    const stigma = a.labelled[i] ? u.stigma * (1 - d.transparency) : 0;
    return (
      u.base +
      u.trust * (a.protective.institutionalTrust[i] - 0.5) +
      u.messengers * d.communityMessengers +
      u.cultural * d.culturalResponsiveness +
      u.transparency * d.transparency -
      stigma
    );
  }
}
