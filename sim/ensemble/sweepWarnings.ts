/**
 * When a sweep is too small to say anything, or an outcome has nothing to relate: the warnings
 * of a sweep's report (summary.md, the web app) and the legend of the '-' in its PRCC table.
 *
 * The rule for "too few runs": the PRCC test (t = r sqrt(df / (1 - r^2)), df = N - 1 - k for N
 * runs and k varied parameters; aggregate.ts) can only tell a PRCC from zero when
 * |r| > t_crit / sqrt(df + t_crit^2). When that smallest detectable |PRCC| is above
 * {@link MAX_DETECTABLE_PRCC}, only strong relations could ever show, and a PRCC table of such a
 * design mostly reports noise. At the 95% level this means at least k + 15 runs.
 */
import { tQuantile } from '../stats/index.ts';
import { outcomeLabel, type ReportLang } from './outcomes.ts';
import type { SweepStats } from './resultStats.ts';

/** Largest smallest-detectable |PRCC| a design may have before the report warns (a moderate relation). */
export const MAX_DETECTABLE_PRCC = 0.5;

/**
 * The smallest |PRCC| that the test of PRCC = 0 rejects at `level`, with N runs and k varied
 * parameters; 1 when there are too few runs for the test at all (df < 1).
 */
export function detectablePrcc(N: number, k: number, level: number): number {
  const df = N - 1 - k;
  if (df < 1) return 1;
  const t = tQuantile(0.5 + level / 2, df);
  return t / Math.sqrt(df + t * t);
}

/** The fewest runs with which a design of k parameters can detect a PRCC of {@link MAX_DETECTABLE_PRCC}. */
export function runsForPrcc(k: number, level: number): number {
  let N = k + 2;
  while (detectablePrcc(N, k, level) > MAX_DETECTABLE_PRCC) N++;
  return N;
}

export interface SweepWarnings {
  runs: number;
  /** Smallest |PRCC| this design can tell from zero. */
  detectable: number;
  /** The design has too few runs for a PRCC to mean anything (see the module comment). */
  tooFewRuns: boolean;
  /** Runs needed for {@link MAX_DETECTABLE_PRCC}. */
  runsNeeded: number;
  /** Outcomes with the same value in every run. */
  constantOutcomes: string[];
  /** Varied parameters that take one value only in the design. */
  constantParameters: string[];
}

export function sweepWarnings(stats: SweepStats): SweepWarnings {
  const { plan } = stats;
  const k = plan.vary.length;
  const runs = plan.points.length * plan.replicates;
  const detectable = detectablePrcc(runs, k, plan.level);
  const constantOutcomes = plan.outcomes.filter((o) => {
    const values = stats.points.filter((s) => s.outcome === o).flatMap((s) => s.values);
    return values.every((x) => x === values[0]);
  });
  const constantParameters = plan.vary
    .filter((_, j) => plan.points.every((p) => p[j] === plan.points[0][j]))
    .map((v) => v.path);
  return {
    runs,
    detectable,
    tooFewRuns: detectable > MAX_DETECTABLE_PRCC,
    runsNeeded: runsForPrcc(k, plan.level),
    constantOutcomes,
    constantParameters,
  };
}

/** The warnings as sentences (markdown, with **bold**), in the given language; none for a sound design. */
export function sweepWarningTexts(w: SweepWarnings, lang: ReportLang = 'en'): string[] {
  const out: string[] = [];
  const two = (x: number) => (lang === 'nl' ? x.toFixed(2).replace('.', ',') : x.toFixed(2));
  const list = (xs: string[]) => xs.join(', ');
  if (w.tooFewRuns) {
    out.push(
      lang === 'nl'
        ? `**Te weinig runs voor een gevoeligheidsanalyse.** Met ${w.runs} runs is een PRCC pas van nul te onderscheiden als hij groter is dan ${two(w.detectable)} (in absolute waarde); de PRCC-waarden hieronder zeggen dus weinig. Voor een PRCC van ${two(MAX_DETECTABLE_PRCC)} zijn minstens ${w.runsNeeded} runs nodig (punten x herhalingen); enkele honderden is beter.`
        : `**Too few runs for a sensitivity analysis.** With ${w.runs} runs a PRCC can only be told from zero when it is larger than ${two(w.detectable)} in size, so the PRCC values below say little. Detecting a PRCC of ${two(MAX_DETECTABLE_PRCC)} takes at least ${w.runsNeeded} runs (points x replicates); several hundred are better.`,
    );
  }
  if (w.constantOutcomes.length) {
    const names = list(w.constantOutcomes.map((o) => outcomeLabel(o, lang)));
    out.push(
      lang === 'nl'
        ? `**In elke run gelijk**, dus zonder PRCC: ${names}. Langere of grotere runs, of andere parameterwaarden, kunnen deze uitkomsten laten variëren.`
        : `**The same in every run**, so without a PRCC: ${names}. Longer or larger runs, or other parameter values, may make these outcomes vary.`,
    );
  }
  if (w.constantParameters.length) {
    const names = list(w.constantParameters.map((p) => `\`${p}\``));
    out.push(
      lang === 'nl'
        ? `**Maar één waarde** in het ontwerp, dus zonder PRCC: ${names}.`
        : `**One value only** in the design, so without a PRCC: ${names}.`,
    );
  }
  return out;
}

/** The legend of '-' in a PRCC table. */
export function prccDashLegend(lang: ReportLang = 'en'): string {
  return lang === 'nl'
    ? '"-" betekent: geen PRCC, omdat de uitkomst in elke run gelijk was, de parameter maar één waarde had, de andere parameters de uitkomst (of deze parameter) al volledig verklaren, of er minder dan 3 runs waren.'
    : '"-" means no PRCC: the outcome was the same in every run, the parameter took one value only, the other parameters already explain the outcome (or this parameter) completely, or there were fewer than 3 runs.';
}
