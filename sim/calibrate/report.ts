/**
 * The output files of a calibration, built from its state alone (so a resumed or merged
 * calibration writes the same bytes): generations.csv, particles.csv (tidy: one row per
 * particle of every generation), posterior.csv, correlations.csv, fit.csv and summary.md.
 */
import { csvText } from '../ensemble/csv.ts';
import { type AbcState, effectiveSampleSize, maxEvaluations, type Population } from './abcSmc.ts';
import type { Calibration } from './calibration.ts';
import { marginalSummary, weightedCorrelation } from './posterior.ts';

export const REPORT_FILES = [
  'generations.csv',
  'particles.csv',
  'posterior.csv',
  'correlations.csv',
  'fit.csv',
  'summary.md',
] as const;

const LEVEL = 0.95;

export function calibrationReport(c: Calibration, state: AbcState): Record<(typeof REPORT_FILES)[number], string> {
  const pops = state.populations;
  const last = pops.at(-1) ?? null;
  return {
    'generations.csv': generationsCsv(state),
    'particles.csv': csvText(
      [
        'generation',
        'particle',
        'proposal',
        'weight',
        'distance',
        ...c.params.map((p) => p.path),
        ...c.targets.map((t) => t.name),
      ],
      pops.flatMap((pop) =>
        pop.particles.map((vals, i) => [
          pop.generation,
          i,
          pop.proposals[i],
          pop.weights[i],
          pop.distances[i],
          ...vals,
          ...pop.stats[i],
        ]),
      ),
    ),
    'posterior.csv': csvText(
      ['parameter', 'prior', 'prior_lo', 'prior_hi', 'median', 'q2.5', 'q97.5', 'mean', 'sd'],
      last
        ? c.params.map((p, j) => {
            const m = marginalSummary(column(last, j), last.weights, LEVEL);
            return [p.path, p.prior, p.lo, p.hi, m.median, m.lo, m.hi, m.mean, m.sd];
          })
        : [],
    ),
    'correlations.csv': csvText(
      ['parameter_a', 'parameter_b', 'correlation'],
      last ? correlationPairs(c, last).map(([a, b, r]) => [c.params[a].path, c.params[b].path, r]) : [],
    ),
    'fit.csv': csvText(
      ['target', 'lo', 'hi', 'median', 'q2.5', 'q97.5', 'share_inside'],
      last
        ? c.targets.map((t, k) => {
            const xs = last.stats.map((s) => s[k]);
            const m = marginalSummary(xs, last.weights, LEVEL);
            return [t.name, t.interval[0], t.interval[1], m.median, m.lo, m.hi, shareInside(last, k, t.interval)];
          })
        : [],
    ),
    'summary.md': summaryMd(c, state),
  };
}

function column(pop: Population, j: number): number[] {
  return pop.particles.map((p) => p[j]);
}

function correlationPairs(c: Calibration, pop: Population): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let a = 0; a < c.params.length; a++)
    for (let b = a + 1; b < c.params.length; b++)
      out.push([a, b, weightedCorrelation(column(pop, a), column(pop, b), pop.weights)]);
  return out;
}

/** Weighted share of the particles whose statistic k lies inside the interval. */
function shareInside(pop: Population, k: number, [lo, hi]: [number, number]): number {
  let s = 0;
  pop.stats.forEach((st, i) => {
    if (st[k] >= lo && st[k] <= hi) s += pop.weights[i];
  });
  return s;
}

function generationsCsv(state: AbcState): string {
  const rows: (string | number | boolean | null)[][] = state.populations.map((p) => [
    p.generation,
    p.tolerance ?? 'Inf',
    p.evaluated,
    p.accepted,
    p.accepted / p.evaluated,
    p.particles.length,
    effectiveSampleSize(p.weights),
    true,
  ]);
  const a = state.abandoned;
  if (a)
    rows.push([
      a.generation,
      a.tolerance ?? 'Inf',
      a.evaluated,
      a.accepted,
      a.accepted / a.evaluated,
      null,
      null,
      false,
    ]);
  const r = state.running;
  if (r && r.evaluated > 0)
    rows.push([
      r.generation,
      r.tolerance ?? 'Inf',
      r.evaluated,
      r.accepted,
      r.accepted / r.evaluated,
      r.kept.length,
      null,
      false,
    ]);
  return csvText(
    ['generation', 'tolerance', 'evaluated', 'accepted', 'acceptance_rate', 'particles', 'ess', 'complete'],
    rows,
  );
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1000 || a < 0.001) return x.toPrecision(3);
  return String(Number(x.toPrecision(3)));
}

function summaryMd(c: Calibration, state: AbcState): string {
  const s = c.settings;
  const last = state.populations.at(-1) ?? null;
  const lines: string[] = [];
  lines.push(`# Calibration of ${c.base.name}`, '');
  const status = state.running
    ? `**Running**: generation ${state.running.generation}, batch ${state.running.batch} (${state.running.kept.length} of ${s.particles} particles accepted so far).`
    : `**Finished**: ${state.stop?.text ?? ''}.`;
  lines.push(status, '');
  lines.push(
    `ABC-SMC with ${s.particles} particles per generation, at most ${s.generations} generations, tolerance of each generation the ${s.quantile} quantile of the previous generation's distances (at least ${s.minTolerance}), at most ${maxEvaluations(s)} proposals per generation (acceptance rate ${s.minAcceptance}), ${s.seedsPerParticle} run(s) per particle, ${s.distance} distance, seed ${s.seed}. ` +
      `Runs of ${c.base.agents} agents x ${c.base.weeks} weeks (scenario file ${c.scenarioFile}, targets ${c.targetsFile}). See docs/calibration.md for how to read this.`,
    '',
  );
  lines.push(`Modelled population: ${c.population}`, '');
  lines.push('## Generations', '');
  lines.push(
    '| generation | tolerance | proposals | accepted | acceptance rate | ESS |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const p of state.populations)
    lines.push(
      `| ${p.generation} | ${p.tolerance === null ? 'none (prior)' : fmt(p.tolerance)} | ${p.evaluated} | ${p.accepted} | ${fmt(p.accepted / p.evaluated)} | ${fmt(effectiveSampleSize(p.weights))} |`,
    );
  if (state.abandoned) {
    const a = state.abandoned;
    lines.push(
      `| ${a.generation} (given up) | ${fmt(a.tolerance ?? Infinity)} | ${a.evaluated} | ${a.accepted} | ${fmt(a.accepted / a.evaluated)} | |`,
    );
  }
  lines.push('');
  if (!last) return `${lines.join('\n')}\n`;
  lines.push(`## Posterior (generation ${last.generation})`, '');
  lines.push('Weighted median and 95% interval of each parameter, against its prior range.', '');
  lines.push(
    '| parameter | prior | median | 95% interval | interval / prior width |',
    '| --- | --- | --- | --- | --- |',
  );
  c.params.forEach((p, j) => {
    const m = marginalSummary(column(last, j), last.weights, LEVEL);
    const shrink =
      p.prior === 'log-uniform' ? Math.log(m.hi / m.lo) / Math.log(p.hi / p.lo) : (m.hi - m.lo) / (p.hi - p.lo);
    lines.push(
      `| ${p.path} | ${p.prior} ${fmt(p.lo)} to ${fmt(p.hi)} | ${fmt(m.median)} | ${fmt(m.lo)} to ${fmt(m.hi)} | ${fmt(shrink)} |`,
    );
  });
  lines.push('');
  const pairs = correlationPairs(c, last).filter(([, , r]) => Math.abs(r) >= 0.3);
  if (c.params.length > 1) {
    lines.push('## Correlations', '');
    if (pairs.length === 0) lines.push('No pair of parameters has a weighted correlation of 0.3 or more in size.');
    else
      for (const [a, b, r] of pairs)
        lines.push(
          `- ${c.params[a].path} and ${c.params[b].path}: ${fmt(r)} (${r > 0 ? 'higher values of one go with higher values of the other' : 'they trade off: the targets constrain a combination of the two'})`,
        );
    lines.push('', 'All pairs: correlations.csv.', '');
  }
  lines.push('## Fit to the targets', '');
  lines.push(
    '| target | interval | median of the particles | 95% range | share inside | source |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  c.targets.forEach((t, k) => {
    const m = marginalSummary(
      last.stats.map((st) => st[k]),
      last.weights,
      LEVEL,
    );
    const src = t.assumption ? 'assumption' : t.source ? `${t.source.publisher} ${t.source.year}` : '';
    lines.push(
      `| ${t.name} | ${fmt(t.interval[0])} to ${fmt(t.interval[1])} | ${fmt(m.median)} | ${fmt(m.lo)} to ${fmt(m.hi)} | ${fmt(shareInside(last, k, t.interval))} | ${src} |`,
    );
  });
  lines.push('');
  lines.push(
    'Files: generations.csv (tolerance and acceptance per generation), particles.csv (every particle of every generation: weight, distance, parameters, statistics), posterior.csv, correlations.csv, fit.csv.',
  );
  return `${lines.join('\n')}\n`;
}
