/**
 * (c) AgentScript 0.10 (https://agentscript.org): a `Model` subclass whose turtles are the
 * agents (opinion as a turtle property) and whose links are the ties (`links.create(turtle,
 * [neighbours])`). Each step N times: `turtles.oneOf()`, again if it has no link, then
 * `t.otherEnd(util.oneOf(t.links))` (allocation-free; `t.linkNeighbors().oneOf()` would build an
 * array per meeting). Random numbers: AgentScript's helpers draw from Math.random (V8's
 * xorshift128+), unseeded.
 *
 * Variant `seeded` (reported apart): `util.randomSeed(seed)` first, which is how AgentScript makes
 * a run reproducible. It replaces Math.random by the Park-Miller "minimal standard" generator
 * (x <- 16807 x mod 2^31 - 1). Consecutive draws of that generator are strongly correlated: the
 * draw that picks the neighbour is 16807 times the one that picked the agent, modulo 1, so once
 * N is well above 16807 an agent's index nearly fixes which of its ties it uses, and the dynamics
 * slow down (at 100k agents after 50 steps: 6% of ties in agreement against 36%). The agreement
 * check of run.ts catches it.
 *
 * Headless in Node: AgentScript's bundled module (dist/agentscript.js) runs in Node except for
 * one thing: at import it creates a 1x1 2D canvas context (`Color.sharedCtx1x1`) through
 * `new OffscreenCanvas(1, 1)` when there is no DOM, and Node has no OffscreenCanvas. A 20-line
 * stand-in below (a canvas whose 2D context ignores drawing and returns blank pixels) is enough
 * for the model classes; only colour parsing from CSS strings, which this model never uses,
 * would give wrong answers. The package's `src/` files cannot be imported by Node as published:
 * they import each other by absolute browser paths such as '/vendor/turfImports.js'.
 *
 *   node --import tsx bench/peers/agentscript.ts --graph FILE --steps 50 --out FILE [--variant seeded --seed 1]
 */
import { parseArgs } from '../lib/util.ts';
import { importPeer } from './deps.ts';
import { cpuMsSince, peakRss, readGraph, writeOpinions, type PeerRun } from './graph.ts';

/** Node has no OffscreenCanvas; AgentScript needs one 2D context at import time. */
function shimOffscreenCanvas(): void {
  const g = globalThis as Record<string, unknown>;
  if (g.OffscreenCanvas) return;
  g.OffscreenCanvas = class {
    constructor(
      public width: number,
      public height: number,
    ) {}
    getContext() {
      const ctx: Record<string | symbol, unknown> = {
        canvas: this,
        getImageData: (_x: number, _y: number, w: number, h: number) => ({
          data: new Uint8ClampedArray(4 * w * h),
          width: w,
          height: h,
        }),
        createImageData: (w: number, h: number) => ({ data: new Uint8ClampedArray(4 * w * h), width: w, height: h }),
      };
      // Any other method (fillRect, putImageData, drawImage, ...) is a no-op; properties can be set.
      return new Proxy(ctx, { get: (t, k) => (k in t ? t[k] : () => undefined) });
    }
  };
}

shimOffscreenCanvas();
const args = parseArgs(process.argv.slice(2));
const steps = Number(args.steps),
  seed = Number(args.seed ?? 1),
  d = Number(args.d ?? 0.2),
  mu = Number(args.mu ?? 0.5);
const seeded = args.variant === 'seeded';
const ti = performance.now();
const AS = await importPeer('agentscript');
const importMs = performance.now() - ti;
const { Model, util } = AS;
const g = readGraph(String(args.graph));
const n = g.n;

interface Turtle {
  id: number;
  opinion: number;
  links: { end0: Turtle; end1: Turtle }[];
  otherEnd(l: unknown): Turtle;
}

class DeffuantModel extends Model {
  constructor(worldOptions: Record<string, number>) {
    super(worldOptions);
  }

  setup(): void {
    const turtles = this.turtles;
    turtles.create(n, (t: Turtle) => {
      t.opinion = g.x0[t.id];
    });
    for (let i = 0; i < n; i++) {
      const others: Turtle[] = [];
      for (let e = g.offsets[i]; e < g.offsets[i + 1]; e++) if (g.targets[e] > i) others.push(turtles[g.targets[e]]);
      if (others.length) this.links.create(turtles[i], others);
    }
  }

  step(): void {
    const turtles = this.turtles;
    for (let k = 0; k < n; k++) {
      let t: Turtle = turtles.oneOf();
      while (t.links.length === 0) t = turtles.oneOf();
      const o = t.otherEnd(util.oneOf(t.links));
      const diff = o.opinion - t.opinion;
      if (Math.abs(diff) < d) {
        t.opinion += mu * diff;
        o.opinion -= mu * diff;
      }
    }
  }
}

if (seeded) util.randomSeed(seed);
const tb = performance.now();
// A world of one patch: this model has no space.
const model = new DeffuantModel({ minX: 0, maxX: 0, minY: 0, maxY: 0 });
model.setup();
const buildMs = performance.now() - tb;
const rssAfterBuildBytes = process.memoryUsage().rss;
for (let i = 0; i < 3; i++)
  if (model.turtles[i].id !== i) throw new Error('AgentScript turtle ids are not 0..n-1 in creation order');
if (model.links.length * 2 !== g.targets.length)
  throw new Error(`AgentScript has ${model.links.length} links, expected ${g.targets.length / 2}`);

const stepMs: number[] = [];
const c0 = process.cpuUsage();
const t0 = performance.now();
for (let s = 0; s < steps; s++) {
  const ts = performance.now();
  model.step();
  stepMs.push(performance.now() - ts);
}
const runMs = performance.now() - t0;
const runCpuMs = cpuMsSince(c0);
const x = new Float64Array(n);
for (let i = 0; i < n; i++) x[i] = model.turtles[i].opinion;
writeOpinions(String(args.out), x);
const r: PeerRun = {
  impl: 'agentscript',
  variant: seeded ? 'seeded (util.randomSeed, Park-Miller)' : 'Math.random',
  n,
  steps,
  interactions: steps * n,
  buildMs,
  runMs,
  runCpuMs,
  stepMs,
  peakRssBytes: peakRss(),
  rssAfterBuildBytes,
  out: String(args.out),
  notes: `headless via an OffscreenCanvas stand-in; import ${importMs.toFixed(0)} ms`,
};
process.stdout.write(`${JSON.stringify(r)}\n`);
