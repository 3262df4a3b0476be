/**
 * The columns of the weekly series (series.csv), each declared once: its name, what it counts,
 * its unit and how its weekly value is read from the world and the week's tally. A family of
 * columns (`ideology_{k}_phase_{p}`) is one entry whose name has placeholders; it expands to one
 * column per combination of their values, the first placeholder varying slowest. The series'
 * header, its weekly record, the run summary and docs/outputs.md all come from SERIES_COLUMNS;
 * the order of the entries is the order of the columns. Append new columns at the end, so
 * that existing files keep their column positions.
 */
import { AGE_BANDS, EXTREMIST_IDEOLOGIES, NEEDS, PHASES } from '../domain.ts';
import type { World } from '../model/world.ts';
import type { Scenario } from '../scenario/schema.ts';
import { RADICAL_PHASES, SEXES, type WeekTally } from './weekTally.ts';

/** The values one placeholder of a family's name takes. */
export interface Placeholder {
  readonly key: string;
  /** Fixed values, or the scenario's (the regions). */
  readonly values: readonly (string | number)[] | ((s: Scenario) => readonly string[]);
  /** How docs/outputs.md names values that depend on the scenario. */
  readonly doc?: string;
}

export interface SeriesColumnDef {
  /** The column's name, or a family's pattern with `{key}` for each placeholder. */
  readonly name: string;
  readonly description: string;
  readonly unit: string;
  /** A family's placeholders, in the order of the name. */
  readonly over?: readonly Placeholder[];
  /** Combinations of placeholder values (indices, in the order of `over`) left out. */
  readonly skip?: (at: readonly number[]) => boolean;
  /** This week's value; `at` holds the index of each placeholder's value for this column. */
  readonly value: (w: World, t: WeekTally, at: readonly number[]) => number;
}

const p0to3: Placeholder = { key: 'p', values: PHASES };
const p1to3: Placeholder = { key: 'p', values: RADICAL_PHASES };
const ideology: Placeholder = { key: 'k', values: EXTREMIST_IDEOLOGIES };
const need: Placeholder = { key: 'k', values: NEEDS };
const fromPhase: Placeholder = { key: 'a', values: PHASES };
const toPhase: Placeholder = { key: 'b', values: PHASES };

const column = (name: string, unit: string, description: string, value: SeriesColumnDef['value']): SeriesColumnDef => ({
  name,
  unit,
  description,
  value,
});

/** A breakdown of phases 1-3 by a category whose counts the tally keeps in `counts`. */
const breakdown = (
  prefix: string,
  category: Placeholder,
  by: string,
  counts: (t: WeekTally) => Float64Array,
): SeriesColumnDef => ({
  name: `${prefix}_{${category.key}}_phase_{p}`,
  unit: 'people',
  description: `people in phase p (1-3) ${by}`,
  over: [category, p1to3],
  value: (_w, t, at) => counts(t)[at[0] * 3 + at[1]],
});

export const SERIES_COLUMNS: readonly SeriesColumnDef[] = [
  column(
    'week',
    'week',
    'week number after the burn-in; row 0 is the state at its end (after the build when there is none)',
    (w) => w.week - w.burnIn,
  ),
  {
    name: 'phase_{p}',
    unit: 'people',
    description:
      'people in phase p (0 not radicalising, 1 sensitivity, 2 group, 3 action); detained people count in their phase',
    over: [p0to3],
    value: (_w, t, at) => t.phase[at[0]],
  },
  breakdown('ideology', ideology, 'by the ideology they lean to', (t) => t.ideology),
  breakdown('age', { key: 'band', values: AGE_BANDS.map((b) => b.name) }, 'by current age band', (t) => t.age),
  breakdown('sex', { key: 'sex', values: SEXES }, 'by sex', (t) => t.sex),
  breakdown(
    'region',
    { key: 'region', values: (s) => s.regions.map((r) => r.name), doc: "the names of the scenario's regions" },
    'by region',
    (t) => t.region,
  ),
  breakdown('motive', { key: 'k', values: NEEDS }, 'by current dominant motive (largest need)', (t) => t.motive),
  {
    name: 'transition_{a}_{b}',
    unit: 'people per week',
    description: 'moves from phase a to phase b this week, for the 12 pairs a ≠ b',
    over: [fromPhase, toPhase],
    skip: (at) => at[0] === at[1],
    value: (w, _t, at) => w.record.transitions[at[0] * 4 + at[1]],
  },
  column(
    'ever_phase_1',
    'people',
    'people who ever reached phase 1 or further so far, including those who started there; people since replaced by a newcomer still count',
    (w) => w.everSensitive,
  ),
  column(
    'ever_phase_3',
    'people',
    'people who ever reached phase 3 so far; people since replaced by a newcomer still count',
    (w) => w.everAction,
  ),
  column('incidents', 'incidents per week', 'incidents this week', (w) => w.record.incidents),
  column('arrests', 'arrests per week', 'arrests this week, of every kind', (w) => w.record.arrests),
  column(
    'arrests_preparation',
    'arrests per week',
    'arrests this week of people in the action phase before any incident (preparation, threats)',
    (w) => w.record.arrestsPreparation,
  ),
  column(
    'arrests_membership',
    'arrests per week',
    'arrests this week of group members in the group phase (membership, support)',
    (w) => w.record.arrestsMembership,
  ),
  column('detained', 'people', 'people detained at the end of the week', (_w, t) => t.detained),
  {
    name: 'triggers_{level}_{direction}',
    unit: 'events per week',
    description: 'trigger events of this level and direction this week',
    over: [
      { key: 'level', values: ['micro', 'meso'] },
      { key: 'direction', values: ['radicalising', 'deradicalising'] },
    ],
    value: (w, _t, at) => w.record.triggers[at[0] * 2 + at[1]],
  },
  column(
    'macro_events',
    'events per week',
    'macro events that took effect this week (events, not people reached)',
    (w) => w.record.triggers[4],
  ),
  column('groups', 'groups', 'radical groups alive at the end of the week', (w) => w.groups.alive),
  column('group_members', 'people', 'members of radical groups at the end of the week', (_w, t) => t.groupMembers),
  column('groups_formed', 'groups per week', 'groups founded this week', (w) => w.record.groupsFormed),
  column('groups_dissolved', 'groups per week', 'groups dissolved this week', (w) => w.record.groupsDissolved),
  column(
    'grievance',
    'field units (≥ 0)',
    "society's grievance climate after this week's events",
    (w) => w.macro.grievance[0],
  ),
  column('threat', 'field units (≥ 0)', "perceived threat after this week's events", (w) => w.macro.threat[0]),
  {
    name: 'salience_{k}',
    unit: 'field units (≥ 0)',
    description: "salience of ideology k after this week's events",
    over: [ideology],
    value: (w, _t, at) => w.macro.salience[at[0] + 1],
  },
  {
    name: 'mean_need_{k}',
    unit: '0..1',
    description: 'population mean of the current unmet need k',
    over: [need],
    value: (w, t, at) => t.needSums[at[0]] / w.agents.n,
  },
  column('mean_attitude_radicalising', '0..1', 'mean attitude of the people in phases 1-3 (0 if none)', (_w, t) =>
    t.radicalising > 0 ? t.attitudeSum / t.radicalising : 0,
  ),
  column(
    'signals_true',
    'signals per week',
    'signals this week by professionals about people in phase 1 or further',
    (w) => w.record.signalsTrue,
  ),
  column(
    'signals_false',
    'signals per week',
    'false signals this week: about people in phase 0 (confused behaviour)',
    (w) => w.record.signalsFalse,
  ),
  column(
    'triage_queue',
    'signals',
    'signals waiting for triage at the end of the week',
    (w) => w.practiceStocks.triageQueue,
  ),
  column(
    'included_true',
    'people per week',
    'inclusions in the multi-agency case process (PGA) this week of people in phase 1 or further at triage (true positives); re-inclusions from follow-up count again',
    (w) => w.record.includedTrue,
  ),
  column(
    'included_false',
    'people per week',
    'inclusions in the PGA this week of people in phase 0 at triage (false positives); re-inclusions from follow-up count again',
    (w) => w.record.includedFalse,
  ),
  column(
    'dismissed_true',
    'signals per week',
    'signals weighed and dismissed this week about people in phase 1 or further',
    (w) => w.record.dismissedTrue,
  ),
  column(
    'dismissed_false',
    'signals per week',
    'signals weighed and dismissed this week about people in phase 0',
    (w) => w.record.dismissedFalse,
  ),
  column(
    'waiting_list',
    'people',
    'people waiting for a PGA case slot at the end of the week',
    (w) => w.practiceStocks.waitingList,
  ),
  column('cases', 'people', 'running PGA cases at the end of the week', (w) => w.practiceStocks.cases),
  column(
    'detections',
    'people per week',
    'first inclusions this week of people in phase 1 or further',
    (w) => w.record.detectionCount,
  ),
  column(
    'detection_delay_mean_weeks',
    'weeks',
    "mean delay of this week's detections since the person first entered phase 1 or further (0 in a week without any)",
    (w) => (w.record.detectionCount > 0 ? w.record.detectionDelaySum / w.record.detectionCount : 0),
  ),
  column('labelled', 'people', 'people carrying the label now', (_w, t) => t.labelled),
  column(
    'labelled_never_radicalised',
    'people',
    'people carrying the label now who never reached phase 1 or further',
    (_w, t) => t.labelledNeverRadicalised,
  ),
  column(
    'missed_cases',
    'people',
    'people in phases 1-3 (detained included) without a label',
    (_w, t) => t.unlabelledRadicalising,
  ),
  column(
    'intervention_participants',
    'people',
    'people taking part in a programme (case plans included) at the end of the week',
    (w) => w.practiceStocks.participants,
  ),
  column(
    'intervention_starts',
    'people per week',
    'programme starts this week (case plans included)',
    (w) => w.record.interventionStarts,
  ),
  column(
    'intervention_completions',
    'people per week',
    'programme completions this week',
    (w) => w.record.interventionCompletions,
  ),
  column(
    'intervention_dropouts',
    'people per week',
    'programme drop-outs this week',
    (w) => w.record.interventionDropouts,
  ),
  column(
    'intervention_declined',
    'people per week',
    'programme offers declined this week',
    (w) => w.record.interventionDeclined,
  ),
  column(
    'hours_practice',
    'hours per week',
    'professional hours this week for triage and cases',
    (w) => w.record.practiceHours,
  ),
  column(
    'hours_interventions',
    'hours per week',
    'professional hours this week for programmes',
    (w) => w.record.interventionHours,
  ),
];

/** One column of a scenario's series: its name, its declaration and its placeholder indices. */
export interface SeriesSlot {
  readonly name: string;
  readonly def: SeriesColumnDef;
  readonly at: readonly number[];
}

/** The values of a placeholder for a scenario. */
export function placeholderValues(p: Placeholder, s: Scenario): readonly (string | number)[] {
  return typeof p.values === 'function' ? p.values(s) : p.values;
}

/** Every column of a scenario's series, in order, each bound to its declaration. */
export function seriesSlots(s: Scenario): SeriesSlot[] {
  const slots: SeriesSlot[] = [];
  for (const def of SERIES_COLUMNS) {
    const over = def.over ?? [];
    const values = over.map((p) => placeholderValues(p, s));
    const expand = (depth: number, at: number[]): void => {
      if (depth === over.length) {
        if (def.skip?.(at)) return;
        let name = def.name;
        over.forEach((p, j) => (name = name.replace(`{${p.key}}`, String(values[j][at[j]]))));
        slots.push({ name, def, at: [...at] });
        return;
      }
      for (let x = 0; x < values[depth].length; x++) expand(depth + 1, [...at, x]);
    };
    expand(0, []);
  }
  return slots;
}

/** The names of a scenario's series columns, in order. */
export function seriesColumnNames(s: Scenario): string[] {
  return seriesSlots(s).map((slot) => slot.name);
}
