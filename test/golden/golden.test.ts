/**
 * The golden outputs (test/golden/golden.ts) are unchanged. A failure names the scenario, the
 * seed, and every outcome and series column that moved, with by how much; if the change is
 * intended, `npm run golden:update` re-blesses the files (say why in the commit).
 */
import { describe, expect, it } from 'vitest';
import { caseName, compareGolden, GOLDEN_CASES, readGolden, runCase } from './golden.ts';

describe('golden outputs', () => {
  for (const c of GOLDEN_CASES) {
    it(caseName(c), () => {
      const now = runCase(c);
      const report = compareGolden(c, readGolden(c), now);
      expect(report.join('\n'), 'outputs moved; if intended, run npm run golden:update and say why in the commit').toBe(
        '',
      );
    });
  }

  it('the cases exercise the model (so that equality means something)', () => {
    const kept = readGolden(GOLDEN_CASES[0]);
    expect(kept).toBeDefined();
    const o = JSON.parse(kept!.outcomes) as { outcomes: Record<string, number> };
    expect(o.outcomes.ever_sensitive).toBeGreaterThan(0);
    expect(o.outcomes.groups_formed).toBeGreaterThan(0);
    // The PGA caseload is realistic (a few per 100,000), so a case of 5,000 people may include
    // no one: the practice pipeline must be exercised by the cases together.
    const included = GOLDEN_CASES.map((c) => {
      const out = JSON.parse(readGolden(c)!.outcomes) as { outcomes: Record<string, number> };
      return out.outcomes.true_positives + out.outcomes.false_positives;
    });
    expect(included.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(kept!.routes?.length ?? 0).toBeGreaterThan(1000);
  });
});
