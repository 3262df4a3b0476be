/** Compare: ensembles of several scenarios on common random numbers, on parallel workers. */
import pkg from '../package.json' with { type: 'json' };
import {
  availableOutcomes,
  type ComparePlan,
  createComparePlan,
  DEFAULT_BAND_SERIES,
  headlineOutcomes,
  parsePrecisionTarget,
  planJobs,
  precisionStep,
  precisionTargetText,
  replicateValues,
  type RunRecord,
  type Scenario,
  seriesColumns,
  validateScenario,
} from '../sim/index.ts';
import './compare.css';
import {
  CHART_SERIES,
  DEFAULTS,
  MAX_REPLICATES_LIMITS,
  SHARED,
  decodeScenario,
  encodeScenario,
  parseShareQuery,
  shareQueryText,
  type CompareSettings,
} from './compareData.ts';
import { compareReport } from './compareReport.ts';
import { getLang, t, tf } from './i18n.ts';
import { runPlan } from './jobPool.ts';
import {
  availableScenarios,
  EDITED,
  EDITOR_KEYS,
  resolveData,
  resolvedByName,
  savedEdit,
  scenarioDescription,
  scenarioOption,
} from './scenarios.ts';
import { runControls } from './runControls.ts';
import { h } from './util.ts';

export { SCENARIO_COLORS } from './compareCharts.ts';
export { DEFAULTS, type CompareSettings } from './compareData.ts';

/** Series recorded for the charts: the CLI's banded series plus a few practice stocks. */
const RECORDED_SERIES = [...new Set([...DEFAULT_BAND_SERIES, ...CHART_SERIES.map((s) => s.column)])];

/** The last finished comparison, so switching the language shows it again without running it again. */
let lastResult: {
  query: string;
  plan: ComparePlan;
  records: RunRecord[];
  settings: CompareSettings;
  seconds: number;
  workers: number;
} | null = null;

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
      const note =
        n === EDITED
          ? ` (${t('cmpEditedNote')})`
          : n === SHARED
            ? ` (${t('cmpSharedNote')}: ${String(sharedScenario?.data.name ?? '?')})`
            : '';
      const desc = n === SHARED ? null : scenarioDescription(n, lang);
      list.append(
        h(
          'label',
          { 'data-name': n },
          cb,
          ' ',
          h('span', { class: 'scen-title' }, n === SHARED ? n : scenarioOption(n, lang)),
          note,
          desc ? h('span', { class: 'scen-desc' }, desc) : '',
        ),
      );
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

  const controls = runControls(
    {
      replicates: 'replicates',
      agents: 'cmp-agents',
      weeks: 'cmp-weeks',
      run: 'run-compare',
      cancel: 'cancel-compare',
      progress: 'compare-progress',
      status: 'compare-progress-text',
    },
    { ...DEFAULTS, minReplicates: 2, maxReplicates: 100 },
    t('run'),
  );
  const { replicates: repIn, agents: agentsIn, weeks: weeksIn, run: runBtn, cancel: cancelBtn } = controls;
  // Where the replicates branch from their shared history (sim/run/branch.ts); a week from a link is listed too.
  const branchIn = h('select', { id: 'cmp-branch', title: t('cmpBranchTitle') });
  function branchOptions(week: number | null): void {
    branchIn.replaceChildren(
      h('option', { value: 'burn-in' }, t('cmpBranchBurnIn')),
      h('option', { value: 'none' }, t('cmpBranchNoneOption')),
      ...(week === null ? [] : [h('option', { value: String(week) }, tf('cmpBranchWeekOption', { week }))]),
    );
  }
  branchOptions(null);
  controls.row.insertBefore(h('label', {}, `${t('cmpBranch')} `, branchIn), runBtn);
  const errorBox = h('div', { id: 'compare-error', role: 'alert' });
  const results = h('div', { id: 'compare-results' });

  // How many replicates: a fixed number, or until the effects at a glance are precise.
  const modeSel = h(
    'select',
    { id: 'cmp-mode' },
    h('option', { value: 'precision' }, t('cmpModePrecision')),
    h('option', { value: 'fixed' }, t('cmpModeFixed')),
  );
  const precisionIn = h('input', { id: 'cmp-precision', type: 'text', size: 7, spellcheck: false });
  const maxRepIn = h('input', {
    id: 'cmp-max-replicates',
    type: 'number',
    min: MAX_REPLICATES_LIMITS.min,
    max: MAX_REPLICATES_LIMITS.max,
    style: 'width:4em',
  });
  const syncMode = () => {
    const precise = modeSel.value === 'precision';
    repIn.disabled = precise;
    precisionIn.disabled = !precise;
    maxRepIn.disabled = !precise;
  };
  modeSel.addEventListener('change', syncMode);
  const precisionRow = h(
    'div',
    { class: 'controls', id: 'compare-precision' },
    h('label', {}, `${t('cmpMode')} `, modeSel),
    h('label', {}, `${t('cmpPrecision')} `, precisionIn),
    h('label', {}, `${t('cmpMaxReplicates')} `, maxRepIn),
    h('span', { class: 'note' }, t('cmpPrecisionHint')),
  );

  root.replaceChildren(
    errorBox,
    h('div', { class: 'panel no-print', id: 'compare-settings' }, list, sharedBox, precisionRow, controls.row),
    results,
  );
  fillList();

  /** The form's settings; throws an Error naming a bad precision. */
  function settings(): CompareSettings {
    const precise = modeSel.value === 'precision';
    const c: CompareSettings = {
      scenarios: [...order],
      replicates: Number(repIn.value),
      agents: Number(agentsIn.value),
      weeks: Number(weeksIn.value),
      precision: precise ? parsePrecisionTarget(precisionIn.value.replace(',', '.')) : null,
      maxReplicates: Number(maxRepIn.value),
    };
    if (branchIn.value === 'none') c.branch = 'none';
    else if (branchIn.value !== 'burn-in') c.branch = Number(branchIn.value);
    return c;
  }
  function apply(c: CompareSettings): void {
    order.splice(0, order.length, ...c.scenarios);
    for (const [n, cb] of boxes) cb.checked = c.scenarios.includes(n);
    repIn.value = String(c.replicates);
    agentsIn.value = String(c.agents);
    weeksIn.value = String(c.weeks);
    modeSel.value = c.precision ? 'precision' : 'fixed';
    precisionIn.value = precisionTargetText(c.precision ?? DEFAULTS.precision!);
    maxRepIn.value = String(c.maxReplicates);
    syncMode();
    branchOptions(typeof c.branch === 'number' ? c.branch : null);
    branchIn.value = c.branch === undefined ? 'burn-in' : String(c.branch);
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
    if (order.length < 2) {
      errorBox.replaceChildren(h('div', { class: 'error', id: 'pick-two' }, t('cmpPickTwo')));
      runBtn.disabled = false;
      return;
    }
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
      // The effects at a glance are the primary outcomes: the summary says what each rules out,
      // and a precision-driven comparison runs until they are precise.
      const primary = headlineOutcomes(availableOutcomes(...entries.map((e) => seriesColumns(e.scenario))), 'effect');
      plan = createComparePlan(entries, {
        radsimVersion: pkg.version,
        replicates: c.precision ? c.maxReplicates : c.replicates,
        series: RECORDED_SERIES,
        primary,
        ...(c.precision ? { precision: { target: c.precision } } : {}),
        branchAt: c.branch === 'none' ? null : c.branch,
      });
    } catch (err) {
      errorBox.replaceChildren(h('div', { class: 'error' }, (err as Error).message));
      runBtn.disabled = false;
      return;
    }
    history.replaceState(null, '', `#compare?${link}`);
    controls.started();
    // A precision-driven comparison runs in batches of whole replicates up to each check of its
    // rule (as the command line), so it ends with the same replicates whatever the workers.
    const all = planJobs(plan);
    const records: RunRecord[] = [];
    let seconds = 0;
    let workers = 0;
    for (;;) {
      let upTo = plan.replicates;
      if (plan.precision) {
        const step = precisionStep(plan, replicateValues(plan, records));
        if (step.kind === 'stop') break;
        upTo = step.upTo;
      }
      const have = new Set(records.map((r) => r.index));
      const jobs = all.filter((j) => j.replicate < upTo && !have.has(j.index));
      const batch = plan.precision ? tf('cmpBatch', { n: upTo, max: plan.replicates }) : '';
      const pool = runPlan(plan, {
        jobs,
        progressEvery: 5,
        onProgress: (p) =>
          controls.advanced(
            p.fraction,
            `${batch}${tf('cmpProgress', { done: p.done, total: p.total, pct: Math.round(p.fraction * 100), workers: p.workers })}`,
          ),
      });
      running = pool;
      workers = pool.workers;
      const outcome = await pool.result;
      running = null;
      if (outcome.status === 'cancelled') {
        const done = records.length + outcome.done;
        controls.finished('cancelled', tf('cmpCancelled', { done, total: records.length + outcome.total }));
        return;
      }
      if (outcome.status === 'failed') {
        const { job } = outcome;
        const msg = tf('cmpWorkerFailed', {
          scenario: plan.scenarios[job.variant].label,
          replicate: job.replicate + 1,
          replicates: upTo,
          id: job.id,
          message: outcome.message,
          done: records.length + outcome.done,
          total: records.length + outcome.total,
        });
        errorBox.replaceChildren(h('div', { class: 'error', id: 'compare-worker-error', 'data-job': job.id }, msg));
        controls.finished(
          'failed',
          tf('cmpFailedShort', { done: records.length + outcome.done, total: records.length + outcome.total }),
        );
        return;
      }
      records.push(...outcome.records);
      seconds += outcome.seconds;
      if (!plan.precision) break;
    }
    records.sort((a, b) => a.index - b.index);
    lastResult = { query: link, plan, records, settings: c, seconds, workers };
    showDone(records.length, seconds, workers);
    showResults(plan, records, c);
  }

  function showDone(n: number, seconds: number, nWorkers: number): void {
    controls.finished('done', tf('cmpDone', { runs: n, seconds: seconds.toFixed(1), workers: nWorkers }));
  }

  function showResults(plan: ComparePlan, runs: RunRecord[], c: CompareSettings): void {
    results.replaceChildren(...compareReport(plan, runs, c, lang));
  }

  runBtn.addEventListener('click', () => void run());
  cancelBtn.addEventListener('click', () => running?.cancel());

  const badLink = (err: unknown) => {
    apply(DEFAULTS);
    errorBox.replaceChildren(
      h(
        'div',
        { class: 'error', id: 'share-error' },
        h('strong', {}, `${t('badLink')}:`),
        '\n',
        (err as Error).message,
      ),
    );
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
          settings = {
            ...settings,
            scenarios: settings.scenarios.map((n) => (n === EDITED || n === SHARED ? carried : n)),
          };
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
