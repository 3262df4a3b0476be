/**
 * The schema walk behind the Research form (sim/scenario/fields.ts), the sources table
 * (sim/scenario/sources.ts) and the pure sweep helpers of the app (web/sweepDesign.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  checkValue,
  newListItem,
  rangeText,
  removeOverride,
  schemaFields,
  schemaLists,
  setOverride,
  valueAt,
  type Field,
  type Segment,
} from '../../sim/scenario/fields.ts';
import { resolveExtends, validateScenario, type ScenarioData } from '../../sim/scenario/resolve.ts';
import { scenarioSchema } from '../../sim/scenario/schema.ts';
import { SEEDS, SOURCES, sourceOf, sourcePattern } from '../../sim/scenario/sources.ts';
import { defaultRange, levels, prccInterval } from '../../web/sweepDesign.ts';

const dir = resolve(import.meta.dirname, '../../scenarios');
const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as ScenarioData;
const resolved = (f: string) =>
  resolveExtends(read(f), f, (ref) => ({ data: read(ref.replace(/^\.\//, '')), name: ref }));
const baseline = resolved('baseline.json');
const fields = schemaFields(baseline);
const byPath = new Map(fields.map((f) => [f.path, f]));
const numeric = (f: Field) => f.kind === 'number' || f.kind === 'integer';

/**
 * The scenario schema as JSON Schema, by zod's own conversion: it carries every `.meta`
 * (description, unit), so the tests below read units from the schema without going through
 * fields.ts (and check that the conversion still works).
 */
interface JsonNode {
  type?: string;
  unit?: string;
  description?: string;
  properties?: Record<string, JsonNode>;
  items?: JsonNode;
  additionalProperties?: JsonNode | boolean;
}
const jsonSchema = z.toJSONSchema(scenarioSchema) as JsonNode;

/** The JSON Schema node of a field: object properties, list items, record values. */
function jsonNodeAt(segs: readonly Segment[]): JsonNode | undefined {
  let node: JsonNode | undefined = jsonSchema;
  for (const s of segs) {
    if (!node) return undefined;
    if (typeof s === 'number') node = node.items;
    else if (node.properties && Object.hasOwn(node.properties, s)) node = node.properties[s];
    else node = typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
  }
  return node;
}

describe('schema walk', () => {
  it('lists every leaf of the baseline, grouped by top-level key', () => {
    expect(fields.length).toBeGreaterThan(300);
    const sections = new Set(fields.map((f) => f.section));
    for (const s of [
      'run',
      'regions',
      'population',
      'network',
      'macro',
      'triggers',
      'susceptibility',
      'influence',
      'needs',
      'groups',
      'phases',
      'action',
      'practice',
      'interventionMechanics',
      'ablation',
    ]) {
      expect(sections.has(s), s).toBe(true);
    }
    // Every leaf value of the data is a field (and nothing else is).
    const leaves: string[] = [];
    const walk = (v: unknown, p: string) => {
      if (Array.isArray(v)) {
        if (v.length && v.every((x) => typeof x !== 'object')) v.forEach((x, i) => walk(x, `${p}[${i}]`));
        else v.forEach((x, i) => walk(x, `${p}[${i}]`));
      } else if (v !== null && typeof v === 'object') {
        for (const [k, x] of Object.entries(v))
          walk(x, /^[A-Za-z_$][\w$]*$/.test(k) ? (p ? `${p}.${k}` : k) : `${p}[${JSON.stringify(k)}]`);
      } else leaves.push(p);
    };
    walk(baseline, '');
    const listed = new Set(fields.map((f) => f.path));
    expect(leaves.filter((p) => !listed.has(p))).toEqual([]);
    for (const f of fields) expect(valueAt(baseline, f.segs) !== undefined || f.optional, f.path).toBe(true);
  });

  it('reads kinds, units, descriptions and ranges from the schema', () => {
    const mu = byPath.get('influence.mu')!;
    expect(mu).toMatchObject({
      kind: 'number',
      unit: '0..1',
      min: 0,
      max: 1,
      minExclusive: false,
      section: 'influence',
    });
    expect(mu.description).toMatch(/relative agreement/);
    expect(rangeText(mu)).toBe('0 ≤ x ≤ 1');
    expect(rangeText(byPath.get('agents')!)).toBe('whole number 10 ≤ x ≤ 50000000');
    expect(rangeText(byPath.get('influence.sources.uncertainty')!)).toBe('> 0');
    expect(byPath.get('regions[0].urban')!.kind).toBe('boolean');
    expect(byPath.get('macro.opponents.jihadist')).toMatchObject({ kind: 'enum' });
    expect(byPath.get('macro.opponents.jihadist')!.options).toContain('rightWing');
    expect(byPath.get('phases.hazards["0->1"]')!.kind).toBe('string');
    expect(byPath.get('phases.constants.a01')!.kind).toBe('number');
    expect(byPath.get('triggers.catalogue[0].perYear')!.unit).toBe('1/year');
    expect(byPath.get('title.nl')!.kind).toBe('string');
    expect(byPath.get('description.en')!.kind).toBe('string');
  });

  it('gives every number of the schema a unit and a description of its own (.meta)', () => {
    const missing: string[] = [];
    let numbers = 0;
    const walk = (node: unknown, at: string) => {
      if (Array.isArray(node)) node.forEach((x, i) => walk(x, `${at}/${i}`));
      else if (node !== null && typeof node === 'object') {
        const n = node as JsonNode;
        if (n.type === 'number' || n.type === 'integer') {
          numbers++;
          if (!n.unit) missing.push(`${at}: unit`);
          if (!n.description) missing.push(`${at}: description`);
        }
        for (const [k, v] of Object.entries(n)) walk(v, `${at}/${k}`);
      }
    };
    walk(jsonSchema, '');
    expect(numbers).toBeGreaterThan(300);
    expect(missing).toEqual([]);
  });

  it('gives every numeric leaf of every library scenario its unit from the schema, a description and a source', () => {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      for (const f of schemaFields(resolved(file))) {
        expect(f.source, `${file}: ${f.path} source`).toBeTruthy();
        expect(f.description, `${file}: ${f.path} description`).toBeTruthy();
        if (!numeric(f)) continue;
        const node = jsonNodeAt(f.segs);
        expect(node?.type, `${file}: ${f.path} schema node`).toMatch(/^(number|integer)$/);
        expect(f.unit, `${file}: ${f.path} unit`).toBeTruthy();
        expect(f.unit, `${file}: ${f.path} unit from the schema`).toBe(node!.unit);
      }
    }
    // Units that used to come from a table in fields.ts rather than the schema.
    expect(byPath.get('population.attitude.sd')!.unit).toBe('sd (scale of the mean)');
    expect(byPath.get('phases.constants.a01')!.unit).toBe('per week (scales) or dimensionless');
    expect(byPath.get('triggers.catalogue[0].effects.attitude')!.unit).toBe('change per unit impact');
    expect(jsonNodeAt(['outputs', 'routes', 'ids', 0])!.unit).toBe('agent id');
  });

  it('checks values as the schema does', () => {
    const mu = byPath.get('influence.mu')!;
    expect(checkValue(mu, 0.5)).toBeNull();
    expect(checkValue(mu, 1.5)).toBe('must be <= 1');
    expect(checkValue(byPath.get('influence.sources.uncertainty')!, 0)).toBe('must be > 0');
    expect(checkValue(byPath.get('agents')!, 100.5)).toBe('must be a whole number');
    // The schema agrees.
    const data = structuredClone(baseline);
    (data.influence as Record<string, unknown>).mu = 1.5;
    expect(() => validateScenario(data)).toThrow(/influence\.mu: must be <= 1/);
  });
});

describe('overrides of an extending scenario', () => {
  it('sets a nested value, creating only the objects on the way', () => {
    const raw: ScenarioData = { extends: 'baseline.json', name: 'x' };
    setOverride(raw, baseline, ['influence', 'mu'], 0.2);
    expect(raw).toEqual({ extends: 'baseline.json', name: 'x', influence: { mu: 0.2 } });
    expect(removeOverride(raw, ['influence', 'mu'])).toBe(true);
    expect(raw).toEqual({ extends: 'baseline.json', name: 'x' });
    expect(removeOverride(raw, ['influence', 'mu'])).toBe(false);
  });

  it('copies a list whole before changing an item (lists replace, never merge)', () => {
    const raw: ScenarioData = { extends: 'baseline.json' };
    setOverride(raw, baseline, ['regions', 1, 'triggerRate'], 0.9);
    const regions = raw.regions as { name: string; triggerRate: number }[];
    expect(regions).toHaveLength((baseline.regions as unknown[]).length);
    expect(regions[1].triggerRate).toBe(0.9);
    expect(regions[0]).toEqual((baseline.regions as unknown[])[0]);
    expect(removeOverride(raw, ['regions', 1, 'triggerRate'])).toBe(false);
  });

  it('sets a record entry such as a hazard formula', () => {
    const raw: ScenarioData = { extends: 'baseline.json' };
    setOverride(raw, baseline, ['phases', 'hazards', '0->1'], 'a01 * attitude');
    expect(raw).toEqual({ extends: 'baseline.json', phases: { hazards: { '0->1': 'a01 * attitude' } } });
  });
});

describe('lists', () => {
  it('finds the lists of objects, empty ones included', () => {
    const lists = schemaLists(baseline).map((l) => `${l.path}#${l.length}`);
    expect(lists).toContain(`regions#${(baseline.regions as unknown[]).length}`);
    expect(lists).toContain('interventions#0');
    expect(lists).toContain(`triggers.catalogue#${(baseline.triggers as { catalogue: unknown[] }).catalogue.length}`);
    expect(lists.some((l) => l.startsWith('population.ageBands#'))).toBe(true);
  });

  it('makes the id or name of a new item unique', () => {
    expect(newListItem({ id: 'mentoring', x: 1 }, [{ id: 'mentoring' }])).toEqual({ id: 'mentoring2', x: 1 });
    expect(newListItem({ id: 'a2' }, [{ id: 'a' }, { id: 'a2' }])).toEqual({ id: 'a3' });
    expect(newListItem({ name: 'city', share: 0.6 }, [{ name: 'city' }, { name: 'region' }])).toEqual({
      name: 'city 2',
      share: 0.6,
    });
  });
});

describe('sources', () => {
  it('cites seeds by their file names and falls back to the longest prefix', () => {
    const seedNames = Object.values(SEEDS);
    for (const s of seedNames) expect(s).toMatch(/^\d{3}_[0-9a-f]{16}\.txt$/);
    // Every seed-like name in the table is a known seed.
    for (const text of Object.values(SOURCES)) {
      for (const m of text.match(/\d{3}_[0-9a-f]+\.txt/g) ?? []) expect(seedNames).toContain(m);
    }
    expect(sourceOf('population.pathology.adhd.prevalence')).toBe('MODEL.md 2 (domain brief default)');
    expect(sourceOf('population.pathology.adhd.severity.mean')).toMatch(/003_b01ffb2916f57b10\.txt/);
    expect(sourceOf('phases.constants.a01')).toMatch(/assumption/);
    expect(sourceOf('regions[3].practice.triage.capacityPer100k')).toMatch(/004_3f123f64741c8191\.txt/);
    expect(sourceOf('practice.signals.recognitionFemale')).toMatch(/004_3f123f64741c8191\.txt.*assumption/);
    expect(sourceOf('nonsense.field')).toBeNull();
    expect(sourcePattern('macro.types.war.threat')).toBe('macro.types[*].threat');
    expect(sourcePattern('phases.hazards["0->1"]')).toBe('phases.hazards[*]');
    expect(sourcePattern('interventions[2].delivery.transparency')).toBe('interventions[].delivery.transparency');
  });
});

describe('sweep helpers of the app', () => {
  it('spaces levels evenly, as whole numbers for integer fields', () => {
    expect(levels(byPath.get('influence.mu')!, 0.05, 0.2, 4)).toEqual([0.05, 0.1, 0.15, 0.2]);
    expect(levels(byPath.get('network.peer.schoolSize')!, 100, 200, 3)).toEqual([100, 150, 200]);
    expect(levels(byPath.get('action.detentionWeeks')!, 1, 2, 4)).toEqual([1, 2]);
  });

  it('proposes a range inside the allowed one', () => {
    expect(defaultRange(byPath.get('influence.mu')!, 0.1)).toEqual([0.05, 0.15]);
    expect(defaultRange(byPath.get('population.maleShare')!, 0.8)).toEqual([0.4, 1]);
    const [lo] = defaultRange(byPath.get('influence.sources.uncertainty')!, 0);
    expect(lo).toBeGreaterThan(0);
    expect(defaultRange(byPath.get('agents')!, 15)).toEqual([10, 22]);
  });

  it('gives a Fisher-z interval around a PRCC', () => {
    const [lo, hi] = prccInterval(0.5, 103, 1);
    expect(lo).toBeCloseTo(Math.tanh(Math.atanh(0.5) - 1.959964 / 10), 5);
    expect(hi).toBeCloseTo(Math.tanh(Math.atanh(0.5) + 1.959964 / 10), 5);
    expect(prccInterval(0.5, 3, 1).every(Number.isNaN)).toBe(true);
  });
});
