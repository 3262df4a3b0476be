/**
 * summary.md of a comparison, and the sentence for one difference, in any language of
 * reportWords.ts: the structure is written here once, the words come from the phrase table.
 */
import { buildDifferences } from '../run/branch.ts';
import type { Scenario } from '../scenario/schema.ts';
import { localText } from '../scenario/texts.ts';
import { largestChangeNotRuledOut, MDE_POWER, minimumDetectableEffect } from '../stats/index.ts';
import { isCount, outcomeLabel, type ReportLang } from './outcomes.ts';
import { targetUnitFactor } from './precision.ts';
import { branchNote } from './plan.ts';
import { listText, md, numberText } from './reportFormat.ts';
import { REPORT_WORDS } from './reportWords.ts';
import type { CompareStats, DifferenceStats } from './resultStats.ts';

/** summary.md of a comparison; `lang` 'nl' gives the Dutch text of the web app (the CLI writes English). */
export function compareSummary(stats: CompareStats, lang: ReportLang = 'en'): string {
  const W = REPORT_WORDS[lang];
  const f = numberText(W.decimalMark);
  const label = (name: string) => outcomeLabel(name, lang);
  const { plan } = stats;
  const ref = plan.scenarios[0];
  const others = plan.scenarios.slice(1);
  const interval = W.interval(f.level(plan.level));
  const L: string[] = [];
  L.push(`# ${W.title(others.map((s) => s.label).join(', '), ref.label)}`, '', W.ethics, '');

  L.push(`## ${W.headCompared}`, '');
  L.push(
    `| ${W.role} | ${W.scenario} | ${W.agents} | ${W.weeks} | ${W.question} |`,
    '| --- | --- | ---: | ---: | --- |',
  );
  plan.scenarios.forEach((s, v) =>
    L.push(
      `| ${v === 0 ? W.reference : W.variant(v)} | ${md(s.label)} | ${s.scenario.agents} | ${s.scenario.weeks} | ${md(localText(s.scenario.question, lang))} |`,
    ),
  );
  L.push('');
  L.push(W.design(plan.replicates, plan.baseSeed, interval), '', W.branch(branchNote(plan)));
  if (stats.stop) L.push('', ...precisionLines(stats, lang));
  for (const s of others) {
    const changed = buildParts(ref.scenario, s.scenario);
    if (changed.length) L.push('', W.populationNote(`**${md(s.label)}**`, changed.join(', ')));
  }
  L.push('');

  L.push(`## ${W.headFindings}`, '');
  for (let v = 1; v < plan.scenarios.length; v++) {
    const diffs = stats.differences.filter((d) => d.variant === v);
    const clear = diffs.filter(isClear);
    const unclear = diffs.filter((d) => !isClear(d));
    for (const d of clear) L.push(`- ${differenceSentence(plan.scenarios[v].label, d, plan.level, lang)}`);
    const isPrimary = (x: DifferenceStats) => plan.primary?.includes(x.outcome) === true;
    for (const d of unclear.filter(isPrimary)) L.push(`- ${ruledOutSentence(plan.scenarios[v].label, d, lang)}`);
    const unclearOthers = unclear.filter((x) => !isPrimary(x));
    if (unclearOthers.length) {
      L.push(
        `- **${md(plan.scenarios[v].label)}**: ${W.noClearFinding(
          interval,
          W.amount(
            listText(
              unclearOthers.map((d) => label(d.outcome)),
              W.and,
            ),
          ),
        )}.`,
      );
    }
  }
  L.push('');

  for (let v = 1; v < plan.scenarios.length; v++) {
    const name = plan.scenarios[v].label;
    L.push(`## ${W.headComparedWith(md(name), md(ref.label))}`, '');
    const scaleHead =
      plan.scaleTo === undefined ? '' : ` ${W.difference} ${W.scaledTo(f.num(plan.scaleTo))} (${interval}) |`;
    L.push(
      `| ${W.outcome} | ${md(ref.label)} (${W.mean}) | ${md(name)} (${W.mean}) | ${md(ref.label)} ${W.per100k} | ${md(name)} ${W.per100k} | ${W.difference} (${interval}) | ${W.difference} ${W.per100k} (${interval}) | ${W.relativeChange} (${interval}) |${scaleHead}`,
    );
    L.push(`| --- | ---: | ---: | ---: | ---: | --- | --- | --- |${plan.scaleTo === undefined ? '' : ' --- |'}`);
    for (const d of stats.differences.filter((x) => x.variant === v)) {
      const rel =
        d.d.relativeLo !== null && d.d.relativeHi !== null
          ? `${f.signedPct(d.mean / d.refMean - 1)} (${W.range(f.signedPct(d.d.relativeLo), f.signedPct(d.d.relativeHi))})`
          : W.refMeanZero;
      const refStats = stats.outcomes.find((s) => s.variant === 0 && s.outcome === d.outcome)!;
      const scenStats = stats.outcomes.find((s) => s.variant === v && s.outcome === d.outcome)!;
      const per = (x: number, factor: number | null) => (factor === null ? '-' : f.num(x * factor));
      const signedRange = (factor: number | null) =>
        factor === null
          ? '-'
          : `${f.signedNum(d.d.meanDiff * factor)} (${W.range(f.signedNum(d.d.lo * factor), f.signedNum(d.d.hi * factor))})`;
      L.push(
        `| ${label(d.outcome)} | ${f.num(d.refMean)} | ${f.num(d.mean)} | ${per(d.refMean, refStats.factors.per100k)} | ${per(d.mean, scenStats.factors.per100k)} | ${signedRange(1)} | ${signedRange(d.factors.per100k)} | ${rel} |${plan.scaleTo === undefined ? '' : ` ${signedRange(d.factors.scaled)} |`}`,
      );
    }
    L.push('');
  }

  L.push(`## ${W.headOutcomes}`, '');
  const q05 = plan.bandProbs.indexOf(0.05);
  const q95 = plan.bandProbs.indexOf(0.95);
  const spread = q05 >= 0 && q95 >= 0;
  const scaled = plan.scaleTo !== undefined;
  L.push(
    `| ${W.outcome} | ${W.scenario} | ${W.mean} | ${W.intervalOfMean(interval)} | ${W.median} |${spread ? ` ${W.spread90} |` : ''} ${W.per100k} (${interval}) | ${W.per100kYear} (${interval}) |${scaled ? ` ${W.scaledTo(f.num(plan.scaleTo!))} (${interval}) |` : ''}`,
  );
  L.push(`| --- | --- | ---: | --- | ---: |${spread ? ' --- |' : ''} --- | --- |${scaled ? ' --- |' : ''}`);
  for (const o of plan.outcomes) {
    for (const s of stats.outcomes.filter((x) => x.outcome === o)) {
      const ci = Number.isFinite(s.ci.lo) ? W.range(f.num(s.ci.lo), f.num(s.ci.hi)) : '-';
      const withCI = (factor: number | null) =>
        factor === null
          ? '-'
          : `${f.num(s.ci.mean * factor)}${Number.isFinite(s.ci.lo) ? ` (${W.range(f.num(s.ci.lo * factor), f.num(s.ci.hi * factor))})` : ''}`;
      L.push(
        `| ${label(o)} | ${md(plan.scenarios[s.variant].label)} | ${f.num(s.ci.mean)} | ${ci} | ${f.num(s.median)} |${spread ? ` ${W.range(f.num(s.q[q05]), f.num(s.q[q95]))} |` : ''} ${withCI(s.factors.per100k)} | ${withCI(s.factors.per100kYear)} |${scaled ? ` ${withCI(s.factors.scaled)} |` : ''}`,
      );
    }
  }
  L.push('');

  L.push(`## ${W.headPairing}`, '');
  L.push(W.pairing(interval), '');
  L.push(
    `| ${W.scenario} | ${W.outcome} | ${W.pairedWidth} | ${W.unpairedWidth} | ${W.widthRatio} |`,
    '| --- | --- | ---: | ---: | ---: |',
  );
  for (const d of stats.differences) {
    const pw = d.d.hi - d.d.lo;
    const uw = d.d.unpairedHi - d.d.unpairedLo;
    L.push(
      `| ${md(plan.scenarios[d.variant].label)} | ${label(d.outcome)} | ${f.num(pw)} | ${f.num(uw)} | ${pw > 0 ? f.ratio(uw / pw) : '-'} |`,
    );
  }
  L.push('');

  L.push(`## ${W.headHowToRead}`, '');
  const read = [
    W.readInterval(interval),
    W.readNoClear(plan.replicates),
    W.readRelative,
    W.readPerPopulation(plan.scaleTo === undefined ? null : f.num(plan.scaleTo)),
    W.readAssumptions,
    W.readPractice,
    W.readFiles,
  ];
  L.push(...read.filter((x): x is string => x !== undefined).map((x) => `- ${x}`), '');
  return L.join('\n');
}

/**
 * A primary outcome without a clear difference: the largest change the interval leaves possible
 * and the minimum detectable effect at this size, per 100,000 for counts.
 */
export function ruledOutSentence(label: string, d: DifferenceStats, lang: ReportLang = 'en'): string {
  const W = REPORT_WORDS[lang];
  const f = numberText(W.decimalMark);
  const factor = d.factors.per100k ?? 1;
  const unit = W.unitPer100k(d.factors.per100k !== null);
  if (!(d.d.pairedSE > 0))
    return W.noVariation(
      `**${md(label)}**`,
      W.amount(outcomeLabel(d.outcome, lang)),
      d.d.n,
      `${f.num(d.d.meanDiff * factor)}${d.d.meanDiff === 0 ? '' : unit}`,
      d.refMean === 0 && d.mean === 0,
    );
  const largest = largestChangeNotRuledOut(d.d.lo, d.d.hi) * factor;
  const mde = minimumDetectableEffect(d.d.pairedSE, d.d.df, d.d.level) * factor;
  return W.ruledOut(
    `**${md(label)}**`,
    W.amount(outcomeLabel(d.outcome, lang)),
    W.interval(f.level(d.d.level)),
    `${f.num(largest)}${unit}`,
    `${f.num(mde)}${unit}`,
    d.d.n,
    f.pct(MDE_POWER),
  );
}

/** The rule of a precision-driven comparison, how it stopped, and the half-width of each primary difference. */
function precisionLines(stats: CompareStats, lang: ReportLang): string[] {
  const W = REPORT_WORDS[lang];
  const f = numberText(W.decimalMark);
  const stop = stats.stop!;
  const { plan } = stats;
  const agents = plan.scenarios[0].scenario.agents;
  const { target } = stop.rule;
  const anyCount = stop.primary.some(isCount);
  const targetText =
    target.kind === 'relative'
      ? W.targetRelative(f.pct(target.value))
      : W.targetAbsolute(`${f.num(target.value)}${W.unitPer100k(anyCount)}`);
  const out = [
    W.precisionRule(
      W.amount(
        listText(
          stop.primary.map((o) => outcomeLabel(o, lang)),
          W.and,
        ),
      ),
      W.interval(f.level(plan.level)),
      targetText,
      stop.rule.minReplicates,
      stop.rule.batch,
      stop.rule.maxReplicates,
    ),
    '',
    stop.reason === 'precision' ? W.stoppedPrecision(stop.n) : W.stoppedBudget(stop.n),
    '',
  ];
  for (const c of stop.checks) {
    const k = targetUnitFactor(c.outcome, agents);
    const unit = W.unitPer100k(isCount(c.outcome));
    out.push(
      `- ${md(plan.scenarios[c.variant].label)}, ${outcomeLabel(c.outcome, lang)}: ${
        c.neverOccurred
          ? W.neverOccurred
          : W.achieved(
              `${f.num(c.halfWidth * k)}${unit}`,
              Number.isFinite(c.allowed) ? `${f.num(c.allowed * k)}${unit}` : null,
            )
      }`,
    );
  }
  return out;
}

/** The interval excludes zero. */
export function isClear(d: DifferenceStats): boolean {
  return d.d.lo > 0 || d.d.hi < 0;
}

/**
 * "X lowers people reaching the action phase by 12% (95% interval 5% to 19%)." for a clear
 * difference; "X: no clear difference in ..." otherwise.
 */
export function differenceSentence(label: string, d: DifferenceStats, level = 0.95, lang: ReportLang = 'en'): string {
  const W = REPORT_WORDS[lang];
  const f = numberText(W.decimalMark);
  const what = W.amount(outcomeLabel(d.outcome, lang));
  const interval = W.interval(f.level(level));
  const who = `**${md(label)}**`;
  const { meanDiff, lo, hi, relativeLo, relativeHi } = d.d;
  // Relative statements only where the ratio of the means has an interval (both means above 0).
  const relative = d.refMean > 0 && relativeLo !== null && relativeHi !== null;
  if (!isClear(d)) {
    const [m, a, b] = relative
      ? [d.mean / d.refMean - 1, relativeLo, relativeHi].map((x) => f.signedPct(x))
      : [meanDiff, lo, hi].map((x) => f.signedNum(x));
    return `${who}: ${W.noClearIn(what)} (${m}, ${interval} ${W.range(a, b)}).`;
  }
  const verb = meanDiff < 0 ? W.lowers : W.raises;
  const [a, b] = meanDiff < 0 ? [-hi, -lo] : [lo, hi];
  if (relative) {
    const [ra, rb] = meanDiff < 0 ? [-relativeHi, -relativeLo] : [relativeLo, relativeHi];
    return `${who} ${verb} ${what} ${W.by(f.pct(Math.abs(meanDiff) / d.refMean))} (${interval} ${W.range(f.pct(ra), f.pct(rb))}), ${W.fromToOnAverage(f.num(d.refMean), f.num(d.mean))}.`;
  }
  return `${who} ${verb} ${what} ${W.byOnAverage(f.num(Math.abs(meanDiff)))} (${interval} ${W.range(f.num(a), f.num(b))}), ${W.fromTo(f.num(d.refMean), f.num(d.mean))}.`;
}

/** Which fields fixed at the build (sim/run/branch.ts) differ between two scenarios, by top-level part. */
function buildParts(a: Scenario, b: Scenario): string[] {
  const parts = buildDifferences({ ...a, seed: 0 }, { ...b, seed: 0 }).map((d) => d.path.split(/[.[ ]/)[0]);
  return [...new Set(parts)].map((k) => `\`${k}\``);
}
