/** Compare: ensembles of several scenarios on common random numbers, on parallel workers. */
import { proxy } from 'comlink';
import * as d3 from 'd3';
import pkg from '../package.json' with { type: 'json' };
import { aggregateCompare, compareStats, type CompareStats } from '../sim/ensemble/aggregate.ts';
import { DEFAULT_BAND_SERIES, outcomeLabel } from '../sim/ensemble/outcomes.ts';
import { createComparePlan, jobScenario, planJobs, type ComparePlan, type Job } from '../sim/ensemble/plan.ts';
import { runRecord, type RunRecord } from '../sim/ensemble/records.ts';
import { compareSummary, ETHICS_LINE, ETHICS_LINE_NL } from '../sim/ensemble/report.ts';
import { validateScenario } from '../sim/scenario/resolve.ts';
import type { Scenario } from '../sim/scenario/schema.ts';
import './compare.css';
import {
  CHART_SERIES, DEFAULTS, SHARED, decodeScenario, differenceBand, encodeScenario, parseShareQuery, scenarioBand, shareQueryText,
  type Band, type BandKind, type CompareSettings,
} from './compareData.ts';
import { newWorker } from './explore.ts';
import { getLang, t, type Key } from './i18n.ts';
import { availableScenarios, EDITED, EDITOR_KEYS, resolveData, resolvedByName, savedEdit } from './scenarios.ts';
import { download, fmt, h, markdown } from './util.ts';

export { DEFAULTS, type CompareSettings } from './compareData.ts';

/** Okabe-Ito colours, one per scenario (the reference is black). */
export const SCENARIO_COLORS = ['#000000', '#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442'];
const colorOf = (v: number) => SCENARIO_COLORS[v % SCENARIO_COLORS.length];

/** Series recorded for the charts: the CLI's banded series plus a few practice stocks. */
const RECORDED_SERIES = [...new Set([...DEFAULT_BAND_SERIES, ...CHART_SERIES.map((s) => s.column)])];

/** "#compare?s=a,b&r=4&a=5000&w=260" -> settings; throws a readable error. */
export function parseShare(query: string): CompareSettings {
  return parseShareQuery(query, availableScenarios()).settings;
}

export function shareQuery(c: CompareSettings): string {
  return shareQueryText(c);
}

/** Number text in the page's language: Dutch swaps the decimal point and the thousands comma. */
function dec(text: string, lang: 'en' | 'nl'): string {
  return lang === 'nl' ? text.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.')) : text;
}

/** Axis ticks; on a Dutch page with a decimal comma and a thousands point. */
function ticks<D extends d3.AxisDomain>(axis: d3.Axis<D>, count: number, scale: { tickFormat(count: number): (d: number) => string }): d3.Axis<D> {
  axis.ticks(count);
  if (getLang() === 'nl') {
    const f = scale.tickFormat(count);
    // Re-format the English text of d3's default format with the Dutch separators.
    axis.tickFormat((d) => f(Number(d)).replace(/[.,]/g, (c) => (c === '.' ? ',' : '.')));
  }
  return axis;
}

/** t() with {name} placeholders. */
function tf(key: Key, vars: Record<string, string | number>): string {
  return t(key).replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

/** The last finished comparison, so switching the language shows it again without running it again. */
let lastResult: { query: string; plan: ComparePlan; records: RunRecord[]; settings: CompareSettings; seconds: number; workers: number } | null = null;

/** A scenario carried by a share link (in `d=`); kept in the page, never saved unless asked. */
let sharedScenario: { data: Record<string, unknown>; encoded: string } | null = null;

/** The shared scenario is the same as the edit saved in this browser (as resolved). */
function sameAsOwnEdit(data: Record<string, unknown>): boolean {
  try {
    return savedEdit() !== null && JSON.stringify(resolvedByName(EDITED)) === JSON.stringify(data);
  } catch {
    return false;
  }
}

type WorkerHandle = ReturnType<typeof newWorker> & { crashed: Promise<never> };

/** A worker whose script failed to load or threw outside a call (an `error` event). */
function startWorker(): WorkerHandle {
  const w = newWorker();
  const crashed = new Promise<never>((_, reject) => {
    const fail = (e: Event) => {
      e.preventDefault();
      const msg = e instanceof ErrorEvent && e.message ? e.message : 'the worker script could not be loaded or stopped with an error';
      reject(new Error(msg));
    };
    w.worker.addEventListener('error', fail);
    w.worker.addEventListener('messageerror', () => reject(new Error('a message from the worker could not be read')));
  });
  crashed.catch(() => {}); // handled where a job waits on it
  return { ...w, crashed };
}

export function compareView(root: HTMLElement, share: string | null): () => void {
  let running: { cancel: () => void } | null = null;
  // main.ts re-renders with the query of the route; after a run the address holds the newer link.
  const hashQuery = location.hash.startsWith('#compare?') ? location.hash.slice('#compare?'.length) : null;
  const query = hashQuery ?? share;
  const lang = getLang();
  const boxes = new Map<string, HTMLInputElement>();
  const order: string[] = [];
  const list = h('fieldset', { class: 'scenlist', id: 'compare-scenarios' }, h('legend', {}, t('pick')));
  const sharedBox = h('div', { id: 'shared-scenario' });

  function fillList(): void {
    const names = [...availableScenarios(), ...(sharedScenario ? [SHARED] : [])];
    for (const n of [...order]) if (!names.includes(n)) order.splice(order.indexOf(n), 1);
    boxes.clear();
    list.replaceChildren(h('legend', {}, t('pick')));
    for (const n of names) {
      const cb = h('input', { type: 'checkbox', value: n, id: `cmp-${n}`, checked: order.includes(n) });
      cb.addEventListener('change', () => {
        const i = order.indexOf(n);
        if (cb.checked && i < 0) order.push(n);
        if (!cb.checked && i >= 0) order.splice(i, 1);
      });
      boxes.set(n, cb);
      const note = n === EDITED ? ` (${t('cmpEditedNote')})` : n === SHARED ? ` (${t('cmpSharedNote')}: ${String(sharedScenario?.data.name ?? '?')})` : '';
      list.append(h('label', {}, cb, ` ${n}${note}`));
    }
    sharedBox.replaceChildren();
    if (sharedScenario && sameAsOwnEdit(sharedScenario.data)) {
      sharedBox.append(h('p', { id: 'shared-same' }, t('cmpSharedSame')));
    } else if (sharedScenario) {
      const saveBtn = h('button', { type: 'button', id: 'save-shared' }, t('cmpSaveShared'));
      saveBtn.addEventListener('click', () => {
        const own = savedEdit();
        const text = JSON.stringify(sharedScenario!.data, null, 2);
        if (own && !confirm(t('cmpConfirmOverwrite'))) return;
        localStorage.setItem(EDITOR_KEYS.text, text);
        localStorage.setItem(EDITOR_KEYS.base, 'baseline');
        fillList();
        sharedBox.replaceChildren(h('p', { class: 'ok', id: 'shared-saved' }, t('cmpSharedSaved')));
      });
      sharedBox.append(h('p', {}, t('cmpSharedInfo'), ' ', saveBtn));
    }
  }

  const repIn = h('input', { id: 'replicates', type: 'number', min: 2, max: 100, value: String(DEFAULTS.replicates), style: 'width:4em' });
  const agentsIn = h('input', { id: 'cmp-agents', type: 'number', min: 100, max: 100000, step: 100, value: String(DEFAULTS.agents), style: 'width:7em' });
  const weeksIn = h('input', { id: 'cmp-weeks', type: 'number', min: 1, max: 2000, value: String(DEFAULTS.weeks), style: 'width:5em' });
  const runBtn = h('button', { id: 'run-compare', type: 'button' }, t('run'));
  const cancelBtn = h('button', { id: 'cancel-compare', type: 'button', disabled: true }, t('cancel'));
  const progress = h('progress', { id: 'compare-progress', max: 1, value: 0 });
  const progressText = h('span', { id: 'compare-progress-text', role: 'status' });
  const errorBox = h('div', { id: 'compare-error', role: 'alert' });
  const results = h('div', { id: 'compare-results' });

  root.replaceChildren(
    errorBox,
    h('div', { class: 'panel no-print', id: 'compare-settings' }, list, sharedBox,
      h('div', { class: 'controls' },
        h('label', {}, `${t('replicates')} `, repIn),
        h('label', {}, `${t('agents')} `, agentsIn),
        h('label', {}, `${t('weeks')} `, weeksIn),
        runBtn, cancelBtn, progress, progressText)),
    results,
  );
  fillList();

  function settings(): CompareSettings {
    return { scenarios: [...order], replicates: Number(repIn.value), agents: Number(agentsIn.value), weeks: Number(weeksIn.value) };
  }
  function apply(c: CompareSettings): void {
    order.splice(0, order.length, ...c.scenarios);
    for (const [n, cb] of boxes) cb.checked = c.scenarios.includes(n);
    repIn.value = String(c.replicates);
    agentsIn.value = String(c.agents);
    weeksIn.value = String(c.weeks);
  }

  /** Resolved scenario data of a name in the list. */
  function dataOf(n: string): Record<string, unknown> {
    if (n === SHARED) {
      if (!sharedScenario) throw new Error(`scenario "${SHARED}": this page holds no shared scenario`);
      return sharedScenario.data;
    }
    return resolvedByName(n) as Record<string, unknown>;
  }

  async function run(): Promise<void> {
    if (running || runBtn.disabled) return;
    runBtn.disabled = true; // until the workers are done (encoding the link is asynchronous)
    errorBox.replaceChildren();
    results.replaceChildren();
    let c: CompareSettings;
    let plan: ComparePlan;
    let link: string;
    try {
      c = settings();
      if (c.scenarios.includes(EDITED) && c.scenarios.includes(SHARED)) throw new Error(t('cmpEditedAndShared'));
      // The link carries an edited or shared scenario in d= (as "edited"), so it restores exactly elsewhere.
      const carried = c.scenarios.find((n) => n === EDITED || n === SHARED);
      const linkSettings = { ...c, scenarios: c.scenarios.map((n) => (n === SHARED ? EDITED : n)) };
      let encoded: string | null = null;
      if (carried === SHARED) encoded = sharedScenario?.encoded ?? null;
      else if (carried === EDITED) encoded = await encodeScenario(dataOf(EDITED));
      link = shareQueryText(linkSettings, encoded);
      parseShareQuery(link, availableScenarios()); // checks names and numbers, one message for all
      const entries: { file: string; scenario: Scenario }[] = c.scenarios.map((n) => ({
        file: `${n}.json`,
        scenario: validateScenario({ ...dataOf(n), agents: c.agents, weeks: c.weeks }, `${n}.json`),
      }));
      plan = createComparePlan(entries, { radsimVersion: pkg.version, replicates: c.replicates, series: RECORDED_SERIES });
    } catch (err) {
      errorBox.replaceChildren(h('div', { class: 'error' }, (err as Error).message));
      runBtn.disabled = false;
      return;
    }
    history.replaceState(null, '', `#compare?${link}`);
    const jobs = planJobs(plan);
    const nWorkers = Math.max(1, Math.min(jobs.length, navigator.hardwareConcurrency || 2, 8));
    const workers = Array.from({ length: nWorkers }, () => startWorker());
    const done = new Array<number>(jobs.length).fill(0);
    const records: RunRecord[] = [];
    let halted: 'cancelled' | 'failed' | null = null;
    let failure = null as { job: Job; message: string } | null;
    let next = 0;
    let stop!: () => void;
    const stopped = new Promise<void>((res) => (stop = res));
    const halt = (why: 'cancelled' | 'failed') => {
      if (halted) return;
      halted = why;
      for (const w of workers) w.worker.terminate();
      stop();
    };
    const update = () => {
      const f = done.reduce((a, b) => a + b, 0) / jobs.length;
      progress.value = f;
      progressText.textContent = tf('cmpProgress', { done: records.length, total: jobs.length, pct: Math.round(f * 100), workers: nWorkers });
    };
    running = { cancel: () => halt('cancelled') };
    runBtn.disabled = true;
    cancelBtn.disabled = false;
    progressText.dataset.state = 'running';
    update();
    const t0 = performance.now();
    const workerLoop = async (w: WorkerHandle) => {
      while (!halted && next < jobs.length) {
        const job: Job = jobs[next++];
        try {
          const scenario = jobScenario(plan, job);
          const result = await Promise.race([
            w.api.runJob(
              { id: job.id, scenario, outcomes: plan.outcomes, series: plan.series, progressEvery: 5 },
              proxy((week: number, weeks: number) => {
                done[job.index] = week / weeks;
                if (!halted) update();
              }),
            ),
            w.crashed,
          ]);
          if (halted) return;
          done[job.index] = 1;
          records.push(runRecord(plan, job, result));
          update();
        } catch (err) {
          if (halted) return;
          failure = { job, message: (err as Error)?.message ?? String(err) };
          halt('failed');
          return;
        }
      }
    };
    try {
      await Promise.race([Promise.all(workers.map(workerLoop)), stopped]);
    } catch (err) {
      if (!halted) {
        failure ??= { job: jobs[0], message: (err as Error).message };
        halt('failed');
      }
    } finally {
      for (const w of workers) w.worker.terminate();
      running = null;
      runBtn.disabled = false;
      cancelBtn.disabled = true;
    }
    if (halted === 'cancelled') {
      progressText.textContent = tf('cmpCancelled', { done: records.length, total: jobs.length });
      progressText.dataset.state = 'cancelled';
      return;
    }
    if (halted === 'failed' || records.length !== jobs.length) {
      const f = failure ?? { job: jobs[0], message: 'unknown error' };
      const fj = f.job;
      const msg = tf('cmpWorkerFailed', {
        scenario: plan.scenarios[fj.variant].label, replicate: fj.replicate + 1, replicates: plan.replicates, id: fj.id,
        message: f.message, done: records.length, total: jobs.length,
      });
      errorBox.replaceChildren(h('div', { class: 'error', id: 'compare-worker-error', 'data-job': fj.id }, msg));
      progressText.textContent = tf('cmpFailedShort', { done: records.length, total: jobs.length });
      progressText.dataset.state = 'failed';
      return;
    }
    const seconds = (performance.now() - t0) / 1000;
    records.sort((a, b) => a.index - b.index);
    lastResult = { query: link, plan, records, settings: c, seconds, workers: nWorkers };
    showDone(jobs.length, seconds, nWorkers);
    showResults(plan, records, c);
  }

  function showDone(n: number, seconds: number, nWorkers: number): void {
    progress.value = 1;
    progressText.dataset.state = 'done';
    progressText.textContent = tf('cmpDone', { runs: n, seconds: seconds.toFixed(1), workers: nWorkers });
  }

  function showResults(plan: ComparePlan, runs: RunRecord[], c: CompareSettings): void {
    const stats = compareStats(plan, runs);
    const files = aggregateCompare(plan, runs);
    const labels = plan.scenarios.map((s) => s.label);
    const oLabel = (o: string) => outcomeLabel(o, lang);

    // Outcome table: every outcome per scenario, and the paired differences.
    const table = h('table', { id: 'compare-table' });
    const head = h('tr', {}, h('th', {}, t('outcome')), ...labels.map((l, v) => h('th', {}, v === 0 ? `${l} (${t('cmpRef')})` : l)), ...labels.slice(1).map((l) => h('th', {}, `${l} − ${labels[0]}`)));
    table.append(head);
    for (const o of plan.outcomes) {
      const cells = labels.map((_, v) => {
        const s = stats.outcomes.find((x) => x.variant === v && x.outcome === o)!;
        return h('td', {}, dec(`${fmt(s.ci.mean)} [${fmt(s.ci.lo)}; ${fmt(s.ci.hi)}]`, lang).replace(';', lang === 'nl' ? ';' : ','));
      });
      const diffs = labels.slice(1).map((_, k) => {
        const d = stats.differences.find((x) => x.variant === k + 1 && x.outcome === o)!.d;
        const rel = d.relative === null ? '' : ` (${d.relative >= 0 ? '+' : ''}${(d.relative * 100).toFixed(1)}%)`;
        const clear = d.lo > 0 || d.hi < 0;
        return h('td', { style: clear ? 'font-weight:bold' : '' }, dec(`${fmt(d.meanDiff)} [${fmt(d.lo)}; ${fmt(d.hi)}]${rel}`, lang).replace(';', lang === 'nl' ? ';' : ','));
      });
      table.append(h('tr', {}, h('td', {}, oLabel(o)), ...cells, ...diffs));
    }

    // Outcome chart (mean and interval per scenario).
    const outcomeSel = h('select', { id: 'chart-outcome', 'aria-label': t('outcome') }, ...plan.outcomes.map((o) => h('option', { value: o }, oLabel(o))));
    const chartBox = h('div', { id: 'compare-chart' });
    const drawIt = () => chartBox.replaceChildren(intervalChart(stats, outcomeSel.value, lang));
    outcomeSel.addEventListener('change', drawIt);
    drawIt();

    // Weekly series: bands per scenario and the paired differences over time.
    const seriesOpts = CHART_SERIES.filter((s) => plan.series.includes(s.column));
    const seriesSel = h('select', { id: 'series-column', 'aria-label': t('cmpSeries') }, ...seriesOpts.map((s) => h('option', { value: s.column }, s[lang])));
    const kindSel = h('select', { id: 'band-kind', 'aria-label': t('cmpBand') },
      h('option', { value: 'mean' }, t('cmpBandMean')), h('option', { value: 'runs' }, t('cmpBandRuns')));
    const bandsBox = h('figure', { id: 'bands-chart', class: 'chart' });
    const diffBox = h('figure', { id: 'diff-chart', class: 'chart' });
    const drawSeries = () => {
      const col = seriesSel.value;
      const label = seriesOpts.find((s) => s.column === col)?.[lang] ?? col;
      const runsOf = (v: number) => Array.from({ length: plan.replicates }, (_, r) => runs[r * plan.scenarios.length + v].series[col]);
      const kind = kindSel.value as BandKind;
      const bands = plan.scenarios.map((_, v) => scenarioBand(runsOf(v), kind, plan.level));
      const diffs = plan.scenarios.slice(1).map((_, k) => differenceBand(runsOf(0), runsOf(k + 1), plan.level));
      bandsBox.replaceChildren(
        seriesChart(bands.map((b, v) => ({ label: labels[v], color: colorOf(v), band: b })), label, false),
        h('figcaption', {}, tf(kind === 'mean' ? 'cmpCaptionMean' : 'cmpCaptionRuns', { series: label, n: plan.replicates })),
      );
      diffBox.replaceChildren(
        seriesChart(diffs.map((b, k) => ({ label: `${labels[k + 1]} − ${labels[0]}`, color: colorOf(k + 1), band: b })), `${label}: ${t('difference').toLowerCase()}`, true),
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
      h('span', { class: 'chart-export no-print' },
        h('button', { id: `export-${id}-svg`, type: 'button', onclick: () => download(`${name()}.svg`, svgText(box), 'image/svg+xml') }, 'SVG'),
        h('button', { id: `export-${id}-png`, type: 'button', onclick: () => void downloadPng(box, `${name()}.png`) }, 'PNG'));

    results.replaceChildren(
      h('div', { class: 'print-only', id: 'print-header' },
        h('h1', {}, t('cmpReportTitle')),
        h('p', {}, `${t('cmpMadeOn')} ${stamp.toISOString().slice(0, 16).replace('T', ' ')} UTC · radsim ${pkg.version}`),
        h('p', {}, tf('cmpSettingsLine', { scenarios: labels.join(', '), ref: labels[0], r: c.replicates, a: c.agents, w: c.weeks, seed: plan.baseSeed })),
        h('p', { class: 'share-text' }, `${t('share')}: `, h('code', { id: 'print-share' }, shareUrl)),
        h('p', { class: 'ethics' }, lang === 'nl' ? ETHICS_LINE_NL.replace(/^> /, '').replace(/\*\*/g, '') : ETHICS_LINE.replace(/^> /, '').replace(/\*\*/g, ''))),
      h('div', { class: 'panel controls no-print' },
        h('button', { id: 'export-csv', type: 'button', onclick: () => download('outcomes.csv', files['outcomes.csv']) }, t('exportCsv')),
        h('button', { id: 'export-diff', type: 'button', onclick: () => download('differences.csv', files['differences.csv']) }, t('exportDiff')),
        h('button', { id: 'export-series', type: 'button', onclick: () => download('series_bands.csv', files['series_bands.csv']) }, t('cmpExportSeries')),
        h('button', { id: 'export-series-diff', type: 'button', onclick: () => download('series_differences.csv', files['series_differences.csv']) }, t('cmpExportSeriesDiff')),
        h('button', { id: 'export-svg', type: 'button', onclick: () => download(`${outcomeSel.value}.svg`, svgText(chartBox), 'image/svg+xml') }, t('exportSvg')),
        h('button', { id: 'export-png', type: 'button', onclick: () => void downloadPng(chartBox, `${outcomeSel.value}.png`) }, t('cmpExportPng')),
        h('button', { id: 'print-report', type: 'button', onclick: () => window.print() }, t('cmpPrint')),
        h('label', {}, `${t('share')} `, h('input', { id: 'share-link', readOnly: true, value: shareUrl, size: 60 })),
      ),
      h('h2', {}, t('cmpGlance')),
      h('div', { class: 'panel' }, glanceTable(stats, lang), h('p', { class: 'note' }, t('cmpGlanceNote'))),
      h('h2', {}, t('results')),
      h('div', { class: 'panel' }, table, h('p', { class: 'note' }, t('cmpTableNote'))),
      h('div', { class: 'panel chart-panel' }, h('div', { class: 'controls no-print' }, h('label', {}, `${t('outcome')} `, outcomeSel), chartButtons('outcome', chartBox, () => outcomeSel.value)), chartBox),
      h('h2', {}, t('cmpSeriesTitle')),
      h('div', { class: 'panel chart-panel' },
        h('div', { class: 'controls no-print' },
          h('label', {}, `${t('cmpSeries')} `, seriesSel), h('label', {}, `${t('cmpBand')} `, kindSel),
          chartButtons('bands', bandsBox, () => `${seriesSel.value}_bands`), chartButtons('diffband', diffBox, () => `${seriesSel.value}_differences`)),
        h('div', { class: 'chart-row' }, bandsBox, diffBox)),
      h('h2', {}, t('summary')),
      summary,
    );
  }

  runBtn.addEventListener('click', () => void run());
  cancelBtn.addEventListener('click', () => running?.cancel());

  const badLink = (err: unknown) => {
    apply(DEFAULTS);
    errorBox.replaceChildren(h('div', { class: 'error', id: 'share-error' }, h('strong', {}, `${t('badLink')}:`), '\n', (err as Error).message));
  };

  if (query !== null) {
    let parsed: ReturnType<typeof parseShareQuery>;
    try {
      parsed = parseShareQuery(query, availableScenarios());
    } catch (err) {
      badLink(err);
      return () => running?.cancel();
    }
    void (async () => {
      let settings = parsed.settings;
      if (parsed.data !== null) {
        try {
          const raw = await decodeScenario(parsed.data);
          let data: Record<string, unknown>;
          try {
            data = resolveData(raw, `${SHARED}.json`) as Record<string, unknown>;
            validateScenario(data, `${SHARED}.json`);
          } catch (err) {
            throw new Error(`d= (the edited scenario of the link) is not a valid scenario:\n${(err as Error).message}`);
          }
          // The link's scenario is the edit saved here: use it as such; otherwise list it as "shared".
          const same = sameAsOwnEdit(data);
          if (!same) sharedScenario = { data, encoded: parsed.data };
          const carried = same ? EDITED : SHARED;
          settings = { ...settings, scenarios: settings.scenarios.map((n) => (n === EDITED || n === SHARED ? carried : n)) };
        } catch (err) {
          badLink(err);
          return;
        }
      }
      fillList();
      apply(settings);
      if (lastResult && lastResult.query === query) {
        showDone(lastResult.records.length, lastResult.seconds, lastResult.workers);
        showResults(lastResult.plan, lastResult.records, lastResult.settings);
      } else void run();
    })();
  } else apply(DEFAULTS);
  return () => running?.cancel();
}

/** A plain-language table per scenario: effect on the main outcomes with intervals, and the cost in professional hours. */
function glanceTable(stats: CompareStats, lang: 'en' | 'nl'): HTMLTableElement {
  const { plan } = stats;
  const main = ['ever_sensitive', 'ever_action', 'false_positives'].filter((o) => plan.outcomes.includes(o));
  const cost = plan.outcomes.includes('cost_hours') ? 'cost_hours' : null;
  const pct = (x: number) => `${x > 0 ? '+' : ''}${(x * 100).toFixed(Math.abs(x) >= 0.1 ? 0 : 1)}%`;
  const cell = (v: number, o: string) => {
    const d = stats.differences.find((x) => x.variant === v && x.outcome === o)!;
    const clear = d.d.lo > 0 || d.d.hi < 0;
    const rel = d.refMean > 0;
    const eff = rel ? pct(d.d.meanDiff / d.refMean) : `${d.d.meanDiff > 0 ? '+' : ''}${fmt(d.d.meanDiff)}`;
    const iv = rel ? `${pct(d.d.lo / d.refMean)} ${t('cmpTo')} ${pct(d.d.hi / d.refMean)}` : `${fmt(d.d.lo)} ${t('cmpTo')} ${fmt(d.d.hi)}`;
    const verdict = clear ? (d.d.meanDiff < 0 ? t('cmpLower') : t('cmpHigher')) : t('cmpNoClear');
    return h('td', { class: clear ? 'clear' : 'unclear' }, h('strong', {}, dec(eff, lang)), ` (${dec(iv, lang)})`, h('br'), h('small', {}, verdict));
  };
  const table = h('table', { id: 'compare-glance' });
  table.append(h('tr', {}, h('th', {}, 'scenario'), ...main.map((o) => h('th', {}, outcomeLabel(o, lang))), ...(cost ? [h('th', {}, `${t('cmpCost')}: ${outcomeLabel(cost, lang)}`)] : [])));
  for (let v = 1; v < plan.scenarios.length; v++) {
    table.append(h('tr', {}, h('td', {}, h('span', { class: 'swatch', style: `background:${colorOf(v)}` }), ` ${plan.scenarios[v].label}`), ...main.map((o) => cell(v, o)), ...(cost ? [cell(v, cost)] : [])));
  }
  return table;
}

function svgText(box: HTMLElement): string {
  const svg = box.querySelector('svg')!;
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg.outerHTML}`;
}

/** The chart as a PNG at twice its size: the SVG drawn into a canvas. */
export async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const w = Number(svg.getAttribute('width'));
  const hgt = Number(svg.getAttribute('height'));
  const url = URL.createObjectURL(new Blob([svg.outerHTML], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((res, rej) => {
      img.onload = () => res();
      img.onerror = () => rej(new Error('the chart could not be drawn as an image'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(w * scale);
    canvas.height = Math.round(hgt * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = 'white';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, w, hgt);
    return await new Promise<Blob>((res, rej) => canvas.toBlob((b) => (b ? res(b) : rej(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

async function downloadPng(box: HTMLElement, name: string): Promise<void> {
  const blob = await svgToPng(box.querySelector('svg')!);
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Mean and interval per scenario for one outcome. */
function intervalChart(stats: CompareStats, outcome: string, lang: 'en' | 'nl'): SVGSVGElement {
  const rows = stats.plan.scenarios.map((s, v) => ({ label: s.label, ci: stats.outcomes.find((x) => x.variant === v && x.outcome === outcome)!.ci }));
  const W = 620, rowH = 28, m = { l: 200, r: 20, t: 24, b: 30 };
  const H = m.t + m.b + rows.length * rowH;
  const lo = d3.min(rows, (r) => r.ci.lo) ?? 0, hi = d3.max(rows, (r) => r.ci.hi) ?? 1;
  const pad = (hi - lo) * 0.1 || 1;
  const x = d3.scaleLinear().domain([Math.max(0, lo - pad), hi + pad]).nice().range([m.l, W - m.r]);
  const svg = d3.create('svg').attr('width', W).attr('height', H).attr('font-family', 'sans-serif').attr('font-size', 12);
  svg.append('rect').attr('width', W).attr('height', H).attr('fill', 'white');
  svg.append('text').attr('x', m.l).attr('y', 14).attr('font-weight', 'bold').text(`${outcomeLabel(outcome, lang)} (${t('cmpMeanInterval')})`);
  svg.append('g').attr('transform', `translate(0,${H - m.b})`).call(ticks(d3.axisBottom(x), 6, x));
  rows.forEach((r, i) => {
    const y = m.t + i * rowH + rowH / 2;
    svg.append('text').attr('x', m.l - 8).attr('y', y + 4).attr('text-anchor', 'end').text(r.label);
    svg.append('line').attr('x1', x(r.ci.lo)).attr('x2', x(r.ci.hi)).attr('y1', y).attr('y2', y).attr('stroke', colorOf(i)).attr('stroke-width', 3);
    svg.append('circle').attr('cx', x(r.ci.mean)).attr('cy', y).attr('r', 5).attr('fill', colorOf(i));
  });
  return svg.node()!;
}

/**
 * Weekly lines with bands: one `path.band` (area) and one `path.line` per entry, in its colour,
 * a legend, and (for differences) a dashed zero line.
 */
function seriesChart(entries: { label: string; color: string; band: Band }[], title: string, zero: boolean): SVGSVGElement {
  const W = 600, H = 300, m = { l: 56, r: 16, t: 28, b: 36 };
  const legendH = 16 * entries.length;
  const T = d3.max(entries, (e) => e.band.mean.length) ?? 1;
  const all = entries.flatMap((e) => [...e.band.lo, ...e.band.hi]).filter(Number.isFinite);
  let lo = d3.min(all) ?? 0, hi = d3.max(all) ?? 1;
  if (zero) { lo = Math.min(lo, 0); hi = Math.max(hi, 0); }
  if (hi === lo) { hi += 1; lo -= zero ? 1 : 0; }
  const x = d3.scaleLinear().domain([0, Math.max(1, T - 1)]).range([m.l, W - m.r]);
  const y = d3.scaleLinear().domain([lo, hi]).nice().range([H - m.b, m.t]);
  const svg = d3.create('svg').attr('width', W).attr('height', H + legendH).attr('font-family', 'sans-serif').attr('font-size', 11);
  svg.append('rect').attr('width', W).attr('height', H + legendH).attr('fill', 'white');
  svg.append('text').attr('x', m.l).attr('y', 16).attr('font-weight', 'bold').attr('font-size', 12).text(title);
  svg.append('g').attr('transform', `translate(0,${H - m.b})`).call(ticks(d3.axisBottom(x), 8, x));
  svg.append('g').attr('transform', `translate(${m.l},0)`).call(ticks(d3.axisLeft(y), 6, y));
  svg.append('text').attr('x', W - m.r).attr('y', H - 4).attr('text-anchor', 'end').text(t('week'));
  if (zero) svg.append('line').attr('class', 'zero').attr('x1', m.l).attr('x2', W - m.r).attr('y1', y(0)).attr('y2', y(0)).attr('stroke', '#555').attr('stroke-dasharray', '4 3');
  const area = d3.area<number>().x((_, i) => x(i));
  const line = d3.line<number>().x((_, i) => x(i));
  entries.forEach((e, k) => {
    const b = e.band;
    const idx = b.mean.map((_, i) => i);
    svg.append('path').attr('class', `band band-${k}`).attr('fill', e.color).attr('fill-opacity', 0.15).attr('stroke', 'none')
      .attr('d', area.y0((i) => y(b.lo[i as number])).y1((i) => y(b.hi[i as number]))(idx));
    svg.append('path').attr('class', `line line-${k}`).attr('fill', 'none').attr('stroke', e.color).attr('stroke-width', 1.8)
      .attr('d', line.y((i) => y(b.mean[i as number]))(idx));
    const ly = H + 12 + 16 * k - 8;
    svg.append('rect').attr('x', m.l).attr('y', ly - 5).attr('width', 18).attr('height', 8).attr('fill', e.color).attr('fill-opacity', 0.35);
    svg.append('line').attr('x1', m.l).attr('x2', m.l + 18).attr('y1', ly - 1).attr('y2', ly - 1).attr('stroke', e.color).attr('stroke-width', 2);
    svg.append('text').attr('x', m.l + 24).attr('y', ly + 3).text(e.label);
  });
  return svg.node()!;
}
