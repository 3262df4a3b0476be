/**
 * The words of the comparison summary and the difference sentences, one phrase table per
 * language. The structure of the texts (sections, tables, which sentence when) is written once,
 * in reportCompare.ts; a table holds the words and the phrases whose word order differs between
 * languages. Numbers come in already formatted, with the language's decimal mark; `interval`
 * arguments are the language's interval(level) text.
 */
import type { ReportLang } from './outcomes.ts';
import type { DecimalMark } from './reportFormat.ts';

export const ETHICS_LINE =
  '> **Synthetic population.** These results come from simulated people with assumed parameters (see docs/model.md). ' +
  'They explore mechanisms and policies; they are not forecasts, and radsim must not be used to assess, score or predict real persons.';

export const ETHICS_LINE_NL =
  '> **Synthetische populatie.** Deze resultaten komen van gesimuleerde mensen met aangenomen parameters (zie docs/model.md). ' +
  'Ze verkennen mechanismen en beleid; het zijn geen voorspellingen, en radsim mag niet worden gebruikt om echte personen te beoordelen, te scoren of te voorspellen.';

export interface ReportWords {
  decimalMark: DecimalMark;
  /** Last joint of a list: "a, b and c". */
  and: string;
  ethics: string;

  // --- intervals and amounts, in sentences and table headers ---
  /** "95% interval". */
  interval(level: string): string;
  /** "a to b". */
  range(a: string, b: string): string;
  /** The noun phrase of one or more outcome labels in a sentence. */
  amount(outcomes: string): string;

  // --- difference sentences ---
  lowers: string;
  raises: string;
  /** "no clear difference in <what>". */
  noClearIn(what: string): string;
  /** "by 12%" (relative change). */
  by(change: string): string;
  /** "from 20 to 23 on average" (after a relative change). */
  fromToOnAverage(ref: string, mean: string): string;
  /** "by 2.33 on average" (absolute change). */
  byOnAverage(change: string): string;
  /** "from 0 to 2.33" (after an absolute change). */
  fromTo(ref: string, mean: string): string;

  // --- comparison summary ---
  title(others: string, ref: string): string;
  headCompared: string;
  headFindings: string;
  /** Heading of the differences of one scenario with the reference. */
  headComparedWith(label: string, ref: string): string;
  headOutcomes: string;
  headPairing: string;
  headHowToRead: string;

  role: string;
  scenario: string;
  agents: string;
  weeks: string;
  question: string;
  reference: string;
  /** Role of scenario v >= 1. */
  variant(v: number): string;
  /** The paragraph on replicates, seeds and paired intervals. */
  design(replicates: number, baseSeed: number, interval: string): string;
  /**
   * How the replicates started: from one shared history per replicate branched at `week` (with
   * the reference's burn-in of `burnIn` weeks), or (null) each run on its own from the build.
   */
  branch(b: { week: number; burnInWeeks: number } | null, sweep?: boolean): string;
  /** `changed` lists the population-shaping parts a scenario changes. */
  populationNote(who: string, changed: string): string;
  /** A scenario's outcomes without a clear difference, in Main findings. */
  noClearFinding(interval: string, what: string): string;

  // --- primary outcomes and precision-driven comparisons ---
  /** "per 100,000" after a number, or '' for an outcome that is not a count. */
  unitPer100k(count: boolean): string;
  /**
   * A primary outcome without a clear difference: `who` (bold label), what, the largest change
   * not ruled out and the minimum detectable effect (numbers with their unit), `n` replicates.
   */
  ruledOut(who: string, what: string, interval: string, largest: string, mde: string, n: number, power: string): string;
  /** The rule of a precision-driven comparison. */
  precisionRule(what: string, interval: string, target: string, min: number, batch: number, max: number): string;
  /** "at most 10% of the reference mean". */
  targetRelative(pct: string): string;
  /** "at most 0.5" (with its unit). */
  targetAbsolute(value: string): string;
  /** A primary outcome whose paired difference was the same in every replicate (interval of width 0). */
  noVariation(who: string, what: string, n: number, diff: string, neverOccurred: boolean): string;
  /** Half-width line of a primary outcome that occurred in no run. */
  neverOccurred: string;
  stoppedPrecision(n: number): string;
  stoppedBudget(n: number): string;
  /** "+-12 per 100,000 (allowed +-15)". */
  achieved(halfWidth: string, allowed: string | null): string;

  outcome: string;
  mean: string;
  difference: string;
  relativeChange: string;
  /** Relative-change cell when the reference mean cannot be told from 0 (the ratio has no interval). */
  refMeanZero: string;
  intervalOfMean(interval: string): string;
  median: string;
  /** Header of the 5%-95% quantile column. */
  spread90: string;
  /** "per 100,000": header of a count per 100,000 population. */
  per100k: string;
  /** "per 100,000 per year". */
  per100kYear: string;
  /** "for 17900000 people": header of a count scaled to a population. */
  scaledTo(population: string): string;

  pairing(interval: string): string;
  pairedWidth: string;
  unpairedWidth: string;
  widthRatio: string;

  /** How to read this: one bullet each; `readPractice` only where the outcome labels use practice terms. */
  readInterval(interval: string): string;
  readNoClear(replicates: number): string;
  readRelative: string;
  /** How counts per 100,000 (and scaled) are found and why their intervals stay above zero. */
  readPerPopulation(scaleTo: string | null): string;
  readAssumptions: string;
  readPractice?: string;
  readFiles: string;
}

const EN: ReportWords = {
  decimalMark: '.',
  and: 'and',
  ethics: ETHICS_LINE,

  interval: (level) => `${level} interval`,
  range: (a, b) => `${a} to ${b}`,
  amount: (outcomes) => outcomes,

  lowers: 'lowers',
  raises: 'raises',
  noClearIn: (what) => `no clear difference in ${what}`,
  by: (change) => `by ${change}`,
  fromToOnAverage: (ref, mean) => `from ${ref} to ${mean} on average`,
  byOnAverage: (change) => `by ${change} on average`,
  fromTo: (ref, mean) => `from ${ref} to ${mean}`,

  title: (others, ref) => `Comparison: ${others} against ${ref}`,
  headCompared: 'What was compared',
  headFindings: 'Main findings',
  headComparedWith: (label, ref) => `${label} compared with ${ref}`,
  headOutcomes: 'Outcomes per scenario',
  headPairing: 'What pairing buys',
  headHowToRead: 'How to read this',

  role: 'role',
  scenario: 'scenario',
  agents: 'agents',
  weeks: 'weeks',
  question: 'question',
  reference: 'reference',
  variant: (v) => `scenario ${v}`,
  design: (replicates, baseSeed, interval) =>
    `Each scenario ran **${replicates} times** (replicates). Replicate r of every scenario used the same seed ` +
    `(derived from base seed ${baseSeed}), so it met the same synthetic people and the same random draws as replicate r ` +
    `of the reference: the scenarios are compared on *common random numbers*. A difference below is the mean, over the ` +
    `replicates, of (scenario - reference) within the same replicate, with a ${interval} (paired t interval).`,
  branch: (b, sweep = false) =>
    b === null
      ? 'Not branched: every run started on its own from the build and ran its whole history (burn-in included) with its own parameters; only the seeds are shared.'
      : `**Branched at week ${b.week}** (${b.week === 0 && b.burnInWeeks > 0 ? `the end of the ${b.burnInWeeks}-week burn-in` : b.burnInWeeks > 0 ? `${b.week} weeks after the end of the ${b.burnInWeeks}-week burn-in` : 'from the start of the run'}): ` +
        `in each replicate ${sweep ? 'the base scenario' : 'the reference'} ran once to that week (the shared history), and every ${sweep ? 'point' : 'scenario'} continued from that same state with its own parameters, ` +
        `so the ${sweep ? 'points' : 'scenarios'} differ only in what happens after the branch, and meet the same random draws after it too.`,
  populationNote: (who, changed) =>
    `Note: ${who} changes ${changed}, so its replicates do not meet the same synthetic population as the reference; the pairing aligns fewer random draws and its intervals are wider than they would otherwise be.`,
  noClearFinding: (interval, what) => `no clear difference (the ${interval} includes zero) in ${what}`,

  unitPer100k: (count) => (count ? ' per 100,000' : ''),
  ruledOut: (who, what, interval, largest, mde, n, power) =>
    `${who}: no clear difference in ${what}, and changes larger than ${largest} are ruled out (the far bound of the ${interval}). With ${n} replicates the smallest change this comparison detects with ${power} power is ${mde}.`,
  precisionRule: (what, interval, target, min, batch, max) =>
    `Replicates were added in batches of ${batch}, starting from ${min}, until the ${interval} of the difference in ${what} had a half-width of ${target} for every scenario, or until the budget of ${max} replicates was spent.`,
  targetRelative: (pct) => `at most ${pct} of the reference mean`,
  targetAbsolute: (value) => `at most ${value}`,
  noVariation: (who, what, n, diff, never) =>
    never
      ? `${who}: ${what} did not occur in any of the ${n} replicates of either scenario, so this comparison says nothing about how the scenario changes it; it needs more agents or replicates.`
      : `${who}: the difference in ${what} was ${diff} in each of the ${n} replicates, so its interval has no width and rules nothing out beyond these runs.`,
  neverOccurred: 'did not occur in any run of either scenario: not precise at any width',
  stoppedPrecision: (n) =>
    `**Stopped because the precision was reached, at ${n} replicates.** Half-widths at the stop:`,
  stoppedBudget: (n) =>
    `**Stopped because the budget of ${n} replicates was spent, before the precision was reached.** Half-widths achieved:`,
  achieved: (hw, allowed) =>
    `±${hw} (${allowed === null ? 'no relative target: the reference mean is 0' : `allowed ±${allowed}`}${/^0( |$)/.test(hw) ? '; the same difference in every replicate is not taken as precise' : ''})`,

  outcome: 'outcome',
  mean: 'mean',
  difference: 'difference',
  relativeChange: 'relative change',
  refMeanZero: '- (too rare in the reference)',
  intervalOfMean: (interval) => `${interval} of the mean`,
  median: 'median',
  spread90: '90% of runs between',
  per100k: 'per 100,000',
  per100kYear: 'per 100,000 per year',
  scaledTo: (population) => `for ${population} people`,

  pairing: (interval) =>
    `Width of the ${interval} of each difference: paired (using that replicate r of both scenarios shares its random numbers) ` +
    'and unpaired (Welch interval, as if the runs of the two scenarios were independent). The ratio says how many times narrower ' +
    'common random numbers make the interval; the unpaired interval would need about ratio² times as many replicates to be as narrow.',
  pairedWidth: 'paired width',
  unpairedWidth: 'unpaired width',
  widthRatio: 'unpaired / paired',

  readInterval: (interval) =>
    `**${interval}**: the range of mean differences compatible with the replicates. It measures the model's own randomness under these assumptions, not uncertainty about the real world, and it narrows with more replicates (about 1/sqrt(replicates)).`,
  readNoClear: (replicates) =>
    `**No clear difference** means the interval includes zero: with ${replicates} replicates the difference cannot be told from chance. It does not show that there is no effect.`,
  readRelative:
    '**Relative change** is the scenario mean divided by the reference mean, minus 1. Its interval comes from the paired replicates on the log scale and counts the uncertainty of both means, so it never goes below -100% and widens when the reference mean is small: a relative change of a count that is rare in the reference says little, read the numbers per 100,000 instead.',
  readPerPopulation: (scaleTo) =>
    `**Per 100,000** is the count in the simulated population divided by its number of people, times 100,000; **per year** divides a total over the run by the run's length in years of 52 weeks. ${scaleTo ? `**For ${scaleTo} people** scales the count to a population of that size, assuming it behaves like the simulated one. ` : ''}Intervals of counts (gamma intervals) never go below zero.`,
  readAssumptions:
    "The baseline's prevalences, arrests and caseload are calibrated to public Dutch figures (docs/calibration.md); the other parameters are literature-informed assumptions. Read differences as the behaviour of mechanisms, not as predictions.",
  readFiles:
    'Files: `differences.csv` (every number above, with p-values and unpaired intervals), `outcomes.csv`, `runs.csv` (one row per run and outcome), `series_bands.csv` (weekly mean and quantile bands), `series_differences.csv` (weekly paired differences), `plan.json` (the resolved scenarios and seeds). Methods: docs/statistics.md.',
};

const NL: ReportWords = {
  decimalMark: ',',
  and: 'en',
  ethics: ETHICS_LINE_NL,

  interval: (level) => `${level}-interval`,
  range: (a, b) => `${a} tot ${b}`,
  amount: (outcomes) => `het aantal ${outcomes}`,

  lowers: 'verlaagt',
  raises: 'verhoogt',
  noClearIn: (what) => `geen duidelijk verschil in ${what}`,
  by: (change) => `met ${change}`,
  fromToOnAverage: (ref, mean) => `van gemiddeld ${ref} naar ${mean}`,
  byOnAverage: (change) => `met gemiddeld ${change}`,
  fromTo: (ref, mean) => `van ${ref} naar ${mean}`,

  title: (others, ref) => `Vergelijking: ${others} met referentie ${ref}`,
  headCompared: 'Wat is vergeleken',
  headFindings: 'Belangrijkste bevindingen',
  headComparedWith: (label, ref) => `${label} vergeleken met ${ref}`,
  headOutcomes: 'Uitkomsten per scenario',
  headPairing: 'Wat koppeling oplevert',
  headHowToRead: 'Zo leest u dit',

  role: 'rol',
  scenario: 'scenario',
  agents: 'personen',
  weeks: 'weken',
  question: 'vraag',
  reference: 'referentie',
  variant: (v) => `scenario ${v}`,
  design: (replicates, baseSeed, interval) =>
    `Elk scenario is **${replicates} keer** doorgerekend (herhalingen). Herhaling r van elk scenario gebruikte dezelfde seed ` +
    `(afgeleid van basisseed ${baseSeed}) en ontmoette dus dezelfde synthetische mensen en dezelfde toevalstrekkingen als herhaling r ` +
    `van de referentie: de scenario's worden vergeleken met *gemeenschappelijke toevalsgetallen* (common random numbers). Een verschil hieronder is ` +
    `het gemiddelde over de herhalingen van (scenario - referentie) binnen dezelfde herhaling, met een ${interval} (gepaard t-interval).`,
  branch: (b, sweep = false) =>
    b === null
      ? 'Niet vertakt: elke run begon los vanaf de opbouw en doorliep zijn hele geschiedenis (de inloop inbegrepen) met zijn eigen parameters; alleen de seeds zijn gedeeld.'
      : `**Vertakt in week ${b.week}** (${b.week === 0 && b.burnInWeeks > 0 ? `het einde van de inloop van ${b.burnInWeeks} weken` : b.burnInWeeks > 0 ? `${b.week} weken na het einde van de inloop van ${b.burnInWeeks} weken` : 'vanaf het begin van de run'}): ` +
        `in elke herhaling liep ${sweep ? 'het basisscenario' : 'de referentie'} één keer tot die week (de gedeelde geschiedenis) en ging ${sweep ? 'elk punt' : 'elk scenario'} vanuit precies die toestand verder met zijn eigen parameters, ` +
        `zodat ${sweep ? 'de punten' : "de scenario's"} alleen verschillen in wat er na de vertakking gebeurt, en ook daarna dezelfde toevalstrekkingen ontmoeten.`,
  populationNote: (who, changed) =>
    `Let op: ${who} wijzigt ${changed}, waardoor de herhalingen niet dezelfde synthetische populatie ontmoeten als de referentie; de koppeling stemt minder toevalstrekkingen af en de intervallen zijn breder dan ze anders zouden zijn.`,
  noClearFinding: (interval, what) => `geen duidelijk verschil (het ${interval} bevat nul) in ${what}`,

  unitPer100k: (count) => (count ? ' per 100.000' : ''),
  ruledOut: (who, what, interval, largest, mde, n, power) =>
    `${who}: geen duidelijk verschil in ${what}, en veranderingen groter dan ${largest} zijn uitgesloten (de verste grens van het ${interval}). Met ${n} herhalingen is de kleinste verandering die deze vergelijking met ${power} onderscheidingsvermogen vindt ${mde}.`,
  precisionRule: (what, interval, target, min, batch, max) =>
    `Herhalingen zijn toegevoegd in porties van ${batch}, te beginnen met ${min}, tot het ${interval} van het verschil in ${what} voor elk scenario een halve breedte had van ${target}, of tot het budget van ${max} herhalingen op was.`,
  targetRelative: (pct) => `hoogstens ${pct} van het gemiddelde van de referentie`,
  targetAbsolute: (value) => `hoogstens ${value}`,
  noVariation: (who, what, n, diff, never) =>
    never
      ? `${who}: ${what} kwam in geen van de ${n} herhalingen van beide scenario's voor, dus deze vergelijking zegt niets over hoe het scenario dat verandert; daarvoor zijn meer personen of herhalingen nodig.`
      : `${who}: het verschil in ${what} was ${diff} in elk van de ${n} herhalingen, dus het interval heeft geen breedte en sluit buiten deze runs niets uit.`,
  neverOccurred: "kwam in geen enkele run van beide scenario's voor: bij geen enkele breedte precies",
  stoppedPrecision: (n) =>
    `**Gestopt omdat de precisie bereikt was, bij ${n} herhalingen.** Halve breedtes bij het stoppen:`,
  stoppedBudget: (n) =>
    `**Gestopt omdat het budget van ${n} herhalingen op was, voordat de precisie bereikt was.** Bereikte halve breedtes:`,
  achieved: (hw, allowed) =>
    `±${hw} (${allowed === null ? 'geen relatief doel: het gemiddelde van de referentie is 0' : `toegestaan ±${allowed}`}${/^0( |$)/.test(hw) ? '; hetzelfde verschil in elke herhaling geldt niet als precies' : ''})`,

  outcome: 'uitkomst',
  mean: 'gemiddelde',
  difference: 'verschil',
  relativeChange: 'relatieve verandering',
  refMeanZero: '- (te zeldzaam in de referentie)',
  intervalOfMean: (interval) => `${interval} van het gemiddelde`,
  median: 'mediaan',
  spread90: '90% van de runs tussen',
  per100k: 'per 100.000',
  per100kYear: 'per 100.000 per jaar',
  scaledTo: (population) => `voor ${population} mensen`,

  pairing: (interval) =>
    `Breedte van het ${interval} van elk verschil: gepaard (herhaling r van beide scenario's deelt dezelfde toevalsgetallen) ` +
    "en ongepaard (Welch-interval, alsof de runs van de twee scenario's onafhankelijk waren). De verhouding zegt hoeveel keer smaller " +
    'gemeenschappelijke toevalsgetallen het interval maken; het ongepaarde interval zou ongeveer verhouding² keer zoveel herhalingen nodig hebben om even smal te zijn.',
  pairedWidth: 'gepaarde breedte',
  unpairedWidth: 'ongepaarde breedte',
  widthRatio: 'ongepaard / gepaard',

  readInterval: (interval) =>
    `**${interval}**: het bereik van gemiddelde verschillen dat past bij de herhalingen. Het meet de eigen toevalligheid van het model onder deze aannames, niet de onzekerheid over de echte wereld, en het wordt smaller met meer herhalingen (ongeveer 1/wortel(herhalingen)).`,
  readNoClear: (replicates) =>
    `**Geen duidelijk verschil** betekent dat het interval nul bevat: met ${replicates} herhalingen is het verschil niet van toeval te onderscheiden. Het toont niet aan dat er geen effect is.`,
  readRelative:
    '**Relatieve verandering** is het gemiddelde van het scenario gedeeld door dat van de referentie, min 1. Het interval komt uit de gepaarde herhalingen op logaritmische schaal en telt de onzekerheid van beide gemiddelden mee: het gaat nooit onder -100% en wordt breder als het gemiddelde van de referentie klein is. Een relatieve verandering van iets wat in de referentie zelden voorkomt zegt weinig; lees dan de aantallen per 100.000.',
  readPerPopulation: (scaleTo) =>
    `**Per 100.000** is het aantal in de gesimuleerde populatie gedeeld door het aantal mensen, maal 100.000; **per jaar** deelt een totaal over de run door de lengte van de run in jaren van 52 weken. ${scaleTo ? `**Voor ${scaleTo} mensen** schaalt het aantal naar een populatie van die omvang, in de veronderstelling dat die zich gedraagt als de gesimuleerde. ` : ''}Intervallen van aantallen (gamma-intervallen) gaan nooit onder nul.`,
  readAssumptions:
    'De prevalenties, aanhoudingen en caseload van de basislijn zijn gekalibreerd op openbare Nederlandse cijfers (docs/calibration.md); de overige parameters zijn aannames op basis van de literatuur. Lees verschillen als het gedrag van mechanismen, niet als voorspellingen.',
  readPractice:
    'Praktijktermen zoals in de bronnen: een signaal gaat naar de weegploeg, die beslist over opname in het casusoverleg en een persoonsgerichte aanpak (PGA). Professionele uren zijn de uren van de praktijk (weegploeg, casusoverleg) en van interventies.',
  readFiles:
    "Bestanden: `differences.csv` (alle getallen hierboven, met p-waarden en ongepaarde intervallen), `outcomes.csv`, `runs.csv` (een rij per run en uitkomst), `series_bands.csv` (wekelijks gemiddelde en kwantielbanden), `series_differences.csv` (wekelijkse gepaarde verschillen), `plan.json` (de scenario's en seeds). Methoden: docs/statistics.md.",
};

export const REPORT_WORDS: Readonly<Record<ReportLang, ReportWords>> = { en: EN, nl: NL };
