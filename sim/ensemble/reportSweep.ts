/**
 * summary.md of a sweep, in any language of sweepWords.ts: the structure is written here once,
 * the words come from the phrase table (the CLI writes English, the web app the page's language).
 */
import { hasDutch, localText } from '../scenario/texts.ts';
import { outcomeLabel, type ReportLang } from './outcomes.ts';
import { branchNote, buildOnlyVaried, pointId } from './plan.ts';
import { fixed, listText, md, numberText, pValue } from './reportFormat.ts';
import { REPORT_WORDS } from './reportWords.ts';
import type { SweepStats } from './resultStats.ts';
import { type Strength, SWEEP_WORDS } from './sweepWords.ts';
import { prccDashLegend, sweepWarnings, sweepWarningTexts } from './sweepWarnings.ts';

export function sweepSummary(stats: SweepStats, lang: ReportLang = 'en'): string {
  const W = SWEEP_WORDS[lang];
  const f = numberText(W.decimalMark);
  const num = f.num;
  const mark = (s: string) => (W.decimalMark === '.' ? s : s.replace('.', W.decimalMark));
  const label = (o: string) => outcomeLabel(o, lang);
  const { plan } = stats;
  const base = plan.base;
  const P = plan.points.length;
  const N = P * plan.replicates;
  const alpha = 1 - plan.level;
  const L: string[] = [];
  L.push(`# ${W.title(md(base.label))}`, '', W.ethics, '');
  L.push(`## ${W.headRun}`, '');
  // A question given only in English (a plain string): the Dutch summary says what the scenario is in Dutch where it can.
  const { question, description } = base.scenario;
  const what = lang === 'nl' && !hasDutch(question) && description ? description.nl : localText(question, lang);
  L.push(W.baseScenario(md(base.label), md(what)), '');
  // How the replicates started; a sweep that would branch by default says why it did not.
  const buildFixed = plan.branchAt === undefined && plan.base.scenario.burnInWeeks > 0 ? buildOnlyVaried(plan) : [];
  L.push(
    W.design(plan.design === 'grid', P, plan.replicates, N, base.scenario.agents, base.scenario.weeks, plan.baseSeed),
    '',
    buildFixed.length
      ? W.notBranched(buildFixed.map((p) => `\`${p}\``))
      : REPORT_WORDS[lang].branch(branchNote(plan), true),
    '',
  );
  L.push(`| ${W.parameter} | ${W.values} | ${W.inBase} |`, '| --- | --- | ---: |');
  for (const v of plan.vary) {
    const vals = v.range
      ? W.continuous(num(v.range.lo), num(v.range.hi))
      : v.values!.map((x) => (typeof x === 'number' ? num(x) : String(x))).join(W.decimalMark === ',' ? '; ' : ', ');
    L.push(`| \`${v.path}\` | ${vals} | ${typeof v.base === 'number' ? num(v.base) : String(v.base)} |`);
  }
  L.push('');

  L.push(`## ${W.headSensitivity}`, '');
  const warnings = sweepWarningTexts(sweepWarnings(stats), lang);
  if (warnings.length) L.push(...warnings.flatMap((w, i) => (i ? ['>', `> ${w}`] : [`> ${w}`])), '');
  L.push(W.prccIntro(num(alpha)), '');
  L.push(
    `| ${W.parameter} | ${plan.outcomes.map(label).join(' | ')} |`,
    `| --- |${plan.outcomes.map(() => ' ---: |').join('')}`,
  );
  for (const v of plan.vary) {
    const cells = plan.outcomes.map((o) => {
      const s = stats.sensitivity.find((x) => x.parameter === v.path && x.outcome === o)!;
      if (!Number.isFinite(s.prcc)) return '-';
      const text = `${mark(fixed(s.prcc, 2))} (${mark(pValue(s.pValue))})`;
      return s.pValue < alpha ? `**${text}**` : text;
    });
    L.push(`| \`${v.path}\` | ${cells.join(' | ')} |`);
  }
  L.push('', prccDashLegend(lang), '');

  L.push(`## ${W.headFindings}`, '');
  const clear = stats.sensitivity.filter((s) => Number.isFinite(s.prcc) && s.pValue < alpha);
  for (const s of clear)
    L.push(`- ${W.relation(s.parameter, s.prcc > 0, label(s.outcome), mark(fixed(s.prcc, 2)), strength(s.prcc))}`);
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
        `- ${W.noRelation(
          v.path,
          listText(
            none.map((s) => label(s.outcome)),
            W.and,
          ),
        )}`,
      );
  }
  if (constant.length && N >= 3) L.push(`- ${W.sameEveryRun(listText(constant.map(label), W.and))}`);
  if (N < 3) L.push(`- ${W.tooFewRuns}`);
  L.push('');

  if (P <= 60) {
    L.push(`## ${W.headPoints}`, '');
    L.push(W.pointsIntro(plan.scaleTo === undefined ? null : num(plan.scaleTo)), '');
    L.push(
      `| ${W.point} | ${plan.vary.map((v) => `\`${v.path}\``).join(' | ')} | ${plan.outcomes.map(label).join(' | ')} |`,
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

  L.push(`## ${W.headHowToRead}`, '');
  L.push(...W.howToRead.map((x) => `- ${x}`), '');
  return L.join('\n');
}

function strength(r: number): Strength {
  const a = Math.abs(r);
  return a >= 0.7 ? 'strong' : a >= 0.4 ? 'moderate' : 'weak';
}
