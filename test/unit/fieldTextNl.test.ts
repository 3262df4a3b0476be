/** The Research form in Dutch: every parameter description, unit and source the library uses has a Dutch text. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaFields } from '../../sim/scenario/fields.ts';
import { resolveExtends, type ScenarioData } from '../../sim/scenario/resolve.ts';
import { SOURCES } from '../../sim/scenario/sources.ts';
import { DESCRIPTION_NL, SOURCE_NL, UNIT_NL } from '../../web/fieldTextNl.ts';

const dir = resolve(import.meta.dirname, '../../scenarios');
const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as ScenarioData;
const fields = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => schemaFields(resolveExtends(read(f), f, (ref) => ({ data: read(ref), name: ref }))));

describe('Dutch parameter texts', () => {
  it('has a Dutch description and unit for every parameter of every library scenario', () => {
    const missing = new Set<string>();
    for (const f of fields) {
      if (!DESCRIPTION_NL[f.description]) missing.add(`description: ${f.description}`);
      if (f.unit && !UNIT_NL[f.unit]) missing.add(`unit: ${f.unit}`);
    }
    expect([...missing]).toEqual([]);
  });
  it('has a Dutch text for every source, and none for a source text that no longer exists', () => {
    expect(Object.values(SOURCES).filter((s) => !SOURCE_NL[s])).toEqual([]);
    const current = new Set(Object.values(SOURCES));
    expect(Object.keys(SOURCE_NL).filter((s) => !current.has(s))).toEqual([]);
  });
});
