/**
 * The words of a sweep's summary, one phrase table per language (as reportWords.ts does for a
 * comparison). The structure of the text is written once, in reportSweep.ts. Numbers come in
 * already formatted with the language's decimal mark.
 */
import type { ReportLang } from './outcomes.ts';
import type { DecimalMark } from './reportFormat.ts';
import { ETHICS_LINE, ETHICS_LINE_NL } from './reportWords.ts';

export interface SweepWords {
  decimalMark: DecimalMark;
  and: string;
  ethics: string;
  title(base: string): string;
  headRun: string;
  headSensitivity: string;
  headFindings: string;
  headPoints: string;
  headHowToRead: string;
  /** "Base scenario **x**: question". */
  baseScenario(label: string, question: string): string;
  /** The design sentence: `P` points, `R` replicates, `N` runs. */
  design(grid: boolean, P: number, R: number, N: number, agents: number, weeks: number, baseSeed: number): string;
  /** Why a sweep that would branch by default ran unbranched: `paths` are build-only varied fields. */
  notBranched(paths: string[]): string;
  parameter: string;
  values: string;
  inBase: string;
  /** "a to b (continuous)". */
  continuous(lo: string, hi: string): string;
  prccIntro(alpha: string): string;
  /** "- Higher `p` goes with more/fewer outcome (PRCC r, strength)." */
  relation(parameter: string, more: boolean, outcome: string, prcc: string, strength: Strength): string;
  noRelation(parameter: string, outcomes: string): string;
  sameEveryRun(outcomes: string): string;
  tooFewRuns: string;
  /** The line under "Mean outcomes per point"; `scaleTo` the formatted population, if any. */
  pointsIntro(scaleTo: string | null): string;
  point: string;
  howToRead: string[];
}

export type Strength = 'strong' | 'moderate' | 'weak';

const EN: SweepWords = {
  decimalMark: '.',
  and: 'and',
  ethics: ETHICS_LINE,
  title: (base) => `Sweep: ${base}`,
  headRun: 'What was run',
  headSensitivity: 'Global sensitivity',
  headFindings: 'Main findings',
  headPoints: 'Mean outcomes per point',
  headHowToRead: 'How to read this',
  baseScenario: (label, question) => `Base scenario **${label}**: ${question}`,
  design: (grid, P, R, N, agents, weeks, baseSeed) =>
    `${grid ? `A full grid of ${P} point(s)` : `A Latin hypercube of ${P} point(s)`} x ${R} replicate(s) = ${N} runs of ${agents} agents x ${weeks} weeks ` +
    `(unless a varied parameter changes these). Replicate r of every point used the same seed (derived from base seed ${baseSeed}).`,
  notBranched: (paths) =>
    `Not branched at the end of the burn-in, as a sweep is by default, because ${paths.join(', ')} ${paths.length > 1 ? 'are' : 'is'} fixed when the population and network are built: each point ran its own burn-in.`,
  parameter: 'parameter',
  values: 'values',
  inBase: 'in the base scenario',
  continuous: (lo, hi) => `${lo} to ${hi} (continuous)`,
  prccIntro: (alpha) =>
    'Partial rank correlation coefficient (PRCC) of each varied parameter with each outcome, over all runs: +1 means the outcome ' +
    'rises with the parameter in every run once the other parameters are accounted for, -1 that it falls, 0 no monotone relation. ' +
    `In brackets the p-value of the test PRCC = 0; values with p < ${alpha} are in bold.`,
  relation: (parameter, more, outcome, prcc, strength) =>
    `Higher \`${parameter}\` goes with ${more ? 'more' : 'fewer'} ${outcome} (PRCC ${prcc}, ${strength}).`,
  noRelation: (parameter, outcomes) => `No clear monotone relation of \`${parameter}\` with ${outcomes}.`,
  sameEveryRun: (outcomes) => `The same in every run, so nothing to relate: ${outcomes}.`,
  tooFewRuns: 'Too few runs for a sensitivity analysis (at least 3 are needed; several hundred are advisable).',
  pointsIntro: (scaleTo) =>
    `Mean over the replicates; in brackets per 100,000 population${scaleTo === null ? '' : ` and for ${scaleTo} people`} (counts only; intervals in \`sweep_points.csv\`).`,
  point: 'point',
  howToRead: [
    'PRCC measures a monotone association across the sampled range, controlling for the other varied parameters; it does not measure effects outside the range, or non-monotone effects (look at `sweep_points.csv` for those).',
    'Several hundred runs (points x replicates) are advisable for a stable PRCC with more than a few parameters (Marino et al. 2008).',
    "The baseline's prevalences, arrests and caseload are calibrated to public Dutch figures (docs/calibration.md); the other parameters are literature-informed assumptions. Read relations as the behaviour of mechanisms, not as predictions.",
    'Files: `sweep.csv` (one row per run and outcome, every varied parameter a column), `sweep_points.csv` (mean per point with intervals), `sensitivity.csv`, `plan.json`. Methods: docs/statistics.md.',
  ],
};

const STRENGTH_NL: Record<Strength, string> = { strong: 'sterk', moderate: 'matig', weak: 'zwak' };

const NL: SweepWords = {
  decimalMark: ',',
  and: 'en',
  ethics: ETHICS_LINE_NL,
  title: (base) => `Sweep: ${base}`,
  headRun: 'Wat is doorgerekend',
  headSensitivity: 'Globale gevoeligheid',
  headFindings: 'Belangrijkste bevindingen',
  headPoints: 'Gemiddelde uitkomsten per punt',
  headHowToRead: 'Zo leest u dit',
  baseScenario: (label, question) => `Basisscenario **${label}**: ${question}`,
  design: (grid, P, R, N, agents, weeks, baseSeed) =>
    `${grid ? `Een volledig rooster van ${P} punt(en)` : `Een Latijnse hyperkubus van ${P} punt(en)`} x ${R} herhaling(en) = ${N} runs van ${agents} personen x ${weeks} weken ` +
    `(tenzij een gevarieerde parameter die verandert). Herhaling r van elk punt gebruikte dezelfde seed (afgeleid van basisseed ${baseSeed}).`,
  notBranched: (paths) =>
    `Niet vertakt aan het einde van de inloop, zoals een sweep standaard is, omdat ${paths.join(', ')} ${paths.length > 1 ? 'liggen' : 'ligt'} vast bij de opbouw van de populatie en het netwerk: elk punt doorliep zijn eigen inloop.`,
  parameter: 'parameter',
  values: 'waarden',
  inBase: 'in het basisscenario',
  continuous: (lo, hi) => `${lo} tot ${hi} (doorlopend)`,
  prccIntro: (alpha) =>
    'Partiële rangcorrelatiecoëfficiënt (PRCC) van elke gevarieerde parameter met elke uitkomst, over alle runs: +1 betekent dat de uitkomst ' +
    'in elke run stijgt met de parameter als de andere parameters zijn meegewogen, -1 dat ze daalt, 0 dat er geen monotoon verband is. ' +
    `Tussen haakjes de p-waarde van de toets PRCC = 0; waarden met p < ${alpha} staan vet.`,
  relation: (parameter, more, outcome, prcc, strength) =>
    `Een hogere \`${parameter}\` gaat samen met ${more ? 'meer' : 'minder'} ${outcome} (PRCC ${prcc}, ${STRENGTH_NL[strength]}).`,
  noRelation: (parameter, outcomes) => `Geen duidelijk monotoon verband van \`${parameter}\` met ${outcomes}.`,
  sameEveryRun: (outcomes) => `In elke run gelijk, dus niets om te relateren: ${outcomes}.`,
  tooFewRuns:
    'Te weinig runs voor een gevoeligheidsanalyse (minstens 3 zijn nodig; enkele honderden zijn aan te raden).',
  pointsIntro: (scaleTo) =>
    `Gemiddelde over de herhalingen; tussen haakjes per 100.000 inwoners${scaleTo === null ? '' : ` en voor ${scaleTo} mensen`} (alleen aantallen; intervallen in \`sweep_points.csv\`).`,
  point: 'punt',
  howToRead: [
    'PRCC meet een monotoon verband over het bemonsterde bereik, gecorrigeerd voor de andere gevarieerde parameters; het meet geen effecten buiten het bereik en geen niet-monotone effecten (kijk daarvoor in `sweep_points.csv`).',
    'Enkele honderden runs (punten x herhalingen) zijn aan te raden voor een stabiele PRCC met meer dan een paar parameters (Marino et al. 2008).',
    'De prevalenties, aanhoudingen en caseload van de basislijn zijn gekalibreerd op openbare Nederlandse cijfers (docs/calibration.md); de overige parameters zijn aannames op basis van de literatuur. Lees verbanden als het gedrag van mechanismen, niet als voorspellingen.',
    'Bestanden: `sweep.csv` (een rij per run en uitkomst, elke gevarieerde parameter een kolom), `sweep_points.csv` (gemiddelde per punt met intervallen), `sensitivity.csv`, `plan.json`. Methoden: docs/statistics.md.',
  ],
};

export const SWEEP_WORDS: Readonly<Record<ReportLang, SweepWords>> = { en: EN, nl: NL };
