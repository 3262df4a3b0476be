/**
 * Interventions (MODEL.md 5; seed 003_b01ffb2916f57b10.txt): declarative programmes that reach
 * people (universal by age and region, targeted as the case plan of the PGA, indicated by
 * phase), move protective factors, needs, attitude, violence and pathology through six working
 * elements, and cost professional hours.
 *
 * Each participant carries, per working element, an effect level that climbs toward the
 * programme's intensity while they take part (dose-response). What is kept after the end grows
 * with the time taken part: nothing below a minimum effective duration, all of it from a full
 * duration; the rest decays with a half-life. State changes follow the change of the effect
 * level, so decay undoes what was not kept. Ideological change is resisted more in later phases
 * and with stronger group identification. A programme that addresses more than one factor group
 * works better than the sum of its parts (holistic synergy); pathology treatment touches only
 * pathology, which only moderates. Uptake and drop-out depend on trust, stigma and delivery; the
 * system approach passes part of the gain in bonds and resilience to the household.
 */
import { WORKING_ELEMENTS } from '../domain.ts';
import {
  NEED_BASELINE,
  IDENTITY,
  JUSTICE,
  MEANING,
  NEED_STRIDE,
  refreshNeeds,
  refreshProtection,
} from '../population/agents.ts';
import { agentUniform, tickKey, tickUniform } from '../random/streams.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Intervention } from '../scenario/practiceSchema.ts';
import { deepMerge } from '../scenario/resolve.ts';
import { SparseSet } from './sparseSet.ts';
import { HOUSEHOLD as HOUSEHOLD_LAYER } from '../network/build.ts';
import type { World } from './world.ts';

const E = WORKING_ELEMENTS.length;
const [COG, PSY, SOC, BEH, SOCIETAL, PATH] = [0, 1, 2, 3, 4, 5];
/** The factor groups of MODEL.md 1 that working elements address. */
const FACTOR_GROUP = [2, 1, 0, 2, 0, 1]; // needs 0, pathology and resilience 1, ideology and behaviour 2

export interface Programme {
  readonly spec: Intervention;
  readonly intensity: Float32Array;
  readonly synergy: number;
  /** Case plans: the region they belong to, and whether they are tailored per person. */
  readonly caseRegion: number;
  readonly tailored: number;
}

export interface InterventionOps {
  readonly programmes: readonly Programme[];
  /** Index of the case plan of region r. */
  casePlan(r: number): number;
  /** The first targeted programme that can reach agent i, or -1. */
  targetedFor(w: World, i: number): number;
  enroll(w: World, i: number, k: number): boolean;
  stage(w: World): void;
  /** 1 for every agent who ever started programme k (undefined before the first week). */
  tookPart(k: number): Uint8Array | undefined;
}

export function programmeSynergy(intensity: ArrayLike<number>, synergy: number): number {
  const groups = new Set<number>();
  for (let e = 0; e < E; e++) if (intensity[e] > 0) groups.add(FACTOR_GROUP[e]);
  return 1 + synergy * Math.max(0, groups.size - 1);
}

export function createInterventions(s: Scenario): InterventionOps {
  const m = s.interventionMechanics;
  const programmes: Programme[] = s.interventions.map((spec) => {
    const intensity = Float32Array.from(WORKING_ELEMENTS, (e) => spec.intensity[e]);
    return { spec, intensity, synergy: programmeSynergy(intensity, m.holisticSynergy), caseRegion: -1, tailored: 0 };
  });
  const firstCasePlan = programmes.length;
  s.regions.forEach((region, r) => {
    const cases = (deepMerge(s.practice, region.practice ?? {}) as Scenario['practice']).cases;
    const labelling = (deepMerge(s.practice, region.practice ?? {}) as Scenario['practice']).labelling;
    const intensity = Float32Array.from(WORKING_ELEMENTS, (e) => cases.plan[e]);
    programmes.push({
      spec: {
        id: `casePlan_${region.name}`,
        label: `PGA case plan (${region.name})`,
        reach: 'targeted',
        ageFrom: 0,
        ageTo: 200,
        regions: [region.name],
        phases: [],
        startWeek: 1,
        endWeek: s.weeks,
        durationWeeks: Math.max(1, cases.caseWeeks),
        coverage: 1,
        capacityPer100k: 0,
        intensity: cases.plan,
        delivery: {
          familyInvolvement: 0,
          communityMessengers: 0,
          transparency: labelling.transparency,
          culturalResponsiveness: 0,
          traumaSensitivity: 0,
        },
        costHoursPerWeek: 0, // case hours are counted by the practice stage
      },
      intensity,
      synergy: programmeSynergy(intensity, m.holisticSynergy),
      caseRegion: r,
      tailored: cases.tailored,
    });
  });
  const regionIndex = new Map(s.regions.map((r, k) => [r.name, k]));
  const reachesRegion = programmes.map((p) => {
    const mask = new Uint8Array(s.regions.length);
    if (p.spec.regions.length === 0) mask.fill(1);
    for (const name of p.spec.regions) mask[regionIndex.get(name)!] = 1;
    return mask;
  });
  const capacity = programmes.map((p) =>
    p.spec.capacityPer100k > 0 ? Math.max(1, Math.round((p.spec.capacityPer100k * s.agents) / 100_000)) : Infinity,
  );
  const participants = new Int32Array(programmes.length);
  let offered: Uint8Array[] = [];
  let took: Uint8Array[] = [];
  let treated: SparseSet | undefined;
  const keepRange = Math.max(1, m.response.fullEffectWeeks - m.response.minEffectiveWeeks);
  const decay = m.response.decayHalfLifeWeeks > 0 ? 0.5 ** (1 / m.response.decayHalfLifeWeeks) : 0;
  const delta = new Float32Array(E);
  const target = new Float32Array(E);
  const score = new Float32Array(E);
  const fx = m.effects;

  function resistance(w: World, i: number): number {
    const a = w.agents;
    return Math.min(
      0.95,
      m.resistance.byPhase[a.phase[i]] + m.resistance.groupIdentification * a.groupIdentification[i],
    );
  }

  /** Applies the change of effect levels `d` (per working element) to agent i's state. */
  function applyEffects(w: World, i: number, d: Float32Array): void {
    const a = w.agents,
      p = a.protective,
      n = a.needs,
      o = NEED_STRIDE * i,
      b = o + NEED_BASELINE;
    const keepIdeology = 1 - resistance(w, i);
    const clamp = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);
    p.criticalThinking[i] = clamp(p.criticalThinking[i] + fx.cognitive.criticalThinking * d[COG]);
    p.resilience[i] = clamp(p.resilience[i] + fx.psychosocial.resilience * d[PSY]);
    p.emotionRegulation[i] = clamp(p.emotionRegulation[i] + fx.psychosocial.emotionRegulation * d[PSY]);
    p.socialBonds[i] = clamp(p.socialBonds[i] + fx.socialEducational.socialBonds * d[SOC]);
    p.civicCompetence[i] = clamp(p.civicCompetence[i] + fx.societal.civicCompetence * d[SOCIETAL]);
    p.institutionalTrust[i] = clamp(p.institutionalTrust[i] + fx.societal.institutionalTrust * d[SOCIETAL]);
    if (s.ablation.needs) {
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

  /** The system approach: household members gain a share of the participant's rise in bonds and resilience. */
  function reachHousehold(w: World, i: number, share: number): void {
    if (share <= 0 || (delta[SOC] <= 0 && delta[PSY] <= 0)) return;
    const a = w.agents,
      net = w.network,
      p = a.protective;
    for (let e = net.offsets[i]; e < net.offsets[i + 1]; e++) {
      if (net.layer[e] !== HOUSEHOLD_LAYER) continue;
      const j = net.targets[e];
      p.socialBonds[j] = Math.min(
        1,
        p.socialBonds[j] + share * fx.socialEducational.socialBonds * Math.max(0, delta[SOC]),
      );
      p.resilience[j] = Math.min(1, p.resilience[j] + share * fx.psychosocial.resilience * Math.max(0, delta[PSY]));
      refreshProtection(a, j);
    }
  }

  function ensureState(w: World): void {
    if (treated) return;
    treated = new SparseSet(w.agents.n);
    offered = programmes.map(() => new Uint8Array(w.agents.n));
    took = programmes.map(() => new Uint8Array(w.agents.n));
    // A newcomer in a renewed slot has not been offered anything yet.
    w.renewListeners.push((i) => {
      for (const o of offered) o[i] = 0;
      for (const t of took) t[i] = 0;
    });
  }

  function enroll(w: World, i: number, k: number): boolean {
    ensureState(w);
    const a = w.agents;
    if (a.enrolled[i] >= 0) end(w, i, false, true);
    if (participants[k] >= capacity[k]) return false;
    a.enrolled[i] = k;
    a.enrolledWeeks[i] = 0;
    participants[k]++;
    took[k][i] = 1;
    treated!.add(i);
    w.record.interventionStarts++;
    if (w.record.traced[i])
      w.record.routes.add(i, { week: w.week, kind: 'intervention', event: 'started', id: programmes[k].spec.id });
    return true;
  }

  function end(w: World, i: number, completed: boolean, replaced = false): void {
    const a = w.agents;
    const k = a.enrolled[i];
    if (k < 0) return;
    participants[k]--;
    const kept = Math.min(1, Math.max(0, (a.enrolledWeeks[i] - m.response.minEffectiveWeeks) / keepRange));
    const t = a.dose,
      o = t.offset(i);
    for (let e = 0; e < E; e++) t.floor[o + e] = Math.max(t.floor[o + e], t.dose[o + e] * kept);
    a.enrolled[i] = -1;
    if (completed) w.record.interventionCompletions++;
    else if (!replaced) w.record.interventionDropouts++;
    if (w.record.traced[i])
      w.record.routes.add(i, {
        week: w.week,
        kind: 'intervention',
        event: completed ? 'completed' : replaced ? 'replaced' : 'dropped out',
        id: programmes[k].spec.id,
      });
  }

  /** Per-person intensities of a case plan: tailored plans weigh elements by what the person shows. */
  function planFor(w: World, i: number, p: Programme, out: Float32Array): void {
    out.set(p.intensity);
    if (p.tailored <= 0) return;
    const a = w.agents;
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

  function uptake(w: World, i: number, p: Programme): number {
    const a = w.agents,
      u = m.uptake,
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

  function offerStage(w: World): void {
    const a = w.agents;
    const tk = tickKey(w.keys.interventionOffer, w.week);
    for (let k = 0; k < firstCasePlan; k++) {
      const p = programmes[k].spec;
      if (p.reach === 'targeted' || w.week < p.startWeek || w.week > p.endWeek) continue;
      const seen = offered[k],
        regions = reachesRegion[k];
      const phaseOk = new Uint8Array(4);
      for (const ph of p.phases) phaseOk[ph] = 1;
      for (let i = 0; i < a.n && participants[k] < capacity[k]; i++) {
        if (seen[i] || a.enrolled[i] >= 0 || a.detainedUntil[i] >= 0 || !regions[a.region[i]]) continue;
        const age = a.age[i];
        if (age < p.ageFrom || age >= p.ageTo) continue;
        if (p.reach === 'indicated' && !phaseOk[a.phase[i]]) continue;
        seen[i] = 1; // offered (or not) once per person
        // Coverage: a fixed per-person draw, so scenarios that differ elsewhere reach the same people.
        if (agentUniform(w.keys.interventionCoverage, k, i, 0) >= p.coverage) continue;
        if (tickUniform(tk, i, k) >= uptake(w, i, programmes[k])) {
          w.record.interventionDeclined++;
          continue;
        }
        enroll(w, i, k);
      }
    }
  }

  const this_treated = () => treated!;

  function stage(w: World): void {
    ensureState(w);
    offerStage(w);
    const a = w.agents;
    const tk = tickKey(w.keys.interventionDropout, w.week);
    const treated = this_treated();
    const table = a.dose;
    for (let q = treated.size - 1; q >= 0; q--) {
      const i = treated.at(q);
      const k = a.enrolled[i];
      if (k >= 0 && a.detainedUntil[i] < 0) {
        const p = programmes[k];
        a.enrolledWeeks[i]++;
        w.record.interventionHours += p.spec.costHoursPerWeek;
        planFor(w, i, p, target);
        const quality =
          p.synergy * (1 + m.traumaSensitivityGain * p.spec.delivery.traumaSensitivity * a.pathology.trauma[i]);
        const o = table.offset(i),
          dose = table.dose; // read after offset(): a new slot may grow the pool
        for (let e = 0; e < E; e++) {
          const before = dose[o + e];
          const after = Math.min(1, before + m.response.rate * (target[e] * quality - before));
          dose[o + e] = after;
          delta[e] = after - before;
        }
        applyEffects(w, i, delta);
        reachHousehold(w, i, p.spec.delivery.familyInvolvement);
        if (a.enrolledWeeks[i] >= p.spec.durationWeeks) end(w, i, true);
        else {
          const d = m.dropoutPerWeek;
          const distrust = Math.max(0, 0.5 - a.protective.institutionalTrust[i]);
          const chance =
            (d.base + d.distrust * distrust + d.resistance * resistance(w, i)) *
            (1 - d.transparencyReduction * p.spec.delivery.transparency);
          if (tickUniform(tk, i, 0) < chance) end(w, i, false);
        }
        continue;
      }
      // After the end: what was not kept decays.
      let left = 0;
      const o = table.offset(i),
        dose = table.dose,
        floor = table.floor;
      for (let e = 0; e < E; e++) {
        const before = dose[o + e];
        const after = floor[o + e] + (before - floor[o + e]) * decay;
        dose[o + e] = after;
        delta[e] = after - before;
        left += after - floor[o + e];
      }
      applyEffects(w, i, delta);
      if (left < 1e-4 && k < 0) treated.delete(i);
    }
    w.practiceStocks.participants = participants.reduce((x, y) => x + y, 0);
  }

  return {
    programmes,
    casePlan: (r) => firstCasePlan + r,
    targetedFor(w, i) {
      const a = w.agents;
      for (let k = 0; k < firstCasePlan; k++) {
        const p = programmes[k].spec;
        if (p.reach !== 'targeted' || w.week < p.startWeek || w.week > p.endWeek || !reachesRegion[k][a.region[i]])
          continue;
        if (a.age[i] < p.ageFrom || a.age[i] >= p.ageTo) continue;
        if (participants[k] >= capacity[k]) continue;
        return k;
      }
      return -1;
    },
    enroll,
    stage,
    tookPart: (k) => took[k],
  };
}
