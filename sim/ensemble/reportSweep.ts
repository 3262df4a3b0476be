/** summary.md of a sweep (English; the web app shows it as it is). */
import { outcomeLabel } from './outcomes.ts';
import { pointId } from './plan.ts';
import { fixed, listText, md, num, pValue } from './reportFormat.ts';
import { ETHICS_LINE } from './reportWords.ts';
import type { SweepStats } from './resultStats.ts';
import { prccDashLegend, sweepWarnings, sweepWarningTexts } from './sweepWarnings.ts';

export function sweepSummary(stats: SweepStats): string {
  const { plan } = stats;
  const base = plan.base;
  const P = plan.points.length;
  const N = P * plan.replicates;
  const alpha = 1 - plan.level;
  const L: string[] = [];
  L.push(`# Sweep: ${md(base.label)}`, '', ETHICS_LINE, '');
  L.push('## What was run', '');
  L.push(`Base scenario **${md(base.label)}**: ${md(base.scenario.question)}`, '');
  const design = plan.design === 'grid' ? `a full grid of ${P} point(s)` : `a Latin hypercube of ${P} point(s)`;
  L.push(
    `${design[0].toUpperCase()}${design.slice(1)} x ${plan.replicates} replicate(s) = ${N} runs of ${base.scenario.agents} agents x ${base.scenario.weeks} weeks ` +
      `(unless a varied parameter changes these). Replicate r of every point used the same seed (derived from base seed ${plan.baseSeed}).`,
    '',
  );
  L.push('| parameter | values | in the base scenario |', '| --- | --- | ---: |');
  for (const v of plan.vary) {
    const vals = v.range
      ? `${num(v.range.lo)} to ${num(v.range.hi)} (continuous)`
      : v.values!.map((x) => (typeof x === 'number' ? num(x) : String(x))).join(', ');
    L.push(`| \`${v.path}\` | ${vals} | ${typeof v.base === 'number' ? num(v.base) : String(v.base)} |`);
  }
  L.push('');

  L.push('## Global sensitivity', '');
  const warnings = sweepWarningTexts(sweepWarnings(stats));
  if (warnings.length) L.push(...warnings.flatMap((w, i) => (i ? ['>', `> ${w}`] : [`> ${w}`])), '');
  L.push(
    'Partial rank correlation coefficient (PRCC) of each varied parameter with each outcome, over all runs: +1 means the outcome ' +
      'rises with the parameter in every run once the other parameters are accounted for, -1 that it falls, 0 no monotone relation. ' +
      `In brackets the p-value of the test PRCC = 0; values with p < ${num(alpha)} are in bold.`,
    '',
  );
  L.push(
    `| parameter | ${plan.outcomes.map((o) => outcomeLabel(o)).join(' | ')} |`,
    `| --- |${plan.outcomes.map(() => ' ---: |').join('')}`,
  );
  for (const v of plan.vary) {
    const cells = plan.outcomes.map((o) => {
      const s = stats.sensitivity.find((x) => x.parameter === v.path && x.outcome === o)!;
      if (!Number.isFinite(s.prcc)) return '-';
      const text = `${fixed(s.prcc, 2)} (${pValue(s.pValue)})`;
      return s.pValue < alpha ? `**${text}**` : text;
    });
    L.push(`| \`${v.path}\` | ${cells.join(' | ')} |`);
  }
  L.push('', prccDashLegend(), '');

  L.push('## Main findings', '');
  const clear = stats.sensitivity.filter((s) => Number.isFinite(s.prcc) && s.pValue < alpha);
  for (const s of clear) {
    L.push(
      `- Higher \`${s.parameter}\` goes with ${s.prcc > 0 ? 'more' : 'fewer'} ${outcomeLabel(s.outcome)} (PRCC ${fixed(s.prcc, 2)}, ${strength(s.prcc)}).`,
    );
  }
  // Outcomes without any PRCC were the same in every run (or there were too few runs).
  const constant = plan.outcomes.filter((o) =>
    stats.sensitivity.every((s) => s.outcome !== o || !Number.isFinite(s.prcc)),
  );
  for (const v of plan.vary) {
    const none = stats.sensitivity.filter(
      (s) => s.parameter === v.path && !clear.includes(s) && !constant.includes(s.outcome),
    );
    if (none.length)
      L.push(
        `- No clear monotone relation of \`${v.path}\` with ${listText(none.map((s) => outcomeLabel(s.outcome)))}.`,
      );
  }
  if (constant.length && N >= 3)
    L.push(`- The same in every run, so nothing to relate: ${listText(constant.map((o) => outcomeLabel(o)))}.`);
  if (N < 3)
    L.push('- Too few runs for a sensitivity analysis (at least 3 are needed; several hundred are advisable).');
  L.push('');

  if (P <= 60) {
    L.push('## Mean outcomes per point', '');
    L.push(
      `Mean over the replicates; in brackets per 100,000 population${plan.scaleTo === undefined ? '' : ` and for ${num(plan.scaleTo)} people`} (counts only; intervals in \`sweep_points.csv\`).`,
      '',
    );
    L.push(
      `| point | ${plan.vary.map((v) => `\`${v.path}\``).join(' | ')} | ${plan.outcomes.map((o) => outcomeLabel(o)).join(' | ')} |`,
    );
    L.push(`| --- |${plan.vary.map(() => ' ---: |').join('')}${plan.outcomes.map(() => ' ---: |').join('')}`);
    for (let p = 0; p < P; p++) {
      const means = plan.outcomes.map((o) => {
        const s = stats.points.find((x) => x.variant === p && x.outcome === o)!;
        const { per100k, scaled } = s.factors;
        if (per100k === null) return num(s.ci.mean);
        return `${num(s.ci.mean)} (${num(s.ci.mean * per100k)}${scaled === null ? '' : `; ${num(s.ci.mean * scaled)}`})`;
      });
      L.push(
        `| ${pointId(plan, p)} | ${plan.points[p].map((x) => (typeof x === 'number' ? num(x) : String(x))).join(' | ')} | ${means.join(' | ')} |`,
      );
    }
    L.push('');
  }

  L.push('## How to read this', '');
  L.push(
    '- PRCC measures a monotone association across the sampled range, controlling for the other varied parameters; it does not measure effects outside the range, or non-monotone effects (look at `sweep_points.csv` for those).',
    '- Several hundred runs (points x replicates) are advisable for a stable PRCC with more than a few parameters (Marino et al. 2008).',
    '- The parameters are literature-informed assumptions, not a calibration: read relations as the behaviour of mechanisms, not as predictions.',
    '- Files: `sweep.csv` (one row per run and outcome, every varied parameter a column), `sweep_points.csv` (mean per point with intervals), `sensitivity.csv`, `plan.json`. Methods: docs/statistics.md.',
    '',
  );
  return L.join('\n');
}

function strength(r: number): string {
  const a = Math.abs(r);
  return a >= 0.7 ? 'strong' : a >= 0.4 ? 'moderate' : 'weak';
}
