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
 *
 * In three parts: the programmes of a run (programmes.ts), what taking part does to a person
 * (interventionEffects.ts), and here the module that offers, enrolls, runs and ends them.
 */
import { agentUniform, tickKey, tickUniform } from '../random/streams.ts';
import type { InterventionMechanics } from '../scenario/practiceSchema.ts';
import { E, InterventionEffects } from './interventionEffects.ts';
import type { TickModule } from './module.ts';
import { buildProgrammes, type Programme } from './programmes.ts';
import { recordRoute } from './route.ts';
import { SparseSet } from './sparseSet.ts';
import type { World } from './world.ts';

/**
 * The interventions stage: offers of universal and indicated programmes, then a week of every
 * running programme (dose-response, drop-out, completion) and of the decay of what was not
 * kept. The practice stage enrolls people in case plans and targeted programmes through
 * `targetedFor`, `casePlan` and `enroll`.
 */
export class Interventions implements TickModule {
  readonly name = 'interventions';
  readonly programmes: readonly Programme[];
  private readonly m: InterventionMechanics;
  private readonly effects: InterventionEffects;
  private readonly firstCasePlan: number;
  private readonly reachesRegion: Uint8Array[];
  private readonly capacity: number[];
  private readonly participants: Int32Array;
  /** offered[k][i] = 1 once programme k was offered to agent i (or passed them by). */
  private offered: Uint8Array[] = [];
  /** took[k][i] = 1 for every agent who ever started programme k. */
  private took: Uint8Array[] = [];
  /** People taking part in a programme, or with an effect that still decays. */
  private treated = new SparseSet(0);
  private readonly keepRange: number;
  private readonly decay: number;
  /** Per working element, this week's change of effect level and the target level (scratch). */
  private readonly delta = new Float32Array(E);
  private readonly target = new Float32Array(E);

  constructor(w: World) {
    const s = w.scenario;
    const m = (this.m = s.interventionMechanics);
    const table = buildProgrammes(s, w.regions);
    this.programmes = table.list;
    this.firstCasePlan = table.firstCasePlan;
    this.reachesRegion = table.reachesRegion;
    this.capacity = table.capacity;
    this.participants = new Int32Array(table.list.length);
    this.effects = new InterventionEffects(s);
    this.keepRange = Math.max(1, m.response.fullEffectWeeks - m.response.minEffectiveWeeks);
    this.decay = m.response.decayHalfLifeWeeks > 0 ? 0.5 ** (1 / m.response.decayHalfLifeWeeks) : 0;
  }

  init(w: World): void {
    const n = w.agents.n;
    this.treated = new SparseSet(n);
    this.offered = this.programmes.map(() => new Uint8Array(n));
    this.took = this.programmes.map(() => new Uint8Array(n));
  }

  /** A newcomer in a renewed slot has not been offered anything yet. */
  onRenew(_w: World, i: number): void {
    for (const o of this.offered) o[i] = 0;
    for (const t of this.took) t[i] = 0;
  }

  /** Index of the case plan of region r. */
  casePlan(r: number): number {
    return this.firstCasePlan + r;
  }

  /** People taking part in a programme, or with an effect not kept that still decays. */
  get treatedPeople(): SparseSet {
    return this.treated;
  }

  /** 1 for every agent who ever started programme k. */
  tookPart(k: number): Uint8Array | undefined {
    return this.took[k];
  }

  /** The first targeted programme that can reach agent i, or -1. */
  targetedFor(w: World, i: number): number {
    const a = w.agents;
    for (let k = 0; k < this.firstCasePlan; k++) {
      const p = this.programmes[k].spec;
      const week = w.week - w.burnIn; // programme weeks count from the end of the burn-in
      if (p.reach !== 'targeted' || week < p.startWeek || week > p.endWeek || !this.reachesRegion[k][a.region[i]])
        continue;
      if (a.age[i] < p.ageFrom || a.age[i] >= p.ageTo) continue;
      if (this.participants[k] >= this.capacity[k]) continue;
      return k;
    }
    return -1;
  }

  enroll(w: World, i: number, k: number): boolean {
    const a = w.agents;
    if (a.enrolled[i] >= 0) this.end(w, i, false, true);
    if (this.participants[k] >= this.capacity[k]) return false;
    a.enrolled[i] = k;
    a.enrolledWeeks[i] = 0;
    this.participants[k]++;
    this.took[k][i] = 1;
    this.treated.add(i);
    w.record.interventionStarts++;
    recordRoute(w, i, { week: w.week, kind: 'intervention', event: 'started', id: this.programmes[k].spec.id });
    return true;
  }

  private end(w: World, i: number, completed: boolean, replaced = false): void {
    const a = w.agents,
      m = this.m;
    const k = a.enrolled[i];
    if (k < 0) return;
    this.participants[k]--;
    const kept = Math.min(1, Math.max(0, (a.enrolledWeeks[i] - m.response.minEffectiveWeeks) / this.keepRange));
    const t = a.dose,
      o = t.offset(i);
    for (let e = 0; e < E; e++) t.floor[o + e] = Math.max(t.floor[o + e], t.dose[o + e] * kept);
    a.enrolled[i] = -1;
    if (completed) w.record.interventionCompletions++;
    else if (!replaced) w.record.interventionDropouts++;
    recordRoute(w, i, {
      week: w.week,
      kind: 'intervention',
      event: completed ? 'completed' : replaced ? 'replaced' : 'dropped out',
      id: this.programmes[k].spec.id,
    });
  }

  /** Offers of the running universal and indicated programmes, once per person. */
  private offer(w: World): void {
    const a = w.agents,
      programmes = this.programmes,
      participants = this.participants,
      capacity = this.capacity;
    const tk = tickKey(w.keys.interventionOffer, w.week);
    for (let k = 0; k < this.firstCasePlan; k++) {
      const p = programmes[k].spec;
      // Programme weeks count from the end of the burn-in.
      const week = w.week - w.burnIn;
      if (p.reach === 'targeted' || week < p.startWeek || week > p.endWeek) continue;
      const seen = this.offered[k],
        regions = this.reachesRegion[k];
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
        if (tickUniform(tk, i, k) >= this.effects.uptake(w, i, programmes[k])) {
          w.record.interventionDeclined++;
          continue;
        }
        this.enroll(w, i, k);
      }
    }
  }

  step(w: World): void {
    this.offer(w);
    const m = this.m,
      fx = this.effects,
      delta = this.delta,
      target = this.target,
      decay = this.decay;
    const a = w.agents;
    const tk = tickKey(w.keys.interventionDropout, w.week);
    const treated = this.treated;
    const table = a.dose;
    for (let q = treated.size - 1; q >= 0; q--) {
      const i = treated.at(q);
      const k = a.enrolled[i];
      if (k >= 0 && a.detainedUntil[i] < 0) {
        const p = this.programmes[k];
        a.enrolledWeeks[i]++;
        w.record.interventionHours += p.spec.costHoursPerWeek;
        fx.planFor(w, i, p, target);
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
        fx.apply(w, i, delta);
        fx.reachHousehold(w, i, p.spec.delivery.familyInvolvement, delta);
        if (a.enrolledWeeks[i] >= p.spec.durationWeeks) this.end(w, i, true);
        else {
          const d = m.dropoutPerWeek;
          const distrust = Math.max(0, 0.5 - a.protective.institutionalTrust[i]);
          const chance =
            (d.base + d.distrust * distrust + d.resistance * fx.resistance(w, i)) *
            (1 - d.transparencyReduction * p.spec.delivery.transparency);
          if (tickUniform(tk, i, 0) < chance) this.end(w, i, false);
        }
        continue;
      }
      // After the end: what was not kept decays. Below 1e-4 the rest is undone at once and the
      // person no longer tracked (the restoring stage holds what is not kept until it is undone).
      let left = 0;
      const o = table.offset(i),
        dose = table.dose,
        floor = table.floor;
      for (let e = 0; e < E; e++) left += (dose[o + e] - floor[o + e]) * decay;
      const done = left < 1e-4 && k < 0;
      for (let e = 0; e < E; e++) {
        const before = dose[o + e];
        const after = done ? floor[o + e] : floor[o + e] + (before - floor[o + e]) * decay;
        dose[o + e] = after;
        delta[e] = after - before;
      }
      fx.apply(w, i, delta);
      if (done) treated.delete(i);
    }
    w.practiceStocks.participants = this.participants.reduce((x, y) => x + y, 0);
  }
}
