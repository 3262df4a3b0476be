/**
 * The documented limits of hazard formulas (sim/formula/compile.ts FORMULA_LIMITS): input over a
 * limit is a FormulaError that names the limit, quickly; input at the limit compiles, binds and
 * runs, and runs the same in the calling thread and in a worker thread (whose stack is larger:
 * before the limits, a formula could validate, run in a worker and overflow the main thread).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { InThreadRunner, WorkerPool } from '../../cli/pool.ts';
import type { JobResult, JobSpec } from '../../sim/api/types.ts';
import { bindFormulaSet, compileFormula, FORMULA_LIMITS, FormulaError, MAX_HAZARD } from '../../sim/formula/compile.ts';
import { FORMULA_VARIABLE_NAMES } from '../../sim/model/variables.ts';
import { Simulation } from '../../sim/run/simulation.ts';
import { validateScenario } from '../../sim/scenario/resolve.ts';
import { copy, issueAt, scenarioErrorOf } from './scenarioData.ts';

const compile = (source: string) => compileFormula(source, FORMULA_VARIABLE_NAMES, { k: 0.5 });

function formulaError(source: string): FormulaError {
  try {
    compile(source);
  } catch (err) {
    expect(err).toBeInstanceOf(FormulaError);
    return err as FormulaError;
  }
  throw new Error(`expected a FormulaError for a formula of ${source.length} characters`);
}

function bracketDepth(js: string): number {
  let depth = 0;
  let max = 0;
  for (const c of js) {
    if (c === '(') max = Math.max(max, ++depth);
    else if (c === ')') depth--;
  }
  return max;
}

/** Milliseconds `f` takes. */
function timed(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

/** A chain "1+1-1+..." of `terms` ones: 2 * terms - 1 parse-tree nodes; its value is 1 or 2. */
const chain = (terms: number) =>
  Array.from({ length: terms }, (_, k) => (k === 0 ? '1' : k % 2 ? '+1' : '-1')).join('');

/**
 * The largest formulas the limits allow, one per shape that stresses a different part: the
 * parse-tree size (a long mixed chain), and the depth through calls, conditions, powers,
 * brackets and logic. `over` adds one node or level (two for brackets, which come in pairs).
 * Each is a small weekly hazard, so it can stand in a scenario as it is.
 */
const SHAPES: Record<string, (over: number) => string> = {
  // 2 * 498 - 1 chain nodes + 2 products, 0.001, age and the bracket = 1,000 nodes.
  nodes: (over) => `0.001*age*(${chain(498)}${over ? '+1' : ''})`,
  // Call k is at depth k, the product inside the innermost at 49, its factors at 50.
  calls: (over) => `${'min(1, '.repeat(48 + over)}0.001 * trigger${')'.repeat(48 + over)}`,
  // Condition k is at depth k, its comparison's operands at k + 2.
  ternaries: (over) =>
    `${Array.from({ length: 48 + over }, (_, k) => `trigger > ${k / 100} ? ${k / 1000} : `).join('')}0`,
  // The product at 1, power k at k + 1, the last base at 50.
  powers: (over) => `0.001 * ${'1 ^ '.repeat(48 + over)}age`,
  // Bracket k at depth 2k, its sum at 2k + 1, the innermost operands at 50.
  brackets: (over) => `0.001 * ${'(1 + '.repeat(24 + over)}trigger${')'.repeat(24 + over)}`,
  // The product at 1, the bracket at 2, "and" k at k + 2, the innermost operands at 50.
  ands: (over) => `0.01 * (${Array.from({ length: 48 + over }, () => 'male').join(' and ')})`,
};
const LARGEST = Object.fromEntries(Object.entries(SHAPES).map(([k, f]) => [k, f(0)]));

describe('formula limits: over a limit is a FormulaError naming it', () => {
  it('the documented values', () => {
    expect(FORMULA_LIMITS).toEqual({ length: 2000, nodes: 1000, depth: 50 });
  });

  it('length: 2,001 characters', () => {
    expect(compile(`${' '.repeat(1999)}1`).js).toBe('return (1);');
    expect(formulaError(`${' '.repeat(2000)}1`).message).toBe(
      'is too long: 2,001 characters, at most 2,000 are allowed',
    );
  });

  it('parse-tree size: one node more than the largest allowed formula', () => {
    expect(formulaError(SHAPES.nodes(1)).message).toMatch(
      /^is too large: more than 1,000 parts \(numbers, names, operators, calls, brackets\)/,
    );
  });

  it('depth: one level more than the largest allowed formula, in every shape', () => {
    for (const shape of ['calls', 'ternaries', 'powers', 'brackets', 'ands'])
      expect(formulaError(SHAPES[shape](1)).message, shape).toMatch(/^nests operations more than 50 levels deep/);
    // Brackets are counted before mathjs parses them (its parser recurses on them).
    expect(formulaError(`${'('.repeat(51)}1${')'.repeat(51)}`).message).toBe(
      'nests brackets 51 levels deep, at most 50 levels are allowed',
    );
  });

  it('a chain of + and - (or * and /) is one level however long', () => {
    // The generated JavaScript: the chain's own brackets around bracketed numbers or names.
    expect(bracketDepth(compile(chain(400)).js)).toBe(2);
    expect(bracketDepth(compile(Array.from({ length: 300 }, (_, k) => (k % 2 ? 'age' : '2')).join(' / ')).js)).toBe(2);
  });

  it('the inputs that used to crash end in a FormulaError within a second', () => {
    const sum2000 = Array.from({ length: 2000 }, (_, k) => `0.001 * trigger${k % 2 ? ' * age' : ''}`).join(' + ');
    expect(sum2000.length).toBeGreaterThan(18_000);
    const sum3000 = Array.from({ length: 3000 }, () => 'trigger').join(' + ');
    const parens = `${'('.repeat(100_000)}1${')'.repeat(100_000)}`;
    for (const source of [sum2000, sum3000, parens]) {
      const ms = timed(() => expect(formulaError(source).message).toMatch(/at most/));
      expect(ms).toBeLessThan(1000);
    }
  });

  it('in a scenario, the error names the hazard', () => {
    const d = copy();
    d.phases.hazards['0->1'] = chain(2000);
    const issue = issueAt(scenarioErrorOf(() => validateScenario(d)).issues, 'phases.hazards["0->1"]');
    expect(issue.message).toMatch(/is too long: 3,999 characters, at most 2,000/);
  });

  it('"%" is refused, as the docs say (mathjs would read 5% as 5 / 100)', () => {
    expect(formulaError('5%').message).toMatch(/operator "%" is not allowed/);
    expect(formulaError('trigger + 5%').message).toMatch(/operator "%" is not allowed/);
    expect(formulaError('trigger % 2').message).toMatch(/operator "%" is not allowed/);
  });
});

describe('the largest allowed formulas', () => {
  it('compile (the tests above refuse one more node or level)', () => {
    for (const [shape, source] of Object.entries(LARGEST)) {
      expect(source.length, shape).toBeLessThanOrEqual(FORMULA_LIMITS.length);
      expect(() => compile(source), shape).not.toThrow();
    }
  });

  it('compute what they say (checked against values worked out by hand)', () => {
    const agent = { age: 40, trigger: 0.25, male: 1 } as Record<string, number>;
    const resolve = (name: string) => ({ kind: 'scalar' as const, values: [agent[name] ?? 0] });
    const at = (source: string) => compile(source).bind(resolve)(0);
    // 1, then +1 -1 ... +1 (497 signs): the pairs cancel, the last +1 remains: 2.
    expect(at(LARGEST.nodes)).toBeCloseTo(0.001 * 40 * 2, 12);
    expect(at(LARGEST.calls)).toBeCloseTo(0.001 * 0.25, 15);
    // trigger 0.25 > k/100 already holds at k = 0: the value is 0 / 1000.
    expect(at(LARGEST.ternaries)).toBe(0);
    expect(at(LARGEST.powers)).toBe(0.001);
    expect(at(LARGEST.brackets)).toBeCloseTo(0.001 * 24.25, 15);
    expect(at(LARGEST.ands)).toBe(0.01);
    agent.male = 0;
    expect(at(LARGEST.ands)).toBe(0);
  });

  const scenario = () => {
    const d = copy();
    d.agents = 300;
    d.weeks = 3;
    d.seed = 11;
    d.phases.hazards = {
      '0->1': LARGEST.nodes,
      '0->2': LARGEST.calls,
      '1->0': LARGEST.ternaries,
      '1->2': LARGEST.powers,
      '2->1': LARGEST.brackets,
      '3->0': LARGEST.ands,
    };
    return d;
  };

  it('validate, and run in the calling thread', () => {
    const s = validateScenario(scenario());
    const sim = new Simulation(s).run();
    expect(sim.week).toBe(3);
  });

  let pool: WorkerPool | null = null;
  afterAll(async () => {
    await pool?.close();
  });

  it('run the same in a worker thread as in the calling thread', { timeout: 60_000 }, async () => {
    const job: JobSpec = {
      id: 'largest',
      scenario: scenario(),
      outcomes: ['ever_sensitive', 'incidents'],
      series: ['phase_1', 'phase_2'],
    };
    const collect = async (runner: InThreadRunner | WorkerPool) => {
      const results: JobResult[] = [];
      const outcome = await runner.run([job], { onDone: (_, r) => void results.push(r) });
      expect(outcome.error?.error.message).toBeUndefined();
      return results[0];
    };
    const here = await collect(new InThreadRunner());
    pool = new WorkerPool(1);
    const there = await collect(pool);
    expect(there.outcomes).toEqual(here.outcomes);
    expect(there.series.values.map((v) => Array.from(v))).toEqual(here.series.values.map((v) => Array.from(v)));
  });
});

describe('competing hazards stay finite', () => {
  it('two hazards of 1e308 count as MAX_HAZARD each, and their sum is finite', () => {
    const f = ['1e308', '1e308 * 1.5', '0.5'].map((s) => compile(s));
    const out = new Float64Array(4);
    bindFormulaSet(f, () => ({ kind: 'scalar', values: [0] }))(0, out);
    expect(Array.from(out)).toEqual([MAX_HAZARD, MAX_HAZARD, 0.5, 2 * MAX_HAZARD + 0.5]);
    expect(Number.isFinite(out[3])).toBe(true);
  });

  it('so the destination is drawn in proportion again: two equal huge hazards split the movers', () => {
    const d = copy();
    d.agents = 2000;
    d.weeks = 1;
    d.seed = 3;
    d.phases.hazards = { ...d.phases.hazards, '0->1': '1e308', '0->2': '1e308', '0->3': '0' };
    const sim = new Simulation(validateScenario(d)).run();
    const col = (name: string) => sim.series.values[sim.series.columns.indexOf(name)][1];
    // Everyone free in phase 0 moves; with equal hazards each destination gets about half of
    // them (binomial, sd about 22 of 2,000: a 10% margin is more than 4 sd).
    const one = col('phase_1');
    const two = col('phase_2');
    expect(one + two).toBeGreaterThan(1900);
    expect(Math.abs(one - two)).toBeLessThan(200);
  });
});
