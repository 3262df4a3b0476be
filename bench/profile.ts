/**
 * CPU profile of the full model and a per-stage summary of where the time goes.
 *
 *   node --import tsx bench/profile.ts [--agents 100000] [--weeks 52] [--top 6] [--dir /tmp/radsim-prof]
 *
 * bench/model.ts is first bundled with esbuild (not minified) into bench/.cache/model.mjs: tsx
 * emits every module on one line, so a profile of it has no line information, while the
 * bundle keeps one statement per line. The bundle runs under `node --cpu-prof` (a sample every
 * 200 us); every sample is attributed to a stage: the nearest frame on its stack whose function
 * is a stage closure (`triggerStage`, `influenceStage`, ...), `recordWeek`, or the build
 * (`createWorld`, ...). Prints, per stage, its time, the functions with the most self time in it
 * (helpers V8 inlined into their caller count as the caller) and the hottest source lines of the
 * bundle. Writes bench/profile.json.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { BENCH_DIR, parseArgs, runJsonChild, table } from './lib/util.ts';
import type { ModelResult } from './model.ts';

interface CpuNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
  hitCount?: number;
  positionTicks?: { line: number; ticks: number }[];
}
interface CpuProfile {
  nodes: CpuNode[];
  samples: number[];
  timeDeltas: number[];
}

const BUILD = new Set([
  'createWorld',
  'buildPopulation',
  'buildNetwork',
  'Simulation',
  'toCSR',
  'loadScenarioFile',
  'validateScenario',
]);
/** Stage closure name -> name in the stage plan (sim/run/simulation.ts). */
const PLAN_NAME: Record<string, string> = { trigger: 'triggers', phase: 'phases' };

function stageOf(name: string): string | undefined {
  if (/^[a-z][A-Za-z]*Stage$/.test(name) && !name.startsWith('create')) {
    const base = name.replace(/Stage$/, '');
    return PLAN_NAME[base] ?? base;
  }
  if (name === 'recordWeek' || name === 'resetTickRecord') return 'record';
  if (BUILD.has(name)) return 'build';
  return undefined;
}

export interface StageProfile {
  stage: string;
  ms: number;
  share: number;
  top: { fn: string; where: string; ms: number; shareOfStage: number }[];
  lines: { line: number; source: string; shareOfStage: number }[];
}

export function summarise(p: CpuProfile, top: number, source: string[] = []): StageProfile[] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stageCache = new Map<number, string>();
  const stageFor = (id: number): string => {
    const cached = stageCache.get(id);
    if (cached) return cached;
    let cur: number | undefined = id;
    let found = 'other (startup, module loading, GC, idle)';
    while (cur !== undefined) {
      const s = stageOf(byId.get(cur)!.callFrame.functionName);
      if (s) {
        found = s;
        break;
      }
      cur = parent.get(cur);
    }
    stageCache.set(id, found);
    return found;
  };
  const self = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  // Line ticks per stage (bundle lines), from each node's positionTicks.
  const lineTicks = new Map<string, Map<number, number>>();
  const stageTicks = new Map<string, number>();
  for (const n of p.nodes) {
    const stage = stageFor(n.id);
    for (const pt of n.positionTicks ?? []) {
      if (!n.callFrame.url.endsWith('.mjs')) continue;
      if (!lineTicks.has(stage)) lineTicks.set(stage, new Map());
      const m = lineTicks.get(stage)!;
      m.set(pt.line, (m.get(pt.line) ?? 0) + pt.ticks);
    }
    stageTicks.set(stage, (stageTicks.get(stage) ?? 0) + (n.hitCount ?? 0));
  }
  let all = 0;
  for (let k = 0; k < p.samples.length; k++) {
    const dt = (p.timeDeltas[k + 1] ?? p.timeDeltas[k]) / 1000;
    const node = byId.get(p.samples[k])!;
    const stage = stageFor(node.id);
    const f = node.callFrame;
    const short = f.url.replace(/^.*\/(sim|bench|node_modules)\//, '$1/');
    const key = `${f.functionName || '(anonymous)'}\t${short ? `${short}:${f.lineNumber + 1}` : '(generated)'}`;
    if (!self.has(stage)) self.set(stage, new Map());
    const m = self.get(stage)!;
    m.set(key, (m.get(key) ?? 0) + dt);
    totals.set(stage, (totals.get(stage) ?? 0) + dt);
    all += dt;
  }
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([stage, ms]) => ({
      stage,
      ms,
      share: ms / all,
      top: [...self.get(stage)!.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([key, t]) => {
          const [fn, where] = key.split('\t');
          return { fn, where, ms: t, shareOfStage: t / ms };
        }),
      lines: [...(lineTicks.get(stage)?.entries() ?? [])]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([line, ticks]) => ({
          line,
          source: (source[line - 1] ?? '').trim().slice(0, 110),
          shareOfStage: ticks / (stageTicks.get(stage) || 1),
        })),
    }));
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const agents = Number(args.agents ?? 100_000);
  const weeks = Number(args.weeks ?? 52);
  const top = Number(args.top ?? 6);
  const dir = typeof args.dir === 'string' ? args.dir : '/tmp/radsim-prof';
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const bundle = resolve(BENCH_DIR, '.cache/model.mjs');
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [resolve(BENCH_DIR, 'model.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: bundle,
    logLevel: 'warning',
    // CommonJS dependencies (seedrandom) call require(); give the bundle one.
    banner: {
      js: "import { createRequire as __radsimCreateRequire } from 'node:module'; const require = __radsimCreateRequire(import.meta.url);",
    },
  });
  const source = readFileSync(bundle, 'utf8').split('\n');
  process.stderr.write(`profile: ${agents} agents x ${weeks} weeks under --cpu-prof ...\n`);
  const run = await runJsonChild<ModelResult>(process.execPath, [
    '--expose-gc',
    '--cpu-prof',
    `--cpu-prof-dir=${dir}`,
    '--cpu-prof-interval=200',
    bundle,
    '--agents',
    String(agents),
    '--weeks',
    String(weeks),
  ]);
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile in ${dir}`);
  const prof = JSON.parse(readFileSync(resolve(dir, file), 'utf8')) as CpuProfile;
  const stages = summarise(prof, top, source);
  const measured = Object.fromEntries(run.stages.map((s) => [s.name, s.ms / weeks]));
  console.log(`CPU profile, ${agents.toLocaleString('en-US')} agents x ${weeks} weeks (${resolve(dir, file)})\n`);
  for (const s of stages) {
    console.log(
      `${s.stage}: ${(s.ms / 1000).toFixed(2)} s, ${(s.share * 100).toFixed(1)}% of samples${measured[s.stage] !== undefined ? `; measured ${measured[s.stage].toFixed(1)} ms per tick` : ''}`,
    );
    console.log(
      table(
        ['function (self time)', 'where', 'ms', '% of stage'],
        s.top.map((t) => [t.fn, t.where, t.ms, (t.shareOfStage * 100).toFixed(1)]),
      ),
    );
    if (s.lines.length)
      console.log(
        table(
          ['hot line of the bundle', '% of stage'],
          s.lines.map((l) => [`${l.line}: ${l.source}`, (l.shareOfStage * 100).toFixed(1)]),
        ),
      );
    console.log('');
  }
  const out = resolve(BENCH_DIR, typeof args.out === 'string' ? args.out : 'profile.json');
  writeFileSync(
    out,
    `${JSON.stringify({ agents, weeks, profile: resolve(dir, file), measuredMsPerTick: measured, stages }, null, 1)}\n`,
  );
  console.log(`written to ${out}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
