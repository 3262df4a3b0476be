/**
 * The weekly output series (MODEL.md section 6), one column per quantity, one row per week
 * (row 0 is the state before the first tick). Breakdowns count only the agents that are
 * radicalising, which the active set already lists, so recording costs little per week.
 */
import { AGE_BANDS, EXTREMIST_IDEOLOGIES, NEEDS, ageBandOf } from '../domain.ts';
import { currentMotive, NEED_STRIDE, type Agents } from '../population/agents.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { World } from '../model/world.ts';

export interface Series {
  readonly columns: readonly string[];
  /** values[c][week] */
  readonly values: Float64Array[];
  weeks: number; // rows filled
}

const SEXES = ['female', 'male'] as const;

export function seriesColumns(s: Scenario): string[] {
  const cols = ['week', 'phase_0', 'phase_1', 'phase_2', 'phase_3'];
  const breakdown = (prefix: string, names: readonly string[]) => {
    for (const name of names) for (const p of [1, 2, 3]) cols.push(`${prefix}_${name}_phase_${p}`);
  };
  breakdown('ideology', EXTREMIST_IDEOLOGIES);
  breakdown(
    'age',
    AGE_BANDS.map((b) => b.name),
  );
  breakdown('sex', SEXES);
  breakdown(
    'region',
    s.regions.map((r) => r.name),
  );
  breakdown('motive', NEEDS);
  for (let f = 0; f < 4; f++) for (let t = 0; t < 4; t++) if (f !== t) cols.push(`transition_${f}_${t}`);
  cols.push('ever_phase_1', 'ever_phase_3');
  cols.push('incidents', 'arrests', 'detained');
  cols.push(
    'triggers_micro_radicalising',
    'triggers_micro_deradicalising',
    'triggers_meso_radicalising',
    'triggers_meso_deradicalising',
    'macro_events',
  );
  cols.push('groups', 'group_members', 'groups_formed', 'groups_dissolved');
  cols.push('grievance', 'threat', ...EXTREMIST_IDEOLOGIES.map((k) => `salience_${k}`));
  cols.push(...NEEDS.map((k) => `mean_need_${k}`), 'mean_attitude_radicalising');
  cols.push(
    'signals_true',
    'signals_false',
    'triage_queue',
    'included_true',
    'included_false',
    'dismissed_true',
    'dismissed_false',
  );
  cols.push(
    'waiting_list',
    'cases',
    'detections',
    'detection_delay_mean_weeks',
    'labelled',
    'labelled_never_radicalised',
    'missed_cases',
  );
  cols.push(
    'intervention_participants',
    'intervention_starts',
    'intervention_completions',
    'intervention_dropouts',
    'intervention_declined',
  );
  cols.push('hours_practice', 'hours_interventions');
  return cols;
}

export function createSeries(s: Scenario): Series {
  const columns = seriesColumns(s);
  return { columns, values: columns.map(() => new Float64Array(s.weeks + 1)), weeks: 0 };
}

/** Fills row `w.week` from the world's state and the tick record. */
export function recordWeek(series: Series, w: World): void {
  const row = w.week;
  const v = series.values;
  const a = w.agents,
    s = w.scenario,
    needsOn = s.ablation.needs;
  let c = 0;
  const put = (x: number) => (v[c++][row] = x);
  put(row);
  // Phase counts and breakdowns from the active set.
  const counts = new Float64Array(4);
  const nReg = s.regions.length;
  const ideology = new Float64Array(4 * 3),
    age = new Float64Array(AGE_BANDS.length * 3),
    sex = new Float64Array(2 * 3);
  const region = new Float64Array(nReg * 3),
    motive = new Float64Array(4 * 3);
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
  put(a.n - radicalising);
  put(counts[1]);
  put(counts[2]);
  put(counts[3]);
  for (const arr of [ideology, age, sex, region, motive]) for (let x = 0; x < arr.length; x++) put(arr[x]);
  const tr = w.record.transitions;
  for (let f = 0; f < 4; f++) for (let t = 0; t < 4; t++) if (f !== t) put(tr[f * 4 + t]);
  put(w.everSensitive);
  put(w.everAction);
  put(w.record.incidents);
  put(w.record.arrests);
  put(detained);
  const trg = w.record.triggers;
  for (let x = 0; x < 5; x++) put(trg[x]);
  put(w.groups.alive);
  put(members);
  put(w.record.groupsFormed);
  put(w.record.groupsDissolved);
  put(w.macro.grievance[0]);
  put(w.macro.threat[0]);
  for (let k = 1; k <= 4; k++) put(w.macro.salience[k]);
  const totals = populationTotals(a);
  for (let k = 0; k < 4; k++) put(totals[k] / a.n);
  const labelled = totals[4],
    labelledNever = totals[5];
  put(radicalising > 0 ? attitudeSum / radicalising : 0);
  const r = w.record,
    ps = w.practiceStocks;
  put(r.signalsTrue);
  put(r.signalsFalse);
  put(ps.triageQueue);
  put(r.includedTrue);
  put(r.includedFalse);
  put(r.dismissedTrue);
  put(r.dismissedFalse);
  put(ps.waitingList);
  put(ps.cases);
  put(r.detectionCount);
  put(r.detectionCount > 0 ? r.detectionDelaySum / r.detectionCount : 0);
  put(labelled);
  put(labelledNever);
  put(missed);
  put(ps.participants);
  put(r.interventionStarts);
  put(r.interventionCompletions);
  put(r.interventionDropouts);
  put(r.interventionDeclined);
  put(r.practiceHours);
  put(r.interventionHours);
  series.weeks = row + 1;
}

/** populationTotals' answer: the four needs summed over everyone, the labelled, the labelled never radicalising. */
const totals = new Float64Array(6);

/**
 * One pass over everyone for the population means of the needs and the label stocks. A function
 * of its own so that V8 compiles the loop with the rest of recordWeek already run: compiled on
 * its own (on-stack replacement) in the first week, the loop's code left recordWeek at its next
 * line for want of type feedback every time a new simulation entered it.
 */
function populationTotals(a: Agents): Float64Array {
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
  totals[0] = sId;
  totals[1] = sJu;
  totals[2] = sMe;
  totals[3] = sSe;
  totals[4] = labelled;
  totals[5] = labelledNever;
  return totals;
}

/** CSV text of the series, one row per week, numbers printed exactly as JavaScript does. */
export function seriesToCSV(series: Series): string {
  const lines = [series.columns.join(',')];
  for (let r = 0; r < series.weeks; r++) {
    lines.push(series.values.map((col) => formatNumber(col[r])).join(','));
  }
  return `${lines.join('\n')}\n`;
}

export function formatNumber(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Math.round(x * 1e9) / 1e9);
}
