/**
 * The sweep runner of Research: one or two numeric parameters of the edited scenario over a
 * grid, R replicates per point, on parallel workers (web/jobPool.ts) with progress and cancel.
 * The plan, the aggregation, the PRCC sensitivity summary and the files are those of `radsim
 * sweep` (sim/ensemble); the page adds a line plot with a band or a heatmap, and a Fisher-z
 * interval for each PRCC.
 */
import pkg from '../package.json' with { type: 'json' };
import {
  aggregateSweep,
  availableOutcomes,
  checkValue,
  createSweepPlan,
  type Field,
  headlineOutcomes,
  outcomeLabel,
  OUTCOMES,
  PlanError,
  pointId,
  rangeText,
  type RunRecord,
  type Scenario,
  schemaFields,
  seriesColumns,
  type SweepPlan,
  sweepStats,
  type SweepStats,
  sweepSummary,
  valueAt,
  prccDashLegend,
  sweepWarnings,
  sweepWarningTexts,
} from '../sim/index.ts';
import { download } from './export.ts';
import { fieldText, localRange } from './fieldEditor.ts';
import { getLang, t, tf } from './i18n.ts';
import { runPlan } from './jobPool.ts';
import { defaultRange, levels, prccInterval, SWEEP_DEFAULTS } from './sweepDesign.ts';
import { runControls } from './runControls.ts';
import { heatmap, linePlot } from './sweepCharts.ts';
import { scenarioText } from './scenarios.ts';
import { fmt, h, markdown } from './util.ts';

const LAST_SWEEP_KEY = 'radsim.sweep.last';

export interface SweepRunner {
  element: HTMLElement;
  /** Called when the edited scenario changes (refreshes the parameter list and the run button). */
  refresh(): void;
  cancel(): void;
}

/** `getScenario` returns the validated edited scenario, or throws a readable error. */
export function createSweepRunner(getScenario: () => { scenario: Scenario; label: string }): SweepRunner {
  let fields: Field[] = [];
  let running: { cancel(): void } | null = null;
  const datalist = h('datalist', { id: 'sweep-paths' });
  const paramRows = [0, 1].map((j) => {
    const path = h('input', {
      id: `sweep-p${j + 1}`,
      list: 'sweep-paths',
      size: 36,
      spellcheck: false,
      placeholder: j === 0 ? 'influence.mu' : t('optional'),
      'aria-label': `${t('parameter')} ${j + 1}`,
    });
    path.setAttribute('list', 'sweep-paths');
    const lo = h('input', { id: `sweep-lo${j + 1}`, type: 'text', size: 8, 'aria-label': `${t('from')} ${j + 1}` });
    const hi = h('input', { id: `sweep-hi${j + 1}`, type: 'text', size: 8, 'aria-label': `${t('to')} ${j + 1}` });
    const n = h('input', {
      id: `sweep-n${j + 1}`,
      type: 'number',
      min: 1,
      max: 20,
      value: String(SWEEP_DEFAULTS.levels),
      style: 'width:4em',
      'aria-label': `${t('levels')} ${j + 1}`,
    });
    const info = h('span', { class: 'muted', id: `sweep-info${j + 1}` });
    path.addEventListener('focus', loadFields);
    path.addEventListener('change', () => {
      loadFields();
      const f = fields.find((x) => x.path === path.value.trim());
      if (!f) {
        info.textContent = path.value.trim() ? t('unknownParameter') : '';
        return;
      }
      const v = valueAt(baseData(), f.segs) as number;
      const [a, b] = defaultRange(f, v);
      lo.value = String(a);
      hi.value = String(b);
      info.textContent = `${t('scenarioValue')}: ${v}${f.unit ? ` (${t('unit')}: ${f.unit})` : ''}; ${t('allowed')}: ${rangeText(f) || '—'}`;
    });
    const el = h(
      'div',
      { class: 'controls sweep-param' },
      h('label', {}, `${t('parameter')} ${j + 1} `, path),
      h('label', {}, `${t('from')} `, lo),
      h('label', {}, `${t('to')} `, hi),
      h('label', {}, `${t('levels')} `, n),
      info,
    );
    return { path, lo, hi, n, info, el };
  });
  const controls = runControls(
    {
      replicates: 'sweep-replicates',
      agents: 'sweep-agents',
      weeks: 'sweep-weeks',
      run: 'sweep-run',
      cancel: 'sweep-cancel',
      progress: 'sweep-progress',
      status: 'sweep-progress-text',
    },
    { ...SWEEP_DEFAULTS, minReplicates: 1, maxReplicates: 50 },
    t('runSweep'),
  );
  const { replicates: repIn, agents: agentsIn, weeks: weeksIn, run: runBtn, cancel: cancelBtn } = controls;
  const errorBox = h('div', { id: 'sweep-error', role: 'alert' });
  const results = h('div', { id: 'sweep-results' });
  const element = h(
    'div',
    { id: 'sweep' },
    datalist,
    h('p', { class: 'muted' }, t('sweepHelp')),
    ...paramRows.map((r) => r.el),
    controls.row,
    errorBox,
    results,
  );

  function baseData(): unknown {
    try {
      return getScenario().scenario;
    } catch {
      return null;
    }
  }

  /** The numeric fields of the edited scenario (the walk runs when needed, not on every keystroke). */
  let fieldsStale = true;
  function loadFields(): void {
    if (!fieldsStale) return;
    const data = baseData();
    if (!data) return;
    fieldsStale = false;
    fields = schemaFields(data).filter((f) => f.kind === 'number' || f.kind === 'integer');
    if (datalist.childElementCount !== fields.length)
      datalist.replaceChildren(
        ...fields.map((f) => {
          const { description, unit } = fieldText(f);
          const item = itemLabel(data, f);
          return h('option', { value: f.path }, `${item ? `${item}: ` : ''}${description}${unit ? ` (${unit})` : ''}`);
        }),
      );
  }

  /** The label of the trigger or programme a field belongs to, in the page's language (the rate of which trigger?). */
  function itemLabel(data: unknown, f: Field): string | null {
    const at = f.segs.findIndex((s) => typeof s === 'number');
    if (at < 0) return null;
    const item = valueAt(data, f.segs.slice(0, at + 1));
    const label = item && typeof item === 'object' ? (item as { label?: unknown }).label : undefined;
    return scenarioText(label, getLang())?.text ?? null;
  }

  function refresh(): void {
    fieldsStale = true;
    const ok = baseData() !== null;
    runBtn.disabled = !ok || running !== null;
    runBtn.title = ok ? '' : t('fixScenarioFirst');
  }

  function varySpecs(): string[] {
    loadFields();
    const problems: string[] = [];
    const specs: string[] = [];
    paramRows.forEach((r, j) => {
      const p = r.path.value.trim();
      if (!p) {
        if (j === 0) problems.push(t('chooseParameter'));
        return;
      }
      const f = fields.find((x) => x.path === p);
      if (!f) return problems.push(`${p}: ${t('unknownParameter')}`);
      const lo = Number(r.lo.value),
        hi = Number(r.hi.value),
        n = Number(r.n.value);
      if (r.lo.value.trim() === '' || !Number.isFinite(lo)) problems.push(`${p}: ${t('from')} ${t('notANumber')}`);
      if (r.hi.value.trim() === '' || !Number.isFinite(hi)) problems.push(`${p}: ${t('to')} ${t('notANumber')}`);
      if (!Number.isInteger(n) || n < 1 || n > 20) problems.push(`${p}: ${t('levels')} 1..20`);
      if (hi < lo) problems.push(`${p}: ${t('to')} < ${t('from')}`);
      for (const x of [lo, hi]) {
        const bad = Number.isFinite(x) ? checkValue(f, x, getLang()) : null;
        if (bad) problems.push(`${p} = ${x}: ${bad} (${localRange(rangeText(f))})`);
      }
      if (!problems.length) specs.push(`${p}=${levels(f, lo, hi, n).join(',')}`);
    });
    if (problems.length) throw new PlanError(problems, t('cannotSweep'));
    return specs;
  }

  async function run(): Promise<void> {
    errorBox.replaceChildren();
    results.replaceChildren();
    let plan: SweepPlan;
    try {
      const { scenario, label } = getScenario();
      const s: Scenario = { ...scenario, agents: Number(agentsIn.value), weeks: Number(weeksIn.value) };
      const outcomes = availableOutcomes(seriesColumns(s));
      plan = createSweepPlan(
        { file: `${label}.json`, scenario: s },
        { radsimVersion: pkg.version, replicates: Number(repIn.value), vary: varySpecs(), outcomes },
      );
    } catch (err) {
      errorBox.replaceChildren(h('pre', { class: 'error' }, (err as Error).message));
      return;
    }
    const pool = runPlan(plan, {
      progressEvery: 4,
      onProgress: (p) =>
        controls.advanced(
          p.fraction,
          `${p.done} / ${p.total} ${t('runsWord')} · ${Math.round(p.fraction * 100)}% · ${p.workers} ${t('workersWord')}`,
        ),
    });
    running = pool;
    controls.started();
    const outcome = await pool.result;
    running = null;
    if (outcome.status === 'cancelled') {
      controls.finished('cancelled', t('sweepCancelled'));
      refresh();
      return;
    }
    if (outcome.status === 'failed') {
      // As in Compare: name the run that broke; the page stays usable.
      const { job } = outcome;
      const values = plan.vary.map((v, k) => `${v.path}=${plan.points[job.variant][k]}`).join(', ');
      const msg = tf('sweepWorkerFailed', {
        point: pointId(plan, job.variant),
        values,
        replicate: job.replicate + 1,
        replicates: plan.replicates,
        id: job.id,
        message: outcome.message,
        done: outcome.done,
        total: outcome.total,
      });
      errorBox.replaceChildren(h('div', { class: 'error', id: 'sweep-worker-error', 'data-job': job.id }, msg));
      controls.finished('failed', tf('sweepFailedShort', { done: outcome.done, total: outcome.total }));
      refresh();
      return;
    }
    const { records, seconds } = outcome;
    controls.finished(
      'done',
      `${records.length} ${t('runsWord')} · ${seconds.toFixed(1)} s · ${pool.workers} ${t('workersWord')}`,
    );
    refresh();
    showResults(plan, records);
    saveLast(plan, records);
  }

  /** The last sweep's plan and runs, kept in this browser so its results survive a reload. */
  function saveLast(plan: SweepPlan, records: RunRecord[]): void {
    try {
      localStorage.setItem(LAST_SWEEP_KEY, JSON.stringify({ plan, records, at: new Date().toISOString() }));
    } catch {
      localStorage.removeItem(LAST_SWEEP_KEY); // too large to keep: the results stay on the page only
    }
  }

  function showLast(): void {
    const text = localStorage.getItem(LAST_SWEEP_KEY);
    if (!text) return;
    try {
      const { plan, records, at } = JSON.parse(text) as { plan: SweepPlan; records: RunRecord[]; at: string };
      showResults(plan, records);
      results.prepend(
        h('p', { class: 'muted', id: 'sweep-restored' }, tf('sweepRestored', { at: new Date(at).toLocaleString() })),
      );
    } catch {
      localStorage.removeItem(LAST_SWEEP_KEY); // an older format: nothing to show
    }
  }

  function showResults(plan: SweepPlan, records: RunRecord[]): void {
    const stats = sweepStats(plan, records);
    const files = aggregateSweep(plan, records);
    const outcomeSel = h(
      'select',
      { id: 'sweep-outcome', 'aria-label': t('outcome') },
      ...plan.outcomes.map((o) =>
        h('option', { value: o, title: OUTCOMES[o]?.description ?? '' }, outcomeLabel(o, getLang())),
      ),
    );
    outcomeSel.value = headlineOutcomes(plan.outcomes, 'effect')[0] ?? plan.outcomes[0];
    const chartBox = h('div', { id: 'sweep-chart' });
    const draw = () =>
      chartBox.replaceChildren(
        plan.vary.length === 1 ? linePlot(stats, outcomeSel.value) : heatmap(stats, outcomeSel.value),
      );
    outcomeSel.addEventListener('change', draw);
    draw();
    const summary = h('div', { class: 'summary' });
    summary.innerHTML = markdown(sweepSummary(stats, getLang()));
    results.replaceChildren(
      h(
        'div',
        { class: 'controls' },
        h('label', {}, `${t('outcome')} `, outcomeSel),
        h(
          'button',
          { type: 'button', id: 'sweep-csv', onclick: () => download('sweep.csv', files['sweep.csv']) },
          'sweep.csv',
        ),
        h(
          'button',
          {
            type: 'button',
            id: 'sweep-points-csv',
            onclick: () => download('sweep_points.csv', files['sweep_points.csv']),
          },
          'sweep_points.csv',
        ),
        h(
          'button',
          {
            type: 'button',
            id: 'sweep-sensitivity-csv',
            onclick: () => download('sensitivity.csv', files['sensitivity.csv']),
          },
          'sensitivity.csv',
        ),
        h(
          'button',
          {
            type: 'button',
            id: 'sweep-json',
            onclick: () => download('sweep_summary.json', summaryJson(stats), 'application/json'),
          },
          'sweep_summary.json',
        ),
        h(
          'button',
          {
            type: 'button',
            id: 'sweep-md',
            onclick: () => download('summary.md', files['summary.md'], 'text/markdown'),
          },
          'summary.md',
        ),
      ),
      chartBox,
      h('h3', {}, t('sensitivity')),
      sensitivityWarnings(stats),
      sensitivityTable(stats),
      h('p', { class: 'note', id: 'sweep-dash-legend' }, prccDashLegend(getLang())),
      h('details', { id: 'sweep-summary' }, h('summary', {}, t('summary')), summary),
    );
  }

  runBtn.addEventListener('click', () => void run());
  cancelBtn.addEventListener('click', () => running?.cancel());
  refresh();
  showLast();
  return { element, refresh, cancel: () => running?.cancel() };
}

/** The warnings of sweepWarnings.ts (too few runs, constant outcomes or parameters); empty for a sound design. */
function sensitivityWarnings(stats: SweepStats): HTMLElement {
  const box = h('div', { id: 'sweep-warnings', class: 'warnings', role: 'note' });
  box.innerHTML = sweepWarningTexts(sweepWarnings(stats), getLang())
    .map((w) => markdown(w))
    .join('');
  return box;
}

/** PRCC of each parameter with each outcome, with its Fisher-z interval and p-value. */
function sensitivityTable(stats: SweepStats): HTMLTableElement {
  const { plan } = stats;
  const k = plan.vary.length;
  const table = h(
    'table',
    { id: 'sweep-sensitivity' },
    h('tr', {}, h('th', {}, t('outcome')), ...plan.vary.map((v) => h('th', {}, `PRCC ${v.path} [95%] (p)`))),
  );
  for (const o of plan.outcomes) {
    const cells = plan.vary.map((v) => {
      const s = stats.sensitivity.find((x) => x.parameter === v.path && x.outcome === o)!;
      if (!Number.isFinite(s.prcc)) return h('td', {}, '-');
      const [lo, hi] = prccInterval(s.prcc, s.runs, k, plan.level);
      const clear = s.pValue < 1 - plan.level;
      return h(
        'td',
        { class: clear ? 'clear' : '' },
        `${s.prcc.toFixed(2)} [${Number.isFinite(lo) ? lo.toFixed(2) : '–'}, ${Number.isFinite(hi) ? hi.toFixed(2) : '–'}] (p ${fmt(s.pValue)})`,
      );
    });
    table.append(h('tr', {}, h('td', {}, outcomeLabel(o)), ...cells));
  }
  return table;
}

function summaryJson(stats: SweepStats): string {
  const { plan } = stats;
  const k = plan.vary.length;
  return JSON.stringify(
    {
      format: 'radsim-sweep-summary/1',
      plan: {
        hash: plan.hash,
        radsimVersion: plan.radsimVersion,
        base: plan.base.label,
        agents: plan.base.scenario.agents,
        weeks: plan.base.scenario.weeks,
        baseSeed: plan.baseSeed,
        replicates: plan.replicates,
        level: plan.level,
        design: plan.design,
        vary: plan.vary,
        points: plan.points,
        outcomes: plan.outcomes,
      },
      points: stats.points.map((s) => ({
        point: s.variant,
        values: plan.points[s.variant],
        outcome: s.outcome,
        n: s.ci.n,
        mean: s.ci.mean,
        sd: s.ci.sd,
        lo: s.ci.lo,
        hi: s.ci.hi,
        median: s.median,
        runs: s.values,
      })),
      sensitivity: stats.sensitivity.map((s) => {
        const [lo, hi] = prccInterval(s.prcc, s.runs, k, plan.level);
        return { ...s, lo, hi };
      }),
      scenario: plan.base.scenario,
    },
    (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v),
    2,
  );
}
