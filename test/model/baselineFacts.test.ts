/**
 * Stylized facts 1b, 2, 4 and 5 of MODEL.md section 7. Nothing in the code writes these results
 * in: they come out of susceptibility, hazards, group formation and influence. Each tolerance is
 * explained where it is used; docs/validation.md gives the figures and the mutations that fail.
 *
 * Fact 4 and the entry risk of fact 1 run at the default parameters (4 seeds x 20,000 agents x
 * 520 weeks after the burn-in). The action-phase risk of fact 1 and facts 2 and 5 need the action
 * phase and groups, which at the defaults are too rare at an
 * affordable size (2 of 80,000 agents reach the action phase in 4 runs, two in-group influence
 * events): they run on the "raised entries" variant, where every forward hazard constant (a01,
 * b01, a02, a12, a13, a23) is multiplied by ENTRY_GAIN and nothing else changes. The mechanisms
 * under test (the pathology terms p01 and p13, the return hazards, conformity and the leader
 * score) keep their default values.
 *
 * RADSIM_MUTATION (JSON, deep-merged into every run of this file) runs a mutation without editing
 * the file, e.g. RADSIM_MUTATION='{"phases":{"constants":{"p01":30}}}'.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { deepMerge } from '../../sim/scenario/resolve.ts';
import { ageInWeeks } from '../../sim/population/agents.ts';
import { Simulation } from '../../sim/run/simulation.ts';
import { runSeeds, variant } from './ensemble.ts';

const MUTATION: Record<string, unknown> = JSON.parse(process.env.RADSIM_MUTATION ?? '{}');
const DEFAULT_SEEDS = [1, 2, 3, 4];
const RAISED_SEEDS = [1, 2, 3, 4, 5, 6];
const ENTRY_GAIN = 5;
const FORWARD = ['a01', 'b01', 'a02', 'a12', 'a13', 'a23'] as const;

function scenarioWith(over: Record<string, unknown>) {
  return variant(deepMerge({ agents: 20_000, weeks: 520, ...over }, MUTATION) as Record<string, unknown>);
}

/** The baseline with every forward hazard constant times ENTRY_GAIN (return hazards unchanged). */
function raisedEntries() {
  const c = variant({}).phases.constants as Record<string, number>;
  const raised: Record<string, number> = {};
  for (const k of FORWARD) raised[k] = c[k] * ENTRY_GAIN;
  return scenarioWith({ phases: { constants: raised } });
}

let atDefaults: Simulation[] = [];
let raised: Simulation[] = [];
const shift = { follower: { sum: 0, n: 0 }, leader: { sum: 0, n: 0 } };
const everLeader = new Map<string, number>(); // "seed:agent" -> narcissism
const onlyFollower = new Map<string, number>();

/** The raised-entries ensemble, with the in-group influence and leadership it produced. */
function runRaised(): Simulation[] {
  const scenario = raisedEntries();
  return RAISED_SEEDS.map((seed) => {
    const sim = new Simulation(
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
}

/** Relative risk of reaching phase `phase` or higher (in the observed run), pathology vs none. */
function pathologyRisk(sims: Simulation[], phase: number) {
  let withP = 0,
    nWith = 0,
    without = 0,
    nWithout = 0;
  for (const sim of sims) {
    const a = sim.world.agents;
    for (let i = 0; i < a.n; i++) {
      const reached = a.maxPhase[i] >= phase ? 1 : 0;
      if (a.pathologyAny[i] > 0) (withP += reached), nWith++;
      else (without += reached), nWithout++;
    }
  }
  const rr = withP / nWith / (without / nWithout);
  // Standard error of log RR for two binomial counts (Katz): sqrt(1/a - 1/n1 + 1/b - 1/n2).
  const se = Math.sqrt(1 / withP - 1 / nWith + 1 / without - 1 / nWithout);
  return { rr, low: Math.exp(Math.log(rr) - 1.96 * se), high: Math.exp(Math.log(rr) + 1.96 * se), withP, without };
}

describe('raised entries (every forward hazard constant x ENTRY_GAIN)', () => {
  // Ensembles take minutes on a busy 2-core machine.
  beforeAll(() => {
    raised = runRaised();
  }, 900_000);

  describe('fact 1: psychopathology is a weak predictor on its own (with all factors on)', () => {
    it('raises the risk of reaching the action phase only modestly', () => {
      const r = pathologyRisk(raised, 3);
      // ~150 agents reach the action phase over the ensemble (RR ~2.8, 95% interval ~2.0-3.9).
      expect(r.withP + r.without).toBeGreaterThan(40);
      // Pathology is a risk factor: the 95% interval of RR lies above 1 ...
      expect(r.low).toBeGreaterThan(1);
      // ... but a modest one: the whole interval below 5, far from a path of its own.
      expect(r.high).toBeLessThan(5);
    });
  });

  describe('fact 2: phases are non-linear', () => {
    it('has skips into the action phase and returns in a visible share of transitions', () => {
      let intoAction = 0,
        skipsIntoAction = 0,
        all = 0,
        returns = 0;
      for (const sim of raised) {
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
        // Both kinds happen in every replicate, not only on average (~15 skips and ~1,200
        // returns per replicate, so a replicate without one is a change of mechanism, not chance).
        expect(simSkips).toBeGreaterThan(0);
        expect(simReturns).toBeGreaterThan(0);
      }
      // "Visible share": at least a tenth. Over the ensemble there are ~140 entries into action
      // (~65% skips) and ~15,000 transitions (~48% returns), so a tenth is many standard
      // errors from what we see and from zero.
      expect(skipsIntoAction / intoAction).toBeGreaterThan(0.1);
      expect(returns / all).toBeGreaterThan(0.1);
    });
  });

  describe('fact 5: followers conform more, leaders are more narcissistic', () => {
    it('moves followers more than leaders per in-group influence', () => {
      expect(shift.follower.n).toBeGreaterThan(100);
      expect(shift.leader.n).toBeGreaterThan(50);
      const follower = shift.follower.sum / shift.follower.n,
        leader = shift.leader.sum / shift.leader.n;
      // Conformity multipliers differ fivefold, but attitudes of leaders and followers differ too;
      // we ask only for a clear difference (1.5x; ~690 follower and ~230 leader events show ~6x).
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
      // Welch t > 2 on distinct agents (leaders ever vs members never leading; ~490 and ~400
      // agents give t ~4.5).
      expect(t).toBeGreaterThan(2);
    });
  });
});

describe('at the default parameters', () => {
  beforeAll(() => {
    atDefaults = runSeeds(scenarioWith({}), DEFAULT_SEEDS);
  }, 900_000);

  describe('fact 1 at entry: psychopathology raises the risk of entering the sensitivity phase modestly', () => {
    it('has a relative risk of entry above 1 and below 2.5', () => {
      // Entry is where the pathology moderator p01 acts; ~1,000 entries at the defaults give a
      // 95% interval of about 1.5-1.9 around RR ~1.7, so 2.5 is several standard errors away.
      const r = pathologyRisk(atDefaults, 1);
      expect(r.low).toBeGreaterThan(1);
      expect(r.high).toBeLessThan(2.5);
    });
  });

  describe('fact 4: adolescents show more identity-driven entries than adults', () => {
    it('has a larger share of identity seekers among entries under 18 than among entries from 25', () => {
      let ado = 0,
        adoIdentity = 0,
        adult = 0,
        adultIdentity = 0;
      for (const sim of atDefaults) {
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
      // ~240 adolescent and ~500 adult entries at the defaults.
      expect(ado).toBeGreaterThan(100);
      expect(adult).toBeGreaterThan(100);
      const p1 = adoIdentity / ado,
        p2 = adultIdentity / adult;
      const p = (adoIdentity + adultIdentity) / (ado + adult);
      const z = (p1 - p2) / Math.sqrt(p * (1 - p) * (1 / ado + 1 / adult));
      // A two-proportion z-test at z > 3 (one-sided p < 0.0015).
      expect(z).toBeGreaterThan(3);
    });
  });
});
