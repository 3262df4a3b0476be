/**
 * The weekly record (recordWeek: the tally of the agents and one value per series column) in
 * isolation, by CPU time, optionally against the record of an earlier version, on one world.
 *
 *   node --import tsx bench/record.ts --agents 1000000 --reps 60 [--against REV]
 *
 * The world is built from scenarios/baseline.json and run for 20 weeks; then each version records
 * that week into a series of its own `reps` times, alternating, and the median CPU time of each
 * (after 5 warm-up records) is printed. The old version is `git show REV:sim/run/series.ts`
 * written to bench/.cache with its imports pointed at the current tree, so it must still fit the
 * current world. Both versions' rows are compared and must be identical.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { World } from '../sim/model/world.ts';
import * as current from '../sim/run/series.ts';
import { Simulation } from '../sim/run/simulation.ts';
import { loadScenarioFile } from '../sim/scenario/file.ts';
import type { Scenario } from '../sim/scenario/schema.ts';
import { BASELINE, BENCH_DIR, parseArgs, ROOT } from './lib/util.ts';

interface Recorder {
  createSeries(s: Scenario): current.Series;
  recordWeek(series: current.Series, w: World): void;
}

async function oldVersion(rev: string): Promise<Recorder> {
  const source = execFileSync('git', ['show', `${rev}:sim/run/series.ts`], { cwd: ROOT, encoding: 'utf8' });
  // Imports relative to sim/run/ point at the current tree from bench/.cache/.
  const fixed = source.replace(/from '\.\.\//g, "from '../../sim/").replace(/from '\.\//g, "from '../../sim/run/");
  const dir = resolve(BENCH_DIR, '.cache');
  mkdirSync(dir, { recursive: true });
  const path = resolve(dir, `record-${rev.replace(/\W/g, '_')}-series.ts`);
  writeFileSync(path, fixed);
  return (await import(pathToFileURL(path).href)) as Recorder;
}

function cpuMs(run: () => void): number {
  const c = process.cpuUsage();
  run();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const agents = Number(args.agents ?? 1_000_000);
  const reps = Number(args.reps ?? 60);
  if (!(Number.isInteger(reps) && reps > 5)) throw new Error(`--reps must be a whole number > 5 (found ${reps})`);
  const s = loadScenarioFile(BASELINE, { agents, weeks: 100 });
  const sim = new Simulation(s);
  for (let k = 0; k < 20; k++) sim.step();
  const w = sim.world;
  const versions: { name: string; rec: Recorder }[] = [{ name: 'working tree', rec: current }];
  if (typeof args.against === 'string') versions.push({ name: args.against, rec: await oldVersion(args.against) });
  const series = versions.map((v) => v.rec.createSeries(s));
  const times: number[][] = versions.map(() => []);
  for (let r = 0; r < reps; r++) {
    const order = versions.map((_, k) => k);
    if (r % 2) order.reverse();
    for (const k of order) times[k].push(cpuMs(() => versions[k].rec.recordWeek(series[k], w)));
  }
  for (let k = 1; k < versions.length; k++) {
    const a = series[0],
      b = series[k];
    if (a.columns.join() !== b.columns.join()) throw new Error(`${versions[k].name} has other columns`);
    a.columns.forEach((c, j) => {
      if (!Object.is(a.values[j][w.week], b.values[j][w.week]))
        throw new Error(`column ${c}: ${a.values[j][w.week]} here, ${b.values[j][w.week]} in ${versions[k].name}`);
    });
  }
  const figures = versions.map((v, k) => `${v.name} ${median(times[k].slice(5)).toFixed(2)} ms`);
  console.log(
    `record at ${agents.toLocaleString('en-US')} agents (${w.active.size} active), median CPU of ${reps - 5}: ${figures.join('; ')}`,
  );
}

await main();
