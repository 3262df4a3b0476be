/**
 * Outcomes: the few numbers per run that an ensemble compares. Each is computed from the
 * run's weekly series (sim/run/series.ts), so it needs nothing but the columns it names in
 * `requires`. To add an outcome (for example `false_positives` or `cost` once the practice
 * pipeline records them as series columns), add an entry to OUTCOMES: a name, the noun phrase
 * used in sentences of summary.md, a description, the columns it needs and how to compute it.
 * Selecting an outcome whose columns the model does not record is an error that says so.
 */

/** What an outcome reads: the series of one run (values[col][week], `weeks` rows filled). */
export interface SeriesView {
  readonly columns: readonly string[];
  readonly values: readonly ArrayLike<number>[];
  readonly weeks: number;
}

export interface OutcomeDef {
  readonly name: string;
  /** Plural noun phrase for sentences: "X lowers <label> by 12%". */
  readonly label: string;
  readonly description: string;
  /** Series columns the outcome reads. */
  readonly requires: readonly string[];
  readonly compute: (s: SeriesView) => number;
}

const col = (s: SeriesView, name: string): ArrayLike<number> => {
  const c = s.columns.indexOf(name);
  if (c < 0) throw new Error(`series has no column "${name}"`);
  return s.values[c];
};
const last = (name: string) => (s: SeriesView) => col(s, name)[s.weeks - 1];
/** Sum over all rows, as the totals of summary.json. */
const total = (name: string) => (s: SeriesView) => {
  const v = col(s, name);
  let t = 0;
  for (let w = 0; w < s.weeks; w++) t += v[w];
  return t;
};

function def(
  name: string,
  label: string,
  description: string,
  requires: string[],
  compute: (s: SeriesView) => number,
): OutcomeDef {
  return { name, label, description, requires, compute };
}

export const OUTCOMES: Readonly<Record<string, OutcomeDef>> = Object.fromEntries(
  [
    def(
      'ever_sensitive',
      'people reaching the sensitivity phase',
      'agents who were in phase 1 or further at some time during the run, including those who started there (final ever_phase_1)',
      ['ever_phase_1'],
      last('ever_phase_1'),
    ),
    def(
      'ever_action',
      'people reaching the action phase',
      'agents who reached phase 3 (action) at some time during the run (final ever_phase_3)',
      ['ever_phase_3'],
      last('ever_phase_3'),
    ),
    def(
      'incidents',
      'incidents',
      'incidents over the whole run (sum of the weekly incidents column)',
      ['incidents'],
      total('incidents'),
    ),
    def('arrests', 'arrests', 'arrests over the whole run', ['arrests'], total('arrests')),
    def(
      'groups_formed',
      'groups formed',
      'radical groups founded over the whole run',
      ['groups_formed'],
      total('groups_formed'),
    ),
    def(
      'final_phase_1',
      'people in the sensitivity phase at the end',
      'agents in phase 1 in the last week',
      ['phase_1'],
      last('phase_1'),
    ),
    def(
      'final_phase_2',
      'people in the group phase at the end',
      'agents in phase 2 in the last week',
      ['phase_2'],
      last('phase_2'),
    ),
    def(
      'final_phase_3',
      'people in the action phase at the end',
      'agents in phase 3 in the last week',
      ['phase_3'],
      last('phase_3'),
    ),
    def(
      'true_positives',
      'true positives',
      'inclusions in the multi-agency case process of people who were radicalising (sum of included_true)',
      ['included_true'],
      total('included_true'),
    ),
    def(
      'false_positives',
      'false positives',
      'inclusions in the multi-agency case process of people who were not radicalising (sum of included_false)',
      ['included_false'],
      total('included_false'),
    ),
    def(
      'labelled_never_radicalised',
      'labelled people who never radicalised',
      'people carrying a label in the last week who never reached phase 1 (final labelled_never_radicalised)',
      ['labelled_never_radicalised'],
      last('labelled_never_radicalised'),
    ),
    def(
      'missed_cases',
      'radicalising people unknown to practice at the end',
      'people in phase 1-3 without a label in the last week (final missed_cases)',
      ['missed_cases'],
      last('missed_cases'),
    ),
    def(
      'cost_hours',
      'professional hours',
      'hours spent by practice (triage, cases) and interventions over the whole run (sum of hours_practice + hours_interventions)',
      ['hours_practice', 'hours_interventions'],
      (s) => total('hours_practice')(s) + total('hours_interventions')(s),
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

/** Language of the plain-language texts (summary.md, the web app). The CLI writes English. */
export type ReportLang = 'en' | 'nl';

/** Dutch noun phrases of the outcomes (practice terms of the sources: signaal, weegploeg, casusoverleg, PGA). */
const LABELS_NL: Readonly<Record<string, string>> = {
  ever_sensitive: 'mensen die de gevoeligheidsfase bereiken',
  ever_action: 'mensen die de actiefase bereiken',
  incidents: 'incidenten',
  arrests: 'arrestaties',
  groups_formed: 'gevormde groepen',
  final_phase_1: 'mensen in de gevoeligheidsfase aan het eind',
  final_phase_2: 'mensen in de groepsfase aan het eind',
  final_phase_3: 'mensen in de actiefase aan het eind',
  true_positives: 'terechte opnames in het casusoverleg',
  false_positives: 'onterechte opnames in het casusoverleg',
  labelled_never_radicalised: 'gelabelde mensen die nooit radicaliseerden',
  missed_cases: 'radicaliserende mensen die aan het eind onbekend zijn bij de praktijk',
  cost_hours: 'professionele uren',
};

/** The outcome's noun phrase for sentences (the name itself for an unknown outcome). */
export function outcomeLabel(name: string, lang: ReportLang = 'en'): string {
  if (lang === 'nl' && LABELS_NL[name]) return LABELS_NL[name];
  return OUTCOMES[name]?.label ?? name.replace(/_/g, ' ');
}
