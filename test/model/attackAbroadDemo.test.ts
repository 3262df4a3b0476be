/**
 * The captions of the attack-abroad guided demo (scenarios/attack-abroad.json, `demo`) say what
 * a trainer will see: these tests hold them to runs of the scenario as Explore plays it (20,000
 * people, the polarising event fired at the week-200 stop), so a change of the model that makes
 * a caption untrue fails here and the words get fixed with it.
 *
 * Seeds 1-6. Measured at the calibrated defaults (seeds 1-12, `node --import tsx` on a one-off
 * script that plays the runs as below): the sensitivity phase at week 0 held 49-255 people; from
 * week 0 to 100 its ratio ranged from 0.47 to 2.39 with no rise on average; from week 104 to 130
 * it grew by a factor 1.20-2.44, and the group and action phases by 0-11 people, at most a fifth
 * (0.22) of the growth of the sensitivity phase; at week 200 it was above its week-104 level in 8
 * of 12 runs (3 of seeds 1-6); in weeks 201-226 the runs with the attack had 1,839 entries into
 * it against 1,823 without (884 in the 26 weeks before the event without the attack).
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

  it('week 0: "some 50 to 250 of 20,000" are receptive', () => {
    for (const r of attack) {
      expect(r.p1[0]).toBeGreaterThanOrEqual(40);
      expect(r.p1[0]).toBeLessThanOrEqual(260);
    }
  });

  it('week 100: the sensitivity phase "goes up and down around a steady level" (no rise on average)', () => {
    // Mean of the six ratios; 0.67..1.5 leaves room for the spread of single runs (0.6-1.6).
    const ratio = attack.reduce((a, r) => a + r.p1[100] / r.p1[0], 0) / attack.length;
    expect(ratio).toBeGreaterThan(0.67);
    expect(ratio).toBeLessThan(1.5);
  });

  it('week 130: it grows "to between one and a fifth and two and a half times its size" before the attack; "at most one for every four" goes on to the group phase', () => {
    for (const r of attack) {
      const growth = r.p1[130] / r.p1[ATTACK_WEEK];
      // 1.15 and 2.5: the caption rounds the measured 1.20-2.44.
      expect(growth).toBeGreaterThanOrEqual(1.15);
      expect(growth).toBeLessThanOrEqual(2.5);
      const intoGroup = r.groupOrAction[130] - r.groupOrAction[ATTACK_WEEK];
      expect(intoGroup).toBeLessThanOrEqual(0.25 * (r.p1[130] - r.p1[ATTACK_WEEK]));
    }
  });

  it('week 200: "in many runs" the sensitivity phase is still above its level before the attack', () => {
    const above = attack.filter((r) => r.p1[FIRED_WEEK] > r.p1[ATTACK_WEEK]).length;
    // "Many": at least half (measured: 3 of these 6, 8 of 12).
    expect(above).toBeGreaterThanOrEqual(3);
  });

  it('week 260: the second shock brought "about as many" into the sensitivity phase as without the attack', () => {
    const withAttack = attack.reduce((a, r) => a + sum(r.entries, FIRED_WEEK + 1, FIRED_WEEK + 26), 0);
    const without = baseline.reduce((a, r) => a + sum(r.entries, FIRED_WEEK + 1, FIRED_WEEK + 26), 0);
    // Within 20% of each other (measured over seeds 1-12: 1,839 against 1,823); and the event did bring people in:
    // more than in the 26 weeks before it in the runs without the attack.
    expect(withAttack / without).toBeGreaterThan(0.8);
    expect(withAttack / without).toBeLessThan(1.2);
    const before = baseline.reduce((a, r) => a + sum(r.entries, FIRED_WEEK - 25, FIRED_WEEK), 0);
    expect(without).toBeGreaterThan(before);
  });
});
