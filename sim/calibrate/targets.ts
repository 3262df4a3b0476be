/**
 * Calibration targets: the file format (docs/calibration.md), its validation with errors that
 * name the field, and the statistic of a target computed from a run's weekly series.
 *
 * A target is an interval for one statistic of the series: the sum of some columns, aggregated
 * over the weeks as a mean (a point prevalence), per year (a yearly rate) or at the last week,
 * optionally per `per` agents.
 */
import { isPlainObject } from '../scenario/resolve.ts';

export const TARGETS_VERSION = 1;
export const AGGREGATES = ['mean', 'perYear', 'last'] as const;
export type Aggregate = (typeof AGGREGATES)[number];

/** Weeks in a year, for `perYear`: 365.25 / 7. */
export const WEEKS_PER_YEAR = 365.25 / 7;

export interface TargetStatistic {
  columns: string[];
  aggregate: Aggregate;
  /** Divide by the number of agents and multiply by this (null: the raw value). */
  per: number | null;
}

export interface TargetSource {
  title: string;
  publisher: string;
  year: number;
  link: string;
}

export interface Target {
  name: string;
  description: string;
  statistic: TargetStatistic;
  /** [lo, hi] with lo < hi. */
  interval: [number, number];
  source: TargetSource | null;
  derivation: string;
  /** True when the interval is an assumption rather than read from a source. */
  assumption: boolean;
}

export interface TargetsFile {
  version: number;
  population: string;
  targets: Target[];
}

/** Invalid targets or priors: every problem, each naming the field. */
export class CalibrationInputError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CalibrationInputError';
  }
}

/**
 * Validates parsed targets JSON. With `columns` (the series columns of the scenario), also
 * checks that every column named exists. Throws CalibrationInputError listing every problem.
 */
export function parseTargets(data: unknown, file: string, columns?: readonly string[]): TargetsFile {
  const problems: string[] = [];
  const bad = (field: string, what: string) => problems.push(`${field}: ${what}`);
  if (!isPlainObject(data)) throw new CalibrationInputError(file, ['the file must hold a JSON object']);
  if (data.version !== TARGETS_VERSION)
    bad('version', `must be ${TARGETS_VERSION} (got ${JSON.stringify(data.version)})`);
  const population = typeof data.population === 'string' ? data.population : '';
  if (typeof data.population !== 'string' || data.population.trim() === '')
    bad('population', 'must be a text saying what the modelled population is');
  const targets: Target[] = [];
  if (!Array.isArray(data.targets) || data.targets.length === 0) {
    bad('targets', 'must be a non-empty list of targets');
  } else {
    const names = new Set<string>();
    data.targets.forEach((t: unknown, i: number) => {
      const where = `targets[${i}]`;
      if (!isPlainObject(t)) return bad(where, 'must be an object');
      const at = typeof t.name === 'string' && t.name ? `${where} ("${t.name}")` : where;
      const f = (field: string) => `${at}.${field}`;
      const name = typeof t.name === 'string' ? t.name : '';
      if (!/^[A-Za-z][\w-]*$/.test(name))
        bad(f('name'), 'must be a name of letters, digits, _ or - starting with a letter');
      else if (names.has(name)) bad(f('name'), `"${name}" is used by an earlier target`);
      names.add(name);
      if (typeof t.description !== 'string' || !t.description.trim()) bad(f('description'), 'must be a text');
      const statistic = parseStatistic(t.statistic, f('statistic'), bad, columns);
      let interval: [number, number] = [0, 1];
      const iv = t.interval;
      if (!Array.isArray(iv) || iv.length !== 2 || !iv.every((x) => typeof x === 'number' && Number.isFinite(x)))
        bad(f('interval'), `must be [lo, hi], two finite numbers (got ${JSON.stringify(iv)})`);
      else if (!(iv[0] < iv[1])) bad(f('interval'), `lo must be below hi (got [${iv[0]}, ${iv[1]}])`);
      else interval = [iv[0], iv[1]];
      const source = parseSource(t.source, f('source'), bad);
      if (typeof t.derivation !== 'string' || !t.derivation.trim())
        bad(f('derivation'), 'must be a text saying how the published figure became this interval');
      if (typeof t.assumption !== 'boolean') bad(f('assumption'), 'must be true or false');
      if (t.assumption === false && source === null) bad(f('source'), 'is required unless "assumption" is true');
      targets.push({
        name,
        description: typeof t.description === 'string' ? t.description : '',
        statistic,
        interval,
        source,
        derivation: typeof t.derivation === 'string' ? t.derivation : '',
        assumption: t.assumption === true,
      });
    });
  }
  if (problems.length) throw new CalibrationInputError(file, problems);
  return { version: TARGETS_VERSION, population, targets };
}

function parseStatistic(
  s: unknown,
  where: string,
  bad: (field: string, what: string) => void,
  columns?: readonly string[],
): TargetStatistic {
  const out: TargetStatistic = { columns: [], aggregate: 'mean', per: null };
  if (!isPlainObject(s)) {
    bad(where, 'must be an object { "columns": [...], "aggregate": "mean", "per": 100000 }');
    return out;
  }
  if (!Array.isArray(s.columns) || s.columns.length === 0 || !s.columns.every((c) => typeof c === 'string'))
    bad(`${where}.columns`, 'must be a non-empty list of series column names');
  else {
    out.columns = [...s.columns];
    if (columns) {
      const unknown = out.columns.filter((c) => !columns.includes(c));
      if (unknown.length)
        bad(
          `${where}.columns`,
          `no series column ${unknown.map((c) => `"${c}"`).join(', ')}; see sim/run/series.ts for the columns (e.g. phase_3, ideology_jihadist_phase_2, incidents)`,
        );
    }
  }
  if (typeof s.aggregate !== 'string' || !(AGGREGATES as readonly string[]).includes(s.aggregate))
    bad(
      `${where}.aggregate`,
      `must be one of ${AGGREGATES.map((a) => `"${a}"`).join(', ')} (got ${JSON.stringify(s.aggregate)})`,
    );
  else out.aggregate = s.aggregate as Aggregate;
  if (s.per !== undefined && s.per !== null) {
    if (typeof s.per !== 'number' || !(s.per > 0) || !Number.isFinite(s.per))
      bad(`${where}.per`, `must be a positive number, e.g. 100000 (got ${JSON.stringify(s.per)})`);
    else out.per = s.per;
  }
  for (const k of Object.keys(s))
    if (!['columns', 'aggregate', 'per'].includes(k))
      bad(`${where}.${k}`, 'unknown field; a statistic has "columns", "aggregate" and "per"');
  return out;
}

function parseSource(s: unknown, where: string, bad: (field: string, what: string) => void): TargetSource | null {
  if (s === undefined || s === null) return null;
  if (!isPlainObject(s)) {
    bad(where, 'must be an object { "title", "publisher", "year", "link" }');
    return null;
  }
  for (const k of ['title', 'publisher', 'link'] as const)
    if (typeof s[k] !== 'string' || !(s[k] as string).trim()) bad(`${where}.${k}`, 'must be a text');
  if (typeof s.year !== 'number' || !Number.isInteger(s.year)) bad(`${where}.year`, 'must be a year (a whole number)');
  return {
    title: String(s.title ?? ''),
    publisher: String(s.publisher ?? ''),
    year: Number(s.year),
    link: String(s.link ?? ''),
  };
}

/** The series columns every target reads, each once, in order of first use. */
export function targetColumns(targets: readonly Target[]): string[] {
  return [...new Set(targets.flatMap((t) => t.statistic.columns))];
}

/** Weekly series as the simulation API returns them (values[c][row], row 0 = before the first week). */
export interface SeriesLike {
  columns: readonly string[];
  weeks: number;
  values: ArrayLike<number>[];
}

/**
 * The statistic of a target in one run. The weeks are the series rows 1..W (the state after
 * each simulated week); row 0, the state before the first week, is left out.
 */
export function targetStatistic(target: Target, series: SeriesLike, agents: number): number {
  const rows = series.weeks;
  if (rows < 2) throw new Error(`target ${target.name}: the series has no simulated week`);
  const cols = target.statistic.columns.map((c) => {
    const i = series.columns.indexOf(c);
    if (i < 0) throw new Error(`target ${target.name}: the run did not return series column "${c}"`);
    return series.values[i];
  });
  const at = (r: number) => {
    let s = 0;
    for (const col of cols) s += col[r];
    return s;
  };
  const weeks = rows - 1;
  let x: number;
  if (target.statistic.aggregate === 'last') x = at(rows - 1);
  else {
    let sum = 0;
    for (let r = 1; r < rows; r++) sum += at(r);
    x = target.statistic.aggregate === 'mean' ? sum / weeks : sum / (weeks / WEEKS_PER_YEAR);
  }
  const per = target.statistic.per;
  return per === null ? x : (x / agents) * per;
}
