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
 */
import { wrap, type Remote } from 'comlink';
import * as d3 from 'd3';
import { LAYERS } from '../sim/domain.ts';
import type { AgentSample, EgoNetwork, HostInfo, MacroLogEntry } from '../sim/api/types.ts';
import type { Route, RouteEvent } from '../sim/run/routes.ts';
import './explore.css';
import { getLang, t, type Key } from './i18n.ts';
import { describeRouteEvent } from './routeText.ts';
import { availableScenarios, resolvedByName } from './scenarios.ts';
import { h, PHASE_COLORS } from './util.ts';
import type { WebHost } from './worker.ts';

const COLUMNS = ['phase_0', 'phase_1', 'phase_2', 'phase_3', 'threat', 'macro_events'];
const ABLATION = ['pathology', 'needs', 'microTriggers', 'mesoTriggers', 'macroTriggers', 'socialInfluence', 'groups'];
const MAX_DRAWN = 5000;
/** Contacts of contacts drawn around a selected person (only those in a phase). */
const SECOND_CAP = 120;
/** Weeks during which the people who moved up after a fired trigger stay ringed. */
const WAVE_WEEKS = 26;
/** Tie styles by layer (LAYERS order): colour-blind-safe colours not used for phases, and a dash each. */
const LAYER_STYLE: { color: string; dash: number[] }[] = [
  { color: '#000000', dash: [] },
  { color: '#CC79A7', dash: [7, 3] },
  { color: '#009E73', dash: [2, 3] },
  { color: '#56B4E9', dash: [9, 3, 2, 3] },
];
const RING = [30, 56, 82, 108];
/** PHASE_COLORS as little-endian RGBA words for ImageData. */
const rgba = (hex: string) => (0xff << 24) | (parseInt(hex.slice(5, 7), 16) << 16) | (parseInt(hex.slice(3, 5), 16) << 8) | parseInt(hex.slice(1, 3), 16);
const PHASE_RGBA = PHASE_COLORS.map(rgba);
const WHITE = rgba('#ffffff');
const SECOND_RING = 128;

export function newWorker(): { api: Remote<WebHost>; worker: Worker } {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  return { api: wrap<WebHost>(worker), worker };
}

let shared: ReturnType<typeof newWorker> | null = null;

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

const fill = (s: string, vars: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
const macroLabel = (type: string) => {
  const k = `macro_${type}` as Key;
  const s = t(k);
  return s === undefined ? type : s;
};

export function exploreView(root: HTMLElement, initial = 'baseline'): () => void {
  shared ??= newWorker();
  const api = shared.api;
  let info: HostInfo | null = null;
  let playing = false;
  let alive = true;
  let busy: Promise<unknown> = Promise.resolve();
  let week = 0;
  /** Triggers fired here: the week they were fired (they act the week after). Kept for the replay. */
  let fired: { week: number; type: string; at: number }[] = [];
  let macroLog: MacroLogEntry[] = [];
  let sample: AgentSample | null = null;
  let pixels: ImageData | null = null;
  let layout: { x: Float32Array; y: Float32Array; cell: number; key: string } | null = null;
  let selected: number | null = null;
  let ego: EgoNetwork | null = null;
  let route: Route | null = null;
  let series: number[][] = COLUMNS.map(() => []);
  let wave: { week: number; type: string; counts: number[]; phase: Uint8Array } | null = null;
  const dirty = { status: false, chart: false, people: false, route: false, log: false };

  const names = availableScenarios();
  const scenarioSel = h('select', { id: 'scenario', 'aria-label': t('scenario') }, ...names.map((n) => h('option', { value: n }, n)));
  const agentsIn = h('input', { id: 'agents', type: 'number', min: 100, max: 200000, step: 100, value: '20000', style: 'width:7em' });
  const weeksIn = h('input', { id: 'weeks', type: 'number', min: 1, max: 2000, value: '520', style: 'width:5em' });
  const playBtn = h('button', { id: 'play', type: 'button' }, t('play'));
  const stepBtn = h('button', { id: 'step', type: 'button' }, t('step'));
  const restartBtn = h('button', { id: 'restart', type: 'button' }, t('restart'));
  const speedIn = h('input', { id: 'speed', type: 'range', min: 1, max: 26, value: '4', 'aria-label': t('speed') });
  const status = h('div', { id: 'status', class: 'counts', role: 'status', 'aria-live': 'polite' });
  const waveBox = h('div', { id: 'wave', class: 'wave', hidden: true });
  const question = h('p', { id: 'question' });
  const macroBox = h('div', { class: 'controls', id: 'macros' });
  const logBox = h('ol', { id: 'macro-log', class: 'macro-log', reversed: true });
  const ablationBox = h('div', { class: 'controls', id: 'ablation' });
  const chart = h('div', { id: 'chart' });
  const canvas = h('canvas', { id: 'people', width: 560, height: 360, tabindex: 0, 'aria-label': t('people'), 'aria-describedby': 'ego-info' });
  const egoInfo = h('p', { id: 'ego-info', class: 'ego-info', 'aria-live': 'polite' });
  const egoLegend = h('div', { id: 'ego-legend', class: 'legend ego-legend', hidden: true },
    ...LAYERS.map((_, l) => h('span', {}, layerSwatch(l), t(`exploreLayer${l}` as Key))),
    h('span', {}, h('i', { class: 'second-dot' }), t('exploreSecond')));
  const routeBox = h('div', { id: 'route', class: 'route panel explore-route', 'aria-live': 'polite' });
  const errorBox = h('div', { id: 'explore-error', role: 'alert' });
  const ablation: Record<string, boolean> = Object.fromEntries(ABLATION.map((k) => [k, true]));

  if (names.includes(initial)) scenarioSel.value = initial;
  else {
    scenarioSel.value = 'baseline';
    if (initial !== 'baseline') errorBox.replaceChildren(h('div', { class: 'error' }, fill(t('exploreUnknownScenario'), { s: initial })));
  }

  for (const k of ABLATION) {
    const cb = h('input', { type: 'checkbox', id: `abl-${k}`, checked: true });
    cb.addEventListener('change', () => {
      ablation[k] = cb.checked;
      void restart();
    });
    ablationBox.append(h('label', {}, cb, ` ${k}`));
  }

  root.replaceChildren(
    h('div', { class: 'panel controls' },
      h('label', {}, `${t('scenario')} `, scenarioSel),
      h('label', {}, `${t('agents')} `, agentsIn),
      h('label', {}, `${t('weeks')} `, weeksIn),
      restartBtn, playBtn, stepBtn,
      h('label', {}, `${t('speed')} `, speedIn),
    ),
    question,
    errorBox,
    h('div', { class: 'panel explore-macros' },
      h('div', {}, h('strong', {}, t('macro')), ' ', macroBox),
      h('details', { class: 'macro-log-box', open: true }, h('summary', {}, t('exploreMacroLog')), logBox),
      h('strong', {}, t('ablation')), ablationBox),
    h('div', { class: 'row' },
      h('div', { class: 'panel chart-panel' }, status, waveBox, legend(), chart),
      h('div', { class: 'panel' }, h('div', {}, t('people')), canvas, egoInfo, egoLegend),
      routeBox,
    ),
  );

  function legend(): HTMLElement {
    return h('div', { class: 'legend' }, ...[1, 2, 3].map((p) => h('span', {}, h('i', { style: `background:${PHASE_COLORS[p]}` }), t(`phase${p}` as 'phase1'))),
      h('span', {}, `(${t('phase0')}: ↑)`));
  }

  function layerSwatch(l: number): SVGSVGElement {
    const svg = d3.create('svg').attr('width', 28).attr('height', 8).attr('aria-hidden', 'true');
    svg.append('line').attr('x1', 0).attr('x2', 28).attr('y1', 4).attr('y2', 4).attr('stroke', LAYER_STYLE[l].color).attr('stroke-width', 2)
      .attr('stroke-dasharray', LAYER_STYLE[l].dash.join(' ') || null);
    return svg.node()!;
  }

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
    const p = busy.then(fn);
    busy = p.catch(() => {});
    return p;
  }

  function setPlaying(on: boolean): void {
    playing = on;
    playBtn.textContent = on ? t('pause') : t('play');
  }

  function markAll(): void {
    for (const k of Object.keys(dirty) as (keyof typeof dirty)[]) dirty[k] = true;
  }

  async function restart(): Promise<void> {
    setPlaying(false);
    await serial(async () => {
      errorBox.replaceChildren();
      fired = [];
      wave = null;
      deselectNow();
      try {
        info = await api.start(scenarioData([]), `${scenarioSel.value}.json`);
      } catch (err) {
        info = null;
        errorBox.replaceChildren(h('div', { class: 'error' }, (err as Error).message));
        return;
      }
      question.textContent = info.question;
      macroBox.replaceChildren(
        ...info.macroTypes.map((m) => h('button', { type: 'button', 'data-macro': m, title: m, onclick: () => void fire(m) }, macroLabel(m))),
      );
      series = COLUMNS.map(() => []);
      sample = null;
      layout = null;
      chartParts = null;
      await fetchView();
    });
  }

  /** Everything the view draws, in one round of messages (the worker answers them in order). */
  async function fetchView(): Promise<void> {
    const sel = selected;
    const [s, smp, st, eg, rt] = await Promise.all([
      api.series(COLUMNS, series[0].length),
      api.agentSample(MAX_DRAWN),
      api.state(),
      sel !== null ? api.egoNetwork(sel, { secondDegree: SECOND_CAP, secondMinPhase: 1 }) : null,
      sel !== null ? api.routes([sel]) : null,
    ]);
    s.values.forEach((v, c) => {
      for (const x of v) series[c].push(x);
    });
    week = st.week;
    sample = smp;
    if (macroLog.length !== st.macroLog.length || macroLog.some((e, k) => e.status !== st.macroLog[k].status)) dirty.log = true;
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
      await api.fireMacro(type, 1);
      fired.push({ week, type, at: performance.now() });
      status.dataset.fired = String(fired.length);
      const last = series.map((s) => s[s.length - 1] ?? 0);
      wave = { week, type, counts: last.slice(0, 4), phase: sample ? sample.phase.slice() : new Uint8Array(0) };
      macroLog = (await api.state()).macroLog;
      dirty.log = dirty.status = dirty.chart = dirty.people = true;
    });
  }

  async function stepWeeks(n: number): Promise<void> {
    await serial(async () => {
      if (!info) return;
      await api.step(n);
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

  async function loop(): Promise<void> {
    status.dataset.running = 'true';
    while (playing && alive) {
      const t0 = performance.now();
      await stepWeeks(Number(speedIn.value));
      if (!info || week >= info.weeks) setPlaying(false);
      // A batch per frame at most: the speed is in weeks per frame, and a small population does
      // not outrun the drawing. A batch that took longer than a frame (a large population) is
      // followed at once by the next, so the worker is never idle.
      if (performance.now() - t0 < 16) await nextFrame();
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

  function drawStatus(): void {
    dirty.status = false;
    const c = counts();
    status.dataset.week = String(week);
    status.textContent = `${t('week')} ${week}${info ? ` / ${info.weeks}` : ''} · ${t('phase0')}: ${c[0]} · ${t('phase1')}: ${c[1]} · ${t('phase2')}: ${c[2]} · ${t('phase3')}: ${c[3]}`;
    for (let p = 0; p < 4; p++) status.dataset[`phase${p}`] = String(c[p]);
    const threat = series[4][series[4].length - 1] ?? 0;
    status.dataset.threat = String(threat);
    status.dataset.macroEvents = String(series[5].reduce((a, b) => a + b, 0));
    status.append(` · ${t('threatField')} ${threat.toFixed(2)}`);
    drawWave(c);
  }

  /** The change in the counts since the last fired trigger, and how many shown people moved up. */
  function drawWave(c: number[]): void {
    if (!wave) {
      waveBox.hidden = true;
      return;
    }
    waveBox.hidden = false;
    const d = [1, 2, 3].map((p) => c[p] - wave!.counts[p]);
    const rose = risen().size;
    const sign = (x: number) => (x > 0 ? `+${x}` : String(x));
    waveBox.dataset.week = String(wave.week);
    waveBox.dataset.rose = String(rose);
    waveBox.dataset.change = d.join(',');
    waveBox.replaceChildren(
      h('strong', {}, `${fill(t('exploreWave'), { type: macroLabel(wave.type), w: wave.week })}: `),
      ...[1, 2, 3].map((p) => h('span', { class: 'wave-delta' }, h('i', { style: `background:${PHASE_COLORS[p]}` }), `${t(`phase${p}` as 'phase1')} ${sign(d[p - 1])}`)),
      h('span', {}, ` · ${rose} ${t('exploreRose')}`),
    );
  }

  /** Sample indices of people in a higher phase than when the last trigger was fired (for WAVE_WEEKS weeks). */
  function risen(): Set<number> {
    const out = new Set<number>();
    if (!wave || !sample || week - wave.week > WAVE_WEEKS || wave.phase.length !== sample.phase.length) return out;
    for (let i = 0; i < sample.phase.length; i++) if (sample.phase[i] > wave.phase[i]) out.add(i);
    return out;
  }

  function drawLog(): void {
    dirty.log = false;
    logBox.dataset.count = String(macroLog.length);
    logBox.dataset.fired = String(macroLog.filter((e) => e.source === 'fired').length);
    if (!macroLog.length) {
      logBox.replaceChildren(h('li', { class: 'empty' }, t('exploreNoMacro')));
      return;
    }
    const items = [...macroLog].sort((a, b) => b.week - a.week);
    logBox.replaceChildren(...items.slice(0, 40).map((e) =>
      h('li', { 'data-source': e.source, 'data-status': e.status, 'data-type': e.type, 'data-week': e.week },
        `${t('week')} ${e.week} · ${macroLabel(e.type)}${e.ideology ? ` (${e.ideology})` : ''} · ${t('exploreStrength')} ${e.strength} · ${t(`exploreSrc_${e.source}` as Key)}${e.status === 'pending' ? ` · ${t('explorePending')}` : ''}`)));
  }

  let chartParts: {
    svg: d3.Selection<SVGSVGElement, undefined, null, undefined>;
    x: d3.ScaleLinear<number, number>;
    yAxis: d3.Selection<SVGGElement, undefined, null, undefined>;
    lines: d3.Selection<SVGPathElement, undefined, null, undefined>[];
    marks: d3.Selection<SVGGElement, undefined, null, undefined>;
  } | null = null;
  const CW = 560, CH = 300, CM = { l: 50, r: 10, t: 14, b: 30 };

  function drawChart(): void {
    dirty.chart = false;
    if (!chartParts) {
      const x = d3.scaleLinear().domain([0, Math.max(info?.weeks ?? 52, 1)]).range([CM.l, CW - CM.r]);
      const svg = d3.create('svg').attr('width', CW).attr('height', CH).attr('role', 'img').attr('aria-label', 'phase counts by week');
      svg.append('g').attr('transform', `translate(0,${CH - CM.b})`).call(d3.axisBottom(x).ticks(8));
      const yAxis = svg.append('g').attr('transform', `translate(${CM.l},0)`);
      svg.append('text').attr('x', CW - CM.r).attr('y', CH - 2).attr('text-anchor', 'end').attr('font-size', 11).text(t('week'));
      const marks = svg.append('g').attr('class', 'macro-marks');
      const lines = [1, 2, 3].map((p) => svg.append('path').attr('fill', 'none').attr('stroke', PHASE_COLORS[p]).attr('stroke-width', 2).attr('class', `line-phase${p}`));
      chartParts = { svg, x, yAxis, lines, marks };
      chart.replaceChildren(svg.node()!);
    }
    const { x, yAxis, lines, marks } = chartParts;
    const ymax = Math.max(5, ...[1, 2, 3].map((p) => d3.max(series[p]) ?? 0));
    const y = d3.scaleLinear().domain([0, ymax * 1.1]).nice().range([CH - CM.b, CM.t]);
    if (yAxis.attr('data-top') !== String(y.domain()[1])) yAxis.attr('data-top', String(y.domain()[1])).call(d3.axisLeft(y).ticks(6));
    const line = d3.line<number>().x((_, i) => x(i)).y((v) => y(v));
    lines.forEach((l, k) => l.attr('d', line(series[k + 1]) ?? ''));
    // Model macro events (scheduled, by chance, after incidents): small ticks on the axis.
    const other = macroLog.filter((e) => e.source !== 'fired' && e.status === 'done');
    marks.selectAll('path.macro-tick').data(other).join('path').attr('class', 'macro-tick')
      .attr('d', (e) => `M${x(e.week)},${CH - CM.b} l-4,7 h8 z`).attr('fill', '#777')
      .selectAll('title').data((e) => [e]).join('title').text((e) => `${t('week')} ${e.week}: ${macroLabel(e.type)} (${t(`exploreSrc_${e.source}` as Key)})`);
    // Fired triggers: a dashed line at the firing week; the newest pulses for a few seconds.
    const now = performance.now();
    const g = marks.selectAll<SVGGElement, (typeof fired)[number]>('g.fired').data(fired).join((enter) => {
      const e = enter.append('g').attr('class', 'fired');
      e.append('line').attr('stroke', '#CC79A7').attr('stroke-width', 2).attr('stroke-dasharray', '4 3');
      e.append('text').attr('font-size', 10).attr('fill', '#8a3a6b').attr('text-anchor', 'middle');
      return e;
    });
    g.classed('fresh', (f) => now - f.at < 4000);
    g.select('line').attr('x1', (f) => x(f.week)).attr('x2', (f) => x(f.week)).attr('y1', CM.t).attr('y2', CH - CM.b);
    g.select('text').attr('x', (f) => x(f.week)).attr('y', CM.t - 3).text((f) => macroLabel(f.type));
  }

  /** Layout: a grid per region, side by side; cheap and stable. */
  function positions(): { x: Float32Array; y: Float32Array; cell: number } {
    const s = sample!;
    const key = `${s.n}/${s.stride}/${s.regions.length}`;
    if (layout && layout.key === key) return layout;
    const R = s.regions.length || 1;
    const W = canvas.width, H = canvas.height;
    const colW = W / R;
    const counts = new Array(R).fill(0);
    for (const r of s.region) counts[r]++;
    const cell = Math.max(2, Math.floor(Math.sqrt((colW * (H - 18)) / Math.max(1, Math.max(...counts)))));
    const perRow = Math.max(1, Math.floor((colW - 4) / cell));
    const x = new Float32Array(s.ids.length), y = new Float32Array(s.ids.length);
    const k = new Array(R).fill(0);
    for (let i = 0; i < s.ids.length; i++) {
      const r = s.region[i];
      const j = k[r]++;
      x[i] = r * colW + 2 + (j % perRow) * cell;
      y[i] = 16 + Math.floor(j / perRow) * cell;
    }
    layout = { x, y, cell, key };
    return layout;
  }

  /** Where person `id` is on the grid (the sampled person next to them in the numbering). */
  function spot(id: number): [number, number] {
    const { x, y, cell } = positions();
    const q = Math.min(sample!.ids.length - 1, Math.floor(id / sample!.stride));
    return [x[q] + cell / 2, y[q] + cell / 2];
  }

  /** Positions of the selected person and their ties on the canvas (rings by layer). */
  function egoLayout(): { cx: number; cy: number; nx: Float32Array; ny: Float32Array; sx: Float32Array; sy: Float32Array } | null {
    if (!ego || !sample || ego.id !== selected) return null;
    let [cx, cy] = spot(ego.id);
    const m = SECOND_RING + 8;
    cx = Math.min(Math.max(cx, m), canvas.width - m);
    cy = Math.min(Math.max(cy, m), canvas.height - m);
    const d = ego.ids.length;
    const nx = new Float32Array(d), ny = new Float32Array(d);
    const angle = new Float32Array(d);
    for (let l = 0; l < 4; l++) {
      const members: number[] = [];
      for (let k = 0; k < d; k++) if (ego.layer[k] === l) members.push(k);
      const off = l * 0.7;
      members.forEach((k, j) => {
        const a = off + (2 * Math.PI * j) / members.length;
        angle[k] = a;
        nx[k] = cx + RING[l] * Math.cos(a);
        ny[k] = cy + RING[l] * Math.sin(a);
      });
    }
    const sec = ego.second;
    const ns = sec ? sec.ids.length : 0;
    const sx = new Float32Array(ns), sy = new Float32Array(ns);
    const perVia = new Map<number, number>();
    for (let k = 0; k < ns; k++) {
      const v = sec!.via[k];
      const j = perVia.get(v) ?? 0;
      perVia.set(v, j + 1);
      const a = angle[v] + (j % 2 ? 1 : -1) * 0.06 * Math.ceil(j / 2);
      const r = SECOND_RING + (j % 3) * 5;
      sx[k] = cx + r * Math.cos(a);
      sy[k] = cy + r * Math.sin(a);
    }
    return { cx, cy, nx, ny, sx, sy };
  }

  function drawPeople(): void {
    dirty.people = false;
    const ctx = canvas.getContext('2d');
    if (!ctx || !sample) return;
    const { x, y, cell } = positions();
    ctx.setLineDash([]);
    // The grid is written as pixels (one ImageData, no canvas call per person): cheap at 5,000 people.
    const W = canvas.width, H = canvas.height;
    if (!pixels || pixels.width !== W || pixels.height !== H) pixels = ctx.createImageData(W, H);
    const buf = new Uint32Array(pixels.data.buffer);
    buf.fill(WHITE);
    const sz = Math.max(1, cell - 1);
    const ph = sample.phase;
    for (const p of [0, 1, 2, 3]) {
      const c = PHASE_RGBA[p];
      const big = p > 0 ? 1 : 0;
      const side = sz + 2 * big;
      for (let i = 0; i < ph.length; i++) {
        if (ph[i] !== p) continue;
        const x0 = Math.max(0, Math.round(x[i]) - big), y0 = Math.max(0, Math.round(y[i]) - big);
        const x1 = Math.min(W, x0 + side), y1 = Math.min(H, y0 + side);
        for (let yy = y0; yy < y1; yy++) {
          const o = yy * W;
          for (let xx = x0; xx < x1; xx++) buf[o + xx] = c; // faster than buf.fill for short runs
        }
      }
    }
    ctx.putImageData(pixels, 0, 0);
    ctx.fillStyle = '#333';
    ctx.font = '11px sans-serif';
    sample.regions.forEach((r, i) => ctx.fillText(r, i * (W / sample!.regions.length) + 2, 11));
    // The wave: people shown who moved up a phase since the last fired trigger.
    const up = risen();
    if (up.size) {
      ctx.strokeStyle = '#000';
      ctx.lineWidth = 1;
      ctx.beginPath();
      for (const i of up) {
        ctx.moveTo(x[i] + sz / 2 + 4, y[i] + sz / 2);
        ctx.arc(x[i] + sz / 2, y[i] + sz / 2, 4, 0, 2 * Math.PI);
      }
      ctx.stroke();
    }
    drawEgo(ctx);
  }

  function drawEgo(ctx: CanvasRenderingContext2D): void {
    const L = egoLayout();
    canvas.dataset.selected = selected === null ? '' : String(selected);
    if (!L || !ego) {
      canvas.dataset.egoTies = '0';
      canvas.dataset.egoDrawn = '0';
      canvas.dataset.egoSecond = '0';
      egoLegend.hidden = true;
      egoInfo.textContent = '';
      return;
    }
    const { cx, cy, nx, ny, sx, sy } = L;
    // A white wash under the ego network, so it stands out of the grid.
    ctx.fillStyle = 'rgba(255,255,255,0.82)';
    ctx.beginPath();
    ctx.arc(cx, cy, SECOND_RING + 10, 0, 2 * Math.PI);
    ctx.fill();
    const sec = ego.second;
    if (sec) {
      ctx.strokeStyle = 'rgba(0,0,0,0.25)';
      ctx.lineWidth = 0.7;
      ctx.setLineDash([]);
      ctx.beginPath();
      for (let k = 0; k < sec.ids.length; k++) {
        ctx.moveTo(nx[sec.via[k]], ny[sec.via[k]]);
        ctx.lineTo(sx[k], sy[k]);
      }
      ctx.stroke();
    }
    for (let l = 0; l < 4; l++) {
      ctx.strokeStyle = LAYER_STYLE[l].color;
      ctx.setLineDash(LAYER_STYLE[l].dash);
      ctx.lineWidth = 1.6;
      ctx.beginPath();
      for (let k = 0; k < ego.ids.length; k++) {
        if (ego.layer[k] !== l) continue;
        ctx.moveTo(cx, cy);
        ctx.lineTo(nx[k], ny[k]);
      }
      ctx.stroke();
    }
    ctx.setLineDash([]);
    if (sec) {
      for (let k = 0; k < sec.ids.length; k++) {
        ctx.fillStyle = PHASE_COLORS[sec.phases[k]];
        ctx.beginPath();
        ctx.arc(sx[k], sy[k], 2.5, 0, 2 * Math.PI);
        ctx.fill();
      }
    }
    ctx.strokeStyle = '#222';
    ctx.lineWidth = 1;
    for (let k = 0; k < ego.ids.length; k++) {
      ctx.fillStyle = PHASE_COLORS[ego.phases[k]];
      ctx.beginPath();
      ctx.arc(nx[k], ny[k], 5, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    }
    ctx.fillStyle = PHASE_COLORS[ego.phase];
    ctx.strokeStyle = '#000';
    ctx.lineWidth = 3;
    ctx.beginPath();
    ctx.arc(cx, cy, 8, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = '#000';
    ctx.font = 'bold 11px sans-serif';
    ctx.fillText(`#${ego.id}`, cx + 11, cy - 9);
    const active = ego.phases.reduce((a, p) => a + (p > 0 ? 1 : 0), 0);
    canvas.dataset.egoTies = String(ego.ids.length);
    canvas.dataset.egoDrawn = String(ego.ids.length);
    canvas.dataset.egoActive = String(active);
    canvas.dataset.egoSecond = String(sec?.ids.length ?? 0);
    canvas.dataset.egoLayers = LAYERS.map((_, l) => ego!.layer.reduce((a, x) => a + (x === l ? 1 : 0), 0)).join(',');
    egoLegend.hidden = false;
    egoInfo.textContent = fill(t('exploreNetwork'), { id: ego.id, n: ego.ids.length, a: active, s: sec ? sec.total : 0 });
  }

  function pick(ev: MouseEvent): number | null {
    if (!sample) return null;
    const rect = canvas.getBoundingClientRect();
    const px = ((ev.clientX - rect.left) * canvas.width) / rect.width;
    const py = ((ev.clientY - rect.top) * canvas.height) / rect.height;
    // A tie or a contact of a contact of the selected person: follow the network.
    const L = egoLayout();
    if (L && ego) {
      for (let k = 0; k < ego.ids.length; k++) if ((L.nx[k] - px) ** 2 + (L.ny[k] - py) ** 2 <= 49) return ego.ids[k];
      const sec = ego.second;
      if (sec) for (let k = 0; k < sec.ids.length; k++) if ((L.sx[k] - px) ** 2 + (L.sy[k] - py) ** 2 <= 16) return sec.ids[k];
      if ((L.cx - px) ** 2 + (L.cy - py) ** 2 <= 100) return ego.id;
    }
    const { x, y, cell } = positions();
    let best = -1, bd = Infinity;
    for (let i = 0; i < sample.ids.length; i++) {
      const d = (x[i] + cell / 2 - px) ** 2 + (y[i] + cell / 2 - py) ** 2;
      // Prefer people in a phase when clicks are close: they have the interesting routes.
      const dd = sample.phase[i] > 0 ? d / 4 : d;
      if (dd < bd) (bd = dd), (best = i);
    }
    return best >= 0 ? sample.ids[best] : null;
  }

  /** Selects a person: their route is recorded from now on (no replay) and their ties drawn. */
  async function select(id: number): Promise<void> {
    selected = id;
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
    routeView = null;
    ego = null;
    route = null;
    delete routeBox.dataset.id;
    routeBox.replaceChildren(h('p', {}, `${t('route')}: —`));
    dirty.people = true;
  }

  /** The older way: rerun from the start with the person traced, to the same week and with the same fired triggers. */
  async function replay(id: number): Promise<void> {
    setPlaying(false);
    selected = id;
    routeView = null;
    routeBox.replaceChildren(h('p', { id: 'tracing' }, t('tracing')));
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

  /** The route panel of the selected person: built once per person, then updated in place. */
  let routeView: { id: number; since: number; profile: HTMLElement; timeline: HTMLElement; list: HTMLElement; shown: number; drawnAt: number; drawnWeek: number } | null = null;

  function drawRoute(): void {
    dirty.route = false;
    if (selected === null) return;
    const r = route;
    if (!r) {
      routeView = null;
      if (!routeBox.querySelector('#tracing')) routeBox.replaceChildren(h('p', {}, `${t('route')}: #${selected} …`));
      return;
    }
    if (!routeView || routeView.id !== r.id || routeView.since !== r.since) {
      const since = r.since > 0
        ? fill(t('exploreSince'), { w: r.since, p: t(`phase${r.start.phase}` as 'phase1'), n: r.start.weeksInPhase })
        : t('exploreSinceStart');
      routeBox.dataset.id = String(r.id);
      routeBox.dataset.since = String(r.since);
      const replayBtn = h('button', { type: 'button', id: 'replay', class: 'secondary', onclick: () => void replay(r.id) }, t('exploreReplay'));
      routeView = {
        id: r.id,
        since: r.since,
        profile: h('p', { class: 'profile' }),
        timeline: h('div', { class: 'timeline' }),
        list: h('p', { id: 'route-events' }, t('noEvents')),
        shown: 0,
        drawnAt: 0,
        drawnWeek: -1,
      };
      routeBox.replaceChildren(
        h('div', { class: 'route-head' },
          h('h3', {}, `${t('route')}: #${r.id}`),
          h('button', { type: 'button', id: 'deselect', onclick: () => deselect() }, t('exploreDeselect'))),
        routeView.profile,
        h('p', { class: 'since', id: 'route-since' }, since, ' ', r.since > 0 ? replayBtn : ''),
        h('div', { class: 'timeline-title' }, t('exploreTimeline')),
        routeView.timeline,
        routeView.list,
      );
    }
    const v = routeView;
    const prof = Object.entries(r.profile).map(([k, x]) => `${k}: ${x}`).join(', ');
    if (v.profile.textContent !== prof) v.profile.textContent = prof;
    const fresh = r.events.length !== v.shown;
    if (fresh) {
      if (v.shown === 0 || r.events.length < v.shown) {
        const list = h('ol', { id: 'route-events' });
        v.list.replaceWith(list);
        v.list = list;
        v.shown = 0;
      }
      v.list.append(...r.events.slice(v.shown).map((e) => h('li', { class: e.kind === 'phase' ? 'phase-change' : '', 'data-kind': e.kind }, describe(e))));
      v.shown = r.events.length;
    }
    // The timeline grows with the week: redrawn when events arrive, else at most twice a second while playing.
    const now = performance.now();
    if (fresh || v.drawnWeek < 0 || (week !== v.drawnWeek && (!playing || now - v.drawnAt > 500))) {
      v.timeline.replaceChildren(timeline(r));
      v.drawnAt = now;
      v.drawnWeek = week;
    } else if (week !== v.drawnWeek) dirty.route = true;
  }

  /** The route as a strip of phase by week, with the events in rows below it and macro events across. */
  function timeline(r: Route): SVGSVGElement {
    const W = 530, left = 124, right = 10, top = 16, stripH = 16;
    const rows: { key: Key; kinds: RouteEvent['kind'][] }[] = [
      { key: 'exploreRowTriggers', kinds: ['trigger'] },
      { key: 'exploreRowGroup', kinds: ['group'] },
      { key: 'exploreRowPractice', kinds: ['signal', 'triage', 'case'] },
      { key: 'exploreRowInterventions', kinds: ['intervention'] },
      { key: 'exploreRowOther', kinds: ['incident', 'arrest', 'release', 'renewed'] },
    ];
    const rowH = 14, rowTop = top + stripH + 8;
    const H = rowTop + rows.length * rowH + 22;
    const end = Math.max(week, r.since + 1, 1);
    const x = d3.scaleLinear().domain([0, end]).range([left, W - right]);
    const svg = d3.create('svg').attr('width', W).attr('height', H).attr('id', 'route-timeline').attr('role', 'img')
      .attr('aria-label', t('exploreTimeline'));
    const defs = svg.append('defs');
    defs.append('pattern').attr('id', 'hatch').attr('width', 6).attr('height', 6).attr('patternUnits', 'userSpaceOnUse').attr('patternTransform', 'rotate(45)')
      .append('line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 6).attr('stroke', '#bbb').attr('stroke-width', 2);
    // Phase segments: known from the route after `since`; before, the phase at `since` for the weeks it had lasted, else not recorded.
    const segs: { from: number; to: number; phase: number; known: boolean }[] = [];
    const changes = r.events.filter((e): e is Extract<RouteEvent, { kind: 'phase' }> => e.kind === 'phase');
    if (r.since > 0) {
      const began = Math.max(0, r.since - r.start.weeksInPhase);
      if (began > 0) segs.push({ from: 0, to: began, phase: -1, known: false });
      segs.push({ from: began, to: r.since, phase: r.start.phase, known: false });
    }
    let p = r.start.phase, from = r.since;
    for (const c of changes) {
      segs.push({ from, to: c.week, phase: p, known: true });
      p = c.to;
      from = c.week;
    }
    segs.push({ from, to: end, phase: p, known: true });
    svg.append('g').selectAll('rect').data(segs.filter((s) => s.to > s.from)).join('rect')
      .attr('x', (s) => x(s.from)).attr('width', (s) => Math.max(1, x(s.to) - x(s.from))).attr('y', top).attr('height', stripH)
      .attr('fill', (s) => (s.phase < 0 ? 'url(#hatch)' : PHASE_COLORS[s.phase])).attr('opacity', (s) => (s.known ? 1 : 0.45))
      .attr('class', (s) => `seg seg-phase${s.phase}`)
      .append('title').text((s) => `${t('week')} ${s.from}–${s.to}: ${s.phase < 0 ? t('exploreNotRecorded') : t(`phase${s.phase}` as 'phase1')}`);
    svg.append('text').attr('x', left - 6).attr('y', top + 12).attr('text-anchor', 'end').attr('font-size', 10).text(t('route'));
    if (r.since > 0) {
      svg.append('line').attr('x1', x(r.since)).attr('x2', x(r.since)).attr('y1', top - 4).attr('y2', H - 20).attr('stroke', '#333').attr('stroke-dasharray', '1 2');
    }
    // The weeks leading up to each phase change (8 weeks), shaded in the event rows.
    const lead = 8;
    svg.append('g').selectAll('rect').data(changes).join('rect')
      .attr('x', (c) => x(Math.max(0, c.week - lead))).attr('width', (c) => Math.max(2, x(c.week) - x(Math.max(0, c.week - lead))))
      .attr('y', rowTop - 2).attr('height', rows.length * rowH).attr('fill', '#f3e9d2');
    // Macro events reach everyone: thin lines across.
    svg.append('g').selectAll('line').data(macroLog.filter((e) => e.status === 'done' && e.week <= end)).join('line')
      .attr('x1', (e) => x(e.week)).attr('x2', (e) => x(e.week)).attr('y1', top - 6).attr('y2', H - 20)
      .attr('stroke', '#CC79A7').attr('stroke-width', 1).attr('opacity', 0.7)
      .append('title').text((e) => `${t('week')} ${e.week}: ${macroLabel(e.type)} (${t(`exploreSrc_${e.source}` as Key)})`);
    // Phase changes: a line through the strip with the move.
    const cg = svg.append('g').selectAll('g').data(changes).join('g').attr('class', 'phase-change');
    cg.append('line').attr('x1', (c) => x(c.week)).attr('x2', (c) => x(c.week)).attr('y1', top - 2).attr('y2', rowTop + rows.length * rowH)
      .attr('stroke', '#000').attr('stroke-width', 1.5);
    cg.append('text').attr('x', (c) => x(c.week)).attr('y', top - 4).attr('text-anchor', 'middle').attr('font-size', 10).text((c) => `${c.from}→${c.to}`);
    cg.append('title').text((c) => describe(c));
    // Event rows.
    rows.forEach((row, k) => {
      const yy = rowTop + k * rowH + rowH / 2;
      svg.append('text').attr('x', left - 6).attr('y', yy + 3).attr('text-anchor', 'end').attr('font-size', 9).attr('fill', '#444').text(t(row.key));
      svg.append('line').attr('x1', left).attr('x2', W - right).attr('y1', yy).attr('y2', yy).attr('stroke', '#eee');
      const evs = r.events.filter((e) => row.kinds.includes(e.kind));
      svg.append('g').attr('class', `row-${row.kinds[0]}`).selectAll('path').data(evs).join('path')
        .attr('transform', (e) => `translate(${x(e.week)},${yy})`)
        .attr('d', (e) => symbolFor(e))
        .attr('fill', (e) => colourFor(e)).attr('stroke', '#222').attr('stroke-width', 0.5)
        .append('title').text((e) => describe(e));
    });
    svg.append('g').attr('transform', `translate(0,${H - 20})`).call(d3.axisBottom(x).ticks(6).tickSizeOuter(0));
    const node = svg.node()!;
    node.dataset.events = String(r.events.length);
    node.dataset.changes = String(changes.length);
    node.dataset.since = String(r.since);
    return node;
  }

  function symbolFor(e: RouteEvent): string {
    const sym = d3.symbol().size(36);
    switch (e.kind) {
      case 'trigger':
        return sym.type(d3.symbolTriangle)() ?? '';
      case 'group':
        return sym.type(d3.symbolCircle)() ?? '';
      case 'intervention':
        return sym.type(d3.symbolDiamond)() ?? '';
      case 'signal':
      case 'triage':
      case 'case':
        return sym.type(d3.symbolSquare)() ?? '';
      default:
        return sym.type(d3.symbolCross)() ?? '';
    }
  }

  function colourFor(e: RouteEvent): string {
    if (e.kind === 'trigger') return e.direction === 'deradicalising' ? '#56B4E9' : '#D55E00';
    if (e.kind === 'signal') return e.truePositive ? '#E69F00' : '#bbb';
    if (e.kind === 'triage') return e.decision === 'dismissed' ? '#bbb' : '#0072B2';
    if (e.kind === 'intervention') return '#009E73';
    if (e.kind === 'group') return '#0072B2';
    return '#333';
  }

  const describe = (e: RouteEvent): string => describeRouteEvent(e, getLang());

  function deselect(): void {
    if (selected === null) return;
    deselectNow();
    canvas.dataset.selected = '';
    canvas.focus();
  }

  const onKey = (ev: KeyboardEvent) => {
    if (ev.key === 'Escape' && selected !== null) {
      ev.preventDefault();
      deselect();
    }
  };
  document.addEventListener('keydown', onKey);

  playBtn.addEventListener('click', () => {
    if (!playing && status.dataset.running === 'true') return; // still stopping
    setPlaying(!playing);
    if (playing) void loop();
  });
  stepBtn.addEventListener('click', () => void stepWeeks(1));
  restartBtn.addEventListener('click', () => void restart());
  scenarioSel.addEventListener('change', () => {
    try {
      const d = resolvedByName(scenarioSel.value);
      agentsIn.value = String(d.agents);
      weeksIn.value = String(d.weeks);
    } catch (err) {
      errorBox.replaceChildren(h('div', { class: 'error' }, (err as Error).message));
    }
    void restart();
  });
  canvas.addEventListener('click', (ev) => {
    const id = pick(ev);
    if (id !== null) void select(id);
  });
  canvas.addEventListener('keydown', (ev) => {
    // Keyboard: Enter selects the first person in the highest phase shown.
    if (ev.key !== 'Enter' || !sample) return;
    let best = -1;
    for (let i = 0; i < sample.ids.length; i++) if (best < 0 || sample.phase[i] > sample.phase[best]) best = i;
    if (best >= 0) void select(sample.ids[best]);
  });

  try {
    const d = resolvedByName(scenarioSel.value);
    agentsIn.value = String(d.agents);
    weeksIn.value = String(d.weeks);
  } catch (err) {
    errorBox.replaceChildren(h('div', { class: 'error' }, (err as Error).message));
  }
  routeBox.replaceChildren(h('p', {}, `${t('route')}: —`));
  markAll();
  requestAnimationFrame(frame);
  void restart();
  return () => {
    alive = false;
    playing = false;
    document.removeEventListener('keydown', onKey);
  };
}

