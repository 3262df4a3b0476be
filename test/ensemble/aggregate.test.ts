/**
 * Aggregation and summary.md against known values: run records with made-up outcomes go in,
 * and the CSV files must hold what R / SciPy give for the same numbers (paired t interval,
 * Welch interval, t interval of a mean, type 7 quantiles, PRCC with its t-test).
 * Reference values: scipy 1.17 (stats.ttest_rel, ttest_ind(equal_var=False), t.ppf,
 * numpy.quantile) and PRCC by the residual method on ranks (numpy.linalg.lstsq).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { aggregatePlan, prccPValue, type CompareStats } from '../../sim/ensemble/aggregate.ts';
import { createComparePlan, createSweepPlan, planJobs, type Job, type Plan } from '../../sim/ensemble/plan.ts';
import type { RunRecord } from '../../sim/ensemble/records.ts';
import { madeUpRecord } from './madeUpRecord.ts';
import { differenceSentence, num, pct } from '../../sim/ensemble/report.ts';
import { pairedDifference } from '../../sim/stats/index.ts';
import { loadScenarioFile } from '../../sim/scenario/file.ts';

const BASELINE = fileURLToPath(new URL('../../scenarios/baseline.json', import.meta.url));
const NO_TRIGGERS = fileURLToPath(new URL('./fixtures/no-triggers.json', import.meta.url));
const base = loadScenarioFile(BASELINE, { agents: 500, weeks: 2 });
const noTriggers = loadScenarioFile(NO_TRIGGERS, { agents: 500, weeks: 2 });

function record(
  plan: Plan,
  job: Job,
  outcomes: Record<string, number>,
  series: Record<string, number[]> = {},
): RunRecord {
  return madeUpRecord(plan, job, outcomes, { weeks: 3, series, seconds: 1 });
}

/** Rows of a CSV text (no quoted commas in these tests) as objects. */
function rows(csv: string): Record<string, string>[] {
  const [head, ...lines] = csv.trimEnd().split('\n');
  const cols = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}

describe('comparison aggregates', () => {
  const plan = createComparePlan(
    [
      { file: 'baseline.json', scenario: base },
      { file: 'no-triggers.json', scenario: noTriggers },
    ],
    {
      radsimVersion: 'test',
      replicates: 5,
      outcomes: ['ever_sensitive', 'incidents'],
      series: ['phase_1'],
    },
  );
  const data = {
    ever_sensitive: [
      [10, 12, 9, 14, 11],
      [8, 11, 7, 12, 10],
    ],
    incidents: [
      [0, 1, 0, 2, 1],
      [1, 0, 0, 2, 1],
    ],
  };
  const records = planJobs(plan).map((j) =>
    record(
      plan,
      j,
      {
        ever_sensitive: data.ever_sensitive[j.variant][j.replicate],
        incidents: data.incidents[j.variant][j.replicate],
      },
      {
        phase_1:
          j.variant === 0 ? [j.replicate, j.replicate + 1, 2 * j.replicate] : [j.replicate, j.replicate, j.replicate],
      },
    ),
  );
  const files = aggregatePlan(plan, records);

  it('differences.csv holds the paired t interval, the relative change and the Welch interval (scipy values)', () => {
    const d = rows(files['differences.csv']).find((r) => r.outcome === 'ever_sensitive')!;
    expect(d.scenario).toBe('no-triggers');
    expect(d.reference).toBe('baseline');
    const n = (k: string) => Number(d[k]);
    expect(n('n')).toBe(5);
    expect(n('reference_mean')).toBe(11.2);
    expect(n('scenario_mean')).toBe(9.6);
    expect(n('difference')).toBeCloseTo(-1.6, 12);
    expect(n('ci_lo')).toBeCloseTo(-2.2800873806582556, 8);
    expect(n('ci_hi')).toBeCloseTo(-0.9199126193417445, 8);
    expect(n('p_value')).toBeCloseTo(0.0028378459267344473, 8);
    expect(n('relative')).toBeCloseTo(-1.6 / 11.2, 8);
    // Fieller interval of the ratio of the paired means (numpy, test/unit/stats/compare.test.ts).
    expect(n('relative_lo')).toBeCloseTo(-0.2255085656054422, 8);
    expect(n('relative_hi')).toBeCloseTo(-0.0776804489412719, 8);
    // 500 agents: per 100,000 is 200 times the count.
    expect(n('difference_per_100k')).toBeCloseTo(-320, 9);
    expect(n('difference_per_100k_lo')).toBeCloseTo(-2.2800873806582556 * 200, 6);
    expect(n('unpaired_lo')).toBeCloseTo(-4.519748560688964, 8);
    expect(n('unpaired_hi')).toBeCloseTo(1.319748560688963, 8);
    expect(n('width_ratio')).toBeCloseTo(
      (1.319748560688963 + 4.519748560688964) / (2.2800873806582556 - 0.9199126193417445),
      6,
    );
    const inc = rows(files['differences.csv']).find((r) => r.outcome === 'incidents')!;
    expect(Number(inc.difference)).toBe(0);
    expect(Number(inc.ci_lo)).toBeLessThan(0);
    expect(Number(inc.ci_hi)).toBeGreaterThan(0);
  });

  it('outcomes.csv holds the gamma interval of each count mean, type 7 quantiles and the values per 100,000', () => {
    const o = rows(files['outcomes.csv']).find((r) => r.scenario === 'baseline' && r.outcome === 'ever_sensitive')!;
    expect(Number(o.mean)).toBe(11.2);
    expect(o.ci_method).toBe('gamma');
    expect(Number(o.ci_lo)).toBeCloseTo(8.939557667261719, 8);
    expect(Number(o.ci_hi)).toBeCloseTo(13.711384953908269, 8);
    expect(Number(o.per_100k)).toBeCloseTo(2240, 9);
    expect(Number(o.per_100k_lo)).toBeCloseTo(8.939557667261719 * 200, 6);
    expect(o.per_100k_year).toBe('NA'); // a state at the end, not a total over the run
    const inc = rows(files['outcomes.csv']).find((r) => r.scenario === 'baseline' && r.outcome === 'incidents')!;
    // incidents 0, 1, 0, 2, 1: the t interval would start below zero.
    expect(Number(inc.ci_lo)).toBeCloseTo(0.11746938973593835, 8);
    // 0.8 incidents in 3 weeks among 500 people = 160 per 100,000 in 3/52 of a year.
    expect(Number(inc.per_100k_year)).toBeCloseTo((160 * 52) / 3, 9);
    expect(Number(inc.per_100k_year_hi)).toBeCloseTo((2.1234003610025916 * 200 * 52) / 3, 6);
    expect([o.q05, o.q25, o.median, o.q75, o.q95].map(Number)).toEqual([9.2, 10, 11, 12, 13.6]);
  });

  it('series_bands.csv holds the pointwise mean and quantiles, series_differences.csv the weekly paired differences', () => {
    const b = rows(files['series_bands.csv']).find(
      (r) => r.scenario === 'baseline' && r.series === 'phase_1' && r.week === '2',
    )!;
    // week 2 of the reference: 0, 2, 4, 6, 8
    expect([b.mean, b.q05, b.q25, b.q50, b.q75, b.q95].map(Number)).toEqual([4, 0.4, 2, 4, 6, 7.6]);
    expect(rows(files['series_bands.csv'])).toHaveLength(2 * 3);
    const d = rows(files['series_differences.csv']).find((r) => r.week === '1')!;
    // week 1: reference r + 1, other r -> difference -1 in every replicate
    expect([d.difference, d.ci_lo, d.ci_hi].map(Number)).toEqual([-1, -1, -1]);
  });

  it('runs.csv is tidy: one row per run and outcome with its seed', () => {
    const r = rows(files['runs.csv']);
    expect(r).toHaveLength(2 * 5 * 2);
    expect(r[0]).toEqual({
      run_id: 's00-r000',
      scenario: 'baseline',
      replicate: '0',
      seed: '1880584755',
      outcome: 'ever_sensitive',
      value: '10',
      per_100k: '2000',
      per_100k_year: 'NA',
    });
  });

  it('depends only on the records, not on the order they come in', () => {
    const shuffled = [...records].reverse();
    expect(aggregatePlan(plan, shuffled)).toEqual(files);
    expect(() => aggregatePlan(plan, records.slice(1))).toThrow(/1 of 10 runs are missing \(s00-r000\)/);
    expect(() => aggregatePlan(plan, [...records, records[0]])).toThrow(/given twice/);
  });

  it('summary.md says it in plain language, with the ethics line and what pairing buys', () => {
    const md = files['summary.md'];
    expect(md).toContain('> **Synthetic population.**');
    expect(md).toContain('must not be used to assess, score or predict real persons');
    expect(md).toContain(
      '- **no-triggers** lowers people reaching the sensitivity phase by 14% (95% interval 7.8% to 23%), from 11.2 to 9.6 on average.',
    );
    expect(md).toContain('- **no-triggers**: no clear difference (the 95% interval includes zero) in incidents.');
    expect(md).toMatch(/\| no-triggers \| people reaching the sensitivity phase \| 1\.36 \| 5\.84 \| 4\.3x \|/);
    expect(md).toContain('Each scenario ran **5 times**');
  });
});

describe('difference sentences', () => {
  const stats = (ref: number[], other: number[]): CompareStats['differences'][number] => {
    const d = pairedDifference(ref, other);
    const m = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    return {
      variant: 1,
      outcome: 'incidents',
      refMean: m(ref),
      mean: m(other),
      d,
      factors: { per100k: null, per100kYear: null, scaled: null },
    };
  };

  it('say "raises" with a relative change, and an absolute one when the reference has none', () => {
    expect(differenceSentence('more-online', stats([10, 20, 30], [13, 22, 34]))).toBe(
      '**more-online** raises incidents by 3 on average (95% interval 0.52 to 5.48), from 20 to 23.',
    );
    // The reference mean 20 +- 25 cannot be told from zero with 3 replicates: no relative
    // statement. With more, the relative change has the Fieller interval.
    expect(differenceSentence('more-online', stats([10, 20, 30, 15, 25, 20, 18], [13, 22, 34, 17, 28, 21, 21]))).toBe(
      '**more-online** raises incidents by 13% (95% interval 8.7% to 19%), from 19.7 to 22.3 on average.',
    );
    expect(differenceSentence('x', stats([0, 0, 0], [2, 3, 2]))).toMatch(
      /^\*\*x\*\* raises incidents by 2\.33 on average \(95% interval 0\.9 to 3\.77\), from 0 to 2\.33\.$/,
    );
    expect(differenceSentence('x', stats([5, 5, 5], [5, 5, 5]))).toBe(
      '**x**: no clear difference in incidents (0.0%, 95% interval 0.0% to 0.0%).',
    );
  });

  it('format numbers and percentages for readers', () => {
    expect([num(1234.5), num(12.34), num(9.6), num(0.0123), num(-0.00001), num(7)]).toEqual([
      '1235',
      '12.3',
      '9.6',
      '0.012',
      '-1.0e-5',
      '7',
    ]);
    expect([pct(0.123), pct(0.045), pct(-0.5)]).toEqual(['12%', '4.5%', '-50%']);
  });
});

describe('sweep aggregates', () => {
  const plan = createSweepPlan(
    { file: 'baseline.json', scenario: base },
    {
      radsimVersion: 'test',
      replicates: 3,
      outcomes: ['ever_sensitive', 'incidents'],
      vary: ['influence.mu=0.05,0.1,0.15', 'phases.constants.a01=0.001,0.002'],
    },
  );
  const noise = [3, -2, 5, 0, -4, 1, 2, 2, -1, -3, 4, 0, -2, 5, 1, 3, -5, 0];
  const records = planJobs(plan).map((j) =>
    record(plan, j, {
      ever_sensitive: 10 * Math.floor(j.variant / 2) + 4 * (j.variant % 2) + noise[j.index],
      incidents: 0,
    }),
  );
  const files = aggregatePlan(plan, records);

  it('sweep.csv is tidy long: one row per run and outcome, each varied parameter a column', () => {
    const r = rows(files['sweep.csv']);
    expect(files['sweep.csv'].split('\n')[0]).toBe(
      'run_id,point,replicate,seed,influence.mu,phases.constants.a01,outcome,value,per_100k,per_100k_year',
    );
    expect(r).toHaveLength(18 * 2);
    expect(r[0]).toEqual({
      run_id: 'p00-r000',
      point: 'p00',
      replicate: '0',
      seed: '1880584755',
      'influence.mu': '0.05',
      'phases.constants.a01': '0.001',
      outcome: 'ever_sensitive',
      value: '3',
      per_100k: '600',
      per_100k_year: 'NA',
    });
  });

  it('sensitivity.csv holds the PRCC of each parameter with each outcome and its p-value', () => {
    const s = rows(files['sensitivity.csv']);
    const get = (p: string, o: string) => s.find((x) => x.parameter === p && x.outcome === o)!;
    expect(Number(get('influence.mu', 'ever_sensitive').prcc)).toBeCloseTo(0.9352261156126596, 8);
    expect(Number(get('influence.mu', 'ever_sensitive').p_value)).toBeCloseTo(3.699443002949888e-8, 8);
    expect(Number(get('phases.constants.a01', 'ever_sensitive').prcc)).toBeCloseTo(0.566622766809921, 8);
    expect(Number(get('phases.constants.a01', 'ever_sensitive').p_value)).toBeCloseTo(0.017713114418029793, 8);
    expect(get('influence.mu', 'incidents')).toEqual({
      parameter: 'influence.mu',
      outcome: 'incidents',
      prcc: 'NA',
      p_value: 'NA',
      runs: '18',
    });
  });

  it('sweep_points.csv holds the mean and its interval per point, gamma for a count', () => {
    const p0 = rows(files['sweep_points.csv']).find((r) => r.point === 'p00' && r.outcome === 'ever_sensitive')!;
    expect(Number(p0.mean)).toBe(1);
    expect(Number(p0.sd)).toBeCloseTo(2.6457513110645907, 8);
    // The made-up values 3, 2, -2 are not a count (one is negative): the t interval.
    expect(p0.ci_method).toBe('t');
    expect(Number(p0.ci_lo)).toBeCloseTo(-5.572410607728428, 8);
    expect(Number(p0.ci_hi)).toBeCloseTo(7.572410607728428, 8);
    expect(Number(p0.per_100k)).toBeCloseTo(200, 9);
    // 25, 24, 24 are: the gamma interval, near the t interval for a mean far from zero.
    const p5 = rows(files['sweep_points.csv']).find((r) => r.point === 'p05' && r.outcome === 'ever_sensitive')!;
    expect(p5.ci_method).toBe('gamma');
    expect(Number(p5.ci_lo)).toBeGreaterThan(0);
    expect(Number(p5.ci_lo)).toBeCloseTo(24.333333 - 4.302652729749464 * Math.sqrt(1 / 9), 0);
  });

  it('summary.md states the clear relations and the constant outcomes', () => {
    const md = files['summary.md'];
    expect(md).toContain(
      '- Higher `influence.mu` goes with more people reaching the sensitivity phase (PRCC 0.94, strong).',
    );
    expect(md).toContain(
      '- Higher `phases.constants.a01` goes with more people reaching the sensitivity phase (PRCC 0.57, moderate).',
    );
    expect(md).toContain('- The same in every run, so nothing to relate: incidents.');
    expect(md).toContain('must not be used to assess, score or predict real persons');
  });

  it('PRCC p-values follow the t-test of Marino et al. (2008)', () => {
    // scipy: r = 0.5, N = 20, k = 2 -> df = 17; r = 0.6, N = 10, k = 1 -> df = 8
    expect(prccPValue(0.5, 20, 2)).toBeCloseTo(0.029258036236649514, 10);
    expect(prccPValue(0.6, 10, 1)).toBeCloseTo(0.06668799999999998, 10);
    expect(prccPValue(1, 10, 1)).toBe(0);
    expect(prccPValue(0.5, 3, 2)).toBeNaN();
  });
});
