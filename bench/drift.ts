/**
 * Does the baseline drift? Runs a scenario for several seeds and prints, per year after the
 * burn-in, the phase prevalences per 100,000, everyone's mean attitude and the incidents, pooled
 * over the seeds, then each figure's least-squares slope (95% interval) and Mann-Kendall score.
 *
 *   node --import tsx bench/drift.ts [scenario] --agents 20000 --years 20 --seeds 1,2
 */
import { loadScenarioFile } from '../sim/scenario/file.ts';
import { mannKendall, slopeCI } from '../sim/stats/trend.ts';
import { runYearly, type Yearly } from '../test/model/yearly.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const k = args.indexOf(`--${name}`);
  return k >= 0 ? args[k + 1] : dflt;
};
const file = args[0] && !args[0].startsWith('--') ? args[0] : 'scenarios/baseline.json';
const agents = Number(opt('agents', '20000'));
const years = Number(opt('years', '20'));
const seeds = opt('seeds', '1,2').split(',').map(Number);

const runs: Yearly[] = [];
for (const seed of seeds) {
  const t = performance.now();
  runs.push(runYearly(loadScenarioFile(file, { seed, agents, weeks: 52 * years })));
  console.error(`seed ${seed}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
const pooled = (pick: (r: Yearly, y: number) => number) =>
  Array.from({ length: years }, (_, y) => runs.reduce((t, r) => t + pick(r, y), 0) / runs.length);
const figures: [string, number[]][] = [
  ['sensitivity /100k', pooled((r, y) => r.prevalence[y][0])],
  ['group /100k', pooled((r, y) => r.prevalence[y][1])],
  ['action /100k', pooled((r, y) => r.prevalence[y][2])],
  ['mean attitude', pooled((r, y) => r.attitude[y])],
  ['incidents/100k/yr', pooled((r, y) => (r.incidents[y] * 1e5) / agents)],
  ['share age 12-17', pooled((r, y) => r.ageShares[y][0])],
  ['share age 50+', pooled((r, y) => r.ageShares[y][r.ageShares[y].length - 1])],
];
const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toFixed(4));
console.log(`${file}: ${agents} agents, ${years} years, seeds ${seeds.join(',')} (pooled means per year)`);
console.log(['year', ...figures.map(([n]) => n)].join('\t'));
for (let y = 0; y < years; y++) console.log([y + 1, ...figures.map(([, v]) => fmt(v[y]))].join('\t'));
console.log('\nfigure\tlevel\tslope/yr (95% CI)\tchange over run / level\tMann-Kendall z (p)');
for (const [name, v] of figures) {
  const s = slopeCI(v),
    mk = mannKendall(v);
  const rel = (x: number) =>
    `${((x * (years - 1)) / s.level) * 100 > 0 ? '+' : ''}${(((x * (years - 1)) / s.level) * 100).toFixed(0)}%`;
  console.log(
    `${name}\t${fmt(s.level)}\t${fmt(s.slope)} (${fmt(s.lo)}, ${fmt(s.hi)})\t${rel(s.slope)} (${rel(s.lo)}, ${rel(s.hi)})\t${mk.z.toFixed(2)} (${mk.p.toFixed(3)})`,
  );
}
