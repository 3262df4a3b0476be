/**
 * Stylized facts 6 and 7 of MODEL.md section 7, on ensembles of library scenarios at the default
 * parameters (4 seeds x 20,000 agents x 520 weeks after the burn-in). Replicate r of every
 * scenario uses seed r, so the comparisons are paired (common random numbers): a scenario whose
 * programme changes nobody's course ends with exactly the baseline's counts.
 *
 * Outcome: person-weeks in the radicalisation process (phases 1-3) over the run. At the default
 * rates the group and action phases hold about 8 people at a time in 20,000, so their
 * person-weeks move in steps of hundreds when a single person's course changes (docs/validation.md,
 * facts 6 and 7); the sensitivity phase holds about 115 people at a time and carries most of the
 * burden the indicated and universal programmes can reach.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type RunOutcomes, runScenario } from './scenarioRuns.ts';

const SEEDS = [1, 2, 3, 4];
const runs: Record<string, RunOutcomes[]> = {};
const names = ['baseline', 'holistic-support', 'mental-health-only', 'school-resilience', 'school-resilience-short'];

beforeAll(() => {
  for (const name of names) runs[name] = SEEDS.map((seed) => runScenario(name, seed));
}, 1_800_000); // about 130 s of CPU; far longer on a busy shared machine

/** Person-weeks in phases 1-3 over the run. */
const processWeeks = (r: RunOutcomes) => r.total('phase_1') + r.total('phase_2') + r.total('phase_3');
/** Per-replicate reduction against the baseline (positive = less radicalisation). */
function reduction(name: string): number[] {
  return SEEDS.map((_, r) => processWeeks(runs.baseline[r]) - processWeeks(runs[name][r]));
}
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('fact 6: holistic beats single-factor at the same cost', () => {
  it('costs about the same professional hours', () => {
    const hours = (name: string) => sum(runs[name].map((r) => r.total('hours_interventions')));
    // Same hours per participant-week, duration and coverage; realised hours differ only by uptake
    // and drop-out, which we allow to differ by 10%.
    expect(hours('holistic-support') / hours('mental-health-only')).toBeGreaterThan(0.9);
    expect(hours('holistic-support') / hours('mental-health-only')).toBeLessThan(1.1);
  });

  it('reduces radicalisation more than mental-health treatment alone, which barely moves it', () => {
    const holistic = reduction('holistic-support'),
      pathologyOnly = reduction('mental-health-only');
    const burden = sum(runs.baseline.map(processWeeks));
    // Holistic support lowers the burden in every replicate, by at least 1% overall (measured
    // 3.6-5.1% per replicate, 4.3% overall; one person fewer in phase 1 for a year is 52
    // person-weeks, 0.02% of the ensemble's burden of about 256,000).
    for (const d of holistic) expect(d).toBeGreaterThan(0);
    expect(sum(holistic) / burden).toBeGreaterThan(0.01);
    // Pathology treatment alone, at the same hours: less than a fifth of the holistic effect
    // (pathology only moderates; treating it leaves needs, triggers and ideology as they were).
    expect(Math.abs(sum(pathologyOnly))).toBeLessThan(0.2 * sum(holistic));
  });
});

describe('fact 7: a short programme leaves less lasting change than a long one', () => {
  /**
   * Lasting change per replicate: critical thinking at the end of the run of the pupils the
   * programme reached, minus the same people's in the baseline (same seed, so the same people),
   * averaged; with its standard error from the spread over those pupils.
   */
  function lasting(name: string): { mean: number; se: number }[] {
    return SEEDS.map((_, r) => {
      const sim = runs[name][r].sim,
        base = runs.baseline[r].sim;
      const took = sim.interventions.tookPart(0)!;
      const x = sim.world.agents.protective.criticalThinking,
        y = base.world.agents.protective.criticalThinking;
      let s = 0,
        ss = 0,
        n = 0;
      for (let i = 0; i < took.length; i++) {
        if (!took[i] || sim.world.agents.age[i] < 12.5) continue; // skip newcomers in the same slot
        const d = x[i] - y[i];
        s += d;
        ss += d * d;
        n++;
      }
      expect(n).toBeGreaterThan(500);
      const mean = s / n;
      return { mean, se: Math.sqrt(Math.max(0, ss / n - mean * mean) / n) };
    });
  }

  it('leaves the pupils it reached with less lasting critical thinking years later', () => {
    // The fact is a comparison: the short programme leaves less than the long one at the same
    // weekly intensity. Its absolute size is not part of it: gains relax toward personal set
    // points (restoring.protectiveHalfLifeWeeks), so what is left at the end of the run depends
    // on how long ago each pupil took part. The difference must exceed five standard errors
    // (measured: long 0.021-0.022, short 0.0001, standard errors 0.0006 and below), so that
    // it cannot come from the spread over 2,000 pupils.
    const long = lasting('school-resilience'),
      short = lasting('school-resilience-short');
    for (let r = 0; r < SEEDS.length; r++) {
      const se = Math.hypot(long[r].se, short[r].se);
      expect(long[r].mean - short[r].mean).toBeGreaterThan(5 * se);
    }
  });

  it('leaves the pupils of the short programme, once its effect has decayed, not below the baseline', () => {
    // Six weeks keep nothing (minEffectiveWeeks 8), so what is left at the end of the run is the
    // decaying effect of the latest pupils: at least zero. Each part of a gain is removed once
    // (docs/model.md 7.7a); removed twice, by the restoring force and by the decay, the pupils end
    // below the baseline (-0.0014, 40 standard errors; measured +0.0001). Allowed: 3 standard
    // errors below zero.
    for (const { mean, se } of lasting('school-resilience-short')) expect(mean).toBeGreaterThan(-3 * se);
  });

  it('lowers radicalisation only when it is long enough', () => {
    const long = reduction('school-resilience'),
      short = reduction('school-resilience-short');
    const burden = sum(runs.baseline.map(processWeeks));
    // The long programme lowers the burden in no replicate less than nothing, and by at least 1%
    // overall (measured 0.55-3.8% per replicate, 2.3% overall); the short one changes it by less
    // than a fifth of that (measured: 0.3%, 14% of the long one's reduction).
    for (const d of long) expect(d).toBeGreaterThanOrEqual(0);
    expect(sum(long) / burden).toBeGreaterThan(0.01);
    expect(Math.abs(sum(short))).toBeLessThan(0.2 * sum(long));
  });
});
