/**
 * docs/parameters.md is generated from the schema, sources.ts and the baseline: it must be
 * current, and every parameter of the baseline must have a description and a source.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  interventionFields,
  PARAMETERS_FILE,
  parametersMarkdown,
  REFRESH_COMMAND,
  readBaseline,
} from '../../docs/tools/parameters.ts';
import { schemaFields } from '../../sim/scenario/fields.ts';

describe('docs/parameters.md', () => {
  it('is what the generator writes today', () => {
    const written = readFileSync(PARAMETERS_FILE, 'utf8');
    const current = parametersMarkdown();
    if (written !== current)
      expect.fail(`docs/parameters.md is stale: run \`${REFRESH_COMMAND}\` and commit the result`);
  });

  it('gives every parameter of the baseline, and every field of a programme, a description and a source', () => {
    const fields = [...schemaFields(readBaseline()), ...interventionFields()];
    expect(fields.length).toBeGreaterThan(300);
    const undescribed = fields.filter((f) => !f.described).map((f) => f.path);
    expect(undescribed, 'add a description to the schema (.meta)').toEqual([]);
    // A source names a seed file, a MODEL.md section or a paper, or says "assumption"; scenario
    // texts, switches and recording options say that they are not model parameters.
    const cited =
      /assumption|MODEL\.md \d|\d{3}_[0-9a-f]{16}\.txt|et al\.|not a model parameter|not an empirical parameter/;
    const unsourced = fields.filter((f) => f.source === null || !cited.test(f.source)).map((f) => f.path);
    expect(unsourced, 'add a source to sim/scenario/sources.ts').toEqual([]);
  });
});
