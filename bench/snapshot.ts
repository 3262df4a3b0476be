/**
 * Saving and loading a simulation's whole state (sim/run/snapshot.ts) at scale: the snapshot's
 * size, the time to make its bytes and write them, and to read them and load them into a
 * running simulation. Loading rebuilds the world from the scenario and then writes the saved
 * state into it, so the build alone is timed too, before and after the load (load minus build
 * is the restore itself).
 *
 *   node --import tsx bench/snapshot.ts [--agents 1000000] [--weeks 8] [--scenario FILE]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Simulation } from '../sim/run/simulation.ts';
import { loadState, saveState } from '../sim/run/snapshot.ts';
import { loadScenarioFile } from '../sim/scenario/file.ts';
import { BASELINE, parseArgs } from './lib/util.ts';

const args = parseArgs(process.argv.slice(2));
const agents = Number(args.agents ?? 1_000_000);
const weeks = Number(args.weeks ?? 8);
const s = loadScenarioFile(String(args.scenario ?? BASELINE), { agents, weeks: weeks * 2 });

const seconds = (t: number) => Math.round(performance.now() - t) / 1000;
let t = performance.now();
const sim = new Simulation(s);
sim.start();
const build = seconds(t);
for (let i = 0; i < weeks; i++) sim.step();

const dir = mkdtempSync(join(tmpdir(), 'radsim-snapshot-'));
const file = join(dir, 'state.bin');
t = performance.now();
const bytes = saveState(sim);
const save = seconds(t);
t = performance.now();
writeFileSync(file, bytes);
const write = seconds(t);

t = performance.now();
const read = readFileSync(file);
const readS = seconds(t);
t = performance.now();
const loaded = loadState(read);
const load = seconds(t);
rmSync(dir, { recursive: true, force: true });
// The build again, now, under the same memory load as the load just timed.
t = performance.now();
new Simulation(s).start();
const buildAgain = seconds(t);

// The loaded simulation goes on as the saved one: one more week each, the same row.
sim.step();
loaded.step();
const same = sim.series.values.every((col, c) => col[sim.week] === loaded.series.values[c][loaded.week]);

console.log(
  JSON.stringify({
    agents,
    week: weeks,
    megabytes: Math.round(bytes.length / 1e5) / 10,
    seconds: { build, save, write, read: readS, load, buildAgain },
    nextWeekSame: same,
  }),
);
