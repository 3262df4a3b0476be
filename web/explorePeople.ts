/**
 * The people canvas of Explore: the agent sample as a grid of coloured squares, one column per
 * region, with the people who moved up since a fired trigger ringed; and which person a click
 * hits. The selected person's ties are drawn over it by exploreEgo.ts.
 */
import type { AgentSample } from '../sim/index.ts';
import { regionLabel } from './i18n.ts';
import { PHASE_COLORS } from './util.ts';

/** A colour as a little-endian RGBA word for ImageData. */
const rgba = (hex: string) =>
  (0xff << 24) |
  (parseInt(hex.slice(5, 7), 16) << 16) |
  (parseInt(hex.slice(3, 5), 16) << 8) |
  parseInt(hex.slice(1, 3), 16);
const PHASE_RGBA = PHASE_COLORS.map(rgba);
const WHITE = rgba('#ffffff');

/** Top-left corner of each sampled person's square, and the square's size. */
export interface GridLayout {
  x: Float32Array;
  y: Float32Array;
  cell: number;
}

/**
 * Positions are in CSS pixels (`width` x `height`); the canvas holds `dpr` device pixels per CSS
 * pixel, so the grid and the network over it are sharp on high-density screens.
 */
export class PeopleCanvas {
  private pixels: ImageData | null = null;
  private layout: (GridLayout & { key: string }) | null = null;
  width: number;
  height: number;
  dpr = 1;

  constructor(readonly canvas: HTMLCanvasElement) {
    this.width = canvas.width;
    this.height = canvas.height;
  }

  /** Sizes the canvas to `width` x `height` CSS pixels at the device pixel ratio `dpr`. */
  resize(width: number, height: number, dpr: number): boolean {
    const w = Math.max(200, Math.round(width)),
      h = Math.max(140, Math.round(height));
    if (w === this.width && h === this.height && dpr === this.dpr) return false;
    this.width = w;
    this.height = h;
    this.dpr = dpr;
    this.canvas.width = Math.round(w * dpr);
    this.canvas.height = Math.round(h * dpr);
    this.canvas.style.width = `${w}px`;
    this.canvas.style.height = `${h}px`;
    this.canvas.dataset.dpr = String(dpr);
    this.layout = null;
    return true;
  }

  /** Forget the layout (a new run): it is computed again for the next sample. */
  reset(): void {
    this.layout = null;
  }

  /** Layout: a grid per region, side by side; cheap, and stable while the sample keeps its shape. */
  positions(s: AgentSample): GridLayout {
    const key = `${s.n}/${s.stride}/${s.regions.length}/${this.width}x${this.height}`;
    if (this.layout && this.layout.key === key) return this.layout;
    const R = s.regions.length || 1;
    const W = this.width,
      H = this.height;
    const colW = W / R;
    const counts = new Array(R).fill(0);
    for (const r of s.region) counts[r]++;
    const cell = Math.max(2, Math.floor(Math.sqrt((colW * (H - 18)) / Math.max(1, Math.max(...counts)))));
    const perRow = Math.max(1, Math.floor((colW - 4) / cell));
    const x = new Float32Array(s.ids.length),
      y = new Float32Array(s.ids.length);
    const k = new Array(R).fill(0);
    for (let i = 0; i < s.ids.length; i++) {
      const r = s.region[i];
      const j = k[r]++;
      x[i] = r * colW + 2 + (j % perRow) * cell;
      y[i] = 16 + Math.floor(j / perRow) * cell;
    }
    this.layout = { x, y, cell, key };
    return this.layout;
  }

  /** Where person `id` is on the grid (the sampled person next to them in the numbering). */
  spot(s: AgentSample, id: number): [number, number] {
    const { x, y, cell } = this.positions(s);
    const q = Math.min(s.ids.length - 1, Math.floor(id / s.stride));
    return [x[q] + cell / 2, y[q] + cell / 2];
  }

  /** A mouse position in the canvas's CSS pixels. */
  point(ev: MouseEvent): [number, number] {
    const rect = this.canvas.getBoundingClientRect();
    return [
      ((ev.clientX - rect.left) * this.width) / rect.width,
      ((ev.clientY - rect.top) * this.height) / rect.height,
    ];
  }

  /** The sampled person nearest to a point, or null when nobody is shown. */
  nearest(s: AgentSample, px: number, py: number): number | null {
    const { x, y, cell } = this.positions(s);
    let best = -1,
      bd = Infinity;
    for (let i = 0; i < s.ids.length; i++) {
      const d = (x[i] + cell / 2 - px) ** 2 + (y[i] + cell / 2 - py) ** 2;
      // Prefer people in a phase when clicks are close: they have the interesting routes.
      const dd = s.phase[i] > 0 ? d / 4 : d;
      if (dd < bd) (bd = dd), (best = i);
    }
    return best >= 0 ? s.ids[best] : null;
  }

  /** Draws the grid, the region names and a ring around each sample index in `risen`. */
  draw(ctx: CanvasRenderingContext2D, s: AgentSample, risen: Set<number>): void {
    const { x, y, cell } = this.positions(s);
    ctx.setLineDash([]);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    // The grid is written as device pixels (one ImageData, no canvas call per person): cheap at 5,000 people.
    const W = this.canvas.width,
      H = this.canvas.height,
      k = this.dpr;
    if (!this.pixels || this.pixels.width !== W || this.pixels.height !== H) this.pixels = ctx.createImageData(W, H);
    const buf = new Uint32Array(this.pixels.data.buffer);
    buf.fill(WHITE);
    const sz = Math.max(1, cell - 1);
    const ph = s.phase;
    for (const p of [0, 1, 2, 3]) {
      const c = PHASE_RGBA[p];
      const big = p > 0 ? Math.round(k) : 0;
      const side = Math.max(1, Math.round(sz * k)) + 2 * big;
      for (let i = 0; i < ph.length; i++) {
        if (ph[i] !== p) continue;
        const x0 = Math.max(0, Math.round(x[i] * k) - big),
          y0 = Math.max(0, Math.round(y[i] * k) - big);
        const x1 = Math.min(W, x0 + side),
          y1 = Math.min(H, y0 + side);
        for (let yy = y0; yy < y1; yy++) {
          const o = yy * W;
          for (let xx = x0; xx < x1; xx++) buf[o + xx] = c; // faster than buf.fill for short runs
        }
      }
    }
    ctx.putImageData(this.pixels, 0, 0);
    // Everything drawn after the grid (labels, rings, the network) is in CSS pixels.
    ctx.setTransform(k, 0, 0, k, 0, 0);
    ctx.fillStyle = '#333';
    ctx.font = '11px sans-serif';
    const labels = s.regions.map(regionLabel);
    labels.forEach((r, i) => ctx.fillText(r, i * (this.width / s.regions.length) + 2, 11));
    this.canvas.dataset.regions = labels.join('|'); // what the canvas says, for the tests
    // The wave: people shown who moved up a phase since the last fired trigger.
    if (risen.size) {
      ctx.strokeStyle = '#000';
      ctx.lineWidth = 1;
      ctx.beginPath();
      for (const i of risen) {
        ctx.moveTo(x[i] + sz / 2 + 4, y[i] + sz / 2);
        ctx.arc(x[i] + sz / 2, y[i] + sz / 2, 4, 0, 2 * Math.PI);
      }
      ctx.stroke();
    }
  }
}
