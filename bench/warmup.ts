/**
 * The start of a fresh thread: several replicates one after another in one thread, with the
 * wall time, the process CPU time and the time V8's optimising compiler spent on each
 * (docs/performance.md section 5, Ensembles: why 4 runs on 2 workers speed up less than 20).
 *
 *   node --import tsx bench/warmup.ts [--replicates 4] [--agents 20000] [--weeks 260]
 *
 * Runs itself again as a child under `node --trace-opt` and adds up the compile times V8 prints
 * ("completed compiling ... took a, b, c ms") between the replicates. CPU above wall time is
 * work on V8's background threads, most of it compiling.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Simulation } from '../sim/run/simulation.ts';
import { loadScenarioFile } from '../sim/scenario/file.ts';
import { BASELINE, parseArgs, table } from './lib/util.ts';

const args = parseArgs(process.argv.slice(2));
const REPLICATES = Number(args.replicates ?? 4),
  AGENTS = Number(args.agents ?? 20_000),
  WEEKS = Number(args.weeks ?? 260);
const MARK = 'radsim-warmup-replicate';

if (args.child) {
  for (let k = 1; k <= REPLICATES; k++) {
    const c = process.cpuUsage(),
      t = performance.now();
    const sim = new Simulation(loadScenarioFile(BASELINE, { seed: k, agents: AGENTS, weeks: WEEKS }));
    while (!sim.done) sim.step();
    const d = process.cpuUsage(c);
    console.log(`${MARK} ${k} ${performance.now() - t} ${(d.user + d.system) / 1000}`);
  }
} else {
  const self = fileURLToPath(import.meta.url);
  const out = spawnSync(
    process.execPath,
    [
      '--trace-opt',
      '--import',
      'tsx',
      self,
      '--child',
      '--replicates',
      String(REPLICATES),
      '--agents',
      String(AGENTS),
      '--weeks',
      String(WEEKS),
    ],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    },
  );
  if (out.status !== 0) throw new Error(`child failed: ${out.stderr}`);
  const rows: (string | number)[][] = [];
  let compileMs = 0,
    compiled = 0;
  for (const line of out.stdout.split('\n')) {
    const m = /completed compiling .* took ([0-9.]+), ([0-9.]+), ([0-9.]+) ms/.exec(line);
    if (m) {
      compileMs += Number(m[1]) + Number(m[2]) + Number(m[3]);
      compiled++;
    } else if (line.startsWith(MARK)) {
      const [, k, wall, cpu] = line.split(' ');
      rows.push([Number(k), Number(wall) / 1000, Number(cpu) / 1000, compiled, compileMs / 1000]);
      compileMs = 0;
      compiled = 0;
    }
  }
  console.log(
    `\n${REPLICATES} replicates of ${AGENTS.toLocaleString('en-US')} agents x ${WEEKS} weeks, one after another in one thread (seeds 1, 2, ...)\n`,
  );
  console.log(table(['replicate', 'wall s', 'CPU s', 'functions optimised', 'compiler s'], rows));
}
