/**
 * `npm run bench:peers`: the same model in radsim and in its peers, side by side.
 *
 * Model: Deffuant et al. (2000) bounded confidence, d = 0.2, mu = 0.5, on a random graph of mean
 * degree 10 (graph.ts); each step N times a uniform agent meets a uniform neighbour; opinions
 * start uniform on [0, 1). Every implementation reads the same graph and initial opinions,
 * runs the same number of steps and writes its final opinions; this script computes the same
 * statistics for all of them and checks that they agree with radsim's within the seed-to-seed
 * spread of radsim itself (several seeds of radsim are run for that).
 *
 *   npm run bench:peers                          # 10k, 100k and 1M agents, 50 steps
 *   npm run bench:peers -- --sizes 10000,100000  --steps 50
 *   npm run bench:peers -- --only radsim,numpy   # keys: see IMPLS below
 *   npm run bench:peers -- --quick               # 10k only, 20 steps
 *
 * Installs Flocc and AgentScript into bench/peers/.deps (npm, pinned versions) if needed.
 * Writes bench/peers/results.json.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { BENCH_DIR, machineInfo, mean, median, mib, parseArgs, round, runJsonChild, table } from '../lib/util.ts';
import { ensurePeerDeps, installedVersion, PEER_PACKAGES } from './deps.ts';
import {
  CACHE_DIR,
  ensureGraphFile,
  opinionStats,
  PEERS_DIR,
  readGraph,
  readOpinions,
  type OpinionStats,
  type PeerRun,
} from './graph.ts';

interface Impl {
  key: string;
  label: string;
  /** false: a different schedule or model, shown for information, not compared. */
  sameModel: boolean;
  maxN: number;
  cmd: (graph: string, steps: number, seed: number, out: string) => [string, string[]];
}

const NODE_HEAP = '--max-old-space-size=16384';
const ts =
  (script: string, extra: string[] = []) =>
  (graph: string, steps: number, seed: number, out: string): [string, string[]] => [
    process.execPath,
    [
      NODE_HEAP,
      '--import',
      'tsx',
      resolve(PEERS_DIR, script),
      '--graph',
      graph,
      '--steps',
      String(steps),
      '--seed',
      String(seed),
      '--out',
      out,
      ...extra,
    ],
  ];
const py =
  (extra: string[] = []) =>
  (graph: string, steps: number, seed: number, out: string): [string, string[]] => [
    'python3',
    [
      resolve(PEERS_DIR, 'deffuant_numpy.py'),
      '--graph',
      graph,
      '--steps',
      String(steps),
      '--seed',
      String(seed),
      '--out',
      out,
      ...extra,
    ],
  ];

const IMPLS: Impl[] = [
  {
    key: 'radsim',
    label: 'radsim (deffuantUpdate over CSR, runDeffuant)',
    sameModel: true,
    maxN: Infinity,
    cmd: ts('radsim.ts'),
  },
  { key: 'flocc', label: 'Flocc 0.7 (utils.sample, data API)', sameModel: true, maxN: Infinity, cmd: ts('flocc.ts') },
  {
    key: 'flocc-index',
    label: 'Flocc 0.7 (Math.random index, data API)',
    sameModel: true,
    maxN: Infinity,
    cmd: ts('flocc.ts', ['--variant', 'index']),
  },
  {
    key: 'agentscript',
    label: 'AgentScript 0.10 (turtles and links)',
    sameModel: true,
    maxN: Infinity,
    cmd: ts('agentscript.ts'),
  },
  {
    key: 'agentscript-seeded',
    label: 'AgentScript 0.10 with util.randomSeed (Park-Miller)',
    sameModel: false,
    maxN: Infinity,
    cmd: ts('agentscript.ts', ['--variant', 'seeded']),
  },
  { key: 'objects', label: 'TypeScript, one object per agent', sameModel: true, maxN: Infinity, cmd: ts('objects.ts') },
  {
    key: 'numpy',
    label: 'NumPy, vectorised, exact (rounds of disjoint pairs)',
    sameModel: true,
    maxN: Infinity,
    cmd: py(['--check']),
  },
  {
    key: 'numpy-sync',
    label: 'NumPy, synchronous (all pairs from old values)',
    sameModel: false,
    maxN: Infinity,
    cmd: py(['--mode', 'sync']),
  },
  {
    key: 'radsim-plain',
    label: 'radsim kernel, each pair drawn before its meeting',
    sameModel: true,
    maxN: Infinity,
    cmd: ts('radsim.ts', ['--variant', 'plain']),
  },
  {
    key: 'radsim-index-order',
    label: 'radsim kernel, agents in index order',
    sameModel: false,
    maxN: Infinity,
    cmd: ts('radsim.ts', ['--variant', 'index-order']),
  },
];

interface Row {
  impl: string;
  label: string;
  sameModel: boolean;
  n: number;
  steps: number;
  nsPerInteraction: number;
  nsPerInteractionMedianStep?: number;
  ratioToRadsim: number;
  /** The same on CPU time (user + system) instead of wall time: less affected by other load. */
  nsPerInteractionCpu: number;
  ratioToRadsimCpu: number;
  buildMs: number;
  runMs: number;
  peakRssMiB: number;
  stats: OpinionStats;
  agrees?: { ok: boolean; why: string[] };
  extra?: Record<string, unknown>;
  error?: string;
}

/** Radsim's seed-to-seed spread of each statistic, and whether `s` falls inside it. */
function agreement(s: OpinionStats, ref: OpinionStats[]): { ok: boolean; why: string[] } {
  const why: string[] = [];
  const modes = new Set(ref.map((r) => r.majorClusters));
  if (!modes.has(s.majorClusters))
    why.push(`major clusters ${s.majorClusters}, radsim seeds gave ${[...modes].join('/')}`);
  const check = (name: 'tiesInAgreement' | 'meanTieDistance' | 'sd', floor: number) => {
    const v = ref.map((r) => r[name]);
    const m = mean(v);
    const sd = Math.sqrt(v.reduce((a, x) => a + (x - m) ** 2, 0) / Math.max(1, v.length - 1));
    const tol = Math.max(4 * sd, floor);
    if (Math.abs(s[name] - m) > tol)
      why.push(`${name} ${s[name].toFixed(4)} vs radsim ${m.toFixed(4)} +/- ${tol.toFixed(4)}`);
  };
  check('tiesInAgreement', 0.01);
  check('meanTieDistance', 0.002);
  check('sd', 0.002);
  return { ok: why.length === 0, why };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const quick = args.quick === true;
  const sizes =
    typeof args.sizes === 'string'
      ? args.sizes.split(',').map(Number)
      : quick
        ? [10_000]
        : [10_000, 100_000, 1_000_000];
  const steps = Number(args.steps ?? (quick ? 20 : 50));
  const only = typeof args.only === 'string' ? new Set(args.only.split(',')) : undefined;
  const refSeedsFor = (n: number) => Number(args.seeds ?? (n >= 1_000_000 ? 3 : 5));
  const d = 0.2,
    mu = 0.5,
    graphSeed = 1;

  const machine = machineInfo(true);
  console.log(
    `radsim peers benchmark: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, Python ${machine.python}, NumPy ${machine.numpy}; load average ${machine.loadAverage.join(' ')}`,
  );
  console.log(
    `Deffuant bounded confidence, d = ${d}, mu = ${mu}, random graph of mean degree ~10, ${steps} steps of N meetings\n`,
  );
  const wantsPeers = !only || only.has('flocc') || only.has('flocc-index') || only.has('agentscript');
  if (wantsPeers && args['skip-install'] !== true) ensurePeerDeps();

  const rows: Row[] = [];
  const probes: Record<string, unknown> = {};
  for (const n of sizes) {
    process.stderr.write(`peers: graph of ${n.toLocaleString('en-US')} agents ...\n`);
    const graphFile = ensureGraphFile(n, graphSeed);
    const g = readGraph(graphFile);
    const out = (key: string, seed: number) => resolve(CACHE_DIR, `out-${key}-${n}-${seed}.bin`);

    // radsim over several seeds: the reference spread of every statistic.
    const ref: { run: PeerRun; stats: OpinionStats }[] = [];
    for (let seed = 1; seed <= refSeedsFor(n); seed++) {
      process.stderr.write(`peers: radsim seed ${seed}, ${n.toLocaleString('en-US')} agents ...\n`);
      const [cmd, a] = IMPLS[0].cmd(graphFile, steps, seed, out('radsim', seed));
      const run = await runJsonChild<PeerRun>(cmd, a);
      ref.push({ run, stats: opinionStats(readOpinions(run.out), g) });
    }
    const radsimNs = median(ref.map((r) => (r.run.runMs * 1e6) / r.run.interactions));
    const radsimNsCpu = median(ref.map((r) => ((r.run.runCpuMs ?? NaN) * 1e6) / r.run.interactions));
    const radsimSeed1 = readOpinions(ref[0].run.out);
    for (const impl of IMPLS) {
      if (only && !only.has(impl.key)) continue;
      if (n > impl.maxN) continue;
      let run: PeerRun & Record<string, unknown>;
      let stats: OpinionStats;
      if (impl.key === 'radsim') {
        const best = ref[0];
        run = best.run as PeerRun & Record<string, unknown>;
        stats = best.stats;
      } else {
        process.stderr.write(`peers: ${impl.key}, ${n.toLocaleString('en-US')} agents ...\n`);
        const [cmd, a] = impl.cmd(graphFile, steps, 1, out(impl.key, 1));
        try {
          run = await runJsonChild<PeerRun & Record<string, unknown>>(cmd, a);
        } catch (err) {
          const message = (err as Error).message.split('\n').slice(0, 3).join(' ');
          process.stderr.write(`peers: ${impl.key} failed: ${message}\n`);
          rows.push({
            impl: impl.key,
            label: impl.label,
            sameModel: impl.sameModel,
            n,
            steps,
            nsPerInteraction: NaN,
            ratioToRadsim: NaN,
            nsPerInteractionCpu: NaN,
            ratioToRadsimCpu: NaN,
            buildMs: NaN,
            runMs: NaN,
            peakRssMiB: NaN,
            stats: undefined as unknown as OpinionStats,
            error: message,
          });
          continue;
        }
        stats = opinionStats(readOpinions(run.out), g);
      }
      const x = readOpinions(run.out);
      let maxDiff = 0;
      for (let i = 0; i < n; i++) maxDiff = Math.max(maxDiff, Math.abs(x[i] - radsimSeed1[i]));
      const ns = impl.key === 'radsim' ? radsimNs : (run.runMs * 1e6) / run.interactions;
      const nsCpu = impl.key === 'radsim' ? radsimNsCpu : ((run.runCpuMs ?? NaN) * 1e6) / run.interactions;
      const extra: Record<string, unknown> = {};
      for (const k of ['roundsPerStep', 'check', 'notes', 'numpy', 'rssAfterBuildBytes'])
        if (run[k] !== undefined) extra[k] = run[k];
      extra.maxAbsDifferenceToRadsimSeed1 = maxDiff;
      if (impl.key === 'radsim')
        extra.seeds = ref.map((r) => ({ nsPerInteraction: (r.run.runMs * 1e6) / r.run.interactions, stats: r.stats }));
      rows.push({
        impl: impl.key,
        label: impl.label,
        sameModel: impl.sameModel,
        n,
        steps,
        nsPerInteraction: ns,
        nsPerInteractionMedianStep: run.stepMs.length ? (median(run.stepMs) * 1e6) / n : undefined,
        ratioToRadsim: ns / radsimNs,
        nsPerInteractionCpu: nsCpu,
        ratioToRadsimCpu: nsCpu / radsimNsCpu,
        buildMs: run.buildMs,
        runMs: run.runMs,
        peakRssMiB: mib(run.peakRssBytes),
        stats,
        agrees: agreement(
          stats,
          ref.map((r) => r.stats),
        ),
        extra,
      });
    }
    printSize(
      rows.filter((r) => r.n === n),
      n,
      steps,
    );
  }

  if (!only || only.has('flocc-network')) {
    process.stderr.write('peers: Flocc Network build probe ...\n');
    try {
      const [cmd, a] = [
        process.execPath,
        [
          NODE_HEAP,
          '--import',
          'tsx',
          resolve(PEERS_DIR, 'flocc.ts'),
          '--variant',
          'network-probe',
          '--sizes',
          quick ? '100,200' : '125,250,500',
        ],
      ];
      const p = await runJsonChild<{ probe: { n: number; addAgentMs: number; connectMs: number }[] }>(cmd, a);
      probes.floccNetwork = p.probe;
      console.log('Flocc Network helper: time to add n agents (adjacency matrix rebuilt on every addAgent)\n');
      console.log(
        table(
          ['agents', 'addAgent total ms', 'connect 5n edges ms'],
          p.probe.map((r) => [r.n, r.addAgentMs, r.connectMs]),
        ),
      );
      const last = p.probe[p.probe.length - 1],
        prev = p.probe[p.probe.length - 2];
      if (prev)
        console.log(
          `growth exponent of addAgent time: ${(Math.log(last.addAgentMs / prev.addAgentMs) / Math.log(last.n / prev.n)).toFixed(2)} (3 = cubic)\n`,
        );
    } catch (err) {
      probes.floccNetwork = { error: (err as Error).message };
    }
  }

  const results = {
    machine,
    command: `node --import tsx bench/peers/run.ts ${process.argv.slice(2).join(' ')}`.trim(),
    model: {
      name: 'Deffuant bounded confidence',
      d,
      mu,
      meanDegree: 10,
      steps,
      meetingsPerStep: 'N',
      graphSeed,
      statistics: 'bench/peers/graph.ts opinionStats',
    },
    packages: Object.fromEntries(
      Object.keys(PEER_PACKAGES).map((p) => [p, installedVersion(p as keyof typeof PEER_PACKAGES) ?? null]),
    ),
    rows,
    probes,
    loadAverageAtEnd: loadavg().map((x) => round(x, 2)),
  };
  const path = resolve(BENCH_DIR, 'peers', typeof args.out === 'string' ? args.out : 'results.json');
  writeFileSync(path, `${JSON.stringify(results, null, 1)}\n`);
  console.log(`results written to ${path}`);
}

function printSize(rows: Row[], n: number, steps: number): void {
  console.log(
    `${n.toLocaleString('en-US')} agents, ${steps} steps (${(n * steps).toLocaleString('en-US')} meetings)\n`,
  );
  console.log(
    table(
      [
        'implementation',
        'ns/meeting',
        'x radsim',
        'CPU ns/meeting',
        'x radsim (CPU)',
        'build s',
        'peak RSS MiB',
        'clusters',
        'ties agreeing',
        'mean tie dist',
        'sd',
        'same result',
      ],
      rows.map((r) =>
        r.error
          ? [r.label, 'failed', '', '', '', '', '', '', '', '', '', r.error.slice(0, 60)]
          : [
              r.label + (r.sameModel ? '' : ' *'),
              r.nsPerInteraction,
              r.ratioToRadsim,
              r.nsPerInteractionCpu,
              r.ratioToRadsimCpu,
              r.buildMs / 1000,
              r.peakRssMiB,
              r.stats.majorClusters,
              r.stats.tiesInAgreement.toFixed(4),
              r.stats.meanTieDistance.toFixed(4),
              r.stats.sd.toFixed(4),
              (r.sameModel ? '' : '(') +
                (r.extra?.maxAbsDifferenceToRadsimSeed1 === 0
                  ? 'identical'
                  : r.agrees?.ok
                    ? 'yes'
                    : `NO (${r.agrees?.why.map((w) => w.split(' ')[0]).join(', ')})`) +
                (r.sameModel ? '' : ')'),
            ],
      ),
    ),
  );
  console.log('* not the same model or schedule: shown for information, not in the comparison');
  console.log(
    `same result: statistics within radsim's seed-to-seed spread (${rows.find((r) => r.impl === 'radsim')?.extra?.seeds ? (rows.find((r) => r.impl === 'radsim')!.extra!.seeds as unknown[]).length : 0} seeds); identical: same final opinions as radsim seed 1, bit for bit`,
  );
  for (const r of rows) if (r.agrees && !r.agrees.ok) console.log(`  ${r.impl}: ${r.agrees.why.join('; ')}`);
  console.log('');
}

await main();
