/**
 * Branching (sim/run/branch.ts): every scenario continues one shared history.
 * - A scenario continuing its own history gives, byte for byte, the run without a branch.
 * - Identical scenarios branched from one history differ by exactly 0.
 * - A scenario that differs only in a dynamic parameter that acts after the branch (a macro
 *   event scheduled later, a programme starting later) gives exactly its own unbranched run: the merge gave it every value
 *   its parameters shape, and the history everything else. Before a branch week k > 0 the
 *   series equal the reference's row for row.
 * - A scenario with more programmes (the case plans move to other indices) continues the
 *   history's cases under their own programme.
 * - A build-only field that differs is refused, naming the field and both values.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BranchError, branchFrom, buildDifferences, sharedHistory } from '../../sim/run/branch.ts';
import { seriesToCSV } from '../../sim/run/series.ts';
import { Simulation } from '../../sim/run/simulation.ts';
import { loadBusy } from './busyPractice.ts';
import type { Scenario } from '../../sim/scenario/schema.ts';

const file = (name: string) => fileURLToPath(new URL(`../../scenarios/${name}.json`, import.meta.url));
// 5,000 agents with a busy practice pipeline (./busyPractice.ts): the practice stage has open
// cases and queues at the end of the burn-in (checked below), so the merge meets running state,
// not only empty stages.
const SIZE = { agents: 5_000, weeks: 130, seed: 11 };
const load = (name: string): Scenario => loadBusy(file(name), SIZE);

function csv(sim: Simulation): string {
  return seriesToCSV(sim.series);
}

describe('branching from a shared history', () => {
  const baseline = load('baseline');
  const history = sharedHistory(baseline, 0);

  it('a scenario continuing its own history gives its unbranched run, byte for byte', () => {
    const plain = new Simulation(baseline).run();
    const branched = branchFrom(history, baseline).run();
    expect(csv(branched)).toBe(csv(plain));
    const { stageSeconds: _a, ...a } = branched.summary();
    const { stageSeconds: _b, ...b } = plain.summary();
    expect(a).toEqual(b);
  });

  it('identical scenarios from one history differ by exactly 0, and the history has open cases', () => {
    const one = branchFrom(history, baseline);
    const stocks = { ...one.world.practiceStocks };
    expect(stocks.cases + stocks.participants).toBeGreaterThan(0);
    const two = branchFrom(history, { ...baseline, name: 'copy' });
    expect(csv(one.run())).toBe(csv(two.run()));
  });

  it('a dynamic parameter that acts after the branch gives exactly the unbranched run of that scenario', () => {
    // A macro event scheduled at week 104, and a programme that starts at week 1 (one more
    // programme: the case plans of the history move to other indices).
    // Branch weeks before the change acts: the scenario's own history up to them is the reference's.
    const cases = [
      ['attack-abroad', [0, 50]],
      ['school-resilience', [0]],
    ] as const;
    for (const [name, weeks] of cases) {
      const s = load(name);
      const plain = csv(new Simulation(s).run());
      // The change shows in the run, so a merge that kept the reference's values would fail here.
      expect(plain).not.toBe(csv(new Simulation(baseline).run()));
      for (const week of weeks)
        expect(csv(branchFrom(sharedHistory(baseline, week), s).run()), `${name} at ${week}`).toBe(plain);
    }
  });

  it('takes the values its parameters shape from the scenario, the running state from the history', () => {
    // Case slots differ from the baseline's at this size only upwards: every region has at least
    // one slot, and at 5,000 agents the baseline's 10 and the cut's 3.33 per 100,000 both round
    // to 1. So the branch goes to a practice with ten times the baseline's slots.
    const cases = baseline.practice.cases;
    const more: Scenario = {
      ...baseline,
      name: 'more-slots',
      practice: { ...baseline.practice, cases: { ...cases, slotsPer100k: 10 * cases.slotsPer100k } },
    };
    const practice = (sim: Simulation) =>
      (
        sim.stages.find((st) => st.name === 'practice')!.module as unknown as {
          regions: { slots: number; waiting: { size: number } }[];
        }
      ).regions;
    const fresh = new Simulation(more);
    fresh.start();
    const ref = branchFrom(history, baseline);
    const sim = branchFrom(history, more);
    expect(practice(sim).map((r) => r.slots)).toEqual(practice(fresh).map((r) => r.slots));
    expect(practice(sim).map((r) => r.slots)).not.toEqual(practice(ref).map((r) => r.slots));
    expect(practice(sim).map((r) => r.waiting.size)).toEqual(practice(ref).map((r) => r.waiting.size));
    expect(sim.world.practiceStocks).toEqual(ref.world.practiceStocks);
  });

  it('changes nothing before the branch week', () => {
    const week = 40;
    const bytes = sharedHistory(baseline, week);
    const ref = new Simulation(baseline).run();
    const other = branchFrom(bytes, { ...baseline, triggers: { ...baseline.triggers, recentHalfLifeWeeks: 2 } });
    const rows = (s: Simulation) => csv(s).split('\n');
    const changed = rows(other.run());
    expect(changed.slice(0, week + 2)).toEqual(rows(ref).slice(0, week + 2)); // header + weeks 0..week
    expect(changed).not.toEqual(rows(ref));
  });

  it('a scenario with more programmes continues the history cases under its own case plans', () => {
    const holistic = load('holistic-support');
    const ref = branchFrom(history, baseline);
    const sim = branchFrom(history, holistic);
    const first = holistic.interventions.length;
    const a = ref.world.agents.enrolled,
      b = sim.world.agents.enrolled;
    let enrolled = 0;
    for (let i = 0; i < a.length; i++) {
      if (a[i] < 0) expect(b[i]).toBe(-1);
      else {
        enrolled++;
        expect(b[i]).toBe(a[i] + first); // the case plans come after the scenario's own programmes
        expect(sim.interventions.programmes[b[i]].spec.id).toBe(ref.interventions.programmes[a[i]].spec.id);
      }
    }
    expect(enrolled).toBeGreaterThan(0);
    expect(() => sim.run()).not.toThrow();
  });

  it('refuses a build-only field that differs, naming it and both values', () => {
    const denser = { ...baseline, network: { ...baseline.network, peer: { ...baseline.network.peer, meanDegree: 9 } } };
    expect(buildDifferences(baseline, denser)).toEqual([
      { path: 'network.peer.meanDegree', reference: baseline.network.peer.meanDegree, scenario: 9 },
    ]);
    expect(() => branchFrom(history, { ...denser, name: 'denser' })).toThrow(BranchError);
    expect(() => branchFrom(history, { ...denser, name: 'denser' })).toThrow(
      `network.peer.meanDegree is ${baseline.network.peer.meanDegree} in "baseline" and 9 in "denser"`,
    );
    const resized = {
      ...baseline,
      regions: baseline.regions.map((r, k) => (k === 0 ? { ...r, share: r.share - 0.1 } : r)),
    };
    expect(buildDifferences(baseline, resized).map((d) => d.path)).toEqual(['regions[0].share']);
    // Regions' practice overrides act after the build: they may differ.
    const practice = load('rural-practice-gap');
    expect(buildDifferences(baseline, practice)).toEqual([]);
  });
});
