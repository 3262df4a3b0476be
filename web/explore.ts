/** Explore: one simulation, live, in a Web Worker. */
import { wrap, type Remote } from 'comlink';
import * as d3 from 'd3';
import type { HostInfo } from '../sim/api/types.ts';
import type { Route, RouteEvent } from '../sim/run/routes.ts';
import { t } from './i18n.ts';
import { resolvedByName, scenarioNames } from './scenarios.ts';
import { h, PHASE_COLORS } from './util.ts';
import type { AgentSample, WebHost } from './worker.ts';

const PHASES = ['phase_0', 'phase_1', 'phase_2', 'phase_3'];
const ABLATION = ['pathology', 'needs', 'microTriggers', 'mesoTriggers', 'macroTriggers', 'socialInfluence', 'groups'];
const MAX_DRAWN = 5000;

export function newWorker(): { api: Remote<WebHost>; worker: Worker } {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  return { api: wrap<WebHost>(worker), worker };
}

let shared: ReturnType<typeof newWorker> | null = null;

export function exploreView(root: HTMLElement, initial = 'baseline'): () => void {
  shared ??= newWorker();
  const api = shared.api;
  let info: HostInfo | null = null;
  let playing = false;
  let alive = true;
  let busy: Promise<unknown> = Promise.resolve();
  let week = 0;
  let fired: { week: number; type: string }[] = [];
  let sample: AgentSample | null = null;
  let selected: number | null = null;
  let series: number[][] = [[], [], [], []];
  let macroSeries: number[][] = [[], []];

  const scenarioSel = h('select', { id: 'scenario', 'aria-label': t('scenario') }, ...scenarioNames.map((n) => h('option', { value: n }, n)));
  scenarioSel.value = scenarioNames.includes(initial) ? initial : 'baseline';
  const agentsIn = h('input', { id: 'agents', type: 'number', min: 100, max: 200000, step: 100, value: '20000', style: 'width:7em' });
  const weeksIn = h('input', { id: 'weeks', type: 'number', min: 1, max: 2000, value: '520', style: 'width:5em' });
  const playBtn = h('button', { id: 'play', type: 'button' }, t('play'));
  const stepBtn = h('button', { id: 'step', type: 'button' }, t('step'));
  const restartBtn = h('button', { id: 'restart', type: 'button' }, t('restart'));
  const speedIn = h('input', { id: 'speed', type: 'range', min: 1, max: 26, value: '4', 'aria-label': t('speed') });
  const status = h('div', { id: 'status', class: 'counts', role: 'status', 'aria-live': 'polite' });
  const question = h('p', { id: 'question' });
  const macroBox = h('div', { class: 'controls', id: 'macros' });
  const ablationBox = h('div', { class: 'controls', id: 'ablation' });
  const chart = h('div', { id: 'chart' });
  const canvas = h('canvas', { id: 'people', width: 560, height: 360, tabindex: 0, 'aria-label': t('people') });
  const routeBox = h('div', { id: 'route', class: 'route panel', 'aria-live': 'polite' });
  const errorBox = h('div', { id: 'explore-error', role: 'alert' });
  const ablation: Record<string, boolean> = Object.fromEntries(ABLATION.map((k) => [k, true]));

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
    h('div', { class: 'panel' }, h('strong', {}, t('macro')), ' ', macroBox, h('strong', {}, t('ablation')), ablationBox),
    h('div', { class: 'row' },
      h('div', { class: 'panel' }, status, legend(), chart),
      h('div', { class: 'panel' }, h('div', {}, t('people')), canvas),
      routeBox,
    ),
  );

  function legend(): HTMLElement {
    return h('div', { class: 'legend' }, ...[1, 2, 3].map((p) => h('span', {}, h('i', { style: `background:${PHASE_COLORS[p]}` }), t(`phase${p}` as 'phase1'))),
      h('span', {}, `(${t('phase0')}: ↑)`));
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

  async function restart(): Promise<void> {
    playing = false;
    playBtn.textContent = t('play');
    await serial(async () => {
      errorBox.replaceChildren();
      fired = [];
      selected = null;
      routeBox.replaceChildren(h('p', {}, `${t('route')}: —`));
      try {
        info = await api.start(scenarioData([]), `${scenarioSel.value}.json`);
      } catch (err) {
        info = null;
        errorBox.replaceChildren(h('div', { class: 'error' }, (err as Error).message));
        return;
      }
      question.textContent = info.question;
      macroBox.replaceChildren(
        ...info.macroTypes.map((m) => h('button', { type: 'button', 'data-macro': m, onclick: () => void fire(m) }, m)),
      );
      await refresh();
    });
  }

  async function refresh(): Promise<void> {
    const s = await api.series([...PHASES, 'threat', 'macro_events']);
    const all = s.values.map((v) => Array.from(v));
    series = all.slice(0, 4);
    macroSeries = all.slice(4);
    week = s.weeks - 1;
    sample = await api.agentSample(MAX_DRAWN);
    draw();
  }

  async function fire(type: string): Promise<void> {
    await serial(async () => {
      await api.fireMacro(type, 1);
      fired.push({ week, type });
      status.dataset.fired = String(fired.length);
    });
  }

  async function stepWeeks(n: number): Promise<void> {
    await serial(async () => {
      if (!info) return;
      await api.step(n);
      await refresh();
    });
  }

  async function loop(): Promise<void> {
    status.dataset.running = 'true';
    while (playing && alive) {
      const t0 = performance.now();
      await stepWeeks(Number(speedIn.value));
      if (info && week >= info.weeks) {
        playing = false;
        playBtn.textContent = t('play');
      }
      const dt = performance.now() - t0;
      await new Promise((r) => setTimeout(r, Math.max(0, 60 - dt)));
    }
    await busy;
    status.dataset.running = 'false';
  }

  function draw(): void {
    const last = series[0].length - 1;
    const c = series.map((s) => s[last] ?? 0);
    status.dataset.week = String(week);
    status.textContent = `${t('week')} ${week}${info ? ` / ${info.weeks}` : ''} · ${t('phase0')}: ${c[0]} · ${t('phase1')}: ${c[1]} · ${t('phase2')}: ${c[2]} · ${t('phase3')}: ${c[3]}`;
    for (let p = 0; p < 4; p++) status.dataset[`phase${p}`] = String(c[p]);
    const threat = macroSeries[0][last] ?? 0;
    status.dataset.threat = String(threat);
    status.dataset.macroEvents = String(macroSeries[1].reduce((a, b) => a + b, 0));
    status.append(` · threat ${threat.toFixed(2)}`);
    drawChart();
    drawPeople();
  }

  function drawChart(): void {
    const W = 560, H = 300, m = { l: 50, r: 10, t: 10, b: 30 };
    const n = series[1].length;
    const x = d3.scaleLinear().domain([0, Math.max(info?.weeks ?? 52, 1)]).range([m.l, W - m.r]);
    const ymax = Math.max(5, ...[1, 2, 3].map((p) => d3.max(series[p]) ?? 0));
    const y = d3.scaleLinear().domain([0, ymax * 1.1]).nice().range([H - m.b, m.t]);
    const svg = d3.create('svg').attr('width', W).attr('height', H).attr('role', 'img').attr('aria-label', 'phase counts by week');
    svg.append('g').attr('transform', `translate(0,${H - m.b})`).call(d3.axisBottom(x).ticks(8));
    svg.append('g').attr('transform', `translate(${m.l},0)`).call(d3.axisLeft(y).ticks(6));
    svg.append('text').attr('x', W - m.r).attr('y', H - 2).attr('text-anchor', 'end').attr('font-size', 11).text(t('week'));
    const line = d3.line<number>().x((_, i) => x(i)).y((v) => y(v));
    for (const p of [1, 2, 3]) {
      svg.append('path').attr('d', line(series[p].slice(0, n)) ?? '').attr('fill', 'none').attr('stroke', PHASE_COLORS[p]).attr('stroke-width', 2).attr('class', `line-phase${p}`);
    }
    for (const f of fired) {
      svg.append('line').attr('x1', x(f.week)).attr('x2', x(f.week)).attr('y1', m.t).attr('y2', H - m.b).attr('stroke', '#CC79A7').attr('stroke-dasharray', '4 3');
    }
    chart.replaceChildren(svg.node()!);
  }

  /** Layout: a grid per region, side by side; cheap and stable. */
  function positions(): { x: Float32Array; y: Float32Array; cell: number } {
    const s = sample!;
    const R = s.regions.length || 1;
    const W = canvas.width, H = canvas.height;
    const colW = W / R;
    const counts = new Array(R).fill(0);
    for (const r of s.region) counts[r]++;
    const cell = Math.max(2, Math.floor(Math.sqrt((colW * H) / Math.max(1, Math.max(...counts)))));
    const perRow = Math.max(1, Math.floor((colW - 4) / cell));
    const x = new Float32Array(s.ids.length), y = new Float32Array(s.ids.length);
    const k = new Array(R).fill(0);
    for (let i = 0; i < s.ids.length; i++) {
      const r = s.region[i];
      const j = k[r]++;
      x[i] = r * colW + 2 + (j % perRow) * cell;
      y[i] = 16 + Math.floor(j / perRow) * cell;
    }
    return { x, y, cell };
  }

  function drawPeople(): void {
    const ctx = canvas.getContext('2d');
    if (!ctx || !sample) return;
    const { x, y, cell } = positions();
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.fillStyle = '#333';
    ctx.font = '11px sans-serif';
    sample.regions.forEach((r, i) => ctx.fillText(r, i * (canvas.width / sample!.regions.length) + 2, 11));
    const sz = Math.max(1, cell - 1);
    for (const p of [0, 1, 2, 3]) {
      ctx.fillStyle = PHASE_COLORS[p];
      const big = p > 0 ? 1 : 0;
      for (let i = 0; i < sample.ids.length; i++) if (sample.phase[i] === p) ctx.fillRect(x[i] - big, y[i] - big, sz + 2 * big, sz + 2 * big);
    }
    if (selected !== null) {
      const i = sample.ids.indexOf(selected);
      if (i >= 0) {
        ctx.strokeStyle = '#000';
        ctx.lineWidth = 2;
        ctx.strokeRect(x[i] - 3, y[i] - 3, sz + 6, sz + 6);
      }
    }
  }

  function pick(ev: MouseEvent): number | null {
    if (!sample) return null;
    const rect = canvas.getBoundingClientRect();
    const px = ((ev.clientX - rect.left) * canvas.width) / rect.width;
    const py = ((ev.clientY - rect.top) * canvas.height) / rect.height;
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

  /** Traces a person: restarts with the id traced and replays to the same week (macros too). */
  async function trace(id: number): Promise<void> {
    playing = false;
    playBtn.textContent = t('play');
    selected = id;
    routeBox.replaceChildren(h('p', { id: 'tracing' }, t('tracing')));
    await serial(async () => {
      const target = week;
      const replay = [...fired];
      await api.start(scenarioData([id]), `${scenarioSel.value}.json`);
      let w = 0;
      for (const f of replay) {
        if (f.week > w) await api.step(f.week - w);
        w = f.week;
        await api.fireMacro(f.type, 1);
      }
      if (target > w) await api.step(target - w);
      const routes: Route[] = await api.routes();
      await refresh();
      showRoute(routes.find((r) => r.id === id));
    });
  }

  function showRoute(r: Route | undefined): void {
    if (!r) {
      routeBox.replaceChildren(h('p', {}, 'no route'));
      return;
    }
    const prof = Object.entries(r.profile).map(([k, v]) => `${k}: ${v}`).join(', ');
    routeBox.replaceChildren(
      h('h3', {}, `${t('route')}: #${r.id}`),
      h('p', { class: 'profile' }, prof),
      r.events.length ? h('ol', { id: 'route-events' }, ...r.events.map((e) => h('li', {}, describe(e)))) : h('p', { id: 'route-events' }, t('noEvents')),
    );
    routeBox.dataset.id = String(r.id);
  }

  function describe(e: RouteEvent): string {
    const w = `${t('week')} ${e.week}: `;
    switch (e.kind) {
      case 'phase':
        return `${w}phase ${e.from} → ${e.to} (attitude ${e.attitude}, trigger ${e.trigger})`;
      case 'trigger':
        return `${w}${e.level} trigger ${e.id} (${e.direction}, impact ${e.impact})`;
      case 'group':
        return `${w}group ${e.event} (#${e.group})`;
      case 'signal':
        return `${w}${t('signal')} (${e.truePositive ? 'true' : 'false'} positive)`;
      case 'triage':
        return `${w}${t('triage')}: ${e.decision}`;
      case 'case':
        return `${w}${t('caseMeeting')}: case ${e.event}`;
      case 'intervention':
        return `${w}intervention ${e.id}: ${e.event}`;
      default:
        return `${w}${e.kind}`;
    }
  }

  playBtn.addEventListener('click', () => {
    if (!playing && status.dataset.running === 'true') return; // still stopping
    playing = !playing;
    playBtn.textContent = playing ? t('pause') : t('play');
    if (playing) void loop();
  });
  stepBtn.addEventListener('click', () => void stepWeeks(1));
  restartBtn.addEventListener('click', () => void restart());
  scenarioSel.addEventListener('change', () => {
    const d = resolvedByName(scenarioSel.value);
    agentsIn.value = String(d.agents);
    weeksIn.value = String(d.weeks);
    void restart();
  });
  canvas.addEventListener('click', (ev) => {
    const id = pick(ev);
    if (id !== null) void trace(id);
  });
  canvas.addEventListener('keydown', (ev) => {
    // Keyboard: Enter traces the first person in the highest phase shown.
    if (ev.key !== 'Enter' || !sample) return;
    let best = -1;
    for (let i = 0; i < sample.ids.length; i++) if (best < 0 || sample.phase[i] > sample.phase[best]) best = i;
    if (best >= 0) void trace(sample.ids[best]);
  });

  {
    const d = resolvedByName(scenarioSel.value);
    agentsIn.value = String(d.agents);
    weeksIn.value = String(d.weeks);
  }
  void restart();
  return () => {
    alive = false;
    playing = false;
  };
}
