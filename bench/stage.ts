/**
 * One stage of the tick in isolation, by CPU time, optionally against an earlier version of the
 * same stage file: the way per-stage figures (docs/performance.md, section 1) can be taken
 * on a busy machine, where wall times were not usable.
 *
 *   node --import tsx bench/stage.ts --stage influence --agents 1000000 --reps 10
 *   node --import tsx bench/stage.ts --stage triggers --agents 1000000 --against REV
 *
 * The world is built from scenarios/baseline.json and run for 3 weeks; then the stage is run
 * `reps` times (`--against`: the old and the current version alternate on the same world) and
 * the median CPU time (`process.cpuUsage`, this process) per agent is printed. The old version is
 * `git show REV:sim/model/<file>` written to bench/.cache with its imports pointed at the current
 * tree, so it must still fit the current world and export the stage's module class (true of
 * commits since the stages became modules, sim/model/module.ts; for older ones use bench/versus.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Simulation } from '../sim/run/simulation.ts';
import type { World } from '../sim/model/world.ts';
import { loadScenarioFile } from '../sim/scenario/file.ts';
import { BASELINE, BENCH_DIR, parseArgs, ROOT } from './lib/util.ts';

type StageRun = (w: World) => void;
type Module = { init(w: World, plan: readonly unknown[]): void; step(w: World): void };
type Ctor = new (w: World, ...deps: unknown[]) => Module;

/** A stage module built on the simulation's world and set up (init), as a function of the world. */
function build(m: Record<string, unknown>, className: string, sim: Simulation, ...deps: unknown[]): StageRun {
  const stage = new (m[className] as Ctor)(sim.world, ...deps);
  stage.init(sim.world, []);
  return (w) => stage.step(w);
}

/** How each stage is made from the simulation (its file and module class). */
const STAGES: Record<string, { file: string; make: (m: Record<string, unknown>, sim: Simulation) => StageRun }> = {
  influence: { file: 'socialInfluence.ts', make: (m, sim) => build(m, 'InfluenceStage', sim) },
  triggers: { file: 'triggers.ts', make: (m, sim) => build(m, 'TriggerStage', sim) },
  needs: { file: 'needs.ts', make: (m, sim) => build(m, 'NeedsStage', sim) },
  // Transitions are not applied (a no-op mover), so both versions see the same world.
  phases: { file: 'phases.ts', make: (m, sim) => build(m, 'PhaseStage', sim, { move: () => {} }) },
  practice: { file: 'practice.ts', make: (m, sim) => build(m, 'PracticeStage', sim, sim.interventions) },
  lifecourse: { file: 'lifecourse.ts', make: (m, sim) => build(m, 'LifecourseStage', sim) },
};

async function oldVersion(rev: string, file: string): Promise<Record<string, unknown>> {
  const source = execFileSync('git', ['show', `${rev}:sim/model/${file}`], { cwd: ROOT, encoding: 'utf8' });
  // Imports relative to sim/model/ point at the current tree from bench/.cache/.
  const fixed = source.replace(/from '\.\.\//g, "from '../../sim/").replace(/from '\.\//g, "from '../../sim/model/");
  const dir = resolve(BENCH_DIR, '.cache');
  mkdirSync(dir, { recursive: true });
  const path = resolve(dir, `stage-${rev}-${file}`);
  writeFileSync(path, fixed);
  return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
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
  const name = String(args.stage ?? 'influence');
  const spec = STAGES[name];
  if (!spec) throw new Error(`--stage must be one of ${Object.keys(STAGES).join(', ')} (found "${name}")`);
  const agents = Number(args.agents ?? 1_000_000);
  const reps = Number(args.reps ?? 10);
  const s = loadScenarioFile(BASELINE, { agents, weeks: 100 });
  const sim = new Simulation(s);
  for (let k = 0; k < 3; k++) sim.step();
  const current = spec.make((await import(`../sim/model/${spec.file}`)) as Record<string, unknown>, sim);
  // Practice keeps queues and case sets of its own that act on the agents' flags: two versions
  // on one world disturb each other, so it is timed alone (run it once per version instead).
  if (typeof args.against === 'string' && name === 'practice')
    throw new Error(
      "--against does not work for practice (its queues and the agents' flags couple the two versions); time each version on its own",
    );
  const against = typeof args.against === 'string' ? spec.make(await oldVersion(args.against, spec.file), sim) : null;
  const tNew: number[] = [],
    tOld: number[] = [];
  for (let r = 0; r < reps; r++) {
    if (against) tOld.push(cpuMs(() => against(sim.world)));
    tNew.push(cpuMs(() => current(sim.world)));
  }
  const ns = (ms: number) => ((ms * 1e6) / agents).toFixed(1);
  const line = `${name} at ${agents.toLocaleString('en-US')} agents, median of ${reps}: ${ns(median(tNew))} ns per agent (CPU)`;
  console.log(against ? `${line}; ${args.against}: ${ns(median(tOld))} ns` : line);
}

await main();
