/**
 * Explore: one simulation, live, in a Web Worker.
 *
 * Rendering never waits on the simulation: the play loop asks the worker for a batch of weeks
 * and then for the view data (new series rows, an agent sample, the selected person's ties and
 * route, the macro log), stores what arrives and marks the view dirty; a requestAnimationFrame
 * loop draws the latest data. The main thread never blocks on a step, so the page keeps drawing
 * at 100,000 agents (bench/browser.ts measures it).
 *
 * Selecting a person is instant: `trace([id])` records their route from the current week on,
 * with their state then as context; "replay from the start" (the older behaviour) reruns the
 * run with the person traced to show the whole route.
 *
 * This module holds the view's state and its calls to the worker, and composes the parts, each
 * drawn by its own module: the phase chart (explorePhaseChart.ts), the people canvas
 * (explorePeople.ts) with the selected person's network over it (exploreEgo.ts), the route panel
 * (exploreRoute.ts), and the macro log and wave panel (exploreMacros.ts).
 */
import {
  ABLATION_SWITCHES,
  type AgentSample,
  type EgoNetwork,
  type HostInfo,
  type MacroLogEntry,
  type PhaseNetwork,
  type Route,
} from '../sim/index.ts';
import './explore.css';
import { drawEgo, egoAt, egoLayout, createEgoLegend, showEgoInfo, type EgoLayout } from './exploreEgo.ts';
import { drawMacroLog, drawWave, macroLabel, risenSince, type Wave } from './exploreMacros.ts';
import { DEFAULT_SPEED, SPEEDS } from './explorePace.ts';
import { PeopleCanvas } from './explorePeople.ts';
import { drawPhaseNet, phaseNetAt, phaseNetLayout } from './explorePhaseNet.ts';
import { createPhaseChart, phaseLegend, type FiredTrigger } from './explorePhaseChart.ts';
import { createRoutePanel } from './exploreRoute.ts';
import { type RouteNames, routeNames } from './routeText.ts';
import { getLang, t, tf, type Key } from './i18n.ts';
import {
  availableScenarios,
  resolvedByName,
  scenarioDescription,
  scenarioOption,
  scenarioText,
  scenarioTitle,
} from './scenarios.ts';
import { h } from './util.ts';
import { crashOf, newWorker, type WorkerClient } from './workerClient.ts';

const COLUMNS = ['phase_0', 'phase_1', 'phase_2', 'phase_3', 'threat', 'macro_events'];
const MAX_DRAWN = 5000;
/** Contacts of contacts drawn around a selected person (only those in a phase). */
const SECOND_CAP = 120;

/** The simulation worker of Explore died (reported in the view). */
class WorkerCrash extends Error {}

/** One worker for Explore, kept across visits to the view. */
let shared: WorkerClient | null = null;

/** A stop of a guided demo (scenario data `demo`). */
interface DemoStep {
  week: number;
  caption: { en: string; nl: string };
  fire?: string;
  select?: 'highestPhase' | 'mostTriggers';
}

/** A guided demo under way: its stops, the next one, and the stop shown (with whom it selected), if any. */
interface DemoState {
  steps: DemoStep[];
  next: number;
  atStop: boolean;
  chosen: number | null;
}

/** The run as a view left it: restored when Explore is shown again (another view, another language). */
interface Session {
  scenario: string;
  agents: string;
  weeks: string;
  speed: string;
  ablation: Record<string, boolean>;
  playing: boolean;
  peopleMode: 'grid' | 'network';
  /** The last call the view left made to the worker (the run is read once it has answered). */
  busy(): Promise<unknown>;
  state(): Kept;
}
interface Kept {
  info: HostInfo | null;
  week: number;
  fired: FiredTrigger[];
  macroLog: MacroLogEntry[];
  sample: AgentSample | null;
  selected: number | null;
  ego: EgoNetwork | null;
  route: Route | null;
  series: number[][];
  wave: Wave | null;
  demo: DemoState | null;
}
let previous: Session | null = null;

/** How long a fired trigger's line is highlighted on the chart, in seconds on screen. */
const FRESH_SECONDS = 6;

/**
 * Time spent drawing each part of the view on the main thread (count, total and longest, in
 * ms), kept on `globalThis.radsimExploreTiming` for bench/browser.ts.
 */
const timing: Record<string, { n: number; ms: number; max: number }> = {};
(globalThis as { radsimExploreTiming?: typeof timing }).radsimExploreTiming = timing;
function timed(part: string, fn: () => void): void {
  const t0 = performance.now();
  fn();
  const dt = performance.now() - t0;
  const r = (timing[part] ??= { n: 0, ms: 0, max: 0 });
  r.n++;
  r.ms += dt;
  if (dt > r.max) r.max = dt;
}

/**
 * `requested`: the scenario named in the link (`#explore?scenario=...`), or null. The run left
 * in Explore is kept when no other scenario is asked for.
 */
export function exploreView(root: HTMLElement, requested: string | null = null): () => void {
  const prev = previous && (requested === null || requested === previous.scenario) ? previous : null;
  previous = null;
  const initial = prev?.scenario ?? requested ?? 'baseline';
  let client = (shared ??= newWorker());
  let api = client.api;
  /** Rejects when the current worker dies; every call races it, so none waits for ever. */
  let crashed = crashOf(client.worker);
  let info: HostInfo | null = null;
  let playing = false;
  let alive = true;
  let busy: Promise<unknown> = Promise.resolve();
  let week = 0;
  /** Triggers fired here: the week they were fired (they act the week after). Kept for the replay. */
  let fired: FiredTrigger[] = [];
  let macroLog: MacroLogEntry[] = [];
  let sample: AgentSample | null = null;
  let selected: number | null = null;
  let ego: EgoNetwork | null = null;
  /** Which tie the arrow keys follow next (-1: none yet). */
  let tieCursor = -1;
  let route: Route | null = null;
  let series: number[][] = COLUMNS.map(() => []);
  let wave: Wave | null = null;
  const dirty = { status: false, chart: false, people: false, route: false, log: false };

  const names = availableScenarios();
  const scenarioSel = h(
    'select',
    { id: 'scenario', 'aria-label': t('scenario') },
    ...names.map((n) => h('option', { value: n }, scenarioOption(n, getLang()))),
  );
  const agentsIn = h('input', {
    id: 'agents',
    type: 'number',
    min: 100,
    max: 200000,
    step: 100,
    value: '20000',
    style: 'width:7em',
  });
  const weeksIn = h('input', { id: 'weeks', type: 'number', min: 1, max: 2000, value: '520', style: 'width:5em' });
  const playBtn = h('button', { id: 'play', type: 'button' }, t('play'));
  const stepBtn = h('button', { id: 'step', type: 'button' }, t('step'));
  const presentBtn = h(
    'button',
    { id: 'present', type: 'button', 'aria-pressed': 'false', title: t('presentKeys') },
    t('present'),
  );
  const caption = h('div', { id: 'caption', class: 'caption', hidden: true, 'aria-live': 'polite' });
  const demoBtn = h('button', { id: 'demo', type: 'button', hidden: true }, t('demoStart'));
  const demoBox = h('div', { id: 'demo-caption', class: 'demo-caption', role: 'status', hidden: true });
  /** The guided demo being shown: the scenario's stops and the next one. */
  let demo: DemoState | null = null;
  const restartBtn = h('button', { id: 'restart', type: 'button' }, t('restart'));
  const speedIn = h('input', {
    id: 'speed',
    type: 'range',
    min: 0,
    max: SPEEDS.length - 1,
    step: 1,
    value: String(SPEEDS.indexOf(DEFAULT_SPEED)),
  });
  const speedOut = h('output', { id: 'speed-value', for: 'speed' });
  const endBox = h('div', { id: 'run-end', class: 'run-end', role: 'status', hidden: true });
  const noticeBox = h('div', { id: 'explore-notice', class: 'notice', role: 'alert' });
  /** What was wrong with the link the view was opened with (kept until another scenario is picked). */
  const linkBox = h('div', { id: 'explore-link', role: 'alert' });
  const status = h('div', { id: 'status', class: 'counts', role: 'status', 'aria-live': 'polite' });
  const waveBox = h('div', { id: 'wave', class: 'wave', hidden: true });
  const question = h('div', { id: 'question', class: 'scenario-about' });
  const macroBox = h('div', { class: 'controls', id: 'macros' });
  const logBox = h('ol', { id: 'macro-log', class: 'macro-log', reversed: true });
  const ablationBox = h('div', { class: 'controls', id: 'ablation' });
  const chart = h('div', { id: 'chart' });
  const phaseChart = createPhaseChart(chart);
  const canvas = h('canvas', {
    id: 'people',
    width: 560,
    height: 360,
    tabindex: 0,
    'aria-label': t('people'),
    'aria-describedby': 'ego-info',
  });
  const egoInfo = h('p', { id: 'ego-info', class: 'ego-info', 'aria-live': 'polite' });
  const people = new PeopleCanvas(canvas);
  const egoLegend = createEgoLegend();
  /** The canvas shows the sample grid, or the network around the people in a phase. */
  let peopleMode: 'grid' | 'network' = prev?.peopleMode ?? 'grid';
  let phaseNet: PhaseNetwork | null = null;
  const modeBtn = h(
    'button',
    { type: 'button', id: 'people-mode', 'aria-pressed': String(peopleMode === 'network') },
    peopleMode === 'grid' ? t('peopleNetwork') : t('peopleGrid'),
  );
  const netInfo = h('p', { id: 'net-info', class: 'ego-info', 'aria-live': 'polite', hidden: true });
  const peoplePanel = h(
    'div',
    { class: 'panel people-panel' },
    h('div', {}, t('people'), ' ', modeBtn),
    canvas,
    netInfo,
    egoInfo,
    egoLegend,
  );
  const routeBox = h('div', { id: 'route', class: 'route panel explore-route', 'aria-live': 'polite' });
  /** The labels of the scenario's triggers and programmes in the page's language, for the route panel. */
  let namesFor: { key: string; names: RouteNames } | null = null;
  function currentRouteNames(): RouteNames | undefined {
    const key = `${scenarioSel.value}\u0000${getLang()}`;
    if (namesFor?.key !== key) {
      try {
        namesFor = { key, names: routeNames(resolvedByName(scenarioSel.value), getLang()) };
      } catch {
        return undefined;
      }
    }
    return namesFor.names;
  }
  const routePanel = createRoutePanel(routeBox, {
    replay: (id) => void replay(id),
    deselect: () => deselect(),
    names: currentRouteNames,
  });
  const errorBox = h('div', { id: 'explore-error', role: 'alert' });
  const ablation: Record<string, boolean> = prev
    ? { ...prev.ablation }
    : Object.fromEntries(ABLATION_SWITCHES.map((k) => [k, true]));

  if (names.includes(initial)) scenarioSel.value = initial;
  else {
    scenarioSel.value = 'baseline';
    linkBox.replaceChildren(
      h('div', { class: 'error', id: 'explore-unknown' }, tf('exploreUnknownScenario', { s: initial })),
    );
  }
  if (prev) {
    agentsIn.value = prev.agents;
    weeksIn.value = prev.weeks;
    speedIn.value = prev.speed;
  }
  /** Weeks per second on screen. */
  const speed = (): number => SPEEDS[Number(speedIn.value)] ?? DEFAULT_SPEED;
  function showSpeed(): void {
    const text = tf('speedValue', { n: speed().toLocaleString(getLang()) });
    speedOut.textContent = text;
    speedIn.setAttribute('aria-valuetext', text);
  }
  speedIn.addEventListener('input', showSpeed);
  showSpeed();

  for (const k of ABLATION_SWITCHES) {
    const cb = h('input', { type: 'checkbox', id: `abl-${k}`, checked: true });
    cb.addEventListener('change', () => {
      ablation[k] = cb.checked;
      void restart();
    });
    cb.checked = ablation[k];
    ablationBox.append(h('label', { title: k }, cb, ` ${t(`ablation_${k}` as Key)}`));
  }

  root.replaceChildren(
    h(
      'div',
      { class: 'panel controls' },
      h('label', {}, `${t('scenario')} `, scenarioSel),
      h('label', {}, `${t('agents')} `, agentsIn),
      h('label', {}, `${t('weeks')} `, weeksIn),
      restartBtn,
      playBtn,
      stepBtn,
      presentBtn,
      demoBtn,
      h('label', { for: 'speed' }, `${t('speed')} `),
      speedIn,
      speedOut,
    ),
    question,
    linkBox,
    errorBox,
    noticeBox,
    // Chart and people side by side, the triggers and the route below them (one column when narrow).
    h(
      'div',
      { class: 'explore-grid' },
      h('div', { class: 'panel chart-panel' }, caption, demoBox, status, endBox, waveBox, phaseLegend(), chart),
      peoplePanel,
      h(
        'div',
        { class: 'panel explore-macros' },
        h('div', {}, h('strong', {}, t('macro')), ' ', macroBox),
        h('details', { class: 'macro-log-box', open: true }, h('summary', {}, t('exploreMacroLog')), logBox),
        h('strong', {}, t('ablation')),
        ablationBox,
      ),
      routeBox,
    ),
  );
  /** The canvas follows the width of its panel, at the device pixel ratio. */
  const fitCanvas = () => {
    const w = peoplePanel.clientWidth - 26; // the panel's padding and border
    if (w > 0 && people.resize(Math.min(w, 900), Math.min(w, 900) * 0.62, window.devicePixelRatio || 1))
      dirty.people = true;
  };
  const resizeObserver = new ResizeObserver(fitCanvas);
  resizeObserver.observe(peoplePanel);
  fitCanvas();

  function scenarioData(traced: number[]): Record<string, unknown> {
    const d = { ...resolvedByName(scenarioSel.value) };
    d.agents = Number(agentsIn.value);
    d.weeks = Number(weeksIn.value);
    d.ablation = { ...(d.ablation as object), ...ablation };
    d.outputs = { routes: { ids: traced, sample: 0 } };
    return d;
  }

  /** Runs `fn` after anything pending, so worker calls never overlap. */
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const p = Promise.race([busy.then(fn), crashed]);
    busy = p.catch(() => {});
    return p.catch((err: unknown) => {
      if (err instanceof WorkerCrash) return undefined as T; // reported once, by watchCrash
      throw err;
    });
  }

  /**
   * A dead worker (a crash in the model, out of memory, a script that failed to load) answers
   * no call: say so, stop playing, and give the view a fresh worker, so Restart works and the
   * page keeps working. The scenario choice and settings are kept.
   */
  function watchCrash(): void {
    const mine = client;
    crashed = crashOf(mine.worker).catch((err: Error) => {
      if (mine !== client || !alive) throw new WorkerCrash(err.message); // an older worker, or a view left
      mine.worker.terminate();
      client = shared = newWorker();
      api = client.api;
      busy = Promise.resolve();
      watchCrash();
      info = null;
      setPlaying(false);
      status.dataset.running = 'false';
      if (alive)
        errorBox.replaceChildren(
          h(
            'div',
            { class: 'error', id: 'explore-worker-error', role: 'alert' },
            tf('exploreWorkerCrashed', { message: err.message }),
          ),
        );
      throw new WorkerCrash(err.message);
    });
    crashed.catch(() => {});
  }
  watchCrash();

  function setPlaying(on: boolean): void {
    playing = on;
    playBtn.textContent = on ? t('pause') : t('play');
  }

  function markAll(): void {
    for (const k of Object.keys(dirty) as (keyof typeof dirty)[]) dirty[k] = true;
  }

  /** What the scenario asks, in the page's language, shown as soon as it is picked. */
  function showAbout(): void {
    const name = scenarioSel.value;
    const lang = getLang();
    const title = scenarioTitle(name, lang);
    const desc = scenarioDescription(name, lang);
    let q: ReturnType<typeof scenarioText> = null;
    try {
      q = scenarioText(resolvedByName(name).question, lang);
    } catch {
      q = null;
    }
    question.replaceChildren(
      h('strong', { id: 'scenario-title' }, title),
      desc ? h('span', { id: 'scenario-description' }, ` — ${desc}`) : '',
      // A question given in English only is shown as it is, marked as English.
      q ? h('p', { class: 'question', id: 'scenario-question', lang: q.lang }, q.text) : '',
    );
  }

  /** The scenario's guided demo, if it has one (scenario data: `demo`). */
  function demoSteps(): DemoStep[] {
    try {
      const d = resolvedByName(scenarioSel.value).demo;
      return Array.isArray(d) ? (d as DemoStep[]).slice().sort((a, b) => a.week - b.week) : [];
    } catch {
      return [];
    }
  }
  function showDemoButton(): void {
    demoBtn.hidden = demoSteps().length === 0;
  }

  /** Starts the guided demo from the start of a fresh run. */
  async function startDemo(): Promise<void> {
    const steps = demoSteps();
    if (!steps.length) return;
    await restart();
    demo = { steps, next: 0, atStop: false, chosen: null };
    if (!(await demoArrive())) demoGo(); // no stop at week 0: play to the first
  }

  /** At a stop: pause, fire its trigger, select its person, say what to look at. Returns whether the run is at a stop. */
  async function demoArrive(): Promise<boolean> {
    if (!demo) return false;
    const step = demo.steps[demo.next];
    if (!step || step.week !== week) return false;
    demo.next++;
    demo.atStop = true;
    setPlaying(false);
    if (step.fire) await fire(step.fire);
    demo.chosen = step.select ? await selectBy(step.select) : null;
    showDemoStop();
    return true;
  }

  /** The caption of the stop the demo is at, in the page's language. */
  function showDemoStop(): void {
    if (!demo?.atStop) return;
    const { chosen } = demo;
    const step = demo.steps[demo.next - 1];
    const more = demo.next < demo.steps.length;
    const go = h(
      'button',
      { type: 'button', id: 'demo-next', title: t('demoNextKeys') },
      more ? t('demoNext') : t('demoEnd'),
    );
    go.addEventListener('click', () => (more ? demoGo() : demoStop()));
    demoBox.hidden = false;
    demoBox.dataset.step = String(demo.next);
    demoBox.replaceChildren(
      h('span', { class: 'demo-step' }, `${demo.next} / ${demo.steps.length} · ${t('week')} ${step.week}: `),
      step.caption[getLang()],
      ' ',
      step.select
        ? h(
            'span',
            { class: 'demo-selected', 'data-select': step.select, 'data-id': chosen === null ? '' : String(chosen) },
            chosen === null
              ? t(step.select === 'highestPhase' ? 'demoSelectNoneHighestPhase' : 'demoSelectNoneMostTriggers')
              : tf(step.select === 'highestPhase' ? 'demoSelectHighestPhase' : 'demoSelectMostTriggers', {
                  id: chosen,
                }),
          )
        : '',
      ' ',
      go,
    );
    go.focus();
  }

  /**
   * Selects the person a demo stop points at, found over the whole population (the grid draws a
   * sample); as Enter does on the canvas for the highest phase. Returns their id, or null.
   */
  async function selectBy(by: 'highestPhase' | 'mostTriggers'): Promise<number | null> {
    const id = await serial(async () => (info ? api.pickPerson(by) : null));
    if (id === null || id === undefined) return null;
    await select(id);
    return id;
  }
  function demoGo(): void {
    if (demo) demo.atStop = false;
    demoBox.hidden = true;
    if (ended()) return;
    setPlaying(true);
    void loop();
  }
  /**
   * The presenter's "next" during a guided demo: from a stop on to the next one (at the last
   * stop, the end of the demo); paused between stops, on to the next. Returns false when no
   * demo is under way (the key then keeps its other meaning).
   */
  function demoNextStop(): boolean {
    if (!demo) return false;
    if (demo.atStop && demo.next >= demo.steps.length) demoStop();
    else if (demo.atStop || !playing) demoGo();
    return true; // while playing toward a stop there is nothing to do: the run stops there
  }
  function demoStop(): void {
    demo = null;
    demoBox.hidden = true;
    demoBox.replaceChildren();
  }

  /** The run's macro trigger buttons. */
  function showInfo(): void {
    if (!info) return;
    macroBox.replaceChildren(
      ...info.macroTypes.map((m) =>
        h('button', { type: 'button', 'data-macro': m, title: m, onclick: () => void fire(m) }, macroLabel(m)),
      ),
    );
  }

  function ended(): boolean {
    return info !== null && week >= info.weeks;
  }

  /** A short message next to the controls (a refused action), cleared by the next action. */
  function notice(text: string): void {
    noticeBox.replaceChildren(h('div', { class: 'notice-text', id: 'explore-refused' }, text));
  }

  async function restart(): Promise<void> {
    setPlaying(false);
    demoStop();
    noticeBox.replaceChildren();
    await serial(async () => {
      errorBox.replaceChildren();
      fired = [];
      status.dataset.fired = '0';
      wave = null;
      deselectNow();
      try {
        info = await api.start(scenarioData([]), `${scenarioSel.value}.json`);
      } catch (err) {
        info = null;
        errorBox.replaceChildren(h('div', { class: 'error' }, (err as Error).message));
        return;
      }
      showInfo();
      series = COLUMNS.map(() => []);
      sample = null;
      people.reset();
      phaseChart.reset();
      await fetchView();
    });
  }

  /** Everything the view draws, in one round of messages (the worker answers them in order). */
  async function fetchView(): Promise<void> {
    const sel = selected;
    const [s, smp, st, eg, rt, net] = await Promise.all([
      api.series(COLUMNS, series[0].length),
      api.agentSample(MAX_DRAWN),
      api.state(),
      sel !== null ? api.egoNetwork(sel, { secondDegree: SECOND_CAP, secondMinPhase: 1 }) : null,
      sel !== null ? api.routes([sel]) : null,
      peopleMode === 'network' ? api.phaseNetwork() : null,
    ]);
    phaseNet = net;
    s.values.forEach((v, c) => {
      for (const x of v) series[c].push(x);
    });
    week = st.week;
    sample = smp;
    if (macroLog.length !== st.macroLog.length || macroLog.some((e, k) => e.status !== st.macroLog[k].status))
      dirty.log = true;
    macroLog = st.macroLog;
    if (sel !== null && sel === selected) {
      ego = eg;
      route = rt?.[0] ?? null;
      dirty.route = true;
    }
    dirty.status = dirty.chart = dirty.people = true;
  }

  async function fire(type: string): Promise<void> {
    await serial(async () => {
      if (!info) return;
      if (ended()) {
        notice(tf('exploreFireAfterEnd', { type: macroLabel(type), w: info.weeks }));
        return;
      }
      noticeBox.replaceChildren();
      await api.fireMacro(type, 1);
      fired.push({ week, type, at: performance.now() });
      status.dataset.fired = String(fired.length);
      const last = series.map((s) => s[s.length - 1] ?? 0);
      wave = {
        week,
        type,
        counts: last.slice(0, 4),
        phase: sample ? sample.phase.slice() : new Uint8Array(0),
        played: 0,
      };
      macroLog = (await api.state()).macroLog;
      dirty.log = dirty.status = dirty.chart = dirty.people = true;
    });
  }

  async function stepWeeks(n: number): Promise<void> {
    await serial(async () => {
      if (!info) return;
      const left = info.weeks - week;
      if (left <= 0) {
        notice(tf('exploreAtEnd', { w: info.weeks }));
        return;
      }
      await api.step(Math.min(n, left));
      await fetchView();
    });
  }

  /** Resolves at the next animation frame (or after 100 ms when frames are not drawn, e.g. a hidden tab). */
  let frameWaiters: (() => void)[] = [];
  function nextFrame(): Promise<void> {
    return new Promise((r) => {
      const timer = setTimeout(r, 100);
      frameWaiters.push(() => {
        clearTimeout(timer);
        r();
      });
    });
  }

  /**
   * Plays at `speed()` weeks per second of screen time: each frame steps the whole weeks due
   * since the last. A population too large to keep up runs as fast as the worker allows (what is
   * owed is capped at half a second, so the run never lurches ahead to catch up).
   */
  async function loop(): Promise<void> {
    status.dataset.running = 'true';
    let last = performance.now();
    let owed = 1; // the first week at once, so Play answers at every speed
    while (playing && alive) {
      const now = performance.now();
      const dt = (now - last) / 1000;
      last = now;
      if (wave) wave.played += dt;
      owed = Math.min(owed + dt * speed(), Math.max(1, speed() / 2));
      // A guided demo stops at its next stop, whatever the speed (stops stepped past are skipped).
      while (demo && demo.next < demo.steps.length && demo.steps[demo.next].week < week) demo.next++;
      const stop = demo?.steps[demo.next]?.week;
      const n = Math.min(Math.floor(owed), stop !== undefined && stop > week ? stop - week : Infinity);
      if (n >= 1) {
        owed -= n;
        await stepWeeks(n);
      }
      if (await demoArrive()) break;
      if (!info || ended()) setPlaying(false);
      dirty.people = true; // the rings fade by screen time
      await nextFrame();
    }
    await busy;
    status.dataset.running = 'false';
  }

  function frame(): void {
    if (!alive) return;
    const waiters = frameWaiters;
    frameWaiters = [];
    try {
      if (dirty.status) timed('status', drawStatus);
      if (dirty.log) timed('log', drawLog);
      if (dirty.chart) timed('chart', drawChart);
      if (dirty.people) timed('people', drawPeople);
      if (dirty.route) timed('route', drawRoute);
    } catch (err) {
      errorBox.replaceChildren(h('div', { class: 'error' }, (err as Error).message));
    }
    for (const w of waiters) w();
    requestAnimationFrame(frame);
  }

  function counts(): number[] {
    return series.slice(0, 4).map((s) => s[s.length - 1] ?? 0);
  }

  /** The caption of presenter mode: the scenario, the week, and the newest event or trigger. */
  function drawCaption(): void {
    if (!presenting) return;
    const lang = getLang();
    const last = [...macroLog].filter((e) => e.status === 'done').sort((a, b) => b.week - a.week)[0];
    const parts = [
      scenarioTitle(scenarioSel.value, lang),
      `${t('week')} ${week}${info ? ` / ${info.weeks}` : ''}`,
      last ? `${macroLabel(last.type)} (${t('week').toLowerCase()} ${last.week})` : '',
      ended() ? t('exploreEndMark') : '',
    ];
    caption.textContent = parts.filter(Boolean).join(' · ');
  }

  function drawStatus(): void {
    dirty.status = false;
    drawCaption();
    const end = ended();
    status.dataset.ended = String(end);
    endBox.hidden = !end;
    if (end && info) endBox.textContent = tf('exploreEnded', { w: info.weeks });
    const c = counts();
    status.dataset.week = String(week);
    status.textContent = `${t('week')} ${week}${info ? ` / ${info.weeks}` : ''} · ${t('phase0')}: ${c[0]} · ${t('phase1')}: ${c[1]} · ${t('phase2')}: ${c[2]} · ${t('phase3')}: ${c[3]}`;
    for (let p = 0; p < 4; p++) status.dataset[`phase${p}`] = String(c[p]);
    const threat = series[4][series[4].length - 1] ?? 0;
    status.dataset.threat = String(threat);
    status.dataset.macroEvents = String(series[5].reduce((a, b) => a + b, 0));
    status.append(` · ${t('threatField')} ${threat.toFixed(2)}`);
    drawWave(waveBox, wave, c, risen().size);
  }

  /** Sample indices of people who moved up since the last fired trigger. */
  function risen(): Set<number> {
    return risenSince(wave, sample);
  }

  function drawLog(): void {
    dirty.log = false;
    drawMacroLog(logBox, macroLog);
  }

  function drawChart(): void {
    dirty.chart = false;
    phaseChart.draw(series, info?.weeks, macroLog, fired, ended(), FRESH_SECONDS * 1000);
  }

  /** The selected person's network around their place on the grid, once it has arrived. */
  function currentEgoLayout(): EgoLayout | null {
    if (!ego || !sample || ego.id !== selected) return null;
    return egoLayout(ego, people.spot(sample, ego.id), people.width, people.height);
  }

  function drawPeople(): void {
    dirty.people = false;
    const ctx = canvas.getContext('2d');
    if (!ctx || !sample) return;
    canvas.dataset.mode = peopleMode;
    netInfo.hidden = peopleMode !== 'network';
    if (peopleMode === 'network') {
      canvas.dataset.selected = selected === null ? '' : String(selected);
      if (!phaseNet) return;
      ctx.setTransform(people.dpr, 0, 0, people.dpr, 0, 0);
      drawPhaseNet(ctx, phaseNet, netLayout(), selected, people.width, people.height);
      canvas.dataset.inPhase = String(phaseNet.inPhase);
      canvas.dataset.drawn = String(phaseNet.ids.length);
      netInfo.textContent = tf('peopleNetworkInfo', {
        n: phaseNet.totalInPhase,
        m: phaseNet.inPhase,
        c: phaseNet.totalContacts,
        d: phaseNet.ids.length - phaseNet.inPhase,
      });
      showEgoInfo(canvas, egoLegend, egoInfo, null);
      return;
    }
    people.draw(ctx, sample, risen());
    const L = currentEgoLayout();
    canvas.dataset.selected = selected === null ? '' : String(selected);
    if (L && ego) drawEgo(ctx, ego, L);
    showEgoInfo(canvas, egoLegend, egoInfo, L ? ego : null);
  }

  function netLayout() {
    return phaseNetLayout(phaseNet!, people.width, people.height);
  }

  /** The person under a click: in the drawn network first (to follow it), else the nearest on the grid. */
  function pick(ev: MouseEvent): number | null {
    if (!sample) return null;
    const [px, py] = people.point(ev);
    if (peopleMode === 'network') return phaseNet ? phaseNetAt(phaseNet, netLayout(), px, py) : null;
    const L = currentEgoLayout();
    const inNetwork = L && ego ? egoAt(ego, L, px, py) : null;
    return inNetwork ?? people.nearest(sample, px, py);
  }

  /** Selects a person: their route is recorded from now on (no replay) and their ties drawn. */
  async function select(id: number): Promise<void> {
    selected = id;
    tieCursor = -1;
    ego = null;
    route = null;
    canvas.dataset.selected = String(id);
    await serial(async () => {
      if (!info) return;
      await api.trace([id]);
      await fetchView();
    });
  }

  function deselectNow(): void {
    selected = null;
    ego = null;
    route = null;
    routePanel.clear();
    dirty.people = true;
  }

  /** The older way: rerun from the start with the person traced, to the same week and with the same fired triggers. */
  async function replay(id: number): Promise<void> {
    setPlaying(false);
    selected = id;
    routePanel.tracing();
    await serial(async () => {
      const target = week;
      const replayed = [...fired];
      await api.start(scenarioData([id]), `${scenarioSel.value}.json`);
      let w = 0;
      for (const f of replayed) {
        if (f.week > w) await api.step(f.week - w);
        w = f.week;
        await api.fireMacro(f.type, 1);
      }
      if (target > w) await api.step(target - w);
      series = COLUMNS.map(() => []);
      await fetchView();
    });
  }

  function drawRoute(): void {
    dirty.route = false;
    if (selected === null) return;
    if (routePanel.draw(route, selected, week, playing, macroLog)) dirty.route = true;
  }

  function deselect(): void {
    if (selected === null) return;
    deselectNow();
    canvas.dataset.selected = '';
    canvas.focus();
  }

  /**
   * Presenter mode: full screen, large type, chart and people side by side under a caption line,
   * run from the keyboard or a presentation clicker (which sends PageDown and PageUp).
   */
  let presenting = false;
  function setPresenting(on: boolean): void {
    presenting = on;
    document.body.classList.toggle('presenting', on);
    presentBtn.setAttribute('aria-pressed', String(on));
    caption.hidden = !on;
    if (on)
      document.documentElement.requestFullscreen?.().catch(() => {}); // refused: the page still presents
    else if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    dirty.status = true;
    requestAnimationFrame(fitCanvas);
  }
  const onFullscreen = () => {
    if (!document.fullscreenElement && presenting) setPresenting(false);
  };
  document.addEventListener('fullscreenchange', onFullscreen);
  presentBtn.addEventListener('click', () => setPresenting(!presenting));

  const onKey = (ev: KeyboardEvent) => {
    if (presenting && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      const inField = ev.target instanceof HTMLInputElement || ev.target instanceof HTMLSelectElement;
      // Next demo stop: N, the right arrow (unless the people view used it to follow a tie) and,
      // during a demo, PageDown, which is what a presentation clicker sends for "next".
      const next = ev.key === 'n' || ev.key === 'N' || ev.key === 'ArrowRight' || ev.key === 'PageDown';
      if (next && !inField && !ev.defaultPrevented && demoNextStop()) {
        ev.preventDefault();
        return;
      }
      if ((ev.key === ' ' || ev.key === 'PageDown') && !inField) {
        ev.preventDefault();
        playBtn.click();
        return;
      }
      if (ev.key === 'PageUp' && !inField) {
        ev.preventDefault();
        if (!playing) void stepWeeks(1);
        return;
      }
      if (/^[1-9]$/.test(ev.key) && info && !inField) {
        const type = info.macroTypes[Number(ev.key) - 1];
        if (type) {
          ev.preventDefault();
          void fire(type);
        }
        return;
      }
      if (ev.key === 'Escape' && selected === null) {
        ev.preventDefault();
        setPresenting(false);
        return;
      }
    }
    if (ev.key === 'Escape' && selected !== null) {
      ev.preventDefault();
      deselect();
    }
  };
  document.addEventListener('keydown', onKey);

  playBtn.addEventListener('click', () => {
    if (!playing && status.dataset.running === 'true') return; // still stopping
    if (!playing && ended() && info) {
      notice(tf('exploreAtEnd', { w: info.weeks }));
      return;
    }
    noticeBox.replaceChildren();
    setPlaying(!playing);
    if (playing) void loop();
  });
  stepBtn.addEventListener('click', () => void stepWeeks(1));
  restartBtn.addEventListener('click', () => void restart());
  /** The chosen scenario's own population size and run length into the inputs. */
  function scenarioSize(): void {
    try {
      const d = resolvedByName(scenarioSel.value);
      agentsIn.value = String(d.agents);
      weeksIn.value = String(d.weeks);
    } catch (err) {
      errorBox.replaceChildren(h('div', { class: 'error' }, (err as Error).message));
    }
  }
  demoBtn.addEventListener('click', () => void startDemo());
  modeBtn.addEventListener('click', () => {
    peopleMode = peopleMode === 'grid' ? 'network' : 'grid';
    modeBtn.setAttribute('aria-pressed', String(peopleMode === 'network'));
    modeBtn.textContent = peopleMode === 'grid' ? t('peopleNetwork') : t('peopleGrid');
    void serial(async () => {
      if (info) await fetchView();
    });
  });
  scenarioSel.addEventListener('change', () => {
    linkBox.replaceChildren();
    showDemoButton();
    scenarioSize();
    showAbout();
    void restart();
  });
  canvas.addEventListener('click', (ev) => {
    const id = pick(ev);
    if (id !== null) void select(id);
  });
  canvas.addEventListener('keydown', (ev) => {
    // Keyboard: Enter selects the first person in the highest phase shown; with someone
    // selected, the arrow keys follow their ties (as a click on a tie does), Escape deselects.
    if ((ev.key === 'ArrowRight' || ev.key === 'ArrowLeft') && ego && ego.ids.length > 0) {
      ev.preventDefault();
      const step = ev.key === 'ArrowRight' ? 1 : -1;
      tieCursor = (tieCursor + step + ego.ids.length) % ego.ids.length;
      void select(ego.ids[tieCursor]);
      return;
    }
    if (ev.key !== 'Enter' || !sample) return;
    let best = -1;
    for (let i = 0; i < sample.ids.length; i++) if (best < 0 || sample.phase[i] > sample.phase[best]) best = i;
    if (best >= 0) void select(sample.ids[best]);
  });

  if (!prev) scenarioSize();
  showAbout();
  showDemoButton();
  routePanel.clear();
  markAll();
  requestAnimationFrame(frame);
  if (prev) void resume(prev);
  else void restart();
  return () => {
    const wasPlaying = playing;
    alive = false;
    playing = false;
    resizeObserver.disconnect();
    document.removeEventListener('keydown', onKey);
    document.removeEventListener('fullscreenchange', onFullscreen);
    if (presenting) setPresenting(false);
    previous = {
      scenario: scenarioSel.value,
      agents: agentsIn.value,
      weeks: weeksIn.value,
      speed: speedIn.value,
      ablation: { ...ablation },
      playing: wasPlaying,
      peopleMode,
      busy: () => busy,
      state: () => ({ info, week, fired, macroLog, sample, selected, ego, route, series, wave, demo }),
    };
  };

  /** Takes over the run the view left, once its last call has answered; plays on if it was playing. */
  async function resume(p: Session): Promise<void> {
    busy = p.busy().catch(() => {});
    await serial(async () => {
      const k = p.state();
      if (!k.info) return;
      ({ info, week, fired, macroLog, sample, selected, ego, route, series, wave, demo } = k);
      showDemoStop();
      status.dataset.fired = String(fired.length);
      canvas.dataset.selected = selected === null ? '' : String(selected);
      showInfo();
      markAll();
      await fetchView();
    });
    if (!info) return void restart();
    if (p.playing && !ended()) {
      setPlaying(true);
      void loop();
    }
  }
}
