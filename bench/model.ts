/**
 * One run of the full baseline model at one size, in its own process (so memory figures are not
 * polluted by an earlier run). Prints one JSON line: build time, time of every tick, time per
 * stage, memory before and after the build, and peak RSS.
 *
 *   node --expose-gc --import tsx bench/model.ts --agents 100000 --weeks 104 [--scenario path]
 *
 * bench/run.ts calls this; it is also the script to profile:
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/model.ts --agents 100000 --weeks 26
 */
import { Simulation } from '../sim/run/simulation.ts';
import { loadScenarioFile } from '../sim/scenario/file.ts';
import { BASELINE, parseArgs, typedBytes } from './lib/util.ts';

export interface ModelResult {
  agents: number;
  weeks: number;
  edges: number;
  loadMs: number;
  buildMs: number;
  /** Wall time of every tick (Simulation.step), ms. */
  tickMs: number[];
  /** CPU time (user + system, all threads of the process) of every tick, ms: less sensitive to other load on the machine. */
  tickCpuMs: number[];
  buildCpuMs: number;
  /** Total ms per stage over the run, in plan order; `record` is the rest of step (reset + recordWeek). */
  stages: { name: string; ms: number }[];
  memory: {
    before: NodeJS.MemoryUsage;
    afterBuild: NodeJS.MemoryUsage;
    afterRun: NodeJS.MemoryUsage;
    /** process.resourceUsage().maxRSS in bytes: the peak over the whole process. */
    peakRss: number;
    /** Bytes held in typed arrays, counted from the world's objects. */
    typed: { agents: number; network: number; flags: number; other: number };
  };
  summary: { finalPhaseCounts: unknown; everSensitive: unknown; incidents: unknown };
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const agents = Number(args.agents ?? 100_000);
  const weeks = Number(args.weeks ?? 52);
  const path = typeof args.scenario === 'string' ? args.scenario : BASELINE;
  const progress = args.progress === true;

  gc();
  const before = process.memoryUsage();
  const t0 = performance.now();
  const scenario = loadScenarioFile(path, { agents, weeks });
  const loadMs = performance.now() - t0;
  const cb = process.cpuUsage();
  const sim = new Simulation(scenario);
  const cbd = process.cpuUsage(cb);
  const buildCpuMs = (cbd.user + cbd.system) / 1000;
  gc();
  const afterBuild = process.memoryUsage();

  const tickMs: number[] = [];
  const tickCpuMs: number[] = [];
  for (let k = 0; k < weeks; k++) {
    const c = process.cpuUsage();
    const t = performance.now();
    sim.step();
    tickMs.push(performance.now() - t);
    const cd = process.cpuUsage(c);
    tickCpuMs.push((cd.user + cd.system) / 1000);
    if (progress && (k + 1) % Math.max(1, Math.floor(weeks / 10)) === 0) {
      process.stderr.write(
        `  ${agents} agents: week ${k + 1}/${weeks}, ${(tickMs.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s\n`,
      );
    }
  }
  // After a GC: what the running model holds, including the stages' own arrays (allocated on
  // their first week: the influence stage's packed partner fields, the practice and
  // intervention sets, the dose slots).
  gc();
  const afterRun = process.memoryUsage();
  const total = tickMs.reduce((a, b) => a + b, 0);
  const stages = sim.stages.map((s) => ({ name: s.name, ms: s.ms }));
  stages.push({ name: 'record', ms: total - stages.reduce((a, s) => a + s.ms, 0) });

  const w = sim.world;
  const agentsBytes = typedBytes(w.agents);
  const networkBytes = typedBytes(w.network);
  const flagsBytes = typedBytes(w.flags);
  const allBytes = typedBytes(w);
  const s = sim.summary();
  const result: ModelResult = {
    agents,
    weeks,
    edges: w.network.targets.length,
    loadMs,
    buildMs: sim.buildMs,
    tickMs,
    tickCpuMs,
    buildCpuMs,
    stages,
    memory: {
      before,
      afterBuild,
      afterRun,
      peakRss: process.resourceUsage().maxRSS * 1024,
      typed: {
        agents: agentsBytes,
        network: networkBytes,
        flags: flagsBytes,
        other: allBytes - agentsBytes - networkBytes - flagsBytes,
      },
    },
    summary: { finalPhaseCounts: s.finalPhaseCounts, everSensitive: s.everSensitive, incidents: s.incidents },
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main();
