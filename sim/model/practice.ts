/**
 * The early-detection practice (MODEL.md 4.8; seed 004_3f123f64741c8191.txt): professionals in
 * the care, social and security domains notice signals; the triage team (municipality, police,
 * prosecutor) weighs them within a weekly capacity; inclusion in the person-centred approach
 * (PGA) gives a case plan within limited case slots (a waiting list otherwise) and a follow-up.
 * Inclusion labels the person: stigma raises the justice need and lowers trust, less so when the
 * process is transparent; the label stays. Each region has its own practice.
 *
 * Signals come with a chance that grows with contact with each domain, with how visible the
 * person's phase is (confused behaviour from pathology is visible too, which makes false
 * signals), with training, and falls with recognition bias by ideology and sex. The triage
 * team's chance to include a radicalising person (sensitivity) and a person who is not (false
 * positive) depends on information sharing and a standardised risk assessment.
 */
import { EXTREMIST_IDEOLOGIES, PRACTICE_DOMAINS } from '../domain.ts';
import { NEED_BASELINE, JUSTICE, NEED_STRIDE, refreshNeeds } from '../population/agents.ts';
import { tickKey, tickUniform } from '../random/streams.ts';
import type { Practice } from '../scenario/practiceSchema.ts';
import type { Interventions } from './interventions.ts';
import type { TickModule } from './module.ts';
import { AgentQueue } from './queue.ts';
import { recordRoute } from './route.ts';
import { SparseSet } from './sparseSet.ts';
import type { World } from './world.ts';
import { fixedShape } from '../fixedShape.ts';

interface RegionPractice {
  readonly p: Practice;
  readonly recognition: Float32Array; // by ideology index (0 unused), bias training applied
  readonly signalRate: Float64Array; // signals per contact-week by PRACTICE_DOMAINS
  // By phase, in a typed array: read from the scenario's plain array, the value in the signal loop
  // was a tagged number, and the computed visibility of phase 0 had to be boxed to match it (one
  // heap number per confusable person and week).
  readonly visibility: Float64Array;
  readonly female: number;
  readonly training: number;
  readonly sensitivity: number;
  readonly falsePositive: number;
  readonly triagePerWeek: number;
  readonly slots: number;
  readonly stigma: number; // share of the labelling harm that lands
  readonly queue: AgentQueue;
  readonly waiting: AgentQueue;
  carry: number;
  cases: number;
}

/**
 * Concurrent PGA cases in a region of `people` people: `slotsPer100k` per 100,000, rounded, and
 * at least one when the region has any case capacity at all. A municipality with a PGA can run a
 * case however small it is; without the floor a few thousand agents at a realistic capacity
 * (about 10 per 100,000) would round to no slot, and every person included would wait forever.
 */
export function caseSlots(slotsPer100k: number, people: number): number {
  return slotsPer100k > 0 ? Math.max(1, Math.round((slotsPer100k * people) / 100_000)) : 0;
}

/** The practice state of a region of `people` people, running the region's effective practice `p`. */
export function regionPractice(p: Practice, people: number): RegionPractice {
  const sig = p.signals,
    t = p.triage;
  const unbias = (rec: number) => rec + sig.biasTraining * (1 - rec);
  const recognition = new Float32Array(EXTREMIST_IDEOLOGIES.length + 1);
  EXTREMIST_IDEOLOGIES.forEach((k, j) => (recognition[j + 1] = unbias(sig.recognition[k])));
  return fixedShape({
    p,
    recognition,
    signalRate: Float64Array.from(PRACTICE_DOMAINS, (d) => sig.rate[d]),
    visibility: Float64Array.from(sig.visibilityByPhase),
    female: unbias(sig.recognitionFemale),
    training: 1 + sig.training * sig.trainingGain,
    sensitivity: Math.min(
      1,
      t.sensitivity.base +
        t.informationSharing * t.sensitivity.sharingGain +
        t.riskAssessment * t.sensitivity.assessmentGain,
    ),
    falsePositive:
      t.falsePositive.base *
      (1 - t.informationSharing * t.falsePositive.sharingReduction) *
      (1 - t.riskAssessment * t.falsePositive.assessmentReduction),
    triagePerWeek: (t.capacityPer100k * people) / 100_000,
    slots: caseSlots(p.cases.slotsPer100k, people),
    stigma: 1 - p.labelling.transparency * p.labelling.transparencyProtection,
    queue: new AgentQueue(),
    waiting: new AgentQueue(),
    carry: 0,
    cases: 0,
  });
}

/** Whether agent i's pathology can be taken for radicalisation (ADHD, autism, psychosis). */
function confused(w: World, i: number): boolean {
  const q = w.agents.pathology;
  return q.adhd[i] > 0 || q.autism[i] > 0 || q.psychosis[i] > 0;
}

export class PracticeStage implements TickModule {
  readonly name = 'practice';
  private regions: RegionPractice[] = [];
  /** People with a running case plan. */
  private inCase = new SparseSet(0);
  /**
   * One bit per person whose pathology can be taken for radicalisation (ADHD, autism,
   * psychosis): of those in phase 0, only they can give a (false) signal, about 7% of the
   * baseline population against 27% with any pathology. Treatment only scales severities, so
   * this changes at renewal.
   */
  private confusable = new Uint32Array(0);
  /** This week's people who can give a signal: the confusable and everyone in a phase, as bits. */
  private candidates = new Uint32Array(0);
  private readonly needsOn: boolean;

  constructor(
    w: World,
    private readonly interventions: Interventions,
  ) {
    this.needsOn = w.scenario.ablation.needs;
  }

  init(w: World): void {
    const a = w.agents,
      start = w.layout.regionStart;
    this.regions = w.regions.map((region, r) => regionPractice(region.practice, start[r + 1] - start[r]));
    this.inCase = new SparseSet(a.n);
    const bits = (this.confusable = new Uint32Array((a.n + 31) >>> 5));
    this.candidates = new Uint32Array(bits.length);
    for (let i = 0; i < a.n; i++) if (confused(w, i)) bits[i >>> 5] |= 1 << (i & 31);
  }

  onRenew(w: World, i: number): void {
    const bits = this.confusable;
    if (confused(w, i)) bits[i >>> 5] |= 1 << (i & 31);
    else bits[i >>> 5] &= ~(1 << (i & 31));
  }

  private label(w: World, i: number, rp: RegionPractice): void {
    const a = w.agents;
    if (a.labelled[i]) return;
    a.labelled[i] = 1;
    a.labelWeek[i] = w.week;
    const l = rp.p.labelling;
    if (this.needsOn) {
      const x = a.needs,
        o = NEED_STRIDE * i + JUSTICE;
      x[o + NEED_BASELINE] = Math.min(1, x[o + NEED_BASELINE] + l.justiceRise * rp.stigma);
      x[o] = Math.min(1, x[o] + l.justiceRise * rp.stigma);
      refreshNeeds(a, i);
    }
    a.protective.institutionalTrust[i] = Math.max(0, a.protective.institutionalTrust[i] - l.trustLoss * rp.stigma);
  }

  private startCase(w: World, i: number, rp: RegionPractice): void {
    const a = w.agents,
      interventions = this.interventions;
    a.inCase[i] = 1;
    w.flags.caseActive[i] = 1;
    this.inCase.add(i);
    a.caseUntil[i] = w.week + rp.p.cases.caseWeeks;
    rp.cases++;
    w.record.caseStarts++;
    const targeted = interventions.targetedFor(w, i);
    interventions.enroll(w, i, targeted >= 0 ? targeted : interventions.casePlan(a.region[i]));
    recordRoute(w, i, { week: w.week, kind: 'triage', decision: 'case started', radicalising: a.phase[i] > 0 });
  }

  private include(w: World, i: number, rp: RegionPractice, radicalising: boolean): void {
    const a = w.agents;
    if (radicalising) w.record.includedTrue++;
    else w.record.includedFalse++;
    if (a.detectedWeek[i] < 0) {
      a.detectedWeek[i] = w.week;
      if (radicalising && a.firstSensitiveWeek[i] >= 0) {
        w.record.detectionDelaySum += w.week - a.firstSensitiveWeek[i];
        w.record.detectionCount++;
      }
    }
    this.label(w, i, rp);
    if (rp.cases < rp.slots) this.startCase(w, i, rp);
    else {
      rp.waiting.push(i);
      a.inCase[i] = 2; // 2 = on the waiting list
      recordRoute(w, i, { week: w.week, kind: 'triage', decision: 'waiting list', radicalising });
    }
  }

  step(w: World): void {
    const a = w.agents,
      regions = this.regions;
    const week = w.week;
    // 1. Cases that end go into follow-up; free slots take people from the waiting list.
    this.endCases(w, regions);
    // 2. Signals, from the people with something visible, in the order of their ids (the order
    // they join the triage queue): a scan of bits, not of everyone.
    const tk = tickKey(w.keys.signal, week);
    const phase = a.phase,
      contact = PRACTICE_DOMAINS.map((d) => a.contact[d]);
    const scan = this.signalCandidates(w);
    for (let word = 0; word < scan.length; word++) {
      for (let b = scan[word]; b !== 0; b &= b - 1) {
        const i = (word << 5) | (31 - Math.clz32(b & -b));
        const ph = phase[i];
        if (a.inTriage[i] || a.inCase[i] || a.detainedUntil[i] >= 0) continue;
        const rp = regions[a.region[i]];
        const sig = rp.p.signals;
        if (a.signalWeek[i] >= 0 && week - a.signalWeek[i] < sig.cooldownWeeks) continue;
        let visible: number;
        if (ph > 0) visible = rp.visibility[ph];
        else {
          const c = sig.confusion;
          visible =
            c.falseSignalShare *
            Math.min(
              1,
              c.adhd * a.pathology.adhd[i] + c.autism * a.pathology.autism[i] + c.psychosis * a.pathology.psychosis[i],
            );
        }
        const q = visible * rp.recognition[a.leaning[i]] * (a.male[i] ? 1 : rp.female) * rp.training;
        if (q <= 0) continue;
        let none = 1;
        const rate = rp.signalRate;
        for (let d = 0; d < contact.length; d++) none *= 1 - Math.min(1, rate[d] * contact[d][i] * q);
        if (tickUniform(tk, i, 0) >= 1 - none) continue;
        a.signalWeek[i] = week;
        a.signalled[i] = 1;
        if (ph > 0) w.record.signalsTrue++;
        else w.record.signalsFalse++;
        recordRoute(w, i, { week, kind: 'signal', truePositive: ph > 0 });
        // In follow-up after a case: straight back into the PGA.
        if (a.followUntil[i] >= week) {
          recordRoute(w, i, { week, kind: 'triage', decision: 'follow-up', radicalising: ph > 0 });
          this.include(w, i, rp, ph > 0);
          continue;
        }
        if (rp.triagePerWeek <= 0) continue; // no triage team: the signal goes nowhere
        a.inTriage[i] = 1;
        rp.queue.push(i);
      }
    }
    // 3. Triage within capacity, in order of arrival.
    const ttk = tickKey(w.keys.triage, week);
    for (const rp of regions) {
      let budget = rp.carry + rp.triagePerWeek;
      while (budget >= 1 && rp.queue.size > 0) {
        budget -= 1;
        const i = rp.queue.shift();
        a.inTriage[i] = 0;
        w.record.practiceHours += rp.p.triage.hoursPerSignal;
        const radicalising = a.phase[i] > 0;
        if (tickUniform(ttk, i, 0) < (radicalising ? rp.sensitivity : rp.falsePositive))
          this.include(w, i, rp, radicalising);
        else {
          if (radicalising) w.record.dismissedTrue++;
          else w.record.dismissedFalse++;
          recordRoute(w, i, { week, kind: 'triage', decision: 'dismissed', radicalising });
        }
      }
      // Unused capacity is not banked beyond a fraction of one signal.
      rp.carry = rp.queue.size > 0 ? budget : Math.min(budget, 1) % 1;
      w.record.practiceHours += rp.cases * rp.p.cases.hoursPerWeek;
    }
    let queue = 0,
      waiting = 0,
      cases = 0;
    for (const rp of regions) (queue += rp.queue.size), (waiting += rp.waiting.size), (cases += rp.cases);
    w.practiceStocks.triageQueue = queue;
    w.practiceStocks.waitingList = waiting;
    w.practiceStocks.cases = cases;
  }

  /** The confusable and everyone in a phase (all of them are in the active set), as bits. */
  private signalCandidates(w: World): Uint32Array {
    const out = this.candidates,
      phase = w.agents.phase,
      active = w.active;
    out.set(this.confusable);
    for (let q = 0; q < active.size; q++) {
      const i = active.at(q);
      if (phase[i] > 0) out[i >>> 5] |= 1 << (i & 31);
    }
    return out;
  }

  private endCases(w: World, rs: RegionPractice[]): void {
    const a = w.agents,
      inCase = this.inCase;
    for (let q = inCase.size - 1; q >= 0; q--) {
      const i = inCase.at(q);
      if (a.caseUntil[i] >= w.week) continue;
      const rp = rs[a.region[i]];
      inCase.delete(i);
      a.inCase[i] = 0;
      w.flags.caseActive[i] = 0;
      a.followUntil[i] = w.week + rp.p.cases.followUpWeeks;
      rp.cases--;
      recordRoute(w, i, { week: w.week, kind: 'case', event: 'ended' });
    }
    for (const rp of rs) {
      while (rp.cases < rp.slots && rp.waiting.size > 0) this.startCase(w, rp.waiting.shift(), rp);
    }
  }
}
