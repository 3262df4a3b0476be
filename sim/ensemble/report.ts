/**
 * summary.md: the result of a comparison or a sweep in plain language, for readers who will
 * not open the CSV files. Every number in it is also in the CSV files; nothing here depends on
 * timing, paths or the machine, so the text is the same for sharded, resumed and single runs.
 */
import { canonicalJSON } from './hash.ts';
import { outcomeLabel, type ReportLang } from './outcomes.ts';
import { pointId } from './plan.ts';
import type { CompareStats, DifferenceStats, SweepStats } from './aggregate.ts';

export const ETHICS_LINE =
  '> **Synthetic population.** These results come from simulated people with assumed parameters (see docs/model.md). ' +
  'They explore mechanisms and policies; they are not forecasts, and radsim must not be used to assess, score or predict real persons.';

// --- comparison ----------------------------------------------------------------------------

/** summary.md of a comparison; `lang` 'nl' gives the Dutch text of the web app (the CLI writes English). */
export function compareSummary(stats: CompareStats, lang: ReportLang = 'en'): string {
  if (lang === 'nl') return compareSummaryNl(stats);
  const { plan } = stats;
  const ref = plan.scenarios[0];
  const others = plan.scenarios.slice(1);
  const lvl = levelText(plan.level);
  const L: string[] = [];
  L.push(`# Comparison: ${others.map((s) => s.label).join(', ')} against ${ref.label}`, '', ETHICS_LINE, '');

  L.push('## What was compared', '');
  L.push('| role | scenario | agents | weeks | question |', '| --- | --- | ---: | ---: | --- |');
  plan.scenarios.forEach((s, v) => L.push(`| ${v === 0 ? 'reference' : `scenario ${v}`} | ${md(s.label)} | ${s.scenario.agents} | ${s.scenario.weeks} | ${md(s.scenario.question)} |`));
  L.push('');
  L.push(
    `Each scenario ran **${plan.replicates} times** (replicates). Replicate r of every scenario used the same seed ` +
      `(derived from base seed ${plan.baseSeed}), so it met the same synthetic people and the same random draws as replicate r ` +
      `of the reference: the scenarios are compared on *common random numbers*. A difference below is the mean, over the ` +
      `replicates, of (scenario - reference) within the same replicate, with a ${lvl} interval (paired t interval).`,
  );
  for (const s of others) {
    const changed = buildDifferences(ref.scenario as unknown as Record<string, unknown>, s.scenario as unknown as Record<string, unknown>);
    if (changed.length) {
      L.push('', `Note: **${md(s.label)}** changes ${changed.join(', ')}, so its replicates do not meet the same synthetic population as the reference; the pairing aligns fewer random draws and its intervals are wider than they would otherwise be.`);
    }
  }
  L.push('');

  L.push('## Main findings', '');
  for (let v = 1; v < plan.scenarios.length; v++) {
    const diffs = stats.differences.filter((d) => d.variant === v);
    const clear = diffs.filter(isClear);
    const unclear = diffs.filter((d) => !isClear(d));
    for (const d of clear) L.push(`- ${differenceSentence(plan.scenarios[v].label, d, plan.level)}`);
    if (unclear.length) {
      L.push(`- **${md(plan.scenarios[v].label)}**: no clear difference (the ${lvl} interval includes zero) in ${listText(unclear.map((d) => outcomeLabel(d.outcome)))}.`);
    }
  }
  L.push('');

  for (let v = 1; v < plan.scenarios.length; v++) {
    const label = plan.scenarios[v].label;
    L.push(`## ${md(label)} compared with ${md(ref.label)}`, '');
    L.push(`| outcome | ${md(ref.label)} (mean) | ${md(label)} (mean) | difference (${lvl} interval) | relative change (${lvl} interval) |`);
    L.push('| --- | ---: | ---: | --- | --- |');
    for (const d of stats.differences.filter((x) => x.variant === v)) {
      const rel = d.refMean !== 0 ? `${signedPct(d.d.meanDiff / d.refMean)} (${signedPct(d.d.lo / d.refMean)} to ${signedPct(d.d.hi / d.refMean)})` : '- (reference mean is 0)';
      L.push(`| ${outcomeLabel(d.outcome)} | ${num(d.refMean)} | ${num(d.mean)} | ${signedNum(d.d.meanDiff)} (${signedNum(d.d.lo)} to ${signedNum(d.d.hi)}) | ${rel} |`);
    }
    L.push('');
  }

  L.push('## Outcomes per scenario', '');
  const q05 = plan.bandProbs.indexOf(0.05);
  const q95 = plan.bandProbs.indexOf(0.95);
  const spread = q05 >= 0 && q95 >= 0;
  L.push(`| outcome | scenario | mean | ${lvl} interval of the mean | median |${spread ? ' 90% of runs between |' : ''}`);
  L.push(`| --- | --- | ---: | --- | ---: |${spread ? ' --- |' : ''}`);
  for (const o of plan.outcomes) {
    for (const s of stats.outcomes.filter((x) => x.outcome === o)) {
      const ci = Number.isFinite(s.ci.lo) ? `${num(s.ci.lo)} to ${num(s.ci.hi)}` : '-';
      L.push(`| ${outcomeLabel(o)} | ${md(plan.scenarios[s.variant].label)} | ${num(s.ci.mean)} | ${ci} | ${num(s.median)} |${spread ? ` ${num(s.q[q05])} to ${num(s.q[q95])} |` : ''}`);
    }
  }
  L.push('');

  L.push('## What pairing buys', '');
  L.push(
    `Width of the ${lvl} interval of each difference: paired (using that replicate r of both scenarios shares its random numbers) ` +
      'and unpaired (Welch interval, as if the runs of the two scenarios were independent). The ratio says how many times narrower ' +
      'common random numbers make the interval; the unpaired interval would need about ratio² times as many replicates to be as narrow.',
    '',
  );
  L.push('| scenario | outcome | paired width | unpaired width | unpaired / paired |', '| --- | --- | ---: | ---: | ---: |');
  for (const d of stats.differences) {
    const pw = d.d.hi - d.d.lo;
    const uw = d.d.unpairedHi - d.d.unpairedLo;
    L.push(`| ${md(plan.scenarios[d.variant].label)} | ${outcomeLabel(d.outcome)} | ${num(pw)} | ${num(uw)} | ${pw > 0 ? ratio(uw / pw) : '-'} |`);
  }
  L.push('');

  L.push('## How to read this', '');
  L.push(
    `- **${lvl} interval**: the range of mean differences compatible with the replicates. It measures the model's own randomness under these assumptions, not uncertainty about the real world, and it narrows with more replicates (about 1/sqrt(replicates)).`,
    `- **No clear difference** means the interval includes zero: with ${plan.replicates} replicates the difference cannot be told from chance. It does not show that there is no effect.`,
    '- **Relative change** is the difference divided by the reference mean; its interval divides the interval of the difference by the reference mean (treating that mean as fixed). An interval reaching past a 100% reduction (impossible for counts) means there are too few replicates for a precise relative statement.',
    '- The parameters are literature-informed assumptions, not a calibration: read differences as the behaviour of mechanisms, not as predictions.',
    '- Files: `differences.csv` (every number above, with p-values and unpaired intervals), `outcomes.csv`, `runs.csv` (one row per run and outcome), `series_bands.csv` (weekly mean and quantile bands), `series_differences.csv` (weekly paired differences), `plan.json` (the resolved scenarios and seeds). Methods: docs/statistics.md.',
    '',
  );
  return L.join('\n');
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
  if (lang === 'nl') return differenceSentenceNl(label, d, level);
  const what = outcomeLabel(d.outcome);
  const lvl = levelText(level);
  const who = `**${md(label)}**`;
  const { meanDiff, lo, hi } = d.d;
  if (!isClear(d)) {
    if (d.refMean !== 0) return `${who}: no clear difference in ${what} (${signedPct(meanDiff / d.refMean)}, ${lvl} interval ${signedPct(lo / d.refMean)} to ${signedPct(hi / d.refMean)}).`;
    return `${who}: no clear difference in ${what} (${signedNum(meanDiff)}, ${lvl} interval ${signedNum(lo)} to ${signedNum(hi)}).`;
  }
  const verb = meanDiff < 0 ? 'lowers' : 'raises';
  const [a, b] = meanDiff < 0 ? [-hi, -lo] : [lo, hi];
  if (d.refMean > 0) {
    return `${who} ${verb} ${what} by ${pct(Math.abs(meanDiff) / d.refMean)} (${lvl} interval ${pct(a / d.refMean)} to ${pct(b / d.refMean)}), from ${num(d.refMean)} to ${num(d.mean)} on average.`;
  }
  return `${who} ${verb} ${what} by ${num(Math.abs(meanDiff))} on average (${lvl} interval ${num(a)} to ${num(b)}), from ${num(d.refMean)} to ${num(d.mean)}.`;
}

// --- comparison, in Dutch (the web app; same numbers, decimal comma) ------------------------

export const ETHICS_LINE_NL =
  '> **Synthetische populatie.** Deze resultaten komen van gesimuleerde mensen met aangenomen parameters (zie docs/model.md). ' +
  'Ze verkennen mechanismen en beleid; het zijn geen voorspellingen, en radsim mag niet worden gebruikt om echte personen te beoordelen, te scoren of te voorspellen.';

/** Dutch decimal comma in a number text made by num/pct/ratio (which never group thousands). */
const nl = (s: string): string => s.replace('.', ',');

function listTextNl(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

function compareSummaryNl(stats: CompareStats): string {
  const { plan } = stats;
  const ref = plan.scenarios[0];
  const others = plan.scenarios.slice(1);
  const lvl = nl(levelText(plan.level));
  const o = (name: string) => outcomeLabel(name, 'nl');
  const L: string[] = [];
  L.push(`# Vergelijking: ${others.map((s) => s.label).join(', ')} met referentie ${ref.label}`, '', ETHICS_LINE_NL, '');

  L.push('## Wat is vergeleken', '');
  L.push('| rol | scenario | personen | weken | vraag |', '| --- | --- | ---: | ---: | --- |');
  plan.scenarios.forEach((s, v) => L.push(`| ${v === 0 ? 'referentie' : `scenario ${v}`} | ${md(s.label)} | ${s.scenario.agents} | ${s.scenario.weeks} | ${md(s.scenario.question)} |`));
  L.push('');
  L.push(
    `Elk scenario is **${plan.replicates} keer** doorgerekend (herhalingen). Herhaling r van elk scenario gebruikte dezelfde seed ` +
      `(afgeleid van basisseed ${plan.baseSeed}) en ontmoette dus dezelfde synthetische mensen en dezelfde toevalstrekkingen als herhaling r ` +
      `van de referentie: de scenario's worden vergeleken met *gemeenschappelijke toevalsgetallen* (common random numbers). Een verschil hieronder is ` +
      `het gemiddelde over de herhalingen van (scenario - referentie) binnen dezelfde herhaling, met een ${lvl}-interval (gepaard t-interval).`,
  );
  for (const s of others) {
    const changed = buildDifferences(ref.scenario as unknown as Record<string, unknown>, s.scenario as unknown as Record<string, unknown>);
    if (changed.length) {
      L.push('', `Let op: **${md(s.label)}** wijzigt ${changed.join(', ')}, waardoor de herhalingen niet dezelfde synthetische populatie ontmoeten als de referentie; de koppeling stemt minder toevalstrekkingen af en de intervallen zijn breder dan ze anders zouden zijn.`);
    }
  }
  L.push('');

  L.push('## Belangrijkste bevindingen', '');
  for (let v = 1; v < plan.scenarios.length; v++) {
    const diffs = stats.differences.filter((d) => d.variant === v);
    const clear = diffs.filter(isClear);
    const unclear = diffs.filter((d) => !isClear(d));
    for (const d of clear) L.push(`- ${differenceSentenceNl(plan.scenarios[v].label, d, plan.level)}`);
    if (unclear.length) {
      L.push(`- **${md(plan.scenarios[v].label)}**: geen duidelijk verschil (het ${lvl}-interval bevat nul) in het aantal ${listTextNl(unclear.map((d) => o(d.outcome)))}.`);
    }
  }
  L.push('');

  for (let v = 1; v < plan.scenarios.length; v++) {
    const label = plan.scenarios[v].label;
    L.push(`## ${md(label)} vergeleken met ${md(ref.label)}`, '');
    L.push(`| uitkomst | ${md(ref.label)} (gemiddelde) | ${md(label)} (gemiddelde) | verschil (${lvl}-interval) | relatieve verandering (${lvl}-interval) |`);
    L.push('| --- | ---: | ---: | --- | --- |');
    for (const d of stats.differences.filter((x) => x.variant === v)) {
      const rel = d.refMean !== 0
        ? `${nl(signedPct(d.d.meanDiff / d.refMean))} (${nl(signedPct(d.d.lo / d.refMean))} tot ${nl(signedPct(d.d.hi / d.refMean))})`
        : '- (gemiddelde van de referentie is 0)';
      L.push(`| ${o(d.outcome)} | ${nl(num(d.refMean))} | ${nl(num(d.mean))} | ${nl(signedNum(d.d.meanDiff))} (${nl(signedNum(d.d.lo))} tot ${nl(signedNum(d.d.hi))}) | ${rel} |`);
    }
    L.push('');
  }

  L.push('## Uitkomsten per scenario', '');
  const q05 = plan.bandProbs.indexOf(0.05);
  const q95 = plan.bandProbs.indexOf(0.95);
  const spread = q05 >= 0 && q95 >= 0;
  L.push(`| uitkomst | scenario | gemiddelde | ${lvl}-interval van het gemiddelde | mediaan |${spread ? ' 90% van de runs tussen |' : ''}`);
  L.push(`| --- | --- | ---: | --- | ---: |${spread ? ' --- |' : ''}`);
  for (const name of plan.outcomes) {
    for (const s of stats.outcomes.filter((x) => x.outcome === name)) {
      const ci = Number.isFinite(s.ci.lo) ? `${nl(num(s.ci.lo))} tot ${nl(num(s.ci.hi))}` : '-';
      L.push(`| ${o(name)} | ${md(plan.scenarios[s.variant].label)} | ${nl(num(s.ci.mean))} | ${ci} | ${nl(num(s.median))} |${spread ? ` ${nl(num(s.q[q05]))} tot ${nl(num(s.q[q95]))} |` : ''}`);
    }
  }
  L.push('');

  L.push('## Wat koppeling oplevert', '');
  L.push(
    `Breedte van het ${lvl}-interval van elk verschil: gepaard (herhaling r van beide scenario's deelt dezelfde toevalsgetallen) ` +
      'en ongepaard (Welch-interval, alsof de runs van de twee scenario\'s onafhankelijk waren). De verhouding zegt hoeveel keer smaller ' +
      'gemeenschappelijke toevalsgetallen het interval maken; het ongepaarde interval zou ongeveer verhouding² keer zoveel herhalingen nodig hebben om even smal te zijn.',
    '',
  );
  L.push('| scenario | uitkomst | gepaarde breedte | ongepaarde breedte | ongepaard / gepaard |', '| --- | --- | ---: | ---: | ---: |');
  for (const d of stats.differences) {
    const pw = d.d.hi - d.d.lo;
    const uw = d.d.unpairedHi - d.d.unpairedLo;
    L.push(`| ${md(plan.scenarios[d.variant].label)} | ${o(d.outcome)} | ${nl(num(pw))} | ${nl(num(uw))} | ${pw > 0 ? nl(ratio(uw / pw)) : '-'} |`);
  }
  L.push('');

  L.push('## Zo leest u dit', '');
  L.push(
    `- **${lvl}-interval**: het bereik van gemiddelde verschillen dat past bij de herhalingen. Het meet de eigen toevalligheid van het model onder deze aannames, niet de onzekerheid over de echte wereld, en het wordt smaller met meer herhalingen (ongeveer 1/wortel(herhalingen)).`,
    `- **Geen duidelijk verschil** betekent dat het interval nul bevat: met ${plan.replicates} herhalingen is het verschil niet van toeval te onderscheiden. Het toont niet aan dat er geen effect is.`,
    '- **Relatieve verandering** is het verschil gedeeld door het gemiddelde van de referentie; het interval is het interval van het verschil gedeeld door dat gemiddelde (dat als vast wordt behandeld). Een interval voorbij een daling van 100% (onmogelijk voor aantallen) betekent dat er te weinig herhalingen zijn voor een precieze relatieve uitspraak.',
    '- De parameters zijn aannames op basis van de literatuur, geen kalibratie: lees verschillen als het gedrag van mechanismen, niet als voorspellingen.',
    '- Praktijktermen zoals in de bronnen: een signaal gaat naar de weegploeg, die beslist over opname in het casusoverleg en een persoonsgerichte aanpak (PGA). Professionele uren zijn de uren van de praktijk (weegploeg, casusoverleg) en van interventies.',
    '- Bestanden: `differences.csv` (alle getallen hierboven, met p-waarden en ongepaarde intervallen), `outcomes.csv`, `runs.csv` (een rij per run en uitkomst), `series_bands.csv` (wekelijks gemiddelde en kwantielbanden), `series_differences.csv` (wekelijkse gepaarde verschillen), `plan.json` (de scenario\'s en seeds). Methoden: docs/statistics.md.',
    '',
  );
  return L.join('\n');
}

function differenceSentenceNl(label: string, d: DifferenceStats, level: number): string {
  const what = `het aantal ${outcomeLabel(d.outcome, 'nl')}`;
  const lvl = `${nl(levelText(level))}-interval`;
  const who = `**${md(label)}**`;
  const { meanDiff, lo, hi } = d.d;
  const sp = (x: number) => nl(signedPct(x));
  const sn = (x: number) => nl(signedNum(x));
  if (!isClear(d)) {
    if (d.refMean !== 0) return `${who}: geen duidelijk verschil in ${what} (${sp(meanDiff / d.refMean)}, ${lvl} ${sp(lo / d.refMean)} tot ${sp(hi / d.refMean)}).`;
    return `${who}: geen duidelijk verschil in ${what} (${sn(meanDiff)}, ${lvl} ${sn(lo)} tot ${sn(hi)}).`;
  }
  const verb = meanDiff < 0 ? 'verlaagt' : 'verhoogt';
  const [a, b] = meanDiff < 0 ? [-hi, -lo] : [lo, hi];
  if (d.refMean > 0) {
    return `${who} ${verb} ${what} met ${nl(pct(Math.abs(meanDiff) / d.refMean))} (${lvl} ${nl(pct(a / d.refMean))} tot ${nl(pct(b / d.refMean))}), van gemiddeld ${nl(num(d.refMean))} naar ${nl(num(d.mean))}.`;
  }
  return `${who} ${verb} ${what} met gemiddeld ${nl(num(Math.abs(meanDiff)))} (${lvl} ${nl(num(a))} tot ${nl(num(b))}), van ${nl(num(d.refMean))} naar ${nl(num(d.mean))}.`;
}

/** Which parts that shape the synthetic population differ between two scenarios. */
function buildDifferences(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return ['agents', 'regions', 'population', 'network'].filter((k) => canonicalJSON(a[k]) !== canonicalJSON(b[k])).map((k) => `\`${k}\``);
}

// --- sweep ---------------------------------------------------------------------------------

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
    const vals = v.range ? `${num(v.range.lo)} to ${num(v.range.hi)} (continuous)` : v.values!.map((x) => (typeof x === 'number' ? num(x) : String(x))).join(', ');
    L.push(`| \`${v.path}\` | ${vals} | ${typeof v.base === 'number' ? num(v.base) : String(v.base)} |`);
  }
  L.push('');

  L.push('## Global sensitivity', '');
  L.push(
    'Partial rank correlation coefficient (PRCC) of each varied parameter with each outcome, over all runs: +1 means the outcome ' +
      'rises with the parameter in every run once the other parameters are accounted for, -1 that it falls, 0 no monotone relation. ' +
      `In brackets the p-value of the test PRCC = 0; values with p < ${num(alpha)} are in bold.`,
    '',
  );
  L.push(`| parameter | ${plan.outcomes.map((o) => outcomeLabel(o)).join(' | ')} |`, `| --- |${plan.outcomes.map(() => ' ---: |').join('')}`);
  for (const v of plan.vary) {
    const cells = plan.outcomes.map((o) => {
      const s = stats.sensitivity.find((x) => x.parameter === v.path && x.outcome === o)!;
      if (!Number.isFinite(s.prcc)) return '-';
      const text = `${fixed(s.prcc, 2)} (${pValue(s.pValue)})`;
      return s.pValue < alpha ? `**${text}**` : text;
    });
    L.push(`| \`${v.path}\` | ${cells.join(' | ')} |`);
  }
  L.push('');

  L.push('## Main findings', '');
  const clear = stats.sensitivity.filter((s) => Number.isFinite(s.prcc) && s.pValue < alpha);
  for (const s of clear) {
    L.push(`- Higher \`${s.parameter}\` goes with ${s.prcc > 0 ? 'more' : 'fewer'} ${outcomeLabel(s.outcome)} (PRCC ${fixed(s.prcc, 2)}, ${strength(s.prcc)}).`);
  }
  // Outcomes without any PRCC were the same in every run (or there were too few runs).
  const constant = plan.outcomes.filter((o) => stats.sensitivity.every((s) => s.outcome !== o || !Number.isFinite(s.prcc)));
  for (const v of plan.vary) {
    const none = stats.sensitivity.filter((s) => s.parameter === v.path && !clear.includes(s) && !constant.includes(s.outcome));
    if (none.length) L.push(`- No clear monotone relation of \`${v.path}\` with ${listText(none.map((s) => outcomeLabel(s.outcome)))}.`);
  }
  if (constant.length && N >= 3) L.push(`- The same in every run, so nothing to relate: ${listText(constant.map((o) => outcomeLabel(o)))}.`);
  if (N < 3) L.push('- Too few runs for a sensitivity analysis (at least 3 are needed; several hundred are advisable).');
  L.push('');

  if (P <= 60) {
    L.push('## Mean outcomes per point', '');
    L.push(`| point | ${plan.vary.map((v) => `\`${v.path}\``).join(' | ')} | ${plan.outcomes.map((o) => outcomeLabel(o)).join(' | ')} |`);
    L.push(`| --- |${plan.vary.map(() => ' ---: |').join('')}${plan.outcomes.map(() => ' ---: |').join('')}`);
    for (let p = 0; p < P; p++) {
      const means = plan.outcomes.map((o) => num(stats.points.find((s) => s.variant === p && s.outcome === o)!.ci.mean));
      L.push(`| ${pointId(plan, p)} | ${plan.points[p].map((x) => (typeof x === 'number' ? num(x) : String(x))).join(' | ')} | ${means.join(' | ')} |`);
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

// --- number formatting (deterministic, no locale) -----------------------------------------

function levelText(level: number): string {
  return `${Math.round(level * 1000) / 10}%`;
}

/** A readable number: integers as they are, otherwise about three significant digits. */
export function num(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'n/a' : x > 0 ? 'inf' : '-inf';
  if (Number.isInteger(x)) return String(x);
  const a = Math.abs(x);
  let s: string;
  if (a >= 100) s = x.toFixed(0);
  else if (a >= 10) s = String(Number(x.toFixed(1)));
  else if (a >= 1) s = String(Number(x.toFixed(2)));
  else if (a >= 1e-4) s = String(Number(x.toPrecision(2)));
  else s = x.toExponential(1);
  return s === '-0' || /^-0(\.0+)?$/.test(s) ? s.slice(1) : s;
}

function signedNum(x: number): string {
  const s = num(x);
  return x > 0 && !s.startsWith('+') ? `+${s}` : s;
}

/** 0.123 -> "12%", 0.045 -> "4.5%". */
export function pct(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  const p = x * 100;
  const s = Math.abs(p) >= 10 ? p.toFixed(0) : p.toFixed(1);
  return `${/^-0(\.0)?$/.test(s) ? s.slice(1) : s}%`;
}

function signedPct(x: number): string {
  const s = pct(x);
  return x > 0 && s !== '0%' && s !== '0.0%' ? `+${s}` : s;
}

function ratio(x: number): string {
  return `${x >= 10 ? x.toFixed(0) : x.toFixed(1)}x`;
}

function fixed(x: number, digits: number): string {
  const s = x.toFixed(digits);
  return /^-0\.0+$/.test(s) ? s.slice(1) : s;
}

function pValue(p: number): string {
  if (!Number.isFinite(p)) return 'p n/a';
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

function strength(r: number): string {
  const a = Math.abs(r);
  return a >= 0.7 ? 'strong' : a >= 0.4 ? 'moderate' : 'weak';
}

function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Escapes the characters that break a markdown table cell. */
function md(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
