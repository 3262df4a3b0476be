/** Compare: ensembles of several scenarios on common random numbers, on parallel workers. */
import { proxy } from 'comlink';
import * as d3 from 'd3';
import pkg from '../package.json' with { type: 'json' };
import { aggregateCompare, compareStats, type CompareStats } from '../sim/ensemble/aggregate.ts';
import { outcomeLabel } from '../sim/ensemble/outcomes.ts';
import { createComparePlan, jobScenario, planJobs, type ComparePlan, type Job } from '../sim/ensemble/plan.ts';
import { runRecord, type RunRecord } from '../sim/ensemble/records.ts';
import { compareSummary } from '../sim/ensemble/report.ts';
import { newWorker } from './explore.ts';
import { t } from './i18n.ts';
import { scenarioNames, validatedByName } from './scenarios.ts';
import { download, fmt, h, markdown } from './util.ts';

export interface CompareSettings {
  scenarios: string[];
  replicates: number;
  agents: number;
  weeks: number;
}

export const DEFAULTS: CompareSettings = { scenarios: ['baseline', 'school-resilience'], replicates: 4, agents: 5000, weeks: 260 };

/** "#compare?s=a,b&r=4&a=5000&w=260" -> settings; throws a readable error. */
export function parseShare(query: string): CompareSettings {
  const q = new URLSearchParams(query);
  const problems: string[] = [];
  const s = (q.get('s') ?? '').split(',').filter(Boolean);
  if (s.length < 2) problems.push('name at least two scenarios (s=baseline,school-resilience)');
  for (const n of s) if (!scenarioNames.includes(n)) problems.push(`unknown scenario "${n}"`);
  const int = (key: string, name: string, lo: number, hi: number, def: number) => {
    const v = q.get(key);
    if (v === null) return def;
    const x = Number(v);
    if (!Number.isInteger(x) || x < lo || x > hi) problems.push(`${name} must be a whole number from ${lo} to ${hi} (found "${v}")`);
    return x;
  };
  const r = int('r', 'replicates', 2, 100, DEFAULTS.replicates);
  const a = int('a', 'agents', 100, 100000, DEFAULTS.agents);
  const w = int('w', 'weeks', 1, 2000, DEFAULTS.weeks);
  if (problems.length) throw new Error(problems.join('\n'));
  return { scenarios: s, replicates: r, agents: a, weeks: w };
}

export function shareQuery(c: CompareSettings): string {
  return `s=${c.scenarios.join(',')}&r=${c.replicates}&a=${c.agents}&w=${c.weeks}`;
}

export function compareView(root: HTMLElement, share: string | null): () => void {
  let running: { cancel: () => void } | null = null;
  const boxes = new Map<string, HTMLInputElement>();
  const order: string[] = [];
  const list = h('fieldset', { class: 'scenlist', id: 'compare-scenarios' }, h('legend', {}, t('pick')));
  for (const n of scenarioNames) {
    const cb = h('input', { type: 'checkbox', value: n, id: `cmp-${n}` });
    cb.addEventListener('change', () => {
      const i = order.indexOf(n);
      if (cb.checked && i < 0) order.push(n);
      if (!cb.checked && i >= 0) order.splice(i, 1);
    });
    boxes.set(n, cb);
    list.append(h('label', {}, cb, ` ${n}`));
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
    h('div', { class: 'panel' }, list,
      h('div', { class: 'controls' },
        h('label', {}, `${t('replicates')} `, repIn),
        h('label', {}, `${t('agents')} `, agentsIn),
        h('label', {}, `${t('weeks')} `, weeksIn),
        runBtn, cancelBtn, progress, progressText)),
    results,
  );

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

  async function run(): Promise<void> {
    errorBox.replaceChildren();
    results.replaceChildren();
    let c: CompareSettings;
    let plan: ComparePlan;
    try {
      c = parseShare(shareQuery(settings()));
      plan = createComparePlan(
        c.scenarios.map((n) => ({ file: `${n}.json`, scenario: validatedByName(n, { agents: c.agents, weeks: c.weeks }) })),
        { radsimVersion: pkg.version, replicates: c.replicates },
      );
    } catch (err) {
      errorBox.replaceChildren(h('div', { class: 'error' }, (err as Error).message));
      return;
    }
    history.replaceState(null, '', `#compare?${shareQuery(c)}`);
    const jobs = planJobs(plan);
    const nWorkers = Math.max(1, Math.min(jobs.length, navigator.hardwareConcurrency || 2, 8));
    const workers = Array.from({ length: nWorkers }, () => newWorker());
    const done = new Array<number>(jobs.length).fill(0);
    const records: RunRecord[] = [];
    let cancelled = false;
    let next = 0;
    const update = () => {
      const f = done.reduce((a, b) => a + b, 0) / jobs.length;
      progress.value = f;
      progressText.textContent = `${records.length} / ${jobs.length} runs · ${Math.round(f * 100)}% · ${nWorkers} workers`;
    };
    running = {
      cancel: () => {
        cancelled = true;
        for (const w of workers) w.worker.terminate();
      },
    };
    runBtn.disabled = true;
    cancelBtn.disabled = false;
    progressText.dataset.state = 'running';
    update();
    const t0 = performance.now();
    const workerLoop = async (w: (typeof workers)[number]) => {
      while (!cancelled && next < jobs.length) {
        const job: Job = jobs[next++];
        const scenario = jobScenario(plan, job);
        const result = await w.api.runJob(
          { id: job.id, scenario, outcomes: plan.outcomes, series: plan.series, progressEvery: 5 },
          proxy((week: number, weeks: number) => {
            done[job.index] = week / weeks;
            update();
          }),
        );
        done[job.index] = 1;
        records.push(runRecord(plan, job, result));
        update();
      }
    };
    try {
      await Promise.race([
        Promise.all(workers.map(workerLoop)),
        new Promise<void>((resolve) => {
          const check = setInterval(() => cancelled && (clearInterval(check), resolve()), 100);
        }),
      ]);
    } catch (err) {
      if (!cancelled) errorBox.replaceChildren(h('div', { class: 'error' }, (err as Error).message));
    } finally {
      for (const w of workers) w.worker.terminate();
      running = null;
      runBtn.disabled = false;
      cancelBtn.disabled = true;
    }
    if (cancelled) {
      progressText.textContent = `cancelled after ${records.length} / ${jobs.length} runs`;
      progressText.dataset.state = 'cancelled';
      return;
    }
    if (records.length !== jobs.length) return;
    progressText.dataset.state = 'done';
    progressText.textContent = `${jobs.length} runs in ${((performance.now() - t0) / 1000).toFixed(1)} s on ${nWorkers} workers`;
    records.sort((a, b) => a.index - b.index);
    showResults(plan, records);
  }

  function showResults(plan: ComparePlan, runs: RunRecord[]): void {
    const stats = compareStats(plan, runs);
    const files = aggregateCompare(plan, runs);
    const labels = plan.scenarios.map((s) => s.label);
    const table = h('table', { id: 'compare-table' });
    const head = h('tr', {}, h('th', {}, t('outcome')), ...labels.map((l, v) => h('th', {}, v === 0 ? `${l} (ref.)` : l)), ...labels.slice(1).map((l) => h('th', {}, `${l} − ${labels[0]}`)));
    table.append(head);
    for (const o of plan.outcomes) {
      const cells = labels.map((_, v) => {
        const s = stats.outcomes.find((x) => x.variant === v && x.outcome === o)!;
        return h('td', {}, `${fmt(s.ci.mean)} [${fmt(s.ci.lo)}, ${fmt(s.ci.hi)}]`);
      });
      const diffs = labels.slice(1).map((_, k) => {
        const d = stats.differences.find((x) => x.variant === k + 1 && x.outcome === o)!.d;
        const rel = d.relative === null ? '' : ` (${d.relative >= 0 ? '+' : ''}${(d.relative * 100).toFixed(1)}%)`;
        const clear = d.lo > 0 || d.hi < 0;
        return h('td', { style: clear ? 'font-weight:bold' : '' }, `${fmt(d.meanDiff)} [${fmt(d.lo)}, ${fmt(d.hi)}]${rel}`);
      });
      table.append(h('tr', {}, h('td', {}, outcomeLabel(o)), ...cells, ...diffs));
    }
    const outcomeSel = h('select', { id: 'chart-outcome', 'aria-label': t('outcome') }, ...plan.outcomes.map((o) => h('option', { value: o }, outcomeLabel(o))));
    const chartBox = h('div', { id: 'compare-chart' });
    const drawIt = () => chartBox.replaceChildren(intervalChart(stats, outcomeSel.value));
    outcomeSel.addEventListener('change', drawIt);
    drawIt();
    const summary = h('div', { class: 'summary panel', id: 'compare-summary' });
    summary.innerHTML = markdown(compareSummary(stats));
    const shareUrl = location.href;
    results.replaceChildren(
      h('div', { class: 'panel controls' },
        h('button', { id: 'export-csv', type: 'button', onclick: () => download('outcomes.csv', files['outcomes.csv']) }, t('exportCsv')),
        h('button', { id: 'export-diff', type: 'button', onclick: () => download('differences.csv', files['differences.csv']) }, t('exportDiff')),
        h('button', { id: 'export-svg', type: 'button', onclick: () => download(`${outcomeSel.value}.svg`, svgText(chartBox), 'image/svg+xml') }, t('exportSvg')),
        h('label', {}, `${t('share')} `, h('input', { id: 'share-link', readOnly: true, value: shareUrl, size: 60 })),
      ),
      h('h2', {}, t('results')),
      h('div', { class: 'panel' }, table, h('p', {}, 'mean [95% interval]; differences are paired (common random numbers); bold = interval excludes 0')),
      h('div', { class: 'panel' }, h('label', {}, `${t('outcome')} `, outcomeSel), chartBox),
      h('h2', {}, t('summary')),
      summary,
    );
  }

  runBtn.addEventListener('click', () => void run());
  cancelBtn.addEventListener('click', () => running?.cancel());

  if (share !== null) {
    try {
      apply(parseShare(share));
      void run();
    } catch (err) {
      apply(DEFAULTS);
      errorBox.replaceChildren(h('div', { class: 'error', id: 'share-error' }, h('strong', {}, `${t('badLink')}:`), '\n', (err as Error).message));
    }
  } else apply(DEFAULTS);
  return () => running?.cancel();
}

function svgText(box: HTMLElement): string {
  const svg = box.querySelector('svg')!;
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg.outerHTML}`;
}

/** Mean and interval per scenario for one outcome. */
function intervalChart(stats: CompareStats, outcome: string): SVGSVGElement {
  const rows = stats.plan.scenarios.map((s, v) => ({ label: s.label, ci: stats.outcomes.find((x) => x.variant === v && x.outcome === outcome)!.ci }));
  const W = 620, rowH = 28, m = { l: 200, r: 20, t: 24, b: 30 };
  const H = m.t + m.b + rows.length * rowH;
  const lo = d3.min(rows, (r) => r.ci.lo) ?? 0, hi = d3.max(rows, (r) => r.ci.hi) ?? 1;
  const pad = (hi - lo) * 0.1 || 1;
  const x = d3.scaleLinear().domain([Math.max(0, lo - pad), hi + pad]).nice().range([m.l, W - m.r]);
  const svg = d3.create('svg').attr('width', W).attr('height', H).attr('font-family', 'sans-serif').attr('font-size', 12);
  svg.append('text').attr('x', m.l).attr('y', 14).attr('font-weight', 'bold').text(`${outcomeLabel(outcome)} (mean, 95% interval)`);
  svg.append('g').attr('transform', `translate(0,${H - m.b})`).call(d3.axisBottom(x).ticks(6));
  rows.forEach((r, i) => {
    const y = m.t + i * rowH + rowH / 2;
    svg.append('text').attr('x', m.l - 8).attr('y', y + 4).attr('text-anchor', 'end').text(r.label);
    svg.append('line').attr('x1', x(r.ci.lo)).attr('x2', x(r.ci.hi)).attr('y1', y).attr('y2', y).attr('stroke', i === 0 ? '#000' : '#0072B2').attr('stroke-width', 3);
    svg.append('circle').attr('cx', x(r.ci.mean)).attr('cy', y).attr('r', 5).attr('fill', i === 0 ? '#000' : '#0072B2');
  });
  return svg.node()!;
}
