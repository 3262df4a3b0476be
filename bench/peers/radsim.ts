/**
 * (a) radsim: the standalone runner `runDeffuant` of sim/influence/standalone.ts, i.e. radsim's
 * kernel `deffuantUpdate` on a Float64Array over the CSR arrays, with radsim's own pair protocol
 * (a uniform agent, again if it has no tie, then a uniform tie of it).
 * Random numbers: sfc32, seeded.
 *
 * Variant `plain` (the same model, bit for bit): each pair drawn just before its meeting, as
 * `runDeffuant` did before it drew the pairs of a block first; shows what the blocks are worth.
 *
 * Variant `index-order` (not the same model, reported apart): every step visits the agents in
 * index order and each meets a random neighbour, to show what memory order alone is worth.
 *
 *   node --import tsx bench/peers/radsim.ts --graph FILE --steps 50 --seed 1 --out FILE [--variant index-order]
 */
import { deffuantUpdate } from '../../sim/influence/relativeAgreement.ts';
import { runDeffuant } from '../../sim/influence/standalone.ts';
import { parseArgs } from '../lib/util.ts';
import { cpuMsSince, peakRss, readGraph, sfc32, writeOpinions, type PeerRun } from './graph.ts';

const args = parseArgs(process.argv.slice(2));
const steps = Number(args.steps),
  seed = Number(args.seed ?? 1),
  d = Number(args.d ?? 0.2),
  mu = Number(args.mu ?? 0.5);
const variant = typeof args.variant === 'string' ? args.variant : 'runDeffuant';
const tb = performance.now();
const g = readGraph(String(args.graph));
const n = g.n;
const buildMs = performance.now() - tb;
const rand = sfc32(seed);
const c0 = process.cpuUsage();
const t0 = performance.now();
let x: Float64Array;
const stepMs: number[] = [];
if (variant === 'runDeffuant') {
  x = runDeffuant({ n, d, mu, steps: steps * n, rand, graph: { offsets: g.offsets, neighbors: g.targets }, x0: g.x0 });
} else if (variant === 'plain') {
  x = Float64Array.from(g.x0);
  const off = g.offsets,
    tg = g.targets;
  const total = steps * n;
  for (let t = 0; t < total; t++) {
    let i = Math.floor(rand() * n);
    let start = off[i],
      deg = off[i + 1] - start;
    while (deg === 0) {
      i = Math.floor(rand() * n);
      start = off[i];
      deg = off[i + 1] - start;
    }
    deffuantUpdate(x, i, tg[start + Math.floor(rand() * deg)], d, mu);
  }
} else if (variant === 'index-order') {
  x = Float64Array.from(g.x0);
  const off = g.offsets,
    tg = g.targets;
  for (let s = 0; s < steps; s++) {
    const ts = performance.now();
    for (let i = 0; i < n; i++) {
      const start = off[i],
        deg = off[i + 1] - start;
      if (deg === 0) continue;
      deffuantUpdate(x, i, tg[start + Math.floor(rand() * deg)], d, mu);
    }
    stepMs.push(performance.now() - ts);
  }
} else throw new Error(`unknown variant ${variant}`);
const runMs = performance.now() - t0;
const runCpuMs = cpuMsSince(c0);
writeOpinions(String(args.out), x);
const r: PeerRun = {
  impl: 'radsim',
  variant,
  n,
  steps,
  interactions: steps * n,
  buildMs,
  runMs,
  runCpuMs,
  stepMs,
  peakRssBytes: peakRss(),
  out: String(args.out),
};
process.stdout.write(`${JSON.stringify(r)}\n`);
