/**
 * The calibrated baseline lands inside every target of calibration/targets.json: two seeds at
 * 100,000 agents, the scenario's burn-in, then ten years; every statistic is computed as
 * `radsim calibrate` computes it (sim/calibrate/targets.ts `targetStatistic`) and pooled over the
 * seeds (the mean of two runs of equal size is the statistic of the pooled person-weeks).
 *
 * Three kinds of check, by what the statistic counts:
 *
 * - **Prevalences** (phases by ideology and age): the pooled mean over 2 x 520 weeks must lie
 *   inside the interval itself, with no extra slack. The intervals already carry the uncertainty
 *   of the published figure (each is a factor of about 2 or more either side of it), and the
 *   statistic averages ~1,000 person-weeks per person in the stock, so its run-to-run spread is
 *   well inside the interval for all but the smallest stock (left-wing groups, a few people at a
 *   time: see the figure printed by the test).
 * - **Rare events** (incidents, arrests, entries into the action phase per year): the count is
 *   too small for its rate to be read off two runs (incidents: the interval means 0.01 to 0.26 in
 *   20 person-decades of 100,000; zero is the most likely count at any rate inside it). The check
 *   is a Poisson test: the observed count k must be consistent with some expected count inside
 *   the interval, i.e. the exact (Garwood) 99% interval of the Poisson mean, the values with a
 *   two-sided p > 0.01, overlaps the target's interval times the exposure. It fails when k is
 *   too large for the top of the interval, P(X >= k | hi) <= 0.005, or too small for its bottom,
 *   P(X <= k | lo) <= 0.005. With 1% per target and 5 such targets a correct model fails by
 *   chance about 5% of the time at most; the seeds are fixed, so a pass is reproducible.
 * - **Stocks of fixed-length spells** (people detained, running PGA cases): each arrest starts a
 *   detention of `action.detentionWeeks`, each case runs `practice.cases.caseWeeks` weeks, so the
 *   stock is the number of spells times their length and its noise is that of the spell count,
 *   not of the person-weeks. The person-weeks divided by the spell length are the equivalent
 *   number of spells, tested like a rare event against the interval times the window over the
 *   spell length.
 *
 * RADSIM_MUTATION (JSON, deep-merged into the runs) runs a mutation without editing the file;
 * docs/validation.md lists one that makes this test fail.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTargets, type Target, targetStatistic, WEEKS_PER_YEAR } from '../../sim/calibrate/targets.ts';
import { Simulation } from '../../sim/run/simulation.ts';
import { deepMerge } from '../../sim/scenario/resolve.ts';
import type { Scenario } from '../../sim/scenario/schema.ts';
import { variant } from './ensemble.ts';

const MUTATION: Record<string, unknown> = JSON.parse(process.env.RADSIM_MUTATION ?? '{}');
const SEEDS = [1, 2];
const AGENTS = 100_000;
const WEEKS = 520;
/** Two-sided level of the Poisson tests: each tail at half of it. */
const ALPHA = 0.01;

const targets = parseTargets(
  JSON.parse(readFileSync('calibration/targets.json', 'utf8')),
  'calibration/targets.json',
).targets;

type Kind = 'prevalence' | 'events' | 'spells';
const RARE_EVENTS = new Set(['incidents_per_year', 'arrests_per_year', 'action_entries_per_year']);
const SPELLS: Record<string, (s: Scenario) => number> = {
  detained: (s) => s.action.detentionWeeks,
  pga_cases: (s) => s.practice.cases.caseWeeks,
};
const kindOf = (t: Target): Kind => (RARE_EVENTS.has(t.name) ? 'events' : t.name in SPELLS ? 'spells' : 'prevalence');

/** P(X <= k) and P(X >= k) for X ~ Poisson(lambda), by summing the terms (k stays small here). */
function poissonTails(k: number, lambda: number): { le: number; ge: number } {
  if (lambda <= 0) return { le: 1, ge: k <= 0 ? 1 : 0 };
  let term = Math.exp(-lambda),
    below = 0; // P(X <= k - 1)
  for (let j = 0; j < k; j++) {
    below += term;
    term *= lambda / (j + 1);
  }
  return { le: Math.min(1, below + term), ge: Math.max(0, 1 - below) };
}

let scenario: Scenario;
let stats: number[][] = []; // [seed][target]

beforeAll(() => {
  scenario = variant(deepMerge({ agents: AGENTS, weeks: WEEKS }, MUTATION) as Record<string, unknown>);
  stats = SEEDS.map((seed) => {
    const sim = new Simulation({ ...scenario, seed }).run();
    return targets.map((t) => targetStatistic(t, sim.series, AGENTS));
  });
}, 1_200_000); // 2 x 100,000 agents x 15 years: about 50 CPU seconds, minutes on a busy machine

/** Exposure in units of 100,000 people x one year: what a per-100,000 yearly rate is multiplied by. */
const exposure = () => (SEEDS.length * AGENTS * WEEKS) / WEEKS_PER_YEAR / 100_000;

describe('the baseline at 100,000 agents (2 seeds x 10 years after the burn-in) lands inside every target', () => {
  for (const [k, t] of targets.entries()) {
    const kind = kindOf(t);
    it(`${t.name} (${kind})`, () => {
      expect(t.statistic.per, `${t.name}: the checks below read a rate per 100,000`).toBe(100_000);
      const pooled = stats.reduce((s, r) => s + r[k], 0) / stats.length;
      const [lo, hi] = t.interval;
      const runs = stats.map((r) => r[k].toPrecision(3)).join(', ');
      if (kind === 'prevalence') {
        const say = `${t.name}: ${pooled.toPrecision(3)} per 100,000 (runs ${runs}), target ${lo} to ${hi}`;
        console.log(say);
        expect(pooled, say).toBeGreaterThanOrEqual(lo);
        expect(pooled, say).toBeLessThanOrEqual(hi);
        return;
      }
      // A count with Poisson noise and the exposure that turns the interval into expected counts.
      let count: number, scale: number;
      if (kind === 'events') {
        scale = exposure();
        count = Math.round(pooled * scale);
      } else {
        // Person-weeks of the stock over the spell length: the equivalent number of spells.
        const length = SPELLS[t.name](scenario);
        scale = (SEEDS.length * AGENTS * WEEKS) / 100_000 / length;
        count = Math.round(pooled * scale);
      }
      const atTop = poissonTails(count, hi * scale).ge;
      const atBottom = poissonTails(count, lo * scale).le;
      const say =
        `${t.name}: ${pooled.toPrecision(3)} per 100,000 (runs ${runs}), ${count} ${kind === 'events' ? 'events' : 'spells'} ` +
        `against an expected ${(lo * scale).toPrecision(3)} to ${(hi * scale).toPrecision(3)}: ` +
        `P(X >= ${count} | top) = ${atTop.toPrecision(3)}, P(X <= ${count} | bottom) = ${atBottom.toPrecision(3)}`;
      console.log(say);
      expect(atTop, `${say}; too many for the top of the interval`).toBeGreaterThan(ALPHA / 2);
      expect(atBottom, `${say}; too few for the bottom of the interval`).toBeGreaterThan(ALPHA / 2);
    });
  }

  it('has a Poisson test that rejects what it should', () => {
    // 0 events are consistent with an expected 0.26, 3 are not (P(X >= 3) = 0.0026).
    expect(poissonTails(0, 0.26).ge).toBe(1);
    expect(poissonTails(3, 0.26).ge).toBeLessThan(0.005);
    expect(poissonTails(0, 6).le).toBeLessThan(0.005);
    expect(poissonTails(2, 2).le).toBeCloseTo(5 * Math.exp(-2), 12);
  });
});
