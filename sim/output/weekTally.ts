/**
 * The counts over agents that the weekly series needs, gathered in two passes per week: one over
 * the active set (the radicalising and the detained, for the breakdowns by phase) and one over
 * everyone (population means of the needs, the label stocks). The series columns
 * (seriesColumns.ts) read these counts; no column passes over agents itself. The tally's arrays
 * are made once per series and refilled every week, so recording allocates nothing per agent.
 */
import { AGE_BANDS, ageBandOf, EXTREMIST_IDEOLOGIES, NEEDS } from '../domain.ts';
import { fixedShape } from '../fixedShape.ts';
import type { World } from '../model/world.ts';
import { currentMotive, NEED_STRIDE, type Agents } from '../population/agents.ts';
import type { Scenario } from '../scenario/schema.ts';

/** The sexes in the order of the `male` flag (0, 1). */
export const SEXES = ['female', 'male'] as const;

/** The phases the breakdowns count (1 sensitivity, 2 group, 3 action). */
export const RADICAL_PHASES = [1, 2, 3] as const;

export interface WeekTally {
  /** Agents in each phase; phase 0 is everyone not radicalising. */
  readonly phase: Float64Array;
  /** Breakdowns of phases 1-3: [category * 3 + phase - 1]. */
  readonly ideology: Float64Array;
  readonly age: Float64Array;
  readonly sex: Float64Array;
  readonly region: Float64Array;
  readonly motive: Float64Array;
  /** Agents in phases 1-3. */
  radicalising: number;
  detained: number;
  groupMembers: number;
  /** Sum of the attitudes of the agents in phases 1-3. */
  attitudeSum: number;
  /** Agents in phases 1-3 without a label. */
  unlabelledRadicalising: number;
  /** The four current needs summed over everyone. */
  readonly needSums: Float64Array;
  labelled: number;
  labelledNeverRadicalised: number;
}

export function createWeekTally(s: Scenario): WeekTally {
  const k = RADICAL_PHASES.length;
  return fixedShape({
    phase: new Float64Array(4),
    ideology: new Float64Array(EXTREMIST_IDEOLOGIES.length * k),
    age: new Float64Array(AGE_BANDS.length * k),
    sex: new Float64Array(SEXES.length * k),
    region: new Float64Array(s.regions.length * k),
    motive: new Float64Array(NEEDS.length * k),
    radicalising: 0,
    detained: 0,
    groupMembers: 0,
    attitudeSum: 0,
    unlabelledRadicalising: 0,
    needSums: new Float64Array(NEEDS.length),
    labelled: 0,
    labelledNeverRadicalised: 0,
  });
}

/** Refills the tally from the world at the end of its week. */
export function tallyWeek(t: WeekTally, w: World): void {
  tallyActive(t, w);
  tallyPopulation(t, w.agents);
}

/** Phase counts and their breakdowns from the active set (everyone in phase 0 is left out). */
function tallyActive(t: WeekTally, w: World): void {
  const a = w.agents,
    needsOn = w.scenario.ablation.needs;
  const counts = t.phase,
    ideology = t.ideology,
    age = t.age,
    sex = t.sex,
    region = t.region,
    motive = t.motive;
  counts.fill(0);
  ideology.fill(0);
  age.fill(0);
  sex.fill(0);
  region.fill(0);
  motive.fill(0);
  let detained = 0,
    members = 0,
    attitudeSum = 0,
    missed = 0;
  for (let q = 0; q < w.active.size; q++) {
    const i = w.active.at(q);
    if (a.detainedUntil[i] >= 0) detained++;
    if (a.group[i] >= 0) members++;
    const p = a.phase[i];
    if (p === 0) continue;
    if (!a.labelled[i]) missed++;
    counts[p]++;
    attitudeSum += a.attitude[i];
    const k = p - 1;
    ideology[(a.leaning[i] - 1) * 3 + k]++;
    age[ageBandOf(a.age[i]) * 3 + k]++;
    sex[a.male[i] * 3 + k]++;
    region[a.region[i] * 3 + k]++;
    motive[currentMotive(a, i, needsOn) * 3 + k]++;
  }
  const radicalising = counts[1] + counts[2] + counts[3];
  counts[0] = a.n - radicalising;
  t.radicalising = radicalising;
  t.detained = detained;
  t.groupMembers = members;
  t.attitudeSum = attitudeSum;
  t.unlabelledRadicalising = missed;
}

/**
 * One pass over everyone for the population sums of the needs and the label stocks. A function
 * of its own so that V8 compiles the loop with the rest of the recording already run: compiled on
 * its own (on-stack replacement) in the first week, the loop's code left the recorder at its next
 * line for want of type feedback every time a new simulation entered it.
 */
function tallyPopulation(t: WeekTally, a: Agents): void {
  const needs = a.needs,
    labelledFlag = a.labelled,
    maxPhase = a.maxPhase;
  let sId = 0,
    sJu = 0,
    sMe = 0,
    sSe = 0,
    labelled = 0,
    labelledNever = 0;
  for (let i = 0, o = 0; i < a.n; i++, o += NEED_STRIDE) {
    sId += needs[o];
    sJu += needs[o + 1];
    sMe += needs[o + 2];
    sSe += needs[o + 3];
    if (labelledFlag[i]) {
      labelled++;
      if (maxPhase[i] === 0) labelledNever++;
    }
  }
  const sums = t.needSums;
  sums[0] = sId;
  sums[1] = sJu;
  sums[2] = sMe;
  sums[3] = sSe;
  t.labelled = labelled;
  t.labelledNeverRadicalised = labelledNever;
}
