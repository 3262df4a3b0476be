/**
 * Heap allocated per week by each stage of the tick: the figures of docs/performance.md
 * (section 3, fourth session) on numbers boxed in the per-agent loops.
 *
 *   node --max-semi-space-size=1024 --import tsx bench/allocation.ts [--agents 1000000] [--warmup 6] [--weeks 20]
 *
 * Wraps every stage's run in a reading of the V8 heap before and after; a week in which a
 * garbage collection happened inside a stage shows a drop and is not counted. A large young generation (`--max-semi-space-size`, in MiB) makes such weeks
 * rare. Prints, per stage, the median and the mean of the bytes allocated per week and the
 * largest week (a macro week, or a week in which V8 was still compiling the stage), and the
 * median per agent.
 * test/unit/tickAllocation.test.ts checks the same thing at small sizes.
 */
import { Simulation } from '../sim/run/simulation.ts';
import type { World } from '../sim/model/world.ts';
import { loadScenarioFile } from '../sim/scenario/file.ts';
import { BASELINE, parseArgs, table } from './lib/util.ts';

const args = parseArgs(process.argv.slice(2));
const agents = Number(args.agents ?? 1_000_000);
const warmup = Number(args.warmup ?? 6);
const weeks = Number(args.weeks ?? 20);
const sim = new Simulation(loadScenarioFile(BASELINE, { agents, weeks: warmup + weeks }));
for (let k = 0; k < warmup; k++) sim.step();
const grown = new Map<string, number[]>();
for (const stage of sim.stages) {
  const m = stage.module,
    step = m.step.bind(m),
    deltas: number[] = [];
  grown.set(stage.name, deltas);
  m.step = (w: World) => {
    const before = process.memoryUsage().heapUsed;
    step(w);
    const d = process.memoryUsage().heapUsed - before;
    if (d >= 0) deltas.push(d);
  };
}
for (let k = 0; k < weeks; k++) sim.step();
const mb = (b: number) => (b / 1e6).toFixed(2);
const rows = [...grown].map(([name, d]) => {
  const sorted = [...d].sort((x, y) => x - y);
  const median = sorted.length ? sorted[sorted.length >> 1] : NaN;
  const mean = d.reduce((x, y) => x + y, 0) / Math.max(1, d.length);
  return [name, d.length, mb(median), mb(mean), mb(sorted[sorted.length - 1] ?? NaN), (median / agents).toFixed(3)];
});
console.log(
  `Heap allocated per week by stage, ${agents.toLocaleString('en-US')} agents, weeks ${warmup + 1}-${warmup + weeks} (weeks with a collection inside the stage left out)\n`,
);
console.log(table(['stage', 'weeks counted', 'median MB', 'mean MB', 'largest MB', 'median B per agent'], rows));
