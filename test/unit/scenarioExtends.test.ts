/**
 * Scenario files: `extends` chains (deep merge, arrays replace, relative paths, cycles, missing
 * and broken files) and command-line overrides.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScenarioError } from '../../sim/scenario/errors.ts';
import { loadScenarioFile, resolveScenarioFile } from '../../sim/scenario/file.ts';
import { deepMerge, validateScenario, withOverrides } from '../../sim/scenario/resolve.ts';
import { BASELINE, base, copy, issueAt, scenarioErrorOf, type Data } from './scenarioData.ts';

describe('extends', () => {
  let dir: string;
  const write = (name: string, data: unknown) => {
    const p = join(dir, name);
    writeFileSync(p, typeof data === 'string' ? data : JSON.stringify(data, null, 2));
    return p;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'radsim-scenario-'));
    mkdirSync(join(dir, 'sub'));
    write('base.json', base); // a frozen copy of the baseline, so the tests do not depend on its values
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('a child overrides one nested value and inherits everything else (deep merge)', () => {
    const p = write('child.json', {
      extends: 'base.json',
      name: 'child',
      population: { pathology: { adhd: { prevalence: 0.08 } } },
    });
    const loaded = loadScenarioFile(p);
    const expected = copy();
    expected.name = 'child';
    expected.population.pathology.adhd.prevalence = 0.08;
    delete expected.demo; // a guided demo is the one thing not inherited
    expect(loaded).toEqual(validateScenario(expected));
    // Spelled out: the siblings of the overridden value survive.
    expect(loaded.population.pathology.adhd.maleRatio).toBe((base as Data).population.pathology.adhd.maleRatio);
    expect(loaded.population.pathology.adhd.severity).toEqual((base as Data).population.pathology.adhd.severity);
    expect(loaded.population.pathology.autism).toEqual((base as Data).population.pathology.autism);
    expect('extends' in loaded).toBe(false);
  });

  it('arrays replace rather than merge by index', () => {
    const b = base as Data;
    const p = write('arrays.json', {
      extends: 'base.json',
      regions: [{ ...b.regions[0], share: 1 }],
      population: {
        ageBands: [
          { from: 12, to: 50, share: 0.5 },
          { from: 50, to: 90, share: 0.5 },
        ],
      },
      phases: { hazards: { '0->1': '0.001' } },
    });
    const loaded = loadScenarioFile(p);
    expect(loaded.regions).toEqual([{ ...b.regions[0], share: 1 }]);
    expect(loaded.population.ageBands).toEqual([
      { from: 12, to: 50, share: 0.5 },
      { from: 50, to: 90, share: 0.5 },
    ]);
    // Records are objects, so they merge: the other hazards are inherited.
    expect(loaded.phases.hazards['0->1']).toBe('0.001');
    expect(loaded.phases.hazards['1->0']).toBe(b.phases.hazards['1->0']);
  });

  it('a two-level chain, each extends resolved relative to the file that names it', () => {
    write('sub/mid.json', {
      extends: '../base.json',
      agents: 1234,
      population: { maleShare: 0.6, education: { low: 0.2, mid: 0.4, high: 0.4 } },
    });
    const p = write('leaf.json', { extends: 'sub/mid.json', name: 'leaf', weeks: 77, population: { maleShare: 0.55 } });
    const loaded = loadScenarioFile(p);
    expect(loaded.name).toBe('leaf');
    expect(loaded.weeks).toBe(77); // leaf
    expect(loaded.population.maleShare).toBe(0.55); // leaf wins over mid
    expect(loaded.agents).toBe(1234); // mid
    expect(loaded.population.education).toEqual({ low: 0.2, mid: 0.4, high: 0.4 }); // mid
    expect(loaded.seed).toBe((base as Data).seed); // base
    expect(loaded.population.ageBands).toEqual((base as Data).population.ageBands); // base
  });

  it('deepMerge does not modify its inputs', () => {
    const a = { x: { y: 1, z: [1, 2] } };
    const b = { x: { y: 2 } };
    const out = deepMerge(a, b) as Data;
    expect(out).toEqual({ x: { y: 2, z: [1, 2] } });
    expect(a).toEqual({ x: { y: 1, z: [1, 2] } });
    expect(b).toEqual({ x: { y: 2 } });
    out.x.z.push(3);
    expect(a.x.z).toEqual([1, 2]);
  });

  it('a cycle is an error naming extends', () => {
    write('a.json', { extends: 'b.json', name: 'a' });
    write('b.json', { extends: 'a.json', name: 'b' });
    const err = scenarioErrorOf(() => resolveScenarioFile(join(dir, 'a.json')));
    const issue = err.issues[0];
    expect(issue.path).toBe('extends');
    expect(issue.message).toMatch(/circular extends/);
    expect(issue.message).toContain('a.json');
    expect(issue.message).toContain('b.json');
  });

  it('a file that extends itself is a cycle', () => {
    const p = write('self.json', { extends: 'self.json', name: 'self' });
    expect(() => loadScenarioFile(p)).toThrow(/circular extends/);
  });

  it('a missing parent file is an error naming that file', () => {
    const p = write('orphan.json', { extends: 'no-such-parent.json', name: 'orphan' });
    const err = scenarioErrorOf(() => loadScenarioFile(p));
    expect(err.file).toBe(join(dir, 'no-such-parent.json'));
    expect(err.message).toMatch(/no-such-parent\.json/);
    expect(err.issues[0].message).toMatch(/cannot be read: ENOENT/);
  });

  it('invalid JSON gives an error with the file name', () => {
    const p = write('broken.json', '{ "name": "broken", }');
    const err = scenarioErrorOf(() => loadScenarioFile(p));
    expect(err.file).toBe(p);
    expect(err.message).toContain('broken.json');
    expect(err.issues[0].message).toMatch(/is not valid JSON/);
  });

  it('invalid JSON in a parent names the parent, not the child', () => {
    const parent = write('broken-parent.json', '{ "agents": 10 ');
    const child = write('child-of-broken.json', { extends: 'broken-parent.json' });
    const err = scenarioErrorOf(() => loadScenarioFile(child));
    expect(err.file).toBe(parent);
    expect(err.message).toMatch(/not valid JSON/);
  });

  it('a file that is not a JSON object, and an extends that is not a string', () => {
    const arr = write('array.json', '[1, 2, 3]');
    expect(() => loadScenarioFile(arr)).toThrow(/a scenario is a JSON object/);
    const p = write('numeric-extends.json', { extends: 5, name: 'x' });
    const err = scenarioErrorOf(() => loadScenarioFile(p));
    expect(err.issues[0]).toMatchObject({ path: 'extends', value: 5 });
    expect(err.issues[0].message).toMatch(/must be the path of another scenario file/);
  });

  it('validation errors of a child name the child file', () => {
    const p = write('bad-child.json', { extends: 'base.json', population: { maleShare: 2 } });
    const err = scenarioErrorOf(() => loadScenarioFile(p));
    expect(err.file).toBe(p);
    expect(issueAt(err.issues, 'population.maleShare').value).toBe(2);
  });

  // A key "__proto__" (which JSON.parse makes an own property) must survive the merge as a key
  // (an assignment `out[k] = ...` would set the merged object's prototype instead), so that
  // validation can report it rather than drop it.
  it('a "__proto__" key in a child is reported, not silently dropped', () => {
    const p = write('proto.json', '{ "extends": "base.json", "population": { "__proto__": { "maleShare": 0.9 } } }');
    const err = scenarioErrorOf(() => loadScenarioFile(p));
    expect(issueAt(err.issues, 'population.__proto__').message).toMatch(/"__proto__" is not allowed/);
    const merged = deepMerge(copy(), JSON.parse('{ "population": { "__proto__": { "maleShare": 0.9 } } }')) as Data;
    expect(Object.hasOwn(merged.population, '__proto__')).toBe(true);
    expect(merged.population.maleShare).toBe((base as Data).population.maleShare);
    const viaMerge = scenarioErrorOf(() => validateScenario(merged));
    expect(issueAt(viaMerge.issues, 'population.__proto__').message).toMatch(/"__proto__" is not allowed/);
  });
});

describe('withOverrides', () => {
  it('replaces seed, agents and weeks and leaves the rest alone', () => {
    const d = copy();
    const out = withOverrides(d, { seed: 42, agents: 777, weeks: 12 }) as Data;
    expect(out.seed).toBe(42);
    expect(out.agents).toBe(777);
    expect(out.weeks).toBe(12);
    expect(out.population).toEqual(d.population);
    expect(out.name).toBe(d.name);
    // The input is not modified.
    expect(d.seed).toBe((base as Data).seed);
    expect(d.agents).toBe((base as Data).agents);
    expect(d.weeks).toBe((base as Data).weeks);
  });

  it('applies zero and leaves fields without an override as they are', () => {
    const d = copy();
    const out = withOverrides(d, { seed: 0 }) as Data;
    expect(out.seed).toBe(0);
    expect(out.agents).toBe(d.agents);
    expect(out.weeks).toBe(d.weeks);
    const none = withOverrides(d, {});
    expect(none).toEqual(d);
    expect(none).not.toBe(d);
  });

  it('loadScenarioFile applies overrides before validating them', () => {
    const s = loadScenarioFile(BASELINE, { seed: 9, agents: 500, weeks: 3 });
    expect([s.seed, s.agents, s.weeks]).toEqual([9, 500, 3]);
    const err = scenarioErrorOf(() => loadScenarioFile(BASELINE, { agents: 5 }));
    expect(issueAt(err.issues, 'agents')).toMatchObject({ value: 5 });
    expect(() => loadScenarioFile(BASELINE, { weeks: 1.5 })).toThrow(ScenarioError);
  });
});
