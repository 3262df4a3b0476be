/**
 * The network view of the Explore canvas: the people in a phase, their direct contacts and the
 * ties among them (SimulationHost.phaseNetwork), coloured by phase, each group outlined. At
 * realistic prevalences the grid shows a few coloured squares among thousands; this view shows
 * those few and who they know.
 */
import type { PhaseNetwork } from '../sim/index.ts';
import { PHASE_COLORS } from './util.ts';

/** Positions in CSS pixels of each person of the network (index into `ids`). */
export interface NetLayout {
  x: Float32Array;
  y: Float32Array;
  radius: number;
}

/**
 * People in a phase on a circle, members of a group next to each other; each contact on a small
 * ring around the first person in a phase they know. Deterministic: the same network, the same picture.
 */
export function phaseNetLayout(net: PhaseNetwork, width: number, height: number): NetLayout {
  const n = net.ids.length;
  const x = new Float32Array(n),
    y = new Float32Array(n);
  const cx = width / 2,
    cy = height / 2;
  const m = net.inPhase;
  const R = Math.max(20, Math.min(width, height) / 2 - 40);
  const order = Array.from({ length: m }, (_, k) => k).sort(
    (p, q) => (net.group[p] < 0 ? 1e9 : net.group[p]) - (net.group[q] < 0 ? 1e9 : net.group[q]) || p - q,
  );
  order.forEach((k, j) => {
    const a = (2 * Math.PI * j) / Math.max(1, m) - Math.PI / 2;
    x[k] = m === 1 ? cx : cx + R * 0.8 * Math.cos(a);
    y[k] = m === 1 ? cy : cy + R * 0.8 * Math.sin(a);
  });
  // Each contact around its first neighbour in a phase.
  const anchor = new Int32Array(n).fill(-1);
  for (let t = 0; t < net.ties.length; t += 2) {
    const p = net.ties[t],
      q = net.ties[t + 1];
    if (p < m && q >= m && anchor[q] < 0) anchor[q] = p;
    if (q < m && p >= m && anchor[p] < 0) anchor[p] = q;
  }
  const around = new Int32Array(m);
  const countAround = new Int32Array(m);
  for (let k = m; k < n; k++) if (anchor[k] >= 0) countAround[anchor[k]]++;
  const ring = Math.max(16, Math.min(48, (R * 0.8 * Math.PI) / Math.max(1, m)));
  for (let k = m; k < n; k++) {
    const c = Math.max(0, anchor[k]);
    const j = around[c]++;
    const a = (2 * Math.PI * j) / Math.max(1, countAround[c]) + c;
    const r = ring * (0.6 + 0.4 * ((j % 3) / 2));
    x[k] = Math.min(width - 4, Math.max(4, x[c] + r * Math.cos(a)));
    y[k] = Math.min(height - 4, Math.max(4, y[c] + r * Math.sin(a)));
  }
  return { x, y, radius: m > 30 ? 4 : 6 };
}

/** Draws the network in CSS pixels (the context is scaled to the device pixel ratio by the caller). */
export function drawPhaseNet(
  ctx: CanvasRenderingContext2D,
  net: PhaseNetwork,
  L: NetLayout,
  selected: number | null,
  width: number,
  height: number,
): void {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  const { x, y, radius } = L;
  // Groups: a dashed circle around the members in a phase of each group.
  const members = new Map<number, number[]>();
  for (let k = 0; k < net.inPhase; k++) {
    const g = net.group[k];
    if (g >= 0) members.set(g, [...(members.get(g) ?? []), k]);
  }
  ctx.setLineDash([4, 3]);
  ctx.strokeStyle = PHASE_COLORS[2];
  ctx.lineWidth = 1.5;
  for (const ks of members.values()) {
    const mx = ks.reduce((s, k) => s + x[k], 0) / ks.length,
      my = ks.reduce((s, k) => s + y[k], 0) / ks.length;
    const r = Math.max(...ks.map((k) => Math.hypot(x[k] - mx, y[k] - my))) + radius + 8;
    ctx.beginPath();
    ctx.arc(mx, my, r, 0, 2 * Math.PI);
    ctx.stroke();
  }
  ctx.setLineDash([]);
  ctx.strokeStyle = 'rgba(80,80,80,0.35)';
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let t = 0; t < net.ties.length; t += 2) {
    ctx.moveTo(x[net.ties[t]], y[net.ties[t]]);
    ctx.lineTo(x[net.ties[t + 1]], y[net.ties[t + 1]]);
  }
  ctx.stroke();
  // Contacts small, people in a phase large, on top.
  for (let k = net.ids.length - 1; k >= 0; k--) {
    const inPhase = k < net.inPhase;
    ctx.beginPath();
    ctx.arc(x[k], y[k], inPhase ? radius : 2.5, 0, 2 * Math.PI);
    ctx.fillStyle = PHASE_COLORS[net.phase[k]];
    ctx.fill();
    if (net.ids[k] === selected) {
      ctx.strokeStyle = '#000';
      ctx.lineWidth = 2;
      ctx.stroke();
    }
  }
}

/** The person nearest to a point (within 12 CSS pixels), or null. */
export function phaseNetAt(net: PhaseNetwork, L: NetLayout, px: number, py: number): number | null {
  let best = -1,
    bd = 144;
  for (let k = 0; k < net.ids.length; k++) {
    const d = (L.x[k] - px) ** 2 + (L.y[k] - py) ** 2;
    if (d < bd) {
      bd = d;
      best = k;
    }
  }
  return best < 0 ? null : net.ids[best];
}
