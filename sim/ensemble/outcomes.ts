/**
 * Outcomes: the few numbers per run that an ensemble compares, each declared once in OUTCOMES
 * with its name, its English and Dutch noun phrases, a description, its unit and the series
 * columns it comes from (its final value, or its total over the run). An outcome is computed
 * from the run's weekly series (sim/output/seriesColumns.ts) alone. To add one, add an entry;
 * docs/outputs.md lists them (`npm run docs:outputs`). Selecting an outcome whose columns the
 * model does not record is an error that says so.
 */

/** What an outcome reads: the series of one run (values[col][week], `weeks` rows filled). */
export interface SeriesView {
  readonly columns: readonly string[];
  readonly values: readonly ArrayLike<number>[];
  readonly weeks: number;
}

/** Language of the plain-language texts (summary.md, the web app). The CLI writes English. */
export type ReportLang = 'en' | 'nl';

/** Where an outcome comes from: a column's value in the last week, or columns summed over all weeks. */
export type OutcomeSource = { readonly final: string } | { readonly total: readonly string[] };

export interface OutcomeDef {
  readonly name: string;
  /** Plural noun phrase for sentences: "X lowers <label> by 12%". */
  readonly label: Readonly<Record<ReportLang, string>>;
  readonly description: string;
  readonly unit: string;
  readonly from: OutcomeSource;
  /**
   * A count: a non-negative number of people, events or hours that grows with the population.
   * Counts are also given per 100,000 population (and per year when they are totals over the
   * run) and scaled to a population of choice, and their intervals never go below zero.
   */
  readonly count: boolean;
  /**
   * Shown first where there is room for a few outcomes only (the web comparison's table at a
   * glance, a sweep's chart): `effect` for what an intervention should change, `cost` for its price.
   */
  readonly headline?: 'effect' | 'cost';
  /** Series columns the outcome reads. */
  readonly requires: readonly string[];
  readonly compute: (s: SeriesView) => number;
}

const col = (s: SeriesView, name: string): ArrayLike<number> => {
  const c = s.columns.indexOf(name);
  if (c < 0) throw new Error(`series has no column "${name}"`);
  return s.values[c];
};
/** Sum over all rows, as the totals of summary.json. */
const totalOf = (s: SeriesView, name: string) => {
  const v = col(s, name);
  let t = 0;
  for (let w = 0; w < s.weeks; w++) t += v[w];
  return t;
};

function computeFrom(from: OutcomeSource): (s: SeriesView) => number {
  if ('final' in from) return (s) => col(s, from.final)[s.weeks - 1];
  return (s) => from.total.reduce((sum, name) => sum + totalOf(s, name), 0);
}

/** "final `x`" or "total of `x` + `y` over the run": where an outcome comes from, in words. */
export function outcomeSourceText(from: OutcomeSource): string {
  if ('final' in from) return `final \`${from.final}\``;
  return `total of ${from.total.map((c) => `\`${c}\``).join(' + ')} over the run`;
}

const final = (column: string): OutcomeSource => ({ final: column });
const total = (...columns: string[]): OutcomeSource => ({ total: columns });

function outcome(
  name: string,
  label: Record<ReportLang, string>,
  description: string,
  unit: string,
  from: OutcomeSource,
  headline?: OutcomeDef['headline'],
): OutcomeDef {
  const requires = 'final' in from ? [from.final] : [...from.total];
  // Every outcome so far is a count; a share or a mean attitude would pass count: false.
  return { name, label, description, unit, from, count: true, headline, requires, compute: computeFrom(from) };
}

/** Every outcome. The Dutch phrases use the practice terms of the sources: signaal, weegploeg, casusoverleg, PGA. */
export const OUTCOMES: Readonly<Record<string, OutcomeDef>> = Object.fromEntries(
  [
    outcome(
      'ever_sensitive',
      { en: 'people reaching the sensitivity phase', nl: 'mensen die de gevoeligheidsfase bereiken' },
      'people who were in phase 1 or further at some time during the run, including those who started there',
      'people',
      final('ever_phase_1'),
      'effect',
    ),
    outcome(
      'ever_action',
      { en: 'people reaching the action phase', nl: 'mensen die de actiefase bereiken' },
      'people who reached phase 3 (action) at some time during the run',
      'people',
      final('ever_phase_3'),
      'effect',
    ),
    outcome(
      'incidents',
      { en: 'incidents', nl: 'incidenten' },
      'incidents over the whole run',
      'incidents',
      total('incidents'),
    ),
    outcome('arrests', { en: 'arrests', nl: 'arrestaties' }, 'arrests over the whole run', 'arrests', total('arrests')),
    outcome(
      'groups_formed',
      { en: 'groups formed', nl: 'gevormde groepen' },
      'radical groups founded over the whole run',
      'groups',
      total('groups_formed'),
    ),
    outcome(
      'final_phase_1',
      { en: 'people in the sensitivity phase at the end', nl: 'mensen in de gevoeligheidsfase aan het eind' },
      'people in phase 1 in the last week',
      'people',
      final('phase_1'),
    ),
    outcome(
      'final_phase_2',
      { en: 'people in the group phase at the end', nl: 'mensen in de groepsfase aan het eind' },
      'people in phase 2 in the last week',
      'people',
      final('phase_2'),
    ),
    outcome(
      'final_phase_3',
      { en: 'people in the action phase at the end', nl: 'mensen in de actiefase aan het eind' },
      'people in phase 3 in the last week',
      'people',
      final('phase_3'),
    ),
    outcome(
      'true_positives',
      { en: 'true positives', nl: 'terechte opnames in het casusoverleg' },
      'inclusions in the multi-agency case process (PGA) of people who were radicalising',
      'inclusions',
      total('included_true'),
    ),
    outcome(
      'false_positives',
      { en: 'false positives', nl: 'onterechte opnames in het casusoverleg' },
      'inclusions in the multi-agency case process (PGA) of people who were not radicalising',
      'inclusions',
      total('included_false'),
      'effect',
    ),
    outcome(
      'labelled_never_radicalised',
      { en: 'labelled people who never radicalised', nl: 'gelabelde mensen die nooit radicaliseerden' },
      'people carrying a label in the last week who never reached phase 1',
      'people',
      final('labelled_never_radicalised'),
    ),
    outcome(
      'missed_cases',
      {
        en: 'radicalising people unknown to practice at the end',
        nl: 'radicaliserende mensen die aan het eind onbekend zijn bij de praktijk',
      },
      'people in phases 1-3 without a label in the last week',
      'people',
      final('missed_cases'),
    ),
    outcome(
      'cost_hours',
      { en: 'professional hours', nl: 'professionele uren' },
      'hours spent by practice (triage, cases) and interventions over the whole run',
      'hours',
      total('hours_practice', 'hours_interventions'),
      'cost',
    ),
  ].map((d) => [d.name, d]),
);

/** Every outcome, in the order of the output files. */
export const DEFAULT_OUTCOMES: readonly string[] = Object.keys(OUTCOMES);

/**
 * The outcomes used when none are named: every outcome whose columns all the given column
 * lists have (so an outcome whose columns a model version renames drops out instead of failing).
 */
export function availableOutcomes(...columnLists: readonly (readonly string[])[]): string[] {
  return DEFAULT_OUTCOMES.filter((n) =>
    columnLists.every((cols) => OUTCOMES[n].requires.every((c) => cols.includes(c))),
  );
}

/** The series columns banded by default in a comparison. */
export const DEFAULT_BAND_SERIES: readonly string[] = [
  'phase_1',
  'phase_2',
  'phase_3',
  'ever_phase_1',
  'ever_phase_3',
  'incidents',
  'arrests',
  'detained',
  'groups',
  'group_members',
  'grievance',
  'threat',
  'mean_attitude_radicalising',
];

/** Problems with a selection of outcome names, against the columns a scenario's series has. */
export function outcomeProblems(names: readonly string[], columns: readonly string[]): string[] {
  const problems: string[] = [];
  if (names.length === 0) problems.push('name at least one outcome');
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) problems.push(`outcome "${n}" is named twice`);
    seen.add(n);
    const d = OUTCOMES[n];
    if (!d) {
      problems.push(`unknown outcome "${n}"; known outcomes: ${Object.keys(OUTCOMES).join(', ')}`);
      continue;
    }
    const missing = d.requires.filter((c) => !columns.includes(c));
    if (missing.length)
      problems.push(
        `outcome "${n}" needs the series column(s) ${missing.join(', ')}, which this model does not record`,
      );
  }
  return problems;
}

/** The named outcomes of one run, in the order given. */
export function computeOutcomes(names: readonly string[], s: SeriesView): Record<string, number> {
  const out: Record<string, number> = {};
  for (const n of names) {
    const d = OUTCOMES[n];
    if (!d) throw new Error(`unknown outcome "${n}"`);
    out[n] = d.compute(s);
  }
  return out;
}

/** The outcome's noun phrase for sentences (the name itself for an unknown outcome). */
export function outcomeLabel(name: string, lang: ReportLang = 'en'): string {
  return OUTCOMES[name]?.label[lang] ?? name.replace(/_/g, ' ');
}

/** The outcomes among `names` shown first where there is room for a few only, in the order of OUTCOMES. */
export function headlineOutcomes(names: readonly string[], kind: 'effect' | 'cost'): string[] {
  return DEFAULT_OUTCOMES.filter((n) => OUTCOMES[n].headline === kind && names.includes(n));
}

/** The outcome is a count (see {@link OutcomeDef.count}); false for an unknown name. */
export function isCount(name: string): boolean {
  return OUTCOMES[name]?.count === true;
}

/** The outcome is a total over the run (a rate once divided by the run's length), not a state at its end. */
export function isTotal(name: string): boolean {
  const d = OUTCOMES[name];
  return d !== undefined && 'total' in d.from;
}
