/**
 * The agent state as a structure of typed arrays (MODEL.md section 2). An agent is an index.
 * Hot fields read every tick are Float32 or Uint8; nothing here is allocated per tick.
 */
import { PATHOLOGIES, PRACTICE_DOMAINS, PROTECTIVE, WORKING_ELEMENTS } from '../domain.ts';
import { DoseTable } from './doseTable.ts';
import { fixedShape } from '../fixedShape.ts';

type Columns<K extends string> = Record<K, Float32Array>;

function columns<K extends string>(keys: readonly K[], n: number): Columns<K> {
  return Object.fromEntries(keys.map((k) => [k, new Float32Array(n)])) as Columns<K>;
}

export interface Agents {
  readonly n: number;
  // demographics
  /** Age in completed years: it goes up by one on the birthday, not a little every week. */
  readonly age: Uint8Array;
  /** Week of the year (week number mod 52) on which the age goes up by one. */
  readonly birthday: Uint8Array;
  /** Week in which a person of the oldest age band leaves (life course); NOT_LEAVING if none is set. */
  readonly leaveWeek: Int16Array;
  readonly male: Uint8Array; // 1 = man
  readonly education: Uint8Array; // index into EDUCATION
  readonly region: Uint8Array; // index into scenario.regions
  readonly neighbourhood: Int32Array; // global neighbourhood id, contiguous
  readonly household: Int32Array; // household id, contiguous
  /**
   * Needs, eight numbers per agent: the current unmet intensity of each need (NEEDS order) at
   * `NEED_STRIDE * i + k`, the personal baseline it relaxes to at `NEED_STRIDE * i + NEED_BASELINE + k`.
   * Interleaved because the weekly relaxation reads all eight of an agent together: one stream
   * of memory instead of eight (bench/loopCost.ts: 33 -> 20 ns per agent at 1M).
   */
  readonly needs: Float32Array;
  readonly needMean: Float32Array; // derived each tick: mean of the four needs
  /**
   * Dominant motive (index of the largest need) as of the last refreshNeeds; the weekly relaxation
   * of the needs does not update it. Read it through `currentMotive`.
   */
  readonly motive: Uint8Array;
  // psychopathology severities, 0 = absent
  readonly pathology: Columns<(typeof PATHOLOGIES)[number]>;
  readonly pathologyAny: Float32Array; // 1 - prod(1 - severity): combined severity
  // protective factors
  readonly protective: Columns<(typeof PROTECTIVE)[number]>;
  readonly protection: Float32Array; // derived: mean of resilience, critical thinking, emotion regulation, bonds
  /** Set points of attitude, the protective factors and uncertainty (SET_POINT_STRIDE per agent): what they relax toward. */
  readonly setPoints: Uint8Array;
  // radical state
  readonly leaning: Uint8Array; // ideology (1..4) this person would radicalise toward
  readonly attitude: Float32Array; // strength of adherence to the leaning, 0..1
  readonly uncertainty: Float32Array; // relative-agreement uncertainty
  readonly groupIdentification: Float32Array;
  readonly group: Int32Array; // group id, -1 = none
  readonly violence: Float32Array; // willingness to use violence
  readonly phase: Uint8Array; // 0..3
  readonly weeksInPhase: Uint16Array; // whole weeks (at most the 5,200 of the longest run)
  readonly maxPhase: Uint8Array; // highest phase ever reached
  // Week stamps of the past are Int16: a run has at most 5,200 weeks (schema). Stamps of the
  // future add durations: detainedUntil is Int16 too (detention is at most 5,200 weeks, so the
  // stamp at most 10,400); caseUntil and followUntil (durations without a bound) stay Int32.
  readonly firstSensitiveWeek: Int16Array; // week of first entry into phase >= 1, -1 = never
  readonly entryMotive: Uint8Array; // dominant motive at first entry (255 = none yet)
  // triggers
  readonly recentTrigger: Float32Array; // decaying load of recent trigger impact
  readonly groupTies: Uint16Array; // ties to members of a group of the own leaning (refreshed weekly)
  // detention
  readonly detainedUntil: Int16Array; // week of release, -1 = free
  readonly releasedWeek: Int16Array; // week of the last release, -1 = never
  // practice state (the pipeline of MODEL.md 4.8 writes these)
  readonly signalled: Uint8Array;
  readonly inTriage: Uint8Array;
  readonly inCase: Uint8Array;
  readonly labelled: Uint8Array;
  readonly labelWeek: Int16Array;
  readonly signalWeek: Int16Array; // last signal, -1 = never
  readonly caseUntil: Int32Array; // last week of the case plan, -1 = none
  readonly followUntil: Int32Array; // last week of follow-up, -1 = none
  readonly detectedWeek: Int16Array; // first inclusion in the PGA, -1 = never
  // interventions: the one taken part in now, for how long, and the effect per working element
  readonly enrolled: Int16Array; // index of the intervention (scenario list; the case plan after it), -1 = none
  readonly enrolledWeeks: Uint16Array;
  readonly dose: DoseTable; // effect level (0..1) and the part that lasts, per WORKING_ELEMENTS, for those who took part
  // exposure
  readonly online: Float32Array;
  readonly contact: Columns<(typeof PRACTICE_DOMAINS)[number]>;
}

/** `leaveWeek` of someone not (yet) due to leave: past any run (runs are at most 5200 weeks). */
export const NOT_LEAVING = 0x7fff;

/** Floats per agent in `Agents.needs`, and the offset of the baselines after the four needs. */
export const NEED_STRIDE = 8,
  NEED_BASELINE = 4;
/** Position of each need in NEEDS order, for `needs[NEED_STRIDE * i + k]`. */
export const IDENTITY = 0,
  JUSTICE = 1,
  MEANING = 2,
  SENSATION = 3;

/** Weeks in a year of the model: the birthday is a week number mod 52. */
export const WEEKS_PER_YEAR = 52;

/**
 * Personal set points, interleaved per agent: attitude at 0, the protective factors at 1 + k in
 * PROTECTIVE order, each in 1/255 steps (a byte each: the set point is a trait, read by the
 * restoring stage only, and a step of 0.004 is far below the spread of any of them); the opinion
 * uncertainty at UNCERTAINTY_SET_POINT, in steps of 1/UNCERTAINTY_SET_POINT_SCALE (it ranges up to 2).
 */
export const SET_POINT_STRIDE = 8;
export const SET_POINT_SCALE = 255;
export const UNCERTAINTY_SET_POINT = 7;
export const UNCERTAINTY_SET_POINT_SCALE = 127.5;

export function allocateAgents(n: number): Agents {
  const filled = (a: Int32Array, v: number) => (a.fill(v), a);
  return fixedShape({
    n,
    age: new Uint8Array(n),
    birthday: new Uint8Array(n),
    leaveWeek: new Int16Array(n).fill(NOT_LEAVING),
    male: new Uint8Array(n),
    education: new Uint8Array(n),
    region: new Uint8Array(n),
    neighbourhood: new Int32Array(n),
    household: new Int32Array(n),
    needs: new Float32Array(NEED_STRIDE * n),
    needMean: new Float32Array(n),
    motive: new Uint8Array(n),
    pathology: columns(PATHOLOGIES, n),
    pathologyAny: new Float32Array(n),
    protective: columns(PROTECTIVE, n),
    protection: new Float32Array(n),
    setPoints: new Uint8Array(SET_POINT_STRIDE * n),
    leaning: new Uint8Array(n),
    attitude: new Float32Array(n),
    uncertainty: new Float32Array(n),
    groupIdentification: new Float32Array(n),
    group: filled(new Int32Array(n), -1),
    violence: new Float32Array(n),
    phase: new Uint8Array(n),
    weeksInPhase: new Uint16Array(n),
    maxPhase: new Uint8Array(n),
    firstSensitiveWeek: new Int16Array(n).fill(-1),
    entryMotive: new Uint8Array(n).fill(255),
    recentTrigger: new Float32Array(n),
    groupTies: new Uint16Array(n),
    detainedUntil: new Int16Array(n).fill(-1),
    releasedWeek: new Int16Array(n).fill(-1),
    signalled: new Uint8Array(n),
    inTriage: new Uint8Array(n),
    inCase: new Uint8Array(n),
    labelled: new Uint8Array(n),
    labelWeek: new Int16Array(n).fill(-1),
    signalWeek: new Int16Array(n).fill(-1),
    caseUntil: filled(new Int32Array(n), -1),
    followUntil: filled(new Int32Array(n), -1),
    detectedWeek: new Int16Array(n).fill(-1),
    enrolled: new Int16Array(n).fill(-1),
    enrolledWeeks: new Uint16Array(n),
    dose: new DoseTable(n, WORKING_ELEMENTS.length),
    online: new Float32Array(n),
    contact: columns(PRACTICE_DOMAINS, n),
  });
}

/**
 * Sets age from a continuous age in years (as drawn), at week 0: the completed years, and the
 * birthday when the next year completes (week 1 for someone a week short of it, week 0 = 52 for
 * someone who has just had it). The same weeks as adding 1/52 a week would give.
 */
export function setAge(a: Agents, i: number, years: number): void {
  const whole = Math.floor(years);
  const toNext = Math.min(WEEKS_PER_YEAR, Math.max(1, Math.ceil((1 - (years - whole)) * WEEKS_PER_YEAR)));
  a.age[i] = whole;
  a.birthday[i] = toNext % WEEKS_PER_YEAR;
}

/** Age in whole weeks at `week`: for ordering people finer than by completed years. */
export function ageInWeeks(a: Agents, i: number, week: number): number {
  const toNext = (((a.birthday[i] - week) % WEEKS_PER_YEAR) + WEEKS_PER_YEAR) % WEEKS_PER_YEAR || WEEKS_PER_YEAR;
  return a.age[i] * WEEKS_PER_YEAR + WEEKS_PER_YEAR - toNext;
}

/** Refreshes the derived per-agent summaries that formulas and susceptibility read. */
export function refreshDerived(a: Agents, i: number): void {
  refreshNeeds(a, i);
  refreshProtection(a, i);
}

/** Mean need and dominant motive. */
export function refreshNeeds(a: Agents, i: number): void {
  const x = a.needs,
    o = NEED_STRIDE * i;
  a.needMean[i] = (x[o] + x[o + 1] + x[o + 2] + x[o + 3]) * 0.25;
  a.motive[i] = dominantMotive(a, i);
}

/** Index of the largest of the current needs (ties go to the first need in NEEDS order). */
export function dominantMotive(a: Agents, i: number): number {
  return dominantNeed(a.needs, NEED_STRIDE * i);
}

/** dominantMotive on the needs array itself, the agent's needs starting at o: for loops over everyone. */
export function dominantNeed(x: Float32Array, o: number): number {
  const nj = x[o + 1],
    nm = x[o + 2],
    ns = x[o + 3];
  let m = 0,
    best = x[o];
  if (nj > best) (m = 1), (best = nj);
  if (nm > best) (m = 2), (best = nm);
  if (ns > best) m = 3;
  return m;
}

/**
 * The dominant motive now: that of the current needs, or with needs switched off (ablation) the
 * one of the personal baseline, kept in `motive` from the build. Computed where it is read (a
 * trigger, an entry, the weekly counts of the active set) rather than written for everyone by
 * the weekly relaxation: its comparisons cost more than the rest of that loop.
 */
export function currentMotive(a: Agents, i: number, needsOn: boolean): number {
  return needsOn ? dominantMotive(a, i) : a.motive[i];
}

export function refreshProtection(a: Agents, i: number): void {
  const p = a.protective;
  a.protection[i] = (p.resilience[i] + p.criticalThinking[i] + p.emotionRegulation[i] + p.socialBonds[i]) * 0.25;
}
