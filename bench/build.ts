/**
 * The parts of the build, timed apart: the population (every trait of every person) and the
 * network (the four layers and the CSR), and the whole build (the Simulation constructor, which
 * builds both again and then the rest of the world: flags, sets, the tick record, the stages).
 * The build figures of docs/performance.md (section 3), and the build apart from the ticks.
 *
 *   node --import tsx bench/build.ts [--agents 1000000] [--rounds 3]
 *
 * Each round builds afresh in this process; printed per round and as the best of the rounds.
 * `npm run bench` reports the whole build (the Simulation constructor) per size.
 */
import { buildNetwork } from '../sim/network/build.ts';
import { buildPopulation } from '../sim/population/build.ts';
import { Simulation } from '../sim/run/simulation.ts';
import { loadScenarioFile } from '../sim/scenario/file.ts';
import { BASELINE, parseArgs, table } from './lib/util.ts';

const args = parseArgs(process.argv.slice(2));
const agents = Number(args.agents ?? 1_000_000);
const rounds = Number(args.rounds ?? 3);
const s = loadScenarioFile(BASELINE, { agents, weeks: 1 });
const rows: number[][] = [];
for (let r = 0; r < rounds; r++) {
  let t = performance.now();
  const { agents: a, layout } = buildPopulation(s);
  const population = performance.now() - t;
  t = performance.now();
  buildNetwork(s, a, layout);
  const network = performance.now() - t;
  t = performance.now();
  const sim = new Simulation(s);
  const whole = performance.now() - t;
  rows.push([population, network, whole]);
  void sim;
}
const best = [0, 1, 2].map((k) => Math.min(...rows.map((x) => x[k])));
const s2 = (ms: number) => (ms / 1000).toFixed(2);
console.log(
  `Build of the baseline at ${agents.toLocaleString('en-US')} agents, seconds (whole: the Simulation constructor)\n`,
);
console.log(
  table(
    ['round', 'population', 'network', 'whole'],
    [...rows.map((x, r) => [String(r + 1), ...x.map(s2)]), ['best', ...best.map(s2)]],
  ),
);
