/**
 * (b) Flocc 0.7 (https://flocc.network): agents are Flocc `Agent`s in an `Environment`, the
 * opinion is agent data (`get('x')` / `set('x', ...)`), and each agent's neighbours are an array
 * of agents kept in its data (`get('neighbors')`).
 *
 * Why not Flocc's `Network` helper: `Network.addAgent` rebuilds an n x n adjacency matrix
 * (`_resetAdjacencyMatrix`) on every call, so adding n agents costs O(n^3) time and the matrix
 * O(n^2) memory (PERFORMANCE.md: 1,000 agents took 90 s). `--variant network-probe` measures that
 * build at a few small sizes; the dynamics use neighbour lists in agent data, which is how a
 * Flocc user would hold a city-sized network.
 *
 * Variants of the random draws:
 *   sample (default): Flocc's idiom, `utils.sample(array)` for the agent and for the neighbour
 *                     (it calls `utils.random`, which formats the random number as a string on
 *                     every call);
 *   index:            `Math.floor(Math.random() * length)`, so the figure shows the cost of the
 *                     agent and data API alone.
 * Same protocol as radsim's runner (a uniform agent, again if it has no tie, then a uniform
 * neighbour).
 *
 *   node --import tsx bench/peers/flocc.ts --graph FILE --steps 50 --out FILE [--variant index]
 *   node --import tsx bench/peers/flocc.ts --variant network-probe --sizes 125,250,500
 */
import { parseArgs } from '../lib/util.ts';
import { importPeer } from './deps.ts';
import { cpuMsSince, peakRss, readGraph, writeOpinions, type PeerRun } from './graph.ts';

const args = parseArgs(process.argv.slice(2));
const variant = typeof args.variant === 'string' ? args.variant : 'sample';
const { Agent, Environment, Network, utils } = await importPeer('flocc');

if (variant === 'network-probe') {
  // Build a Flocc Network of n agents with mean degree ~10, timing addAgent and connect apart.
  const sizes = String(args.sizes ?? '125,250,500')
    .split(',')
    .map(Number);
  const probe = sizes.map((n) => {
    const env = new Environment();
    const net = new Network();
    const agents = Array.from({ length: n }, () => new Agent({ x: Math.random() }));
    for (const a of agents) env.addAgent(a);
    const t0 = performance.now();
    for (const a of agents) net.addAgent(a);
    const addMs = performance.now() - t0;
    const t1 = performance.now();
    for (let e = 0; e < 5 * n; e++)
      net.connect(agents[Math.floor(Math.random() * n)], agents[Math.floor(Math.random() * n)]);
    const connectMs = performance.now() - t1;
    return { n, addAgentMs: addMs, connectMs };
  });
  process.stdout.write(`${JSON.stringify({ impl: 'flocc', variant, probe, peakRssBytes: peakRss() })}\n`);
} else {
  const steps = Number(args.steps),
    d = Number(args.d ?? 0.2),
    mu = Number(args.mu ?? 0.5);
  const g = readGraph(String(args.graph));
  const n = g.n;
  const tb = performance.now();
  const env = new Environment();
  for (let i = 0; i < n; i++) env.addAgent(new Agent({ x: g.x0[i] }));
  const agents = env.getAgents();
  for (let i = 0; i < n; i++) {
    const nb = [];
    for (let e = g.offsets[i]; e < g.offsets[i + 1]; e++) nb.push(agents[g.targets[e]]);
    agents[i].set('neighbors', nb);
  }
  const buildMs = performance.now() - tb;
  const rssAfterBuildBytes = process.memoryUsage().rss;

  const stepSample = () => {
    for (let k = 0; k < n; k++) {
      let a = utils.sample(agents);
      let nb = a.get('neighbors');
      while (nb.length === 0) {
        a = utils.sample(agents);
        nb = a.get('neighbors');
      }
      const b = utils.sample(nb);
      const xa = a.get('x'),
        xb = b.get('x');
      const diff = xb - xa;
      if (Math.abs(diff) < d) {
        a.set('x', xa + mu * diff);
        b.set('x', xb - mu * diff);
      }
    }
  };
  const stepIndex = () => {
    for (let k = 0; k < n; k++) {
      let a = agents[Math.floor(Math.random() * n)];
      let nb = a.get('neighbors');
      while (nb.length === 0) {
        a = agents[Math.floor(Math.random() * n)];
        nb = a.get('neighbors');
      }
      const b = nb[Math.floor(Math.random() * nb.length)];
      const xa = a.get('x'),
        xb = b.get('x');
      const diff = xb - xa;
      if (Math.abs(diff) < d) {
        a.set('x', xa + mu * diff);
        b.set('x', xb - mu * diff);
      }
    }
  };
  const step = variant === 'index' ? stepIndex : stepSample;
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
    agents.map((a: { get(k: string): number }) => a.get('x')),
  );
  const r: PeerRun = {
    impl: 'flocc',
    variant,
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
    notes: 'neighbour lists in agent data (Flocc Network is O(n^3) to build); Math.random (Flocc unseeded)',
  };
  process.stdout.write(`${JSON.stringify(r)}\n`);
}
