/** The Dutch plain-language summary of a comparison (web app); English stays the default (CLI). */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareStats } from '../../sim/ensemble/aggregate.ts';
import { DEFAULT_OUTCOMES, outcomeLabel } from '../../sim/ensemble/outcomes.ts';
import { createComparePlan, planJobs } from '../../sim/ensemble/plan.ts';
import type { RunRecord } from '../../sim/ensemble/records.ts';
import { madeUpRecord } from '../ensemble/madeUpRecord.ts';
import { compareSummary, differenceSentence } from '../../sim/ensemble/report.ts';
import { loadScenarioFile } from '../../sim/scenario/file.ts';

const path = (f: string) => fileURLToPath(new URL(`../../scenarios/${f}`, import.meta.url));
const base = loadScenarioFile(path('baseline.json'), { agents: 500, weeks: 2 });
const other = loadScenarioFile(path('school-resilience.json'), { agents: 500, weeks: 2 });
const plan = createComparePlan(
  [
    { file: 'baseline.json', scenario: base },
    { file: 'school-resilience.json', scenario: other },
  ],
  {
    radsimVersion: 'test',
    replicates: 3,
    outcomes: ['ever_action', 'false_positives', 'cost_hours'],
    series: ['phase_1'],
  },
);
const values: Record<string, number[][]> = {
  ever_action: [
    [40, 50, 45],
    [30, 41, 33],
  ],
  false_positives: [
    [10, 12, 9],
    [11, 10, 10],
  ],
  cost_hours: [
    [100.5, 120, 110],
    [150, 171.25, 160],
  ],
};
const runs: RunRecord[] = planJobs(plan).map((j) =>
  madeUpRecord(plan, j, Object.fromEntries(Object.entries(values).map(([o, v]) => [o, v[j.variant][j.replicate]])), {
    weeks: 3,
    series: { phase_1: [0, 1, 2] },
  }),
);
const stats = compareStats(plan, runs);

describe('Dutch summary', () => {
  it('labels every outcome in Dutch, English by default', () => {
    for (const o of DEFAULT_OUTCOMES) {
      expect(outcomeLabel(o, 'nl')).not.toBe(outcomeLabel(o));
      expect(outcomeLabel(o)).toBe(outcomeLabel(o, 'en'));
    }
    expect(outcomeLabel('false_positives', 'nl')).toContain('casusoverleg');
    expect(outcomeLabel('no_such_outcome', 'nl')).toBe('no such outcome');
  });

  it('writes the findings in Dutch with decimal commas and the practice terms', () => {
    const md = compareSummary(stats, 'nl');
    expect(md).toContain('# Vergelijking: school-resilience met referentie baseline');
    expect(md).toContain('**Synthetische populatie.**');
    expect(md).toContain('## Belangrijkste bevindingen');
    expect(md).toMatch(
      /\*\*school-resilience\*\* verlaagt het aantal mensen die de actiefase bereiken met 23% \(95%-interval \d+% tot \d+%\), van gemiddeld 45 naar 34,7\./,
    );
    expect(md).toMatch(/\*\*school-resilience\*\* verhoogt het aantal professionele uren met/);
    expect(md).toContain(
      'geen duidelijk verschil (het 95%-interval bevat nul) in het aantal onterechte opnames in het casusoverleg',
    );
    expect(md).toContain('weegploeg');
    expect(md).toContain('persoonsgerichte aanpak (PGA)');
    // no decimal points left in numbers; "per 100.000" has the Dutch thousands point
    expect(md).toContain('per 100.000');
    expect(md.replace(/100\.000/g, '')).not.toMatch(/\d\.\d/);
    expect(md).not.toMatch(/people reaching|no clear difference/);
  });

  it('leaves the English text unchanged', () => {
    expect(compareSummary(stats)).toBe(compareSummary(stats, 'en'));
    expect(compareSummary(stats)).toContain('# Comparison: school-resilience against baseline');
    const d = stats.differences[0];
    expect(differenceSentence('x', d)).toBe(differenceSentence('x', d, 0.95, 'en'));
    expect(differenceSentence('x', d, 0.95, 'nl')).toMatch(/^\*\*x\*\* verlaagt het aantal/);
  });
});
