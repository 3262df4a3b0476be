/**
 * The selected person's ego network in Explore, drawn over the people canvas: their ties in
 * rings by layer (each layer its own colour and dash), and their contacts of contacts who are
 * in a phase as small dots just outside; plus the legend, the text line and hit-testing.
 */
import * as d3 from 'd3';
import { type EgoNetwork, LAYERS } from '../sim/index.ts';
import { t, tf, type Key } from './i18n.ts';
import { h, PHASE_COLORS } from './util.ts';

/** Tie styles by layer (LAYERS order): colour-blind-safe colours not used for phases, and a dash each. */
const LAYER_STYLE: { color: string; dash: number[] }[] = [
  { color: '#000000', dash: [] },
  { color: '#CC79A7', dash: [7, 3] },
  { color: '#009E73', dash: [2, 3] },
  { color: '#56B4E9', dash: [9, 3, 2, 3] },
];
/** Radius of the ring of each layer's ties, and of the contacts of contacts. */
const RING = [30, 56, 82, 108];
const SECOND_RING = 128;

/** Canvas positions of the person (c), their ties (n, in `ego.ids` order) and their contacts of contacts (s). */
export interface EgoLayout {
  cx: number;
  cy: number;
  nx: Float32Array;
  ny: Float32Array;
  sx: Float32Array;
  sy: Float32Array;
}

function layerSwatch(l: number): SVGSVGElement {
  const svg = d3.create('svg').attr('width', 28).attr('height', 8).attr('aria-hidden', 'true');
  svg
    .append('line')
    .attr('x1', 0)
    .attr('x2', 28)
    .attr('y1', 4)
    .attr('y2', 4)
    .attr('stroke', LAYER_STYLE[l].color)
    .attr('stroke-width', 2)
    .attr('stroke-dasharray', LAYER_STYLE[l].dash.join(' ') || null);
  return svg.node()!;
}

/** The legend of the tie styles; hidden while nobody is selected. */
export function createEgoLegend(): HTMLElement {
  return h(
    'div',
    { id: 'ego-legend', class: 'legend ego-legend', hidden: true },
    ...LAYERS.map((_, l) => h('span', {}, layerSwatch(l), t(`exploreLayer${l}` as Key))),
    h('span', {}, h('i', { class: 'second-dot' }), t('exploreSecond')),
  );
}

/**
 * Rings around the person's place on the grid (`at`), kept inside the canvas. Each layer's ties
 * are spread evenly on its ring; contacts of contacts sit just outside, beside the tie they come through.
 */
export function egoLayout(ego: EgoNetwork, at: [number, number], width: number, height: number): EgoLayout {
  let [cx, cy] = at;
  const m = SECOND_RING + 8;
  cx = Math.min(Math.max(cx, m), width - m);
  cy = Math.min(Math.max(cy, m), height - m);
  const d = ego.ids.length;
  const nx = new Float32Array(d),
    ny = new Float32Array(d);
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
  const sx = new Float32Array(ns),
    sy = new Float32Array(ns);
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

/** The person a click at (px, py) hits in the network: a tie, a contact of a contact, or the person. */
export function egoAt(ego: EgoNetwork, L: EgoLayout, px: number, py: number): number | null {
  for (let k = 0; k < ego.ids.length; k++) if ((L.nx[k] - px) ** 2 + (L.ny[k] - py) ** 2 <= 49) return ego.ids[k];
  const sec = ego.second;
  if (sec)
    for (let k = 0; k < sec.ids.length; k++) if ((L.sx[k] - px) ** 2 + (L.sy[k] - py) ** 2 <= 16) return sec.ids[k];
  if ((L.cx - px) ** 2 + (L.cy - py) ** 2 <= 100) return ego.id;
  return null;
}

export function drawEgo(ctx: CanvasRenderingContext2D, ego: EgoNetwork, L: EgoLayout): void {
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
}

/**
 * The network's counts on the canvas's data attributes (read by the tests), the legend shown or
 * hidden, and the text line; `ego` null when no network is drawn.
 */
export function showEgoInfo(
  canvas: HTMLCanvasElement,
  legend: HTMLElement,
  info: HTMLElement,
  ego: EgoNetwork | null,
): void {
  if (!ego) {
    canvas.dataset.egoTies = '0';
    canvas.dataset.egoDrawn = '0';
    canvas.dataset.egoSecond = '0';
    legend.hidden = true;
    info.textContent = '';
    return;
  }
  const sec = ego.second;
  const active = ego.phases.reduce((a, p) => a + (p > 0 ? 1 : 0), 0);
  canvas.dataset.egoTies = String(ego.ids.length);
  canvas.dataset.egoDrawn = String(ego.ids.length);
  canvas.dataset.egoActive = String(active);
  canvas.dataset.egoSecond = String(sec?.ids.length ?? 0);
  canvas.dataset.egoLayers = LAYERS.map((_, l) => ego.layer.reduce((a, x) => a + (x === l ? 1 : 0), 0)).join(',');
  legend.hidden = false;
  info.textContent = tf('exploreNetwork', { id: ego.id, n: ego.ids.length, a: active, s: sec ? sec.total : 0 });
}
