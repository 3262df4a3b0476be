/**
 * Sweep warnings: the smallest detectable PRCC of a design against scipy, the rule for "too few
 * runs", constant outcomes and parameters, and that summary.md carries them with the legend of '-'.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { aggregatePlan, sweepStats } from '../../sim/ensemble/aggregate.ts';
import { createSweepPlan, planJobs } from '../../sim/ensemble/plan.ts';
import type { RunRecord } from '../../sim/ensemble/records.ts';
import { madeUpRecord } from './madeUpRecord.ts';
import {
  detectablePrcc,
  MAX_DETECTABLE_PRCC,
  runsForPrcc,
  sweepWarnings,
  sweepWarningTexts,
} from '../../sim/ensemble/sweepWarnings.ts';
import { loadScenarioFile } from '../../sim/scenario/file.ts';

const BASELINE = fileURLToPath(new URL('../../scenarios/baseline.json', import.meta.url));
const base = loadScenarioFile(BASELINE, { agents: 500, weeks: 2 });

/** A sweep of `vary` with made-up outcomes: ever_sensitive from `value(point, replicate)`, incidents always 0. */
function sweep(vary: string[], replicates: number, value: (p: number, r: number) => number) {
  const plan = createSweepPlan(
    { file: 'baseline.json', scenario: base },
    { radsimVersion: 'test', replicates, outcomes: ['ever_sensitive', 'incidents'], vary },
  );
  const records: RunRecord[] = planJobs(plan).map((j) =>
    madeUpRecord(plan, j, { ever_sensitive: value(j.variant, j.replicate), incidents: 0 }),
  );
  return { plan, records };
}

describe('detectablePrcc', () => {
  it('is the smallest |r| the t test of PRCC = 0 rejects (scipy 1.17 t.ppf)', () => {
    // the web's default design: 3 levels x 2 replicates, one parameter
    expect(detectablePrcc(6, 1, 0.95)).toBeCloseTo(0.8114013518995078, 10);
    expect(detectablePrcc(18, 2, 0.95)).toBeCloseTo(0.4821460169003326, 10);
    expect(detectablePrcc(3, 2, 0.95)).toBe(1);
  });

  it('needs k + 15 runs at the 95% level for a PRCC of 0.5, more at 99%', () => {
    expect(MAX_DETECTABLE_PRCC).toBe(0.5);
    expect([1, 2, 3, 5].map((k) => runsForPrcc(k, 0.95))).toEqual([16, 17, 18, 20]);
    expect(runsForPrcc(1, 0.99)).toBeGreaterThan(16);
  });
});

describe('sweepWarnings', () => {
  it('warns about the web default design (6 runs) and names the constant outcome', () => {
    const { plan, records } = sweep(['influence.mu=0.05,0.1,0.15'], 2, (p, r) => 3 * p + r);
    const w = sweepWarnings(sweepStats(plan, records));
    expect(w).toMatchObject({ runs: 6, tooFewRuns: true, runsNeeded: 16, constantOutcomes: ['incidents'] });
    expect(w.detectable).toBeCloseTo(0.8114013518995078, 10);
    const [few, constant] = sweepWarningTexts(w);
    expect(few).toContain('With 6 runs a PRCC can only be told from zero when it is larger than 0.81');
    expect(few).toContain('at least 16 runs');
    expect(constant).toBe(
      '**The same in every run**, so without a PRCC: incidents. Longer or larger runs, or other parameter values, may make these outcomes vary.',
    );
    expect(sweepWarningTexts(w, 'nl')[0]).toContain('groter is dan 0,81');
  });

  it('says nothing about size for a design with enough runs, and summary.md explains the "-"', () => {
    const { plan, records } = sweep(['influence.mu=0.05,0.1,0.15,0.2,0.25,0.3'], 3, (p, r) => (p * r) % 5);
    const stats = sweepStats(plan, records);
    expect(sweepWarnings(stats).tooFewRuns).toBe(false);
    const md = aggregatePlan(plan, records)['summary.md'];
    expect(md).not.toContain('Too few runs for a sensitivity analysis.');
    expect(md).toContain('> **The same in every run**, so without a PRCC: incidents.');
    expect(md).toContain('"-" means no PRCC: the outcome was the same in every run');
    expect(md).toMatch(/\| `influence\.mu` \| [^|]+ \| - \|/);
  });

  it('puts the too-few-runs warning in summary.md', () => {
    const { plan, records } = sweep(['influence.mu=0.05,0.1,0.15'], 2, (p, r) => 3 * p + r);
    expect(aggregatePlan(plan, records)['summary.md']).toContain('> **Too few runs for a sensitivity analysis.**');
  });
});

describe('sweep summary.md per population', () => {
  it('gives each mean per 100,000 and, with scaleTo, for that population', () => {
    const { plan, records } = sweep(['influence.mu=0.05,0.1,0.15'], 2, (p, r) => 3 * p + r);
    // point p01: 3 and 4, mean 3.5 of 500 agents = 700 per 100,000, 7000 for 1,000,000 people
    expect(aggregatePlan(plan, records)['summary.md']).toMatch(/\| p01 \| 0\.1 \| 3\.5 \(700\) \| 0 \(0\) \|/);
    const scaled = aggregatePlan({ ...plan, scaleTo: 1_000_000 }, records)['summary.md'];
    expect(scaled).toMatch(/\| p01 \| 0\.1 \| 3\.5 \(700; 7000\) \|/);
    expect(scaled).toContain('in brackets per 100,000 population and for 1000000 people');
  });
});
