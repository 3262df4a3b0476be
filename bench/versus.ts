/**
 * The full model of two versions side by side in one process, week by week in turn: the A/B for
 * a speed change on a machine whose speed drifts.
 *
 *   node --import tsx bench/versus.ts --against REV [--agents 1000000] [--weeks 24] [--warmup 6] [--rounds 2]
 *
 * On this VM the whole machine runs 30-50% slower for minutes at a time, in every stage at once
 * (docs/performance.md, section 2), so two runs one after the other, or the same stage of two
 * versions on a world they share (bench/stage.ts), can differ by more than the change being
 * measured. Here the working tree and REV (checked out as a git worktree in bench/.cache) each
 * build the baseline and are stepped alternately, one week each, so both see the same machine;
 * each round starts with the other version, and every round builds afresh. Printed per round:
 * ms per week (wall) of every stage and of the whole step; then the ratio of the two totals.
 * The outputs are not compared here: for that, run both versions through the CLI and `cmp` the
 * series (docs/performance.md, section 2).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Simulation } from '../sim/run/simulation.ts';
import { BENCH_DIR, parseArgs, ROOT, table } from './lib/util.ts';

interface Version {
  name: string;
  root: string;
}

/** A worktree of REV in bench/.cache (made once per commit), sharing this tree's node_modules. */
function worktree(rev: string): string {
  const commit = execFileSync('git', ['rev-parse', '--verify', `${rev}^{commit}`], {
    cwd: ROOT,
    encoding: 'utf8',
  }).trim();
  const dir = resolve(BENCH_DIR, '.cache', `versus-${commit.slice(0, 12)}`);
  if (!existsSync(dir)) {
    mkdirSync(resolve(BENCH_DIR, '.cache'), { recursive: true });
    execFileSync('git', ['worktree', 'add', '--detach', dir, commit], { cwd: ROOT, stdio: 'ignore' });
  }
  const modules = resolve(dir, 'node_modules');
  if (!existsSync(modules)) symlinkSync(resolve(ROOT, 'node_modules'), modules);
  return dir;
}

async function build(v: Version, agents: number, weeks: number): Promise<Simulation> {
  const load = async <T>(path: string) => (await import(pathToFileURL(resolve(v.root, path)).href)) as T;
  const { Simulation } = await load<typeof import('../sim/run/simulation.ts')>('sim/run/simulation.ts');
  const { loadScenarioFile } = await load<typeof import('../sim/scenario/file.ts')>('sim/scenario/file.ts');
  return new Simulation(loadScenarioFile(resolve(v.root, 'scenarios/baseline.json'), { agents, weeks }));
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args.against !== 'string')
    throw new Error('--against REV is required (a commit, branch or tag to compare the working tree with)');
  const agents = Number(args.agents ?? 1_000_000);
  const weeks = Number(args.weeks ?? 24);
  const warmup = Number(args.warmup ?? 6);
  const rounds = Number(args.rounds ?? 2);
  for (const [name, x] of [
    ['--agents', agents],
    ['--weeks', weeks],
    ['--rounds', rounds],
  ] as const) {
    if (!(Number.isInteger(x) && x >= 1)) throw new Error(`${name} must be a whole number >= 1 (found ${x})`);
  }
  if (!(Number.isInteger(warmup) && warmup >= 0))
    throw new Error(`--warmup must be a whole number >= 0 (found ${warmup})`);
  const versions: Version[] = [
    { name: 'working tree', root: ROOT },
    { name: String(args.against), root: worktree(args.against) },
  ];
  const totals: number[][] = versions.map(() => []);
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? [0, 1] : [1, 0];
    const sims: Simulation[] = [];
    for (const k of order) sims[k] = await build(versions[k], agents, warmup + weeks);
    for (let wk = 0; wk < warmup; wk++) for (const k of order) sims[k].step();
    const stageStart = sims.map((sim) => sim.stages.map((st) => st.ms));
    const stepMs = versions.map(() => 0);
    for (let wk = 0; wk < weeks; wk++) {
      for (const k of order) {
        const t = performance.now();
        sims[k].step();
        stepMs[k] += performance.now() - t;
      }
    }
    const names = sims[0].stages.map((st) => st.name);
    const perWeek = (k: number, name: string) => {
      const j = sims[k].stages.findIndex((st) => st.name === name);
      return j < 0 ? NaN : (sims[k].stages[j].ms - stageStart[k][j]) / weeks;
    };
    const rows = names.map((name) => [name, ...versions.map((_, k) => perWeek(k, name).toFixed(1))]);
    rows.push(['whole step', ...stepMs.map((ms) => (ms / weeks).toFixed(1))]);
    versions.forEach((_, k) => totals[k].push(stepMs[k] / weeks));
    console.log(
      `\nround ${round + 1} of ${rounds} (${versions[order[0]].name} first): ms per week at ${agents.toLocaleString('en-US')} agents, weeks ${warmup + 1}-${warmup + weeks}`,
    );
    console.log(table(['stage', ...versions.map((v) => v.name)], rows));
  }
  const ratios = totals[0].map((t, r) => t / totals[1][r]);
  console.log(
    `\nworking tree / ${versions[1].name}, whole step, by round: ${ratios.map((x) => x.toFixed(3)).join(', ')}`,
  );
}

await main();
