/**
 * The declared outputs (sim/output/seriesColumns.ts, sim/ensemble/outcomes.ts) and their
 * documentation, docs/outputs.md, which is generated from them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { outputsMarkdown, REFRESH_COMMAND } from '../../docs/tools/outputsMarkdown.ts';
import { OUTCOMES } from '../../sim/ensemble/outcomes.ts';
import { SERIES_COLUMNS, seriesColumnNames } from '../../sim/output/seriesColumns.ts';
import { loadScenarioFile } from '../../sim/scenario/file.ts';

const BASELINE = fileURLToPath(new URL('../../scenarios/baseline.json', import.meta.url));
const DOC = fileURLToPath(new URL('../../docs/outputs.md', import.meta.url));

describe('declared outputs', () => {
  it('every family names each of its placeholders once, and expands to distinct column names', () => {
    for (const c of SERIES_COLUMNS) {
      const keys = (c.over ?? []).map((p) => p.key);
      expect(
        [...c.name.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
        c.name,
      ).toEqual(keys);
    }
    const names = seriesColumnNames(loadScenarioFile(BASELINE));
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((n) => /[{}]/.test(n))).toEqual([]);
  });

  it('every column and outcome has a description and a unit, every outcome an English and a Dutch phrase', () => {
    for (const c of SERIES_COLUMNS)
      expect([c.name, c.description && c.unit ? 'ok' : 'missing']).toEqual([c.name, 'ok']);
    for (const o of Object.values(OUTCOMES))
      expect([o.name, o.description && o.unit && o.label.en && o.label.nl ? 'ok' : 'missing']).toEqual([o.name, 'ok']);
  });

  it(`docs/outputs.md is what ${REFRESH_COMMAND} writes`, () => {
    expect(readFileSync(DOC, 'utf8'), `docs/outputs.md is stale: run ${REFRESH_COMMAND}`).toBe(outputsMarkdown());
  });
});
