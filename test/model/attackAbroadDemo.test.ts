/**
 * The captions of the attack-abroad guided demo (scenarios/attack-abroad.json, `demo`) say what
 * a trainer will see: these tests hold them to runs of the scenario as Explore plays it (20,000
 * people, the polarising event fired at the week-200 stop), so a change of the model that makes
 * a caption untrue fails here and the words get fixed with it.
 *
 * Seeds 1-6. Measured at the defaults when the captions were written (seeds 1-12): the
 * sensitivity phase at week 0 held 12-48 people; from week 0 to 100 it fell in 7 runs and rose in
 * 4 (mean ratio about 1); from week 104 to 130 it grew by a factor 1.5-2.8; the group and action
 * phases changed by at most 1; at week 200 it was above its week-104 level in 9 of 12 runs; in
 * weeks 201-226 the runs with the attack had 0-2 more entries into it per run than the same runs
 * without (summed over seeds 1-6: 128 against 124). Since the life course keeps the age profile at
 * rest and uncertainty relaxes to its set point, one of seeds 1-6 starts with 8 people in the
 * sensitivity phase, so the caption says 5 to 50.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import data from '../../scenarios/attack-abroad.json';
import { Simulation } from '../../sim/run/simulation.ts';
import { seriesColumn } from '../../sim/run/series.ts';
import { resolveScenarioFile } from '../../sim/scenario/file.ts';
import { validateScenario } from '../../sim/scenario/resolve.ts';

const SEEDS = [1, 2, 3, 4, 5, 6];
/** The demo's stops. */
const STOPS = [0, 100, 130, 200, 260];
const ATTACK_WEEK = 104;
const FIRED_WEEK = 200;

interface Run {
  p1: Float64Array;
  groupOrAction: number[];
  /** Entries 0 -> 1 per week. */
  entries: Float64Array;
}

/** Plays the scenario as the demo does, to `weeks`: the polarising event fired at its stop. */
function play(file: string, seed: number, weeks: number): Run {
  const s = validateScenario({ ...resolveScenarioFile(`scenarios/${file}`), seed, weeks }, file);
  const sim = new Simulation(s).finishBurnIn();
  while (!sim.done) {
    if (sim.week === FIRED_WEEK) sim.fireMacro('polarisingEvent', 1);
    sim.step();
  }
  const p2 = seriesColumn(sim.series, 'phase_2');
  const p3 = seriesColumn(sim.series, 'phase_3');
  return {
    p1: seriesColumn(sim.series, 'phase_1'),
    groupOrAction: Array.from(p2, (x, k) => x + p3[k]),
    entries: seriesColumn(sim.series, 'transition_0_1'),
  };
}

const sum = (xs: ArrayLike<number>, from: number, to: number) => {
  let t = 0;
  for (let k = from; k <= to; k++) t += xs[k];
  return t;
};

let attack: Run[] = [];
let baseline: Run[] = [];
beforeAll(() => {
  attack = SEEDS.map((seed) => play('attack-abroad.json', seed, STOPS[STOPS.length - 1]));
  baseline = SEEDS.map((seed) => play('baseline.json', seed, 226));
});

describe('the attack-abroad demo captions', () => {
  it('scenario data: the stops are where these tests look', () => {
    expect(data.demo.map((d) => d.week)).toEqual(STOPS);
    expect(data.demo[3]).toMatchObject({ fire: 'polarisingEvent' });
    expect(data.macro.schedule).toEqual([{ week: ATTACK_WEEK, type: 'attackAbroad', strength: 3 }]);
  });

  it('week 0: "some 5 to 50 of 20,000" are receptive', () => {
    for (const r of attack) {
      expect(r.p1[0]).toBeGreaterThanOrEqual(5);
      expect(r.p1[0]).toBeLessThanOrEqual(50);
    }
  });

  it('week 100: the sensitivity phase "goes up and down around a steady level" (no rise on average)', () => {
    // Mean of the six ratios; 0.67..1.5 leaves room for the spread of single runs (0.6-1.6).
    const ratio = attack.reduce((a, r) => a + r.p1[100] / r.p1[0], 0) / attack.length;
    expect(ratio).toBeGreaterThan(0.67);
    expect(ratio).toBeLessThan(1.5);
  });

  it('week 130: it grows "to one and a half to three times its size" before the attack; hardly anyone goes on to the group phase', () => {
    for (const r of attack) {
      const growth = r.p1[130] / r.p1[ATTACK_WEEK];
      // 1.4 rather than 1.5: the caption rounds, and one run of 12 measured grew by exactly 1.5.
      expect(growth).toBeGreaterThanOrEqual(1.4);
      expect(growth).toBeLessThanOrEqual(3);
      expect(r.groupOrAction[130] - r.groupOrAction[ATTACK_WEEK]).toBeLessThanOrEqual(2);
    }
  });

  it('week 200: "in most runs" the sensitivity phase is still above its level before the attack', () => {
    const above = attack.filter((r) => r.p1[FIRED_WEEK] > r.p1[ATTACK_WEEK]).length;
    expect(above).toBeGreaterThanOrEqual(4);
  });

  it('week 260: the second shock brought "about as many" into the sensitivity phase as without the attack', () => {
    const withAttack = attack.reduce((a, r) => a + sum(r.entries, FIRED_WEEK + 1, FIRED_WEEK + 26), 0);
    const without = baseline.reduce((a, r) => a + sum(r.entries, FIRED_WEEK + 1, FIRED_WEEK + 26), 0);
    // Within 20% of each other (measured: 128 against 124); and the event did bring people in:
    // more than in the 26 weeks before it in the runs without the attack.
    expect(withAttack / without).toBeGreaterThan(0.8);
    expect(withAttack / without).toBeLessThan(1.2);
    const before = baseline.reduce((a, r) => a + sum(r.entries, FIRED_WEEK - 25, FIRED_WEEK), 0);
    expect(without).toBeGreaterThan(before);
  });
});
