/**
 * Scenario JSON from outside (sim/scenario/input.ts): the documented limits on size and depth,
 * and what JSON.parse would take silently or report badly (a byte-order mark, a repeated key,
 * 1e999, "__proto__" keys in records), each a ScenarioError naming the place, quickly.
 */
import { describe, expect, it } from 'vitest';
import { dataIssues, depthIssue, parseScenarioText, SCENARIO_LIMITS } from '../../sim/scenario/input.ts';
import { deepMerge, resolveExtends, validateScenario } from '../../sim/scenario/resolve.ts';
import { copy, issueAt, scenarioErrorOf } from './scenarioData.ts';

const parse = (text: string) => parseScenarioText(text, 'my.json');
const issuesOf = (text: string) => scenarioErrorOf(() => parse(text)).issues;

function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = f();
  return { value, ms: performance.now() - t0 };
}

describe('limits', () => {
  it('the documented values', () => {
    expect(SCENARIO_LIMITS).toEqual({ size: 1_000_000, depth: 32, extendsChain: 32 });
  });

  it('size: one character over is refused before it is parsed', () => {
    const pad = (n: number) => `{"description": "${'x'.repeat(n - 19)}"}`;
    expect(pad(SCENARIO_LIMITS.size)).toHaveLength(SCENARIO_LIMITS.size);
    expect(parse(pad(SCENARIO_LIMITS.size)).description).toHaveLength(SCENARIO_LIMITS.size - 19);
    expect(issuesOf(pad(SCENARIO_LIMITS.size + 1))[0]).toMatchObject({
      path: '(file)',
      message: 'is too large: 1,000,001 characters, at most 1,000,000 are allowed',
    });
  });

  it('depth: 32 levels of objects and arrays parse, 33 do not', () => {
    const nested = (levels: number) => `{"a": ${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}}`;
    expect(() => parse(nested(32))).not.toThrow();
    const [issue] = issuesOf(nested(33));
    expect(issue.path).toBe(`a${'[0]'.repeat(31)}`);
    expect(issue.message).toMatch(/^nests objects and arrays more than 32 levels deep \(line 1, column 38\)/);
  });

  it('a 5,000-level array in a 10 KB scenario is refused quickly, with or without extends', () => {
    for (const head of ['{"extends": "baseline.json", "name": ', '{"name": ']) {
      const text = `${head}${'['.repeat(5000)}${']'.repeat(5000)}}`;
      const { value: issues, ms } = timed(() => issuesOf(text));
      expect(issues[0].message).toMatch(/more than 32 levels deep/);
      expect(ms).toBeLessThan(500);
    }
  });

  it('deep data made in code (not parsed here) is refused by the merge and by validation, not a stack overflow', () => {
    let deep: unknown = 1;
    for (let k = 0; k < 100_000; k++) deep = [deep];
    const d = copy();
    d.description = deep;
    expect(depthIssue(d)?.path).toBe(`description${'[0]'.repeat(31)}`);
    expect(issueAt(scenarioErrorOf(() => validateScenario(d)).issues, `description${'[0]'.repeat(31)}`)).toBeDefined();
    const child = { extends: 'base', description: deep };
    const load = () => ({ data: copy(), name: 'base' });
    expect(scenarioErrorOf(() => resolveExtends(child, 'child', load)).issues[0].message).toMatch(/levels deep/);
  });
});

describe('what JSON.parse would take silently or word badly', () => {
  it('a UTF-8 byte-order mark at the start is skipped', () => {
    expect(parse('\uFEFF{"name": "x"}')).toEqual({ name: 'x' });
  });

  it('a repeated key is an error at its path, not "the last one wins"', () => {
    const issues = issuesOf('{"name": "a", "influence": {"mu": 0.1, "mu": 0.2}, "name": "b"}');
    expect(issues.map((i) => i.path)).toEqual(['influence.mu', 'name']);
    expect(issues[0].message).toBe('is given twice in the same object; JSON keeps only the last, remove one');
  });

  it('the same name in different objects is fine', () => {
    expect(parse('{"a": {"x": 1}, "b": {"x": 2}, "c": [{"x": 1}, {"x": 2}]}')).toBeDefined();
  });

  it('1e999 is "too large", at its path, not "expected number (found null)"', () => {
    const [issue] = issuesOf('{"agents": 1e999, "seed": 1}');
    expect(issue).toMatchObject({
      path: 'agents',
      message: 'the number 1e999 is too large (the largest is about 1.8e308)',
    });
    expect(issuesOf('{"x": [1, -1e400]}')[0].path).toBe('x[1]');
  });

  it('Infinity in data made in code is reported as such', () => {
    const d = copy();
    d.action.arrestChance = Number.POSITIVE_INFINITY;
    const issues = scenarioErrorOf(() => validateScenario(d)).issues;
    expect(issueAt(issues, 'action.arrestChance').message).toBe('must be a finite number, not Infinity');
    expect(issues.filter((i) => i.path === 'action.arrestChance')).toHaveLength(1);
  });

  it('"__proto__" keys in the records (constants, hazards, macro types) are reported, not dropped', () => {
    const text =
      '{"phases": {"constants": {"__proto__": 1}, "hazards": {"__proto__": "1"}}, "macro": {"types": {"__proto__": {}}}}';
    const paths = issuesOf(text).map((i) => i.path);
    expect(paths).toEqual(['phases.constants.__proto__', 'phases.hazards.__proto__', 'macro.types.__proto__']);
    // The same keys reaching validation another way (JSON.parse makes them own keys; the merge keeps them).
    const d = deepMerge(copy(), JSON.parse(text));
    const issues = scenarioErrorOf(() => validateScenario(d)).issues;
    for (const p of paths) expect(issueAt(issues, p).message).toMatch(/"__proto__" is not allowed/);
  });

  it('syntax errors give line and column, and never an excerpt of the text', () => {
    const secret = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1';
    const [issue] = issuesOf(secret);
    expect(issue.message).toBe(
      'is not valid JSON: a value (object, array, string, number, true, false or null) expected at line 1, column 1',
    );
    expect(issuesOf('{"a": 1,\n  "b" 2}')[0].message).toBe(
      'is not valid JSON: ":" after the field name expected at line 2, column 7',
    );
    expect(issuesOf('{"a": [1, 2')[0].message).toMatch(/the text ends where "," or "]" should follow .*cut off/);
    expect(issuesOf('{"a": "x\ny"}')[0].message).toMatch(/a complete string/);
    expect(issuesOf('{"a": 01}')[0].message).toMatch(/"," or "}" expected/);
    expect(issuesOf('{} {}')[0].message).toMatch(/the end of the text/);
    expect(issuesOf('[1]')[0].message).toBe('a scenario is a JSON object ({ ... })');
  });

  it('dataIssues finds nothing in the baseline', () => {
    expect(dataIssues(copy())).toEqual([]);
    expect(depthIssue(copy())).toBeNull();
  });
});
