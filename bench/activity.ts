/**
 * How many agents need work in a week? Runs the baseline and, every few weeks, counts the agents
 * whose state is not at rest: in a radicalisation phase, detained, in a group, with a recent
 * trigger load above a threshold, with a need away from its personal baseline, or with a
 * non-negligible phase hazard. The population-wide stages (triggers, needs, phases, lifecourse,
 * practice) touch every agent every week; this measures how many of them could change at all,
 * i.e. what a stage that only visits "warm" agents would have to visit.
 *
 *   node --import tsx bench/activity.ts [--agents 100000] [--weeks 156] [--every 26] [--eps 1e-3] [--scenario file]
 */
import { NEED_BASELINE, NEED_STRIDE } from '../sim/population/agents.ts';
import { Simulation } from '../sim/run/simulation.ts';
import { loadScenarioFile } from '../sim/scenario/file.ts';
import { compileHazards } from '../sim/model/phases.ts';
import { BASELINE, parseArgs, table } from './lib/util.ts';

const args = parseArgs(process.argv.slice(2));
const agents = Number(args.agents ?? 100_000);
const weeks = Number(args.weeks ?? 156);
const every = Number(args.every ?? 26);
const eps = Number(args.eps ?? 1e-3);
const scenario = typeof args.scenario === 'string' ? args.scenario : BASELINE;
const sim = new Simulation(loadScenarioFile(scenario, { agents, weeks }));
const w = sim.world;
const a = w.agents;
const hazards = compileHazards(w);
const rows: (string | number)[][] = [];
const out: Record<string, number>[] = [];
while (!sim.done) {
  sim.step();
  if (w.week % every !== 0 && w.week !== 1) continue;
  let active = 0,
    trigger = 0,
    needOff = 0,
    hazard = 0,
    warm = 0;
  for (let i = 0; i < a.n; i++) {
    const isActive = a.phase[i] > 0 || a.detainedUntil[i] >= 0 || a.group[i] >= 0;
    const hasTrigger = a.recentTrigger[i] > eps;
    let off = false;
    for (let k = 0; k < 4; k++)
      if (Math.abs(a.needs[NEED_STRIDE * i + k] - a.needs[NEED_STRIDE * i + NEED_BASELINE + k]) > eps) off = true;
    let h = 0;
    for (const hz of hazards[a.phase[i]].list) {
      const v = hz.rate(i);
      if (v > 0) h += v;
    }
    const hasHazard = h > 1e-6;
    if (isActive) active++;
    if (hasTrigger) trigger++;
    if (off) needOff++;
    if (hasHazard) hazard++;
    if (isActive || hasTrigger || off || hasHazard) warm++;
  }
  const pct = (x: number) => (100 * x) / a.n;
  out.push({
    week: w.week,
    active: pct(active),
    trigger: pct(trigger),
    needOff: pct(needOff),
    hazard: pct(hazard),
    warm: pct(warm),
  });
  rows.push([w.week, pct(active), pct(trigger), pct(needOff), pct(hazard), pct(warm)]);
}
console.log(`Agents not at rest, % of ${agents.toLocaleString('en-US')} (${scenario}, threshold ${eps})\n`);
console.log(
  table(
    [
      'week',
      'phase>0/group/detained',
      `recent trigger > ${eps}`,
      `a need off baseline by > ${eps}`,
      'phase hazard > 1e-6/week',
      'any of these',
    ],
    rows,
  ),
);
process.stdout.write(`${JSON.stringify({ scenario, agents, weeks, eps, rows: out })}\n`);
