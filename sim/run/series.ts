/**
 * The weekly output series (MODEL.md section 6), one column per quantity, one row per week
 * (row 0 is the state before the first tick). The columns are declared in
 * sim/output/seriesColumns.ts; here they are bound to a series' arrays once, and filled every
 * week from one tally of the agents (sim/output/weekTally.ts).
 */
import { fixedShape } from '../fixedShape.ts';
import type { World } from '../model/world.ts';
import { type SeriesSlot, seriesColumnNames, seriesSlots } from '../output/seriesColumns.ts';
import { createWeekTally, tallyWeek, type WeekTally } from '../output/weekTally.ts';
import type { Scenario } from '../scenario/schema.ts';

export interface Series {
  readonly columns: readonly string[];
  /** values[c][week] */
  readonly values: Float64Array[];
  weeks: number; // rows filled
}

/** The names of a scenario's series columns, in order. */
export function seriesColumns(s: Scenario): string[] {
  return seriesColumnNames(s);
}

/** How a series gets its weekly row: its columns' declarations, resolved once, and its tally. */
interface Recorder {
  readonly slots: readonly SeriesSlot[];
  readonly tally: WeekTally;
}

const recorders = new WeakMap<Series, Recorder>();

export function createSeries(s: Scenario): Series {
  const slots = seriesSlots(s);
  const series: Series = {
    columns: slots.map((slot) => slot.name),
    values: slots.map(() => new Float64Array(s.weeks + 1)),
    weeks: 0,
  };
  recorders.set(series, fixedShape({ slots, tally: createWeekTally(s) }));
  return series;
}

/** Fills the row of the week after the burn-in from the world's state and the tick record. */
export function recordWeek(series: Series, w: World): void {
  const recorder = recorders.get(series);
  if (!recorder) throw new Error('recordWeek needs a series made by createSeries');
  const { slots, tally } = recorder;
  tallyWeek(tally, w);
  const row = w.week - w.burnIn,
    values = series.values;
  for (let c = 0; c < slots.length; c++) {
    const slot = slots[c];
    values[c][row] = slot.def.value(w, tally, slot.at);
  }
  series.weeks = row + 1;
}

/** A column's values by name (read once per run, not per week: the record itself never looks up names). */
export function seriesColumn(series: Series, name: string): Float64Array {
  const c = series.columns.indexOf(name);
  if (c < 0) throw new Error(`the series has no column "${name}" (docs/outputs.md lists them)`);
  return series.values[c];
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
