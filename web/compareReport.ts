/** The report of a comparison: tables, charts, exports and the summary, laid out for screen and print. */
import pkg from '../package.json' with { type: 'json' };
import {
  aggregateCompare,
  branchNote,
  type ComparePlan,
  largestChangeNotRuledOut,
  type PrecisionStop,
  settledComparison,
  compareStats,
  type CompareStats,
  compareSummary,
  ETHICS_LINE,
  ETHICS_LINE_NL,
  headlineOutcomes,
  outcomeLabel,
  type RunRecord,
} from '../sim/index.ts';
import { colorOf, intervalChart, seriesChart } from './compareCharts.ts';
import { CHART_SERIES, differenceBand, scenarioBand, type BandKind, type CompareSettings } from './compareData.ts';
import { download, downloadPng, svgText } from './export.ts';
import { t, tf, type Lang } from './i18n.ts';
import { fmt, h, markdown } from './util.ts';

/** Which way the replicates started: the branch week, or each run on its own (data-week: the week, or "none"). */
function branchLine(plan: ComparePlan, id: string, cls = ''): HTMLElement {
  const b = branchNote(plan);
  const text =
    b === null
      ? t('cmpBranchNone')
      : tf(b.burnInWeeks > 0 ? 'cmpBranchAt' : 'cmpBranchAtNoBurnIn', { week: b.week, burnIn: b.burnInWeeks });
  return h('p', { id, class: `branch-note ${cls}`.trim(), 'data-week': b === null ? 'none' : String(b.week) }, text);
}

/** Number text in the page's language: Dutch swaps the decimal point and the thousands comma. */
function dec(text: string, lang: Lang): string {
  return lang === 'nl' ? text.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.')) : text;
}

/**
 * The results of a finished comparison, in the order shown and printed: the print header, the
 * export buttons, the at-a-glance table, the outcome table and chart, the weekly series with
 * bands and differences, and the summary. `c` holds the settings the runs were made with.
 */
export function compareReport(fullPlan: ComparePlan, records: RunRecord[], c: CompareSettings, lang: Lang): Node[] {
  // A precision-driven comparison is read at the replicates where its rule stopped.
  const { plan, runs, stop } = settledComparison(fullPlan, records);
  const stats = compareStats(plan, runs, stop);
  const files = aggregateCompare(plan, runs, stop);
  const labels = plan.scenarios.map((s) => s.label);
  const oLabel = (o: string) => outcomeLabel(o, lang);

  // Outcome table: every outcome per scenario, and the paired differences.
  const table = h('table', { id: 'compare-table' });
  const head = h(
    'tr',
    {},
    h('th', {}, t('outcome')),
    ...labels.map((l, v) => h('th', {}, v === 0 ? `${l} (${t('cmpRef')})` : l)),
    ...labels.slice(1).map((l) => h('th', {}, `${l} − ${labels[0]}`)),
  );
  table.append(head);
  for (const o of plan.outcomes) {
    const cells = labels.map((_, v) => {
      const s = stats.outcomes.find((x) => x.variant === v && x.outcome === o)!;
      return h(
        'td',
        {},
        dec(`${fmt(s.ci.mean)} [${fmt(s.ci.lo)}; ${fmt(s.ci.hi)}]`, lang).replace(';', lang === 'nl' ? ';' : ','),
      );
    });
    const diffs = labels.slice(1).map((_, k) => {
      const d = stats.differences.find((x) => x.variant === k + 1 && x.outcome === o)!.d;
      const rel = d.relative === null ? '' : ` (${d.relative >= 0 ? '+' : ''}${(d.relative * 100).toFixed(1)}%)`;
      const clear = d.lo > 0 || d.hi < 0;
      return h(
        'td',
        { style: clear ? 'font-weight:bold' : '' },
        dec(`${fmt(d.meanDiff)} [${fmt(d.lo)}; ${fmt(d.hi)}]${rel}`, lang).replace(';', lang === 'nl' ? ';' : ','),
      );
    });
    table.append(h('tr', {}, h('td', {}, oLabel(o)), ...cells, ...diffs));
  }

  // Outcome chart (mean and interval per scenario).
  const outcomeSel = h(
    'select',
    { id: 'chart-outcome', 'aria-label': t('outcome') },
    ...plan.outcomes.map((o) => h('option', { value: o }, oLabel(o))),
  );
  const chartBox = h('div', { id: 'compare-chart' });
  const drawIt = () => chartBox.replaceChildren(intervalChart(stats, outcomeSel.value, lang));
  outcomeSel.addEventListener('change', drawIt);
  drawIt();

  // Weekly series: bands per scenario and the paired differences over time.
  const seriesOpts = CHART_SERIES.filter((s) => plan.series.includes(s.column));
  const seriesSel = h(
    'select',
    { id: 'series-column', 'aria-label': t('cmpSeries') },
    ...seriesOpts.map((s) => h('option', { value: s.column }, s[lang])),
  );
  const kindSel = h(
    'select',
    { id: 'band-kind', 'aria-label': t('cmpBand') },
    h('option', { value: 'mean' }, t('cmpBandMean')),
    h('option', { value: 'runs' }, t('cmpBandRuns')),
  );
  const bandsBox = h('figure', { id: 'bands-chart', class: 'chart' });
  const diffBox = h('figure', { id: 'diff-chart', class: 'chart' });
  const drawSeries = () => {
    const col = seriesSel.value;
    const label = seriesOpts.find((s) => s.column === col)?.[lang] ?? col;
    const runsOf = (v: number) =>
      Array.from({ length: plan.replicates }, (_, r) => runs[r * plan.scenarios.length + v].series[col]);
    const kind = kindSel.value as BandKind;
    const bands = plan.scenarios.map((_, v) => scenarioBand(runsOf(v), kind, plan.level));
    const diffs = plan.scenarios.slice(1).map((_, k) => differenceBand(runsOf(0), runsOf(k + 1), plan.level));
    bandsBox.replaceChildren(
      seriesChart(
        bands.map((b, v) => ({ label: labels[v], color: colorOf(v), band: b })),
        label,
        false,
      ),
      h(
        'figcaption',
        {},
        tf(kind === 'mean' ? 'cmpCaptionMean' : 'cmpCaptionRuns', { series: label, n: plan.replicates }),
      ),
    );
    diffBox.replaceChildren(
      seriesChart(
        diffs.map((b, k) => ({ label: `${labels[k + 1]} − ${labels[0]}`, color: colorOf(k + 1), band: b })),
        `${label}: ${t('difference').toLowerCase()}`,
        true,
      ),
      h('figcaption', {}, tf('cmpCaptionDiff', { series: label, ref: labels[0], n: plan.replicates })),
    );
  };
  seriesSel.addEventListener('change', drawSeries);
  kindSel.addEventListener('change', drawSeries);
  drawSeries();

  const summary = h('div', { class: 'summary panel', id: 'compare-summary' });
  summary.innerHTML = markdown(compareSummary(stats, lang));
  const shareUrl = location.href;
  const stamp = new Date();
  const chartButtons = (id: string, box: HTMLElement, name: () => string) =>
    h(
      'span',
      { class: 'chart-export no-print' },
      h(
        'button',
        {
          id: `export-${id}-svg`,
          type: 'button',
          onclick: () => download(`${name()}.svg`, svgText(box), 'image/svg+xml'),
        },
        'SVG',
      ),
      h(
        'button',
        { id: `export-${id}-png`, type: 'button', onclick: () => void downloadPng(box, `${name()}.png`) },
        'PNG',
      ),
    );

  return [
    h(
      'div',
      { class: 'print-only', id: 'print-header' },
      h('h1', {}, t('cmpReportTitle')),
      h('p', {}, `${t('cmpMadeOn')} ${stamp.toISOString().slice(0, 16).replace('T', ' ')} UTC · radsim ${pkg.version}`),
      h(
        'p',
        {},
        tf('cmpSettingsLine', {
          scenarios: labels.join(', '),
          ref: labels[0],
          r: plan.replicates,
          a: c.agents,
          w: c.weeks,
          seed: plan.baseSeed,
        }),
      ),
      ...(stop ? [h('p', {}, stopText(stop, lang))] : []),
      h('p', { class: 'share-text' }, `${t('share')}: `, h('code', { id: 'print-share' }, shareUrl)),
      branchLine(plan, 'print-branch'),
      h(
        'p',
        { class: 'ethics' },
        lang === 'nl'
          ? ETHICS_LINE_NL.replace(/^> /, '').replace(/\*\*/g, '')
          : ETHICS_LINE.replace(/^> /, '').replace(/\*\*/g, ''),
      ),
    ),
    branchLine(plan, 'cmp-branch-note', 'no-print'),
    h(
      'div',
      { class: 'panel controls no-print' },
      h(
        'button',
        { id: 'export-csv', type: 'button', onclick: () => download('outcomes.csv', files['outcomes.csv']) },
        t('exportCsv'),
      ),
      h(
        'button',
        { id: 'export-diff', type: 'button', onclick: () => download('differences.csv', files['differences.csv']) },
        t('exportDiff'),
      ),
      h(
        'button',
        { id: 'export-series', type: 'button', onclick: () => download('series_bands.csv', files['series_bands.csv']) },
        t('cmpExportSeries'),
      ),
      h(
        'button',
        {
          id: 'export-series-diff',
          type: 'button',
          onclick: () => download('series_differences.csv', files['series_differences.csv']),
        },
        t('cmpExportSeriesDiff'),
      ),
      h(
        'button',
        {
          id: 'export-svg',
          type: 'button',
          onclick: () => download(`${outcomeSel.value}.svg`, svgText(chartBox), 'image/svg+xml'),
        },
        t('exportSvg'),
      ),
      h(
        'button',
        { id: 'export-png', type: 'button', onclick: () => void downloadPng(chartBox, `${outcomeSel.value}.png`) },
        t('cmpExportPng'),
      ),
      h('button', { id: 'print-report', type: 'button', onclick: () => window.print() }, t('cmpPrint')),
      h('label', {}, `${t('share')} `, h('input', { id: 'share-link', readOnly: true, value: shareUrl, size: 60 })),
      copyButton(shareUrl),
    ),
    h('h2', {}, t('cmpGlance')),
    h(
      'div',
      { class: 'panel' },
      ...(stop
        ? [h('p', { id: 'compare-stop', 'data-reason': stop.reason, 'data-n': stop.n }, stopText(stop, lang))]
        : []),
      glanceTable(stats, lang),
      h('p', { class: 'note' }, t('cmpGlanceNote')),
      h('p', { class: 'note', id: 'compare-glance-per100k' }, PER_100K[lang].note),
    ),
    h('h2', {}, t('results')),
    h('div', { class: 'panel' }, table, h('p', { class: 'note' }, t('cmpTableNote'))),
    h(
      'div',
      { class: 'panel chart-panel' },
      h(
        'div',
        { class: 'controls no-print' },
        h('label', {}, `${t('outcome')} `, outcomeSel),
        chartButtons('outcome', chartBox, () => outcomeSel.value),
      ),
      chartBox,
    ),
    h('h2', {}, t('cmpSeriesTitle')),
    h(
      'div',
      { class: 'panel chart-panel' },
      h(
        'div',
        { class: 'controls no-print' },
        h('label', {}, `${t('cmpSeries')} `, seriesSel),
        h('label', {}, `${t('cmpBand')} `, kindSel),
        chartButtons('bands', bandsBox, () => `${seriesSel.value}_bands`),
        chartButtons('diffband', diffBox, () => `${seriesSel.value}_differences`),
      ),
      h('div', { class: 'chart-row' }, bandsBox, diffBox),
    ),
    h('h2', {}, t('summary')),
    summary,
  ];
}

/** How a precision-driven comparison stopped, in one sentence. */
function stopText(stop: PrecisionStop, lang: Lang): string {
  const { target } = stop.rule;
  const targetText =
    target.kind === 'relative'
      ? tf('cmpTargetRelative', { pct: dec(`${Math.round(target.value * 1000) / 10}%`, lang) })
      : tf('cmpTargetAbsolute', { x: dec(fmt(target.value), lang) });
  return tf(stop.reason === 'precision' ? 'cmpStopPrecision' : 'cmpStopBudget', { n: stop.n, target: targetText });
}

/** A plain-language table per scenario: effect on the main outcomes with intervals, and the cost in professional hours. */
/** Words of the per-100,000 line of the table at a glance. */
const PER_100K = {
  en: {
    per: 'per 100,000',
    note: 'Under each change: the reference and the scenario per 100,000 population, so a large relative change of something rare reads as the small number it is. Relative changes have a Fieller interval, which counts the uncertainty of the reference mean; where that mean cannot be told from 0 the change is given as a number. Methods: docs/statistics.md.',
  },
  nl: {
    per: 'per 100.000',
    note: 'Onder elke verandering: de referentie en het scenario per 100.000 inwoners, zodat een grote relatieve verandering van iets zeldzaams leest als het kleine aantal dat het is. Relatieve veranderingen hebben een Fieller-interval, dat de onzekerheid van het gemiddelde van de referentie meetelt; waar dat gemiddelde niet van 0 te onderscheiden is, staat de verandering als aantal. Methoden: docs/statistics.md.',
  },
} as const;

/** "1,240 → 990 per 100,000": the reference and scenario v per 100,000 population ('' for a non-count). */
function per100kText(stats: CompareStats, v: number, o: string, lang: Lang): string {
  const ref = stats.outcomes.find((x) => x.variant === 0 && x.outcome === o)!;
  const scen = stats.outcomes.find((x) => x.variant === v && x.outcome === o)!;
  if (ref.factors.per100k === null || scen.factors.per100k === null) return '';
  const n = (x: number) => dec(fmt(x), lang);
  return `${n(ref.ci.mean * ref.factors.per100k)} → ${n(scen.ci.mean * scen.factors.per100k)} ${PER_100K[lang].per}`;
}

function glanceTable(stats: CompareStats, lang: Lang): HTMLTableElement {
  const { plan } = stats;
  const main = headlineOutcomes(plan.outcomes, 'effect');
  const cost = headlineOutcomes(plan.outcomes, 'cost')[0] ?? null;
  const pct = (x: number) => `${x > 0 ? '+' : ''}${(x * 100).toFixed(Math.abs(x) >= 0.1 ? 0 : 1)}%`;
  const cell = (v: number, o: string) => {
    const d = stats.differences.find((x) => x.variant === v && x.outcome === o)!;
    const clear = d.d.lo > 0 || d.d.hi < 0;
    // Relative only where the ratio of the means has a (Fieller) interval: not when the
    // reference mean cannot be told from zero.
    const { relativeLo, relativeHi } = d.d;
    const rel = d.refMean > 0 && relativeLo !== null && relativeHi !== null;
    const eff = rel ? pct(d.mean / d.refMean - 1) : `${d.d.meanDiff > 0 ? '+' : ''}${fmt(d.d.meanDiff)}`;
    const iv = rel
      ? `${pct(relativeLo)} ${t('cmpTo')} ${pct(relativeHi)}`
      : `${fmt(d.d.lo)} ${t('cmpTo')} ${fmt(d.d.hi)}`;
    const verdict = clear ? (d.d.meanDiff < 0 ? t('cmpLower') : t('cmpHigher')) : t('cmpNoClear');
    // An unclear change of a count still says something: how large a change the interval rules out.
    const f100k = d.factors.per100k;
    const ruledOut =
      !clear && f100k !== null && d.d.pairedSE > 0
        ? tf('cmpRuledOut', { x: dec(fmt(largestChangeNotRuledOut(d.d.lo, d.d.hi) * f100k), lang) })
        : '';
    return h(
      'td',
      { class: clear ? 'clear' : 'unclear' },
      h('strong', {}, dec(eff, lang)),
      ` (${dec(iv, lang)})`,
      h('br'),
      h('small', { class: 'per100k' }, per100kText(stats, v, o, lang)),
      h('br'),
      h('small', {}, verdict),
      ...(ruledOut ? [h('br'), h('small', { class: 'ruled-out' }, ruledOut)] : []),
    );
  };
  const table = h('table', { id: 'compare-glance' });
  table.append(
    h(
      'tr',
      {},
      h('th', {}, 'scenario'),
      ...main.map((o) => h('th', {}, outcomeLabel(o, lang))),
      ...(cost ? [h('th', {}, `${t('cmpCost')}: ${outcomeLabel(cost, lang)}`)] : []),
    ),
  );
  for (let v = 1; v < plan.scenarios.length; v++) {
    table.append(
      h(
        'tr',
        {},
        h('td', {}, h('span', { class: 'swatch', style: `background:${colorOf(v)}` }), ` ${plan.scenarios[v].label}`),
        ...main.map((o) => cell(v, o)),
        ...(cost ? [cell(v, cost)] : []),
      ),
    );
  }
  return table;
}

/** A button that copies the share link, and says whether it did. */
function copyButton(text: string): HTMLElement {
  const said = h('span', { id: 'copy-status', role: 'status' });
  const btn = h('button', { type: 'button', id: 'copy-link' }, t('copyLink'));
  btn.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(text);
      said.textContent = t('copied');
    } catch {
      said.textContent = t('copyFailed');
    }
  });
  return h('span', {}, btn, ' ', said);
}
