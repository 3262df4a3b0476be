/**
 * Prevalence by age band over the years, burn-in included: per year since the build, for each
 * age band, its share of the population, the weekly mean number in phase 1 and in phases 2-3 per
 * 100,000 of the band, mean attitude, protection and identity-need baseline, and the share of
 * the band that entered as a newcomer; and the network around the youngest band (12-17): their
 * mean number of ties and the share of those ties to people of the same band, at the build and at
 * each year's end. Pooled over seeds.
 *
 *   node --import tsx bench/agePrevalence.ts --agents 50000 --years 25 --seeds 1,2 [--burnin 260] [--set path=value ...]
 */
import { AGE_BANDS, ageBandOf } from '../sim/domain.ts';
import type { LifecourseStage } from '../sim/model/lifecourse.ts';
import { NEED_BASELINE, NEED_STRIDE } from '../sim/population/agents.ts';
import { Simulation } from '../sim/run/simulation.ts';
import { loadScenarioFile } from '../sim/scenario/file.ts';
import { deepMerge, validateScenario } from '../sim/scenario/resolve.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const k = args.indexOf(`--${name}`);
  return k >= 0 ? args[k + 1] : dflt;
};
const agents = Number(opt('agents', '50000'));
const years = Number(opt('years', '25'));
const burnIn = Number(opt('burnin', '260'));
const seeds = opt('seeds', '1,2').split(',').map(Number);
const over: Record<string, unknown> = {};
args.forEach((x, k) => {
  if (x !== '--set') return;
  const [path, value] = args[k + 1].split('=');
  const keys = path.split('.');
  let o = over as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) o = (o[key] ??= {}) as Record<string, unknown>;
  o[keys[keys.length - 1]] = JSON.parse(value);
});
const B = AGE_BANDS.length;
const total = burnIn + 52 * years;
// [year][band][quantity]
const Q = ['n', 'p1', 'p23', 'att', 'prot', 'idBase', 'newcomer', 'labelled', 'unc'] as const;
const acc = Array.from({ length: Math.ceil(total / 52) }, () =>
  Array.from({ length: B }, () => new Float64Array(Q.length)),
);
// [year since the build, 0 = the build][people 12-17, their ties, ties within 12-17]
const young = Array.from({ length: Math.ceil(total / 52) + 1 }, () => new Float64Array(3));
function youngTies(w: Simulation['world'], into: Float64Array): void {
  const a = w.agents,
    net = w.network;
  for (let i = 0; i < a.n; i++) {
    if (ageBandOf(a.age[i]) !== 0) continue;
    into[0]++;
    for (let e = net.offsets[i]; e < net.offsets[i + 1]; e++) {
      into[1]++;
      if (ageBandOf(a.age[net.targets[e]]) === 0) into[2]++;
    }
  }
}
for (const seed of seeds) {
  const base = loadScenarioFile('scenarios/baseline.json', {
    seed,
    agents,
    weeks: total - burnIn,
    burnInWeeks: burnIn,
  });
  const s = validateScenario(deepMerge(base as unknown as Record<string, unknown>, over), 'variant');
  const sim = new Simulation(s);
  const w = sim.world,
    a = w.agents;
  const newcomer = new Uint8Array(a.n);
  const lastAge = Float32Array.from(a.age);
  const t0 = performance.now();
  youngTies(w, young[0]);
  sim.run(() => {
    const week = w.week; // weeks since the build
    if (week % 52 === 0) youngTies(w, young[week / 52]);
    const y = Math.floor((week - 1) / 52);
    const band = new Int32Array(a.n);
    for (let i = 0; i < a.n; i++) band[i] = ageBandOf(a.age[i]);
    for (let i = 0; i < a.n; i++) {
      // A renewal changes the age otherwise than a birthday would.
      if (a.age[i] !== lastAge[i] && a.age[i] !== lastAge[i] + 1) newcomer[i] = 1;
      lastAge[i] = a.age[i];
      const q = acc[y][band[i]];
      if (a.phase[i] === 1) q[1]++;
      else if (a.phase[i] >= 2) q[2]++;
      if (week % 52 === 0) {
        q[0]++;
        q[3] += a.attitude[i];
        q[4] += a.protection[i];
        q[5] += a.needs[NEED_STRIDE * i + NEED_BASELINE];
        q[6] += newcomer[i];
        q[7] += a.labelled[i];
        q[8] += a.uncertainty[i];
      }
    }
  });
  const ties = (sim.stages.find((st) => st.name === 'lifecourse')!.module as LifecourseStage).ties;
  console.error(
    `seed ${seed}: ${((performance.now() - t0) / 1000).toFixed(0)} s, renewed ${w.renewed}, newcomers' tie swaps ${ties.swaps} made, ${ties.missed} given up`,
  );
}
const f = (x: number, d = 1) => x.toFixed(d);
console.log(`agents ${agents} x seeds ${seeds.join(',')}, burn-in ${burnIn} weeks, ${JSON.stringify(over)}`);
console.log(
  'year\tall p1\tall p23\tlabelled/100k\t| per band (12-17,18-24,25-34,35-49,50-64,65+): share%  p1/100k  p23/100k  att  prot  idBase  newcomer%  uncertainty',
);
for (let y = 0; y < acc.length; y++) {
  const N = acc[y].reduce((t, q) => t + q[0], 0);
  if (N === 0) continue;
  const all1 = (acc[y].reduce((t, q) => t + q[1], 0) / 52 / N) * 1e5,
    all23 = (acc[y].reduce((t, q) => t + q[2], 0) / 52 / N) * 1e5;
  const cells = acc[y].map(
    (q) =>
      `${f((q[0] / N) * 100)} ${f((q[1] / 52 / q[0]) * 1e5, 0)} ${f((q[2] / 52 / q[0]) * 1e5, 0)} ${f(q[3] / q[0], 3)} ${f(q[4] / q[0], 3)} ${f(q[5] / q[0], 3)} ${f((q[6] / q[0]) * 100, 0)} ${f(q[8] / q[0], 3)}`,
  );
  const lab = (acc[y].reduce((t, q) => t + q[7], 0) / N) * 1e5;
  console.log(`${y + 1 - burnIn / 52}\t${f(all1, 0)}\t${f(all23, 1)}\t${f(lab, 0)}\t| ${cells.join(' | ')}`);
}
console.log('\nyears since the build\tties per person 12-17\tshare of them within 12-17');
young.forEach((q, y) => {
  if (q[0] > 0) console.log(`${y}\t${f(q[1] / q[0])}\t${f((q[2] / q[1]) * 100, 0)}%`);
});
