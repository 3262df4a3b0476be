/**
 * The PGA caseload of a scenario region by region: people in a case and on the waiting list at
 * the end of every week after the burn-in, with the mean, the 95th percentile and the largest
 * week, per region and per 100,000 of the region. The run series hold only totals over the
 * regions, and case slots are per region, so sizing them (docs/model.md 8.13) needs these. A
 * documentation helper, not part of the simulator.
 *
 *   npx tsx docs/tools/caseload.ts scenarios/baseline.json --agents 100000 --seeds 1,2,3,4
 */
import { parseArgs } from 'node:util';
import { Simulation } from '../../sim/run/simulation.ts';
import { loadScenarioFile } from '../../sim/scenario/file.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { agents: { type: 'string', default: '100000' }, seeds: { type: 'string', default: '1,2,3,4' } },
});
if (positionals.length !== 1) throw new Error('usage: caseload.ts <scenario.json> [--agents N] [--seeds 1,2,...]');

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(0.95 * (xs.length - 1))];
const fmt = (x: number) => x.toFixed(2);

console.log('| seed | region | people | cases: mean | p95 | largest | largest per 100,000 | waiting: mean | largest |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const seed of values.seeds.split(',').map(Number)) {
  const scenario = loadScenarioFile(positionals[0], { agents: Number(values.agents), seed });
  const sim = new Simulation(scenario);
  const a = sim.world.agents;
  const R = scenario.regions.length;
  const people = new Array<number>(R + 1).fill(0);
  for (let i = 0; i < a.n; i++) people[a.region[i]]++;
  people[R] = a.n;
  const cases = Array.from({ length: R + 1 }, () => [] as number[]);
  const waiting = Array.from({ length: R + 1 }, () => [] as number[]);
  const c = new Array<number>(R + 1);
  const w = new Array<number>(R + 1);
  sim.run((week) => {
    if (week < 1) return;
    c.fill(0);
    w.fill(0);
    for (let i = 0; i < a.n; i++) {
      if (a.inCase[i] === 1) c[a.region[i]]++;
      else if (a.inCase[i] === 2) w[a.region[i]]++;
    }
    for (let r = 0; r < R; r++) {
      c[R] += c[r];
      w[R] += w[r];
    }
    for (let r = 0; r <= R; r++) {
      cases[r].push(c[r]);
      waiting[r].push(w[r]);
    }
  });
  const names = [...scenario.regions.map((r) => r.name), 'all'];
  for (let r = 0; r <= R; r++) {
    const top = Math.max(...cases[r]);
    console.log(
      `| ${seed} | ${names[r]} | ${people[r]} | ${fmt(mean(cases[r]))} | ${p95(cases[r])} | ${top} | ${fmt((top * 100_000) / people[r])} | ${fmt(mean(waiting[r]))} | ${Math.max(...waiting[r])} |`,
    );
  }
}
