/**
 * The whitelist formula compiler (sim/formula/compile.ts): what it evaluates, and what it
 * refuses to compile. Every expected value below is computed by hand, not by the compiler.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  bindFormulaSet,
  compileFormula,
  FORMULA_FUNCTIONS,
  FormulaError,
  type VariableBinding,
} from '../../sim/formula/compile.ts';

// Two agents. Plain number arrays (not Float32) so that 0.2 is exactly the double 0.2.
const JUSTICE = [0.2, 0.8];
const IDENTITY = [0.6, 0.1];
const GRIEVANCE = [0.5]; // a society-level scalar
const SALIENCE = [0, 0.1, 0.2, 0.3, 0.4]; // keyed by ideology
const LEANING = [1, 3]; // agent 0 reads SALIENCE[1], agent 1 reads SALIENCE[3]

const VARS = ['justice', 'identity', 'grievance', 'salience', 'attitude', 'a', 'b', 'x', 'f'];

function resolveBinding(name: string): VariableBinding {
  switch (name) {
    case 'justice':
      return { kind: 'agent', values: JUSTICE };
    case 'identity':
      return { kind: 'agent', values: IDENTITY };
    case 'attitude':
      return { kind: 'agent', values: [0.05, 0.9] };
    case 'grievance':
      return { kind: 'scalar', values: GRIEVANCE };
    case 'salience':
      return { kind: 'keyed', values: SALIENCE, key: LEANING };
    default:
      throw new Error(`test binding asked for an unexpected variable "${name}"`);
  }
}

function evalAt(source: string, i = 0, constants: Record<string, number> = {}): number {
  return compileFormula(source, VARS, constants).bind(resolveBinding)(i);
}

describe('compileFormula: arithmetic', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 / 4 - 1', 1.5],
    ['7 - 2 - 1', 4], // left-associative
    ['16 / 4 / 2', 2], // left-associative
    ['2 ^ 10', 1024],
    ['2 ^ 3 ^ 2', 512], // right-associative: 2^(3^2)
    ['-2 ^ 2', -4], // unary minus binds looser than ^
    ['2 ^ -1', 0.5],
    ['-3 + 5', 2],
    ['- -3', 3],
    ['+4', 4],
    ['2 * -3', -6],
    ['3 justice', 0.6000000000000001], // implicit multiplication, 3 * 0.2 in doubles
    ['1e-3 * 1000', 1],
  ])('%s = %d', (src, expected) => {
    expect(evalAt(src)).toBe(expected);
  });

  it('reads agent variables per agent', () => {
    const f = compileFormula('justice + 2 * identity', VARS).bind(resolveBinding);
    expect(f(0)).toBeCloseTo(0.2 + 1.2, 15);
    expect(f(1)).toBeCloseTo(0.8 + 0.2, 15);
    expect(evalAt('-justice', 1)).toBe(-0.8);
  });

  it('reads scalar variables at index 0 for every agent', () => {
    const f = compileFormula('grievance * 4', VARS).bind(resolveBinding);
    expect(f(0)).toBe(2);
    expect(f(1)).toBe(2);
  });

  it('reads keyed variables through the key array', () => {
    const f = compileFormula('salience', VARS).bind(resolveBinding);
    expect(f(0)).toBe(0.1);
    expect(f(1)).toBe(0.3);
  });

  it('reads interleaved columns through a strided binding: values[stride * i + offset]', () => {
    // Two agents, four numbers each: the formula reads the third of each agent's four.
    const values = new Float32Array([0, 1, 2, 3, 10, 11, 12, 13]);
    const bind = (): VariableBinding => ({ kind: 'strided', values, stride: 4, offset: 2 });
    const f = compileFormula('x + 100', ['x']).bind(bind);
    expect([f(0), f(1)]).toEqual([102, 112]);
    const out = new Float64Array(3);
    const set = bindFormulaSet([compileFormula('x', ['x']), compileFormula('2 * x', ['x'])], bind);
    set(1, out);
    expect([...out]).toEqual([12, 24, 36]);
    expect(() => compileFormula('x', ['x']).bind(() => ({ kind: 'strided', values, stride: 1.5, offset: 0 }))).toThrow(
      /stride and offset must be whole numbers/,
    );
  });

  it('sees later changes of the bound arrays (binds arrays, not values)', () => {
    const values = new Float64Array([1, 2]);
    const f = compileFormula('x * 10', ['x']).bind(() => ({ kind: 'agent', values }));
    expect(f(1)).toBe(20);
    values[1] = 5;
    expect(f(1)).toBe(50);
  });
});

describe('compileFormula: comparisons and logic give 1 or 0', () => {
  it.each([
    ['1 < 2', 1],
    ['2 < 1', 0],
    ['2 <= 2', 1],
    ['3 <= 2', 0],
    ['3 > 2', 1],
    ['2 > 2', 0],
    ['2 >= 3', 0],
    ['3 >= 3', 1],
    ['2 == 2', 1],
    ['2 == 3', 0],
    ['2 != 2', 0],
    ['2 != 3', 1],
    ['1 and 0', 0],
    ['2 and 3', 1], // 1, not 3
    ['0 and 0', 0],
    ['0 or 0', 0],
    ['0 or 5', 1], // 1, not 5
    ['not 0', 1],
    ['not 7', 0],
    ['not 0 and 0', 0], // (not 0) and 0
    ['1 + (2 > 1)', 2], // the result of a comparison is a number
  ])('%s = %d', (src, expected) => {
    expect(evalAt(src)).toBe(expected);
  });

  it('compares agent variables per agent', () => {
    const f = compileFormula('justice > 0.5', VARS).bind(resolveBinding);
    expect([f(0), f(1)]).toEqual([0, 1]);
    const g = compileFormula('justice > 0.5 or identity > 0.5', VARS).bind(resolveBinding);
    expect([g(0), g(1)]).toEqual([1, 1]);
    const h = compileFormula('justice > 0.5 and identity > 0.5', VARS).bind(resolveBinding);
    expect([h(0), h(1)]).toEqual([0, 0]);
  });
});

describe('compileFormula: ternary', () => {
  it('chooses by a non-zero condition', () => {
    const f = compileFormula('justice > 0.5 ? 10 : 20', VARS).bind(resolveBinding);
    expect([f(0), f(1)]).toEqual([20, 10]);
    expect(evalAt('0 ? 1 : 2')).toBe(2);
    expect(evalAt('-0.5 ? 1 : 2')).toBe(1);
  });

  it('nests to the right', () => {
    // 0 ? 1 : (1 ? 2 : 3) = 2
    expect(evalAt('0 ? 1 : 1 ? 2 : 3')).toBe(2);
    expect(evalAt('0 ? 1 : 0 ? 2 : 3')).toBe(3);
  });
});

describe('compileFormula: every allowed function', () => {
  it.each([
    ['min(3, 1, 2)', 1],
    ['min(4)', 4],
    ['min(justice, identity)', 0.2],
    ['max(3, 1, 2)', 3],
    ['max(-1)', -1],
    ['abs(-2.5)', 2.5],
    ['abs(2.5)', 2.5],
    ['exp(0)', 1],
    ['exp(1)', Math.E],
    ['log(1)', 0],
    ['log(exp(2))', 2],
    ['sqrt(16)', 4],
    ['sqrt(2.25)', 1.5],
    ['pow(2, 10)', 1024],
    ['pow(9, 0.5)', 3],
    ['floor(1.5)', 1],
    ['floor(-1.5)', -2],
    ['ceil(1.2)', 2],
    ['ceil(-1.5)', -1],
    ['clamp(5, 0, 1)', 1],
    ['clamp(-5, 0, 1)', 0],
    ['clamp(0.3, 0, 1)', 0.3],
    ['logistic(0)', 0.5],
    ['logistic(2)', 1 / (1 + Math.exp(-2))], // 0.8807970779778823
    ['logistic(-2)', 1 / (1 + Math.exp(2))], // 0.11920292202211755
    ['logistic(1 - 3)', 1 / (1 + Math.exp(2))], // the argument is parenthesised
    ['step(0)', 0],
    ['step(0.1)', 1],
    ['step(-1)', 0],
    ['step(2 - 3)', 0],
  ])('%s = %d', (src, expected) => {
    expect(evalAt(src)).toBeCloseTo(expected as number, 14);
  });

  it('log takes an optional base', () => {
    expect(evalAt('log(100, 10)')).toBeCloseTo(2, 14);
    expect(evalAt('log(8, 2)')).toBeCloseTo(3, 14);
    expect(evalAt('log(81, 3)')).toBeCloseTo(4, 14);
  });

  it('tests exactly the documented list of functions', () => {
    // If a function is added to the whitelist, add its hand-computed values above.
    expect(Object.keys(FORMULA_FUNCTIONS).sort()).toEqual([
      'abs',
      'ceil',
      'clamp',
      'exp',
      'floor',
      'log',
      'logistic',
      'max',
      'min',
      'pow',
      'sqrt',
      'step',
    ]);
  });

  it('knows pi and e', () => {
    expect(evalAt('pi')).toBe(Math.PI);
    expect(evalAt('e')).toBe(Math.E);
  });
});

describe('compileFormula: named constants and the variables list', () => {
  it('inlines constants as numbers', () => {
    const f = compileFormula('a01 * justice + b01', VARS, { a01: 0.25, b01: 2 });
    expect(f.js).not.toContain('a01');
    expect(f.js).not.toContain('b01');
    expect(f.js).toContain('0.25');
    expect(f.variables).toEqual(['justice']);
    const run = f.bind(resolveBinding);
    expect(run(0)).toBeCloseTo(0.25 * 0.2 + 2, 15);
    expect(run(1)).toBeCloseTo(0.25 * 0.8 + 2, 15);
  });

  it('inlines negative constants correctly', () => {
    expect(evalAt('-k', 0, { k: -3 })).toBe(3);
    expect(evalAt('2 - k', 0, { k: -3 })).toBe(5);
    expect(evalAt('k ^ 2', 0, { k: -3 })).toBe(9);
  });

  it('rejects a constant that is not a finite number', () => {
    expect(() => compileFormula('k * 2', VARS, { k: Number.POSITIVE_INFINITY })).toThrow(
      /constant "k" is not a finite number/,
    );
    expect(() => compileFormula('k * 2', VARS, { k: Number.NaN })).toThrow(FormulaError);
  });

  it('lists each variable once, in first-use order, without constants or functions', () => {
    const f = compileFormula('attitude * justice + max(attitude, k) - salience * justice', VARS, { k: 1 });
    expect(f.variables).toEqual(['attitude', 'justice', 'salience']);
    expect(compileFormula('1 + 2', VARS).variables).toEqual([]);
    expect(compileFormula('pi * e', VARS).variables).toEqual([]);
  });

  it('asks the binding only for the variables it uses', () => {
    const asked: string[] = [];
    compileFormula('identity + justice * identity', VARS).bind((name) => {
      asked.push(name);
      return resolveBinding(name);
    });
    expect(asked).toEqual(['identity', 'justice']);
  });

  it('keeps the source and accepts the allowed names as a Set', () => {
    const f = compileFormula('justice * 2', new Set(['justice']));
    expect(f.source).toBe('justice * 2');
    expect(f.bind(resolveBinding)(1)).toBe(1.6);
  });
});

describe('compileFormula: rejections name the problem', () => {
  it.each([
    ['import({}, {})', /function "import" is not allowed/],
    ['evaluate("1+1")', /function "evaluate" is not allowed/],
    ['createUnit("foo")', /function "createUnit" is not allowed/],
    ['parse("x")', /function "parse" is not allowed/],
    ['simplify("x")', /function "simplify" is not allowed/],
    ['a.b', /property or index access/],
    ['justice.constructor', /property or index access/],
    ['justice["constructor"]', /property or index access/],
    ['x = 1', /assignment/],
    ['f(x) = x', /function definition/],
    ['[1, 2]', /matrices and arrays/],
    ['{a: 1}', /objects/],
    ['1:3', /ranges/],
    ['"text"', /only numbers are allowed as constants, not "text"/],
    ['5 cm', /unknown name "cm"/],
    ['foo', /unknown name "foo"; allowed variables: .*justice/],
    ['justice!', /operator "!" is not allowed/],
    ['a; b', /several statements/],
    ['a\nb', /several statements/],
    ['cos(justice)', /function "cos" is not allowed; allowed functions: min, max/],
    ['min()', /min\(a, b, \.\.\.\) takes 1 to 16 argument\(s\), got 0/],
    ['pow(2)', /pow\(x, y\) takes 2 argument\(s\), got 1/],
    ['clamp(1, 2)', /clamp\(x, lo, hi\) takes 3 argument\(s\), got 2/],
    ['log(1, 2, 3)', /takes 1 to 2 argument\(s\), got 3/],
    ['', /is empty/],
    ['   ', /is empty/],
    ['1 +', /does not parse/],
    ['1 < x < 3', /chained comparisons/],
    ['5 % 3', /operator "%" is not allowed/],
    ['a xor b', /operator "xor" is not allowed/],
    ['true', /only numbers are allowed as constants/],
    ['justice(1)', /function "justice" is not allowed/],
    ['min', /unknown name "min"/], // a function name is not a value
  ])('rejects %j', (src, message) => {
    let caught: unknown;
    try {
      compileFormula(src, VARS, { k: 1 });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(FormulaError);
    expect((caught as FormulaError).message).toMatch(message);
    expect((caught as FormulaError).formula).toBe(src);
  });

  // Regression test for a fixed defect (sim/formula/compile.ts, ConstantNode case, ~line 127): a non-finite numeric
  // literal is reported with JSON.stringify, which prints Infinity as "null", so the message
  // reads 'only numbers are allowed as constants, not null' for `1e400`. It should name the
  // actual value (use String(v) for numbers).
  it('names an overflowing literal as infinite, not as null', () => {
    expect(() => compileFormula('1e400 * justice', VARS)).toThrow(FormulaError);
    expect(() => compileFormula('1e400 * justice', VARS)).toThrow(/Infinity|finite/);
  });
});

describe('compileFormula: nothing the user wrote is executed', () => {
  const g = globalThis as Record<string, unknown>;
  afterEach(() => {
    delete g.__pwned;
  });

  it('rejects attempts to reach mathjs or JavaScript, and the spy flag stays false', () => {
    g.__pwned = false;
    const attempts = [
      'evaluate("__pwned = true")',
      'import({__pwned: true}, {override: true})',
      '__pwned = 1',
      'f(x) = __pwned',
      'justice.constructor.constructor("globalThis.__pwned = true")()',
      'justice["constructor"]["constructor"]("globalThis.__pwned = true")()',
      'parse("__pwned = true").evaluate()',
      'compile("__pwned = true")',
      'createUnit("__pwned")',
      '1; __pwned = true',
      'x ? evaluate("__pwned = true") : 0',
      'min(1, evaluate("__pwned = true"))',
    ];
    for (const src of attempts) {
      expect(() => compileFormula(src, VARS).bind(resolveBinding)(0), src).toThrow(FormulaError);
    }
    expect(g.__pwned).toBe(false);
  });

  it('generates JavaScript made only of numbers, operators, Math calls and slot names', () => {
    const f = compileFormula(
      'a01 * (attitude + salience) * max(justice - 0.5, 0) ^ 2 + (justice > 0.2 and not identity) ? logistic(-grievance) : clamp(log(identity, 10), 0, 1)',
      VARS,
      { a01: 0.0015 },
    );
    const stripped = f.js
      .replace(/^return /, '')
      .replace(/Math\.(min|max|abs|exp|log|sqrt|pow|floor|ceil)\b/g, '')
      .replace(/\bv\d+\b/g, '');
    // What is left: numeric literals, operators, parentheses, commas, spaces and a semicolon.
    expect(stripped).toMatch(/^[\d.e+\-*/()<>=!?:&|, ;]*$/);
    expect(f.js).not.toMatch(/attitude|salience|justice|identity|grievance|a01/);
  });
});

describe('bindFormulaSet (the phase stage evaluates the hazards out of a phase in one call)', () => {
  // Variables in a different first-use order in each formula, shared and keyed ones, a value
  // that is negative for one agent and a division by zero: the set must renumber the variables
  // and clamp like a hazard.
  const sources = [
    'identity * salience + justice',
    'justice - 0.5',
    'salience / (identity - 0.1) + grievance',
    '2 * identity',
  ];
  const formulas = sources.map((s) => compileFormula(s, VARS));
  const set = bindFormulaSet(formulas, resolveBinding);
  const hazard = (v: number) => (v > 0 && v < Infinity ? v : 0);

  it('gives each formula its own value, clamped as a hazard, and their sum in order', () => {
    for (const i of [0, 1]) {
      const out = new Float64Array(sources.length + 1);
      set(i, out);
      const total = out[sources.length];
      let sum = 0;
      formulas.forEach((f, k) => {
        const expected = hazard(f.bind(resolveBinding)(i));
        expect(out[k]).toBe(expected);
        sum += expected;
      });
      expect(total).toBe(sum);
    }
  });

  it('counts a negative and an infinite value as 0', () => {
    const out = new Float64Array(sources.length + 1);
    set(0, out); // justice 0.2 - 0.5 < 0
    expect(out[1]).toBe(0);
    set(1, out); // identity 0.1 - 0.1 = 0: salience / 0 = Infinity
    expect(out[2]).toBe(0);
    expect(out[0]).toBeCloseTo(0.1 * 0.3 + 0.8, 12);
  });
});
