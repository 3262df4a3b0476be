/** The Dutch plain-language summary of a sweep (web app); English stays the default (CLI). */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sweepStats } from '../../sim/ensemble/aggregate.ts';
import { createSweepPlan, planJobs } from '../../sim/ensemble/plan.ts';
import type { RunRecord } from '../../sim/ensemble/records.ts';
import { madeUpRecord } from '../ensemble/madeUpRecord.ts';
import { sweepSummary } from '../../sim/ensemble/report.ts';
import { SWEEP_WORDS } from '../../sim/ensemble/sweepWords.ts';
import { loadScenarioFile } from '../../sim/scenario/file.ts';
import { localText } from '../../sim/scenario/texts.ts';

const base = loadScenarioFile(fileURLToPath(new URL('../../scenarios/baseline.json', import.meta.url)), {
  agents: 500,
  weeks: 2,
});
const plan = createSweepPlan(
  { file: 'baseline.json', scenario: base },
  {
    radsimVersion: 'test',
    replicates: 6,
    outcomes: ['ever_sensitive', 'incidents', 'false_positives'],
    vary: ['influence.mu=0.1,0.25,0.4'],
  },
);
// Made-up outcomes: ever_sensitive rises with mu, incidents are always 0, false positives do not follow mu.
const runs: RunRecord[] = planJobs(plan).map((j) =>
  madeUpRecord(plan, j, {
    ever_sensitive: 10 + 5 * j.variant + (j.replicate % 3),
    incidents: 0,
    false_positives: ((j.replicate * 7 + j.variant) % 5) + 0.5,
  }),
);
const stats = sweepStats(plan, runs);

describe('Dutch sweep summary', () => {
  it('has the same phrases in both languages', () => {
    const keys = (o: object) => Object.keys(o).sort();
    expect(keys(SWEEP_WORDS.nl)).toEqual(keys(SWEEP_WORDS.en));
    expect(SWEEP_WORDS.nl.howToRead).toHaveLength(SWEEP_WORDS.en.howToRead.length);
  });

  it('writes headings, findings and numbers in Dutch, with decimal commas', () => {
    const md = sweepSummary(stats, 'nl');
    for (const head of ['Wat is doorgerekend', 'Globale gevoeligheid', 'Belangrijkste bevindingen', 'Zo leest u dit'])
      expect(md).toContain(`## ${head}`);
    expect(md).toContain('**Synthetische populatie.**');
    expect(md).toContain(`Basisscenario **baseline**: ${localText(base.question, 'nl')}`);
    expect(md).toContain('| `influence.mu` | 0,1; 0,25; 0,4 | 0,1 |');
    expect(md).toMatch(
      /- Een hogere `influence\.mu` gaat samen met meer mensen die de gevoeligheidsfase bereiken \(PRCC 0,\d\d, sterk\)\./,
    );
    expect(md).toContain(
      'Geen duidelijk monotoon verband van `influence.mu` met onterechte opnames in het casusoverleg.',
    );
    expect(md).toContain('In elke run gelijk'); // the warning on incidents, in Dutch too
    expect(md).toMatch(/\| p00 \| 0,1 \| \d+ \(\d+\) \| 0 \(0\) \| \d,\d+ \(\d+\) \|/);
    // No English sentence left, and no decimal point in a number (file names aside).
    expect(md).not.toMatch(/What was run|Main findings|goes with|No clear|How to read|Higher `/);
    expect(
      md
        .replace(/[\w-]+\.(csv|json|md)/g, '')
        .replace(/100\.000/g, '')
        .replace(/et al\. 2008/, ''),
    ).not.toMatch(/\d\.\d/);
  });

  it('leaves the English text the default', () => {
    const md = sweepSummary(stats);
    expect(md).toBe(sweepSummary(stats, 'en'));
    expect(md).toContain('## What was run');
    expect(md).toMatch(
      /- Higher `influence\.mu` goes with more people reaching the sensitivity phase \(PRCC 0\.\d\d, strong\)\./,
    );
    expect(md).toContain('| `influence.mu` | 0.1, 0.25, 0.4 | 0.1 |');
    expect(md).toContain(`Base scenario **baseline**: ${localText(base.question, 'en')}`);
  });

  it('says what a scenario with an English-only question is by its Dutch description', () => {
    const english = 'How does it unfold?';
    const only = { ...stats, plan: { ...stats.plan, base: { ...stats.plan.base } } };
    only.plan.base.scenario = { ...base, question: english };
    expect(sweepSummary(only, 'nl')).toContain(`Basisscenario **baseline**: ${base.description!.nl}`);
    expect(sweepSummary(only, 'en')).toContain(`Base scenario **baseline**: ${english}`);
  });
});
