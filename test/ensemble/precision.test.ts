/**
 * Precision-driven comparisons, without simulating: run records with made-up outcomes whose
 * paired differences alternate +a, -a, so that at an even number of replicates n the mean
 * difference is 0 and the half-width of the 95% paired t interval is, by hand,
 *   sd = a sqrt(n / (n - 1)),  half-width = t_{0.975, n-1} sd / sqrt(n) = t_{0.975, n-1} a / sqrt(n - 1).
 * With a reference mean of 100 and a relative target of 0.1 (allowed half-width 10):
 *   a = 20: n = 10: 15.08, 14: 11.98, 18: 10.23, 22: 9.08  -> stops for precision at 22;
 *   a = 40: 30: 15.19 -> never within 10, stops at the budget.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { aggregatePlan, compareStats, replicateValues, settledComparison } from '../../sim/ensemble/aggregate.ts';
import { createComparePlan, type PlanError, planJobs, type ComparePlan } from '../../sim/ensemble/plan.ts';
import {
  checkpoints,
  parsePrecisionTarget,
  type PrecisionTarget,
  precisionStep,
  precisionTargetText,
} from '../../sim/ensemble/precision.ts';
import type { RunRecord } from '../../sim/ensemble/records.ts';
import { madeUpRecord } from './madeUpRecord.ts';
import { compareSummary, num } from '../../sim/ensemble/report.ts';
import { minimumDetectableEffect, tQuantile } from '../../sim/stats/index.ts';
import { loadScenarioFile } from '../../sim/scenario/file.ts';

const BASELINE = fileURLToPath(new URL('../../scenarios/baseline.json', import.meta.url));
const NO_TRIGGERS = fileURLToPath(new URL('./fixtures/no-triggers.json', import.meta.url));
const base = loadScenarioFile(BASELINE, { agents: 500, weeks: 2 });
const noTriggers = loadScenarioFile(NO_TRIGGERS, { agents: 500, weeks: 2 });
const ENTRIES = [
  { file: 'baseline.json', scenario: base },
  { file: 'no-triggers.json', scenario: noTriggers },
];

function plan(target: PrecisionTarget, max: number, extra: { minReplicates?: number; batch?: number } = {}) {
  return createComparePlan(ENTRIES, {
    radsimVersion: 'test',
    replicates: max,
    outcomes: ['ever_sensitive', 'incidents'],
    primary: ['ever_sensitive'],
    precision: { target, minReplicates: 10, batch: 4, ...extra },
  });
}

/** Records of replicates 0..n-1: reference `ref`, scenario ref + a or ref - a by turns. */
function records(p: ComparePlan, n: number, a: number, ref = 100): RunRecord[] {
  return planJobs(p)
    .filter((j) => j.replicate < n)
    .map((job) => {
      const x = job.variant === 0 ? ref : ref + (job.replicate % 2 === 0 ? a : -a);
      return madeUpRecord(
        p,
        job,
        { ever_sensitive: x, incidents: 0 },
        { series: Object.fromEntries(p.series.map((c) => [c, [0, 0]])) },
      );
    });
}

const halfWidth = (n: number, a: number) => (tQuantile(0.975, n - 1) * a) / Math.sqrt(n - 1);

describe('the sequential rule', () => {
  it('checks at min, min + batch, ... and at the budget', () => {
    expect(
      checkpoints({ target: { kind: 'relative', value: 0.1 }, minReplicates: 10, batch: 4, maxReplicates: 23 }),
    ).toEqual([10, 14, 18, 22, 23]);
    expect(
      checkpoints({ target: { kind: 'relative', value: 0.1 }, minReplicates: 10, batch: 5, maxReplicates: 10 }),
    ).toEqual([10]);
  });

  it('stops for precision at the first checkpoint whose half-width is within the target', () => {
    const p = plan({ kind: 'relative', value: 0.1 }, 40);
    // The hand values of the header, so the case is one where the rule must stop at 22.
    expect([10, 14, 18].map((n) => halfWidth(n, 20) > 10)).toEqual([true, true, true]);
    expect(halfWidth(22, 20)).toBeLessThan(10);
    const step = precisionStep(p, replicateValues(p, records(p, 40, 20)));
    expect(step).toMatchObject({ kind: 'stop', n: 22, reason: 'precision' });
    if (step.kind !== 'stop') throw new Error('no stop');
    expect(step.checks[0].halfWidth).toBeCloseTo(halfWidth(22, 20), 10);
    expect(step.checks[0].allowed).toBeCloseTo(10, 12);
  });

  it('asks for the runs up to the next checkpoint while they are missing', () => {
    const p = plan({ kind: 'relative', value: 0.1 }, 40);
    expect(precisionStep(p, replicateValues(p, []))).toEqual({ kind: 'run', upTo: 10 });
    expect(precisionStep(p, replicateValues(p, records(p, 12, 20)))).toEqual({ kind: 'run', upTo: 14 });
    // Runs past the stop do not change it.
    expect(precisionStep(p, replicateValues(p, records(p, 22, 20)))).toMatchObject({ kind: 'stop', n: 22 });
  });

  it('stops at the budget when the target is not reached, with the half-width achieved', () => {
    const p = plan({ kind: 'relative', value: 0.1 }, 30);
    const step = precisionStep(p, replicateValues(p, records(p, 30, 40)));
    expect(step).toMatchObject({ kind: 'stop', n: 30, reason: 'budget' });
    if (step.kind !== 'stop') throw new Error('no stop');
    expect(step.checks[0].halfWidth).toBeCloseTo(halfWidth(30, 40), 10);
  });

  it('reads an absolute target per 100,000 for a count (500 agents: 1 person = 200 per 100,000)', () => {
    // 2000 per 100,000 = 10 people: the same stop at 22 as the relative target of 10 people.
    const p = plan({ kind: 'absolute', value: 2000 }, 40);
    expect(precisionStep(p, replicateValues(p, records(p, 40, 20)))).toMatchObject({ n: 22, reason: 'precision' });
    const q = plan({ kind: 'absolute', value: 1999 }, 40);
    expect(halfWidth(22, 20) * 200).toBeLessThan(1999);
    expect(precisionStep(q, replicateValues(q, records(q, 40, 20)))).toMatchObject({ n: 22 });
    const tight = plan({ kind: 'absolute', value: 1500 }, 26);
    expect(halfWidth(26, 20) * 200).toBeGreaterThan(1500);
    expect(precisionStep(tight, replicateValues(tight, records(tight, 26, 20)))).toMatchObject({
      n: 26,
      reason: 'budget',
    });
  });

  it('never counts an outcome that occurred in no run as precise, whatever the target', () => {
    const p = plan({ kind: 'absolute', value: 1000 }, 14);
    const s = settledComparison(p, records(p, 14, 0, 0));
    expect(s.stop).toMatchObject({ n: 14, reason: 'budget' });
    expect(s.stop!.checks[0]).toMatchObject({ halfWidth: 0, neverOccurred: true, met: false });
    const md = compareSummary(compareStats(s.plan, s.runs, s.stop));
    expect(md).toContain(
      '- no-triggers, people reaching the sensitivity phase: did not occur in any run of either scenario',
    );
    expect(md).toContain(
      '**no-triggers**: people reaching the sensitivity phase did not occur in any of the 14 replicates of either scenario, so this comparison says nothing about how the scenario changes it',
    );
  });

  it('never counts a difference that was the same in every replicate as precise (a standard deviation of 0)', () => {
    const p = plan({ kind: 'relative', value: 0.5 }, 14);
    // The scenario equals the reference in every replicate: width 0, any target, still not precise.
    const same = records(p, 14, 0);
    const step = precisionStep(p, replicateValues(p, same));
    expect(step).toMatchObject({ n: 14, reason: 'budget' });
    if (step.kind === 'stop') expect(step.checks[0]).toMatchObject({ halfWidth: 0, neverOccurred: false, met: false });
    const md = aggregatePlan(p, same)['summary.md'];
    expect(md).toContain(
      '**no-triggers**: the difference in people reaching the sensitivity phase was 0 in each of the 14 replicates, so its interval has no width and rules nothing out beyond these runs.',
    );
    expect(md).toContain(
      '±0 per 100,000 (allowed ±10000 per 100,000; the same difference in every replicate is not taken as precise)',
    );
  });

  it('never meets a relative target when the reference mean is 0', () => {
    const p = plan({ kind: 'relative', value: 0.5 }, 14);
    const step = precisionStep(p, replicateValues(p, records(p, 14, 0, 0)));
    expect(step).toMatchObject({ n: 14, reason: 'budget' });
    if (step.kind === 'stop') expect(step.checks[0].allowed).toBeNaN();
  });
});

describe('a precision-driven comparison as it ended', () => {
  it('aggregates the replicates up to the stop, whatever else is present, and says why it stopped', () => {
    const p = plan({ kind: 'relative', value: 0.1 }, 40);
    const files = aggregatePlan(p, records(p, 40, 20));
    const diff = files['differences.csv'].split('\n')[1].split(',');
    expect(diff[3]).toBe('22'); // n
    expect(files['summary.md']).toContain('**Stopped because the precision was reached, at 22 replicates.**');
    expect(files['summary.md']).toContain('Each scenario ran **22 times**');
    expect(files['summary.md']).toContain('batches of 4, starting from 10');
    // Run ids are named by the budget, so they do not depend on where the comparison stopped.
    expect(files['runs.csv']).toContain('s01-r021');
    expect(files['runs.csv']).not.toContain('s01-r022');
  });

  it('refuses to aggregate before the rule has stopped', () => {
    const p = plan({ kind: 'relative', value: 0.1 }, 40);
    expect(() => aggregatePlan(p, records(p, 18, 20))).toThrow(/not finished: its next check needs replicates 0 to 21/);
  });

  it('states what a primary difference rules out and its minimum detectable effect, in English and Dutch', () => {
    const p = plan({ kind: 'relative', value: 0.1 }, 30);
    const s = settledComparison(p, records(p, 30, 40));
    expect(s.stop).toMatchObject({ reason: 'budget', n: 30 });
    const stats = compareStats(s.plan, s.runs, s.stop);
    const en = compareSummary(stats, 'en');
    // Mean difference 0, interval +-15.19 people; 200 per 100,000 per person.
    const largest = num(halfWidth(30, 40) * 200);
    const mde = num(minimumDetectableEffect(40 / Math.sqrt(29), 29) * 200);
    expect(en).toContain(
      `**no-triggers**: no clear difference in people reaching the sensitivity phase, and changes larger than ${largest} per 100,000 are ruled out`,
    );
    expect(en).toContain(
      `With 30 replicates the smallest change this comparison detects with 80% power is ${mde} per 100,000.`,
    );
    expect(en).toContain(
      '**Stopped because the budget of 30 replicates was spent, before the precision was reached.**',
    );
    expect(en).toContain(
      `- no-triggers, people reaching the sensitivity phase: ±${num(halfWidth(30, 40) * 200)} per 100,000 (allowed ±2000 per 100,000)`,
    );
    const nl = compareSummary(stats, 'nl');
    expect(nl).toContain(`en veranderingen groter dan ${largest.replace('.', ',')} per 100.000 zijn uitgesloten`);
    expect(nl).toContain('**Gestopt omdat het budget van 30 herhalingen op was');
  });
});

describe('minimum detectable effect', () => {
  it('is (t_0.975 + t_0.8) x SE: 3.1456 for df = 9 (R: qt(0.975, 9) + qt(0.8, 9) = 2.262157 + 0.883404)', () => {
    expect(minimumDetectableEffect(1, 9)).toBeCloseTo(3.145561, 5);
    expect(minimumDetectableEffect(2, 9)).toBeCloseTo(6.291122, 5);
  });
});

describe('settings and their errors', () => {
  it('parses relative and absolute targets and writes them back', () => {
    expect(parsePrecisionTarget('0.1')).toEqual({ kind: 'relative', value: 0.1 });
    expect(parsePrecisionTarget('abs:0.5')).toEqual({ kind: 'absolute', value: 0.5 });
    expect(precisionTargetText({ kind: 'absolute', value: 25 })).toBe('abs:25');
    for (const bad of ['0', '-0.1', 'ten', '11', 'abs:', 'abs:0', 'abs:-1', '1e'])
      expect(() => parsePrecisionTarget(bad), bad).toThrow(/--precision/);
  });

  it('refuses a primary outcome that the comparison does not have, listing those it has', () => {
    expect(() =>
      createComparePlan(ENTRIES, {
        radsimVersion: 'test',
        replicates: 4,
        outcomes: ['ever_sensitive', 'incidents'],
        primary: ['ever_acton'],
      }),
    ).toThrow('--primary "ever_acton" is not one of the comparison\'s outcomes: ever_sensitive, incidents');
  });

  it('refuses --precision without --primary, a budget below the minimum and a per-100,000 target on unequal populations', () => {
    const problems = (o: Parameters<typeof createComparePlan>[1], entries = ENTRIES) => {
      try {
        createComparePlan(entries, o);
      } catch (err) {
        return (err as PlanError).problems;
      }
      return [];
    };
    expect(
      problems({ radsimVersion: 't', replicates: 20, precision: { target: { kind: 'relative', value: 0.1 } } }),
    ).toContain('--precision needs --primary OUTCOME: the outcome whose difference must be precise');
    expect(
      problems({
        radsimVersion: 't',
        replicates: 8,
        primary: ['ever_sensitive'],
        precision: { target: { kind: 'relative', value: 0.1 } },
      }),
    ).toContain('--max-replicates (8) must be a whole number at least --min-replicates (10)');
    const bigger = { file: 'big.json', scenario: { ...noTriggers, agents: 600 } };
    expect(
      problems(
        {
          radsimVersion: 't',
          replicates: 20,
          primary: ['ever_sensitive'],
          precision: { target: { kind: 'absolute', value: 5 } },
        },
        [ENTRIES[0], bigger],
      ).join('\n'),
    ).toContain('needs the same number of agents in every scenario');
  });
});
