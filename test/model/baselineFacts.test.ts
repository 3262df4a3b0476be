/**
 * Stylized facts 1b, 2, 4 and 5 of MODEL.md section 7 on an ensemble of the baseline
 * (4 seeds x 20,000 agents x 520 weeks). Nothing in the code writes these results in: they
 * come out of susceptibility, hazards, group formation and influence. Each tolerance is
 * explained where it is used.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Simulation } from '../../sim/run/simulation.ts';
import { Simulation as Sim } from '../../sim/run/simulation.ts';
import { variant } from './ensemble.ts';
import { ageInWeeks } from '../../sim/population/agents.ts';

const SEEDS = [1, 2, 3, 4];
let sims: Simulation[] = [];
const shift = { follower: { sum: 0, n: 0 }, leader: { sum: 0, n: 0 } };
const everLeader = new Map<string, number>(); // "seed:agent" -> narcissism
const onlyFollower = new Map<string, number>();

beforeAll(() => {
  const scenario = variant({ agents: 20_000, weeks: 520 });
  sims = SEEDS.map((seed) => {
    const sim = new Sim(
      { ...scenario, seed },
      {
        onGroupInfluence: (w, i, before, after) => {
          const s = w.flags.leader[i] ? shift.leader : shift.follower;
          s.sum += Math.abs(after - before);
          s.n++;
        },
      },
    );
    while (!sim.done) {
      sim.step();
      if (sim.week % 4 !== 0) continue;
      // Snapshot who leads and who follows, every four weeks.
      const { agents: a, flags } = sim.world;
      for (let q = 0; q < sim.world.active.size; q++) {
        const i = sim.world.active.at(q);
        if (!flags.member[i]) continue;
        const key = `${seed}:${i}`;
        if (flags.leader[i]) {
          everLeader.set(key, a.pathology.narcissism[i]);
          onlyFollower.delete(key);
        } else if (!everLeader.has(key)) onlyFollower.set(key, a.pathology.narcissism[i]);
      }
    }
    return sim;
  });
}, 900_000); // ensembles take minutes on a busy 2-core machine

describe('fact 1: psychopathology is a weak predictor on its own (with all factors on)', () => {
  it('raises the risk of reaching the action phase only modestly', () => {
    let withP = 0,
      nWith = 0,
      without = 0,
      nWithout = 0;
    for (const sim of sims) {
      const a = sim.world.agents;
      for (let i = 0; i < a.n; i++) {
        const reached = a.maxPhase[i] === 3 ? 1 : 0;
        if (a.pathologyAny[i] > 0) (withP += reached), nWith++;
        else (without += reached), nWithout++;
      }
    }
    const rr = withP / nWith / (without / nWithout);
    // Standard error of log RR for two binomial counts (Katz): sqrt(1/a - 1/n1 + 1/b - 1/n2).
    const se = Math.sqrt(1 / withP - 1 / nWith + 1 / without - 1 / nWithout);
    // Pathology is a risk factor: the 95% interval of RR lies above 1 ...
    expect(Math.log(rr) - 1.96 * se).toBeGreaterThan(0);
    // ... but a modest one: far below the tenfold risk that would make it a path of its own.
    expect(rr).toBeLessThan(5);
  });
});

describe('fact 2: phases are non-linear', () => {
  it('has skips into the action phase and returns in a visible share of transitions', () => {
    let intoAction = 0,
      skipsIntoAction = 0,
      all = 0,
      returns = 0;
    for (const sim of sims) {
      const { columns, values } = sim.series;
      const total = (name: string) => values[columns.indexOf(name)].reduce((x, y) => x + y, 0);
      let simSkips = 0,
        simReturns = 0;
      for (let f = 0; f < 4; f++)
        for (let t = 0; t < 4; t++) {
          if (f === t) continue;
          const n = total(`transition_${f}_${t}`);
          all += n;
          if (t < f) (returns += n), (simReturns += n);
          if (t === 3) intoAction += n;
          if (t === 3 && f < 2) (skipsIntoAction += n), (simSkips += n);
        }
      // Both kinds happen in every replicate, not only on average.
      expect(simSkips).toBeGreaterThan(0);
      expect(simReturns).toBeGreaterThan(0);
    }
    // "Visible share": at least a tenth. Over the ensemble there are ~60 entries into action
    // and ~2,000 transitions, so a tenth is several standard errors from zero.
    expect(skipsIntoAction / intoAction).toBeGreaterThan(0.1);
    expect(returns / all).toBeGreaterThan(0.1);
  });
});

describe('fact 4: adolescents show more identity-driven entries than adults', () => {
  it('has a larger share of identity seekers among entries under 18 than among entries from 25', () => {
    let ado = 0,
      adoIdentity = 0,
      adult = 0,
      adultIdentity = 0;
    for (const sim of sims) {
      const a = sim.world.agents;
      // Weeks of the model's clock (the burn-in included), as firstSensitiveWeek is stored.
      const weeks = sim.world.week;
      for (let i = 0; i < a.n; i++) {
        const w = a.firstSensitiveWeek[i];
        if (w <= sim.world.burnIn) continue;
        const ageAtEntry = (ageInWeeks(a, i, weeks) - (weeks - w)) / 52;
        const identity = a.entryMotive[i] === 0 ? 1 : 0;
        if (ageAtEntry < 18) ado++, (adoIdentity += identity);
        else if (ageAtEntry >= 25) adult++, (adultIdentity += identity);
      }
    }
    const p1 = adoIdentity / ado,
      p2 = adultIdentity / adult;
    const p = (adoIdentity + adultIdentity) / (ado + adult);
    const z = (p1 - p2) / Math.sqrt(p * (1 - p) * (1 / ado + 1 / adult));
    // A two-proportion z-test at z > 3 (one-sided p < 0.0015).
    expect(z).toBeGreaterThan(3);
  });
});

describe('fact 5: followers conform more, leaders are more narcissistic', () => {
  it('moves followers more than leaders per in-group influence', () => {
    expect(shift.follower.n).toBeGreaterThan(100);
    expect(shift.leader.n).toBeGreaterThan(50);
    const follower = shift.follower.sum / shift.follower.n,
      leader = shift.leader.sum / shift.leader.n;
    // Conformity multipliers differ fivefold, but attitudes of leaders and followers differ too;
    // we ask only for a clear difference (1.5x).
    expect(follower).toBeGreaterThan(1.5 * leader);
  });

  it('selects leaders with more narcissistic traits than followers', () => {
    const l = [...everLeader.values()],
      f = [...onlyFollower.values()];
    expect(l.length).toBeGreaterThan(30);
    expect(f.length).toBeGreaterThan(30);
    const m = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const v = (xs: number[]) => xs.reduce((a, b) => a + (b - m(xs)) ** 2, 0) / (xs.length - 1);
    const t = (m(l) - m(f)) / Math.sqrt(v(l) / l.length + v(f) / f.length);
    // Welch t > 2 on distinct agents (leaders ever vs members never leading).
    expect(t).toBeGreaterThan(2);
  });
});
