/**
 * (d) Plain TypeScript, one object per agent: each agent is an instance with its opinion and an
 * array of references to its neighbours; the population is an array of agents. Same protocol as
 * radsim's runner (a uniform agent, again if it has no tie, then a uniform neighbour of it) and
 * the same random generator (sfc32).
 *
 *   node --import tsx bench/peers/objects.ts --graph FILE --steps 50 --seed 1 --out FILE
 */
import { parseArgs } from '../lib/util.ts';
import { cpuMsSince, peakRss, readGraph, sfc32, writeOpinions, type PeerRun } from './graph.ts';

class Agent {
  neighbors: Agent[] = [];
  constructor(public opinion: number) {}
}

const args = parseArgs(process.argv.slice(2));
const steps = Number(args.steps),
  seed = Number(args.seed ?? 1),
  d = Number(args.d ?? 0.2),
  mu = Number(args.mu ?? 0.5);
const g = readGraph(String(args.graph));
const n = g.n;
const tb = performance.now();
const agents: Agent[] = [];
for (let i = 0; i < n; i++) agents.push(new Agent(g.x0[i]));
for (let i = 0; i < n; i++) {
  const nb: Agent[] = [];
  for (let e = g.offsets[i]; e < g.offsets[i + 1]; e++) nb.push(agents[g.targets[e]]);
  agents[i].neighbors = nb;
}
const buildMs = performance.now() - tb;
const rssAfterBuildBytes = process.memoryUsage().rss;

const rand = sfc32(seed);
function step(): void {
  for (let k = 0; k < n; k++) {
    let a = agents[Math.floor(rand() * n)];
    while (a.neighbors.length === 0) a = agents[Math.floor(rand() * n)];
    const b = a.neighbors[Math.floor(rand() * a.neighbors.length)];
    const diff = b.opinion - a.opinion;
    if (Math.abs(diff) < d) {
      a.opinion += mu * diff;
      b.opinion -= mu * diff;
    }
  }
}
const stepMs: number[] = [];
const c0 = process.cpuUsage();
const t0 = performance.now();
for (let s = 0; s < steps; s++) {
  const ts = performance.now();
  step();
  stepMs.push(performance.now() - ts);
}
const runMs = performance.now() - t0;
const runCpuMs = cpuMsSince(c0);
writeOpinions(
  String(args.out),
  agents.map((a) => a.opinion),
);
const r: PeerRun = {
  impl: 'objects',
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
};
process.stdout.write(`${JSON.stringify(r)}\n`);
