/**
 * The tick allocates nothing per agent (docs/architecture.md): a number boxed on the heap in a
 * loop over everyone costs time (allocation, then garbage collection) without showing in any
 * result. Two such leaks went unnoticed for a long while (the hazard set returning its sum, the
 * practice signal loop reading a plain array), so this test watches every stage.
 *
 * Measured as the growth of the V8 heap across each stage's run; a week in which a garbage
 * collection happens inside the stage shows a drop and is left out. Per stage, the least over
 * 30 weeks (after 10 weeks for the JIT to settle), at 20,000 and at 100,000 agents: what grows
 * with the population is the difference over the 80,000 more agents, which must stay below a
 * quarter of a byte per agent and week (a heap number for every agent is 12-16 bytes, one for
 * every fifteenth agent about 1). A stage's fixed allocations per week (a small array, an
 * iterator) do not grow with the population and are not what this is about.
 *
 * Watched: the stages that pass over everyone every week. Left out: the life course (each
 * renewal draws a newcomer's traits with a stream object of its own, a few kilobytes for each
 * of about a hundredth of the population a year), and the stages that visit only the people in
 * a phase or in a programme (action, interventions: under 2% of the population; their large
 * per-person functions are called so rarely that V8 optimises them only after many weeks, and
 * until then every number in them is boxed).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { World } from '../../sim/model/world.ts';
import { Simulation } from '../../sim/run/simulation.ts';
import { loadScenarioFile } from '../../sim/scenario/file.ts';

const BASELINE = fileURLToPath(new URL('../../scenarios/baseline.json', import.meta.url));
const SMALL = 20_000,
  LARGE = 100_000;
const LIMIT = 0.25; // bytes per agent and week
const WATCHED = new Set(['triggers', 'influence', 'needs', 'phases', 'practice']);

/**
 * Least heap growth in a week of each watched stage, in bytes. The least, not the median: a leak
 * in a stage's optimised code shows every week, while the weeks a stage runs unoptimised (after a
 * rare path deoptimises it, until V8 has compiled it again) box numbers too, and on a loaded
 * machine (a fresh-clone CI beside another run) those were once more than half of them.
 */
function leastGrowth(agents: number): Map<string, number> {
  const sim = new Simulation(loadScenarioFile(BASELINE, { agents, weeks: 60 }));
  for (let k = 0; k < 10; k++) sim.step();
  const grown = new Map<string, number[]>();
  for (const stage of sim.stages) {
    if (!WATCHED.has(stage.name)) continue;
    const m = stage.module,
      step = m.step.bind(m),
      deltas: number[] = [];
    grown.set(stage.name, deltas);
    m.step = (w: World) => {
      const before = process.memoryUsage().heapUsed;
      step(w);
      const d = process.memoryUsage().heapUsed - before;
      if (d >= 0) deltas.push(d);
    };
  }
  for (let k = 0; k < 30; k++) sim.step();
  const least = new Map<string, number>();
  for (const [name, deltas] of grown) {
    expect(deltas.length, `${name} at ${agents} agents: weeks without a collection inside the stage`).toBeGreaterThan(
      15,
    );
    least.set(name, Math.min(...deltas));
  }
  return least;
}

describe('heap allocation in the tick', () => {
  it('no stage that passes over everyone allocates per agent (growth with the population below a quarter byte per agent-week)', () => {
    const small = leastGrowth(SMALL),
      large = leastGrowth(LARGE);
    const perAgentWeek = Object.fromEntries(
      [...large].map(([name, b]) => [name, Number(((b - small.get(name)!) / (LARGE - SMALL)).toFixed(3))]),
    );
    expect(Object.keys(perAgentWeek).sort()).toEqual([...WATCHED].sort());
    const over = Object.entries(perAgentWeek).filter(([, b]) => b >= LIMIT);
    expect(over, `bytes per added agent and week, by stage: ${JSON.stringify(perAgentWeek)}`).toEqual([]);
  });
});
