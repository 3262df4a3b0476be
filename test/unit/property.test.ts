/**
 * Property-based tests (fast-check, fixed seeds, bounded runs: a few seconds in all) of the two
 * ways user input enters the model: the formula compiler and the scenario loader. Whatever they
 * are given, they end either in a result or in the project's own error (FormulaError,
 * ScenarioError), never in another exception or a stack overflow.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFormula, FORMULA_FUNCTIONS, FormulaError } from '../../sim/formula/compile.ts';
import { ScenarioError } from '../../sim/scenario/errors.ts';
import { parseScenarioText } from '../../sim/scenario/input.ts';
import { deepMerge, resolveExtends, validateScenario } from '../../sim/scenario/resolve.ts';
import { copy } from './scenarioData.ts';

const VARIABLES = ['trigger', 'age', 'male', 'attitude'];
const CONSTANTS = { k: 0.5, big: 1e300 };

/** Compiles, binds and evaluates; returns the value, or the FormulaError. Any other exception fails the property. */
function outcome(source: string): number | FormulaError {
  let f: ReturnType<typeof compileFormula>;
  try {
    f = compileFormula(source, VARIABLES, CONSTANTS);
  } catch (err) {
    if (err instanceof FormulaError) return err;
    throw err;
  }
  const values: Record<string, number> = { trigger: 0.3, age: 25, male: 1, attitude: 0.7 };
  const evaluate = f.bind((name) => ({ kind: 'scalar', values: [values[name]] }));
  return evaluate(0);
}

/** Expressions of the formula language (and a little beyond it: %, mod, strings, indexing). */
const expression: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(
      '0',
      '1',
      '0.5',
      '1e-3',
      '1e999',
      '2e308',
      'pi',
      'e',
      'k',
      'big',
      ...VARIABLES,
      'nope',
      '"s"',
      'true',
    ),
    fc.double({ noNaN: true }).map((x) => String(Math.abs(x))),
    fc
      .tuple(
        tie('expr'),
        fc.constantFrom('+', '-', '*', '/', '^', '<', '>', '<=', '>=', '==', '!=', ' and ', ' or ', '%', ' mod ', ' '),
        tie('expr'),
      )
      .map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(fc.constantFrom('-', '+', 'not ', '!'), tie('expr')).map(([op, a]) => `${op}${a}`),
    tie('expr').map((a) => `(${a})`),
    tie('expr').map((a) => `${a}%`),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([c, a, b]) => `${c} ? ${a} : ${b}`),
    fc
      .tuple(
        fc.constantFrom(...Object.keys(FORMULA_FUNCTIONS), 'evaluate', 'import', 'f'),
        fc.array(tie('expr'), { maxLength: 4 }),
      )
      .map(([fn, args]) => `${fn}(${args.join(', ')})`),
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `${a}[${b}]`),
  ),
})).expr;

/** Text made of the formula language's characters, in any order. */
const formulaText = fc.string({
  unit: fc.constantFrom(...'0123456789.e+-*/^()<>=!?:,% []{};\'"abcdknotrigemx_'.split('')),
  maxLength: 80,
});

describe('the formula compiler', () => {
  it('random expressions compile to a function that returns a number, or give a FormulaError', () => {
    fc.assert(
      fc.property(expression, (source) => {
        const r = outcome(source);
        if (!(r instanceof FormulaError)) expect(typeof r).toBe('number');
      }),
      { seed: 20261207, numRuns: 600 },
    );
  });

  it('random text gives a number or a FormulaError', () => {
    fc.assert(
      fc.property(formulaText, (source) => {
        const r = outcome(source);
        if (!(r instanceof FormulaError)) expect(typeof r).toBe('number');
      }),
      { seed: 7, numRuns: 1500 },
    );
  });

  it('long and deep expressions (around the limits) give a number or a FormulaError', () => {
    const piece = fc.constantFrom(
      'trigger',
      '1',
      '(',
      ')',
      '+',
      '-',
      '*',
      '/',
      '^',
      'min(',
      ',',
      '?',
      ':',
      ' and ',
      'not ',
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 200, maxLength: 1500 }), (pieces) => {
        const r = outcome(pieces.join(''));
        if (!(r instanceof FormulaError)) expect(typeof r).toBe('number');
      }),
      { seed: 3, numRuns: 150 },
    );
  });
});

/** Runs the loader on data; returns true if valid. Any exception other than ScenarioError fails the property. */
function loads(run: () => unknown): boolean {
  try {
    run();
    return true;
  } catch (err) {
    if (err instanceof ScenarioError) return false;
    throw err;
  }
}

const baseline = copy();
const baselineText = JSON.stringify(baseline, null, 2);

/** A path into the baseline: a chain of its keys (and a made-up key at the end, sometimes). */
const baselinePath = fc.array(fc.nat(), { minLength: 1, maxLength: 6 }).chain((picks) => {
  const path: string[] = [];
  let node: unknown = baseline;
  for (const p of picks) {
    if (node === null || typeof node !== 'object') break;
    const keys = Object.keys(node);
    const key = keys[p % keys.length];
    path.push(key);
    node = (node as Record<string, unknown>)[key];
  }
  return fc.constant(path);
});

function setAt(data: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = data as Record<string, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  Object.defineProperty(node, path[path.length - 1], { value, enumerable: true, writable: true, configurable: true });
}

describe('the scenario loader', () => {
  it('random JSON text gives a scenario or a ScenarioError', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 40 }), (text) => {
        loads(() => validateScenario(parseScenarioText(text, 'random.json'), 'random.json'));
      }),
      { seed: 11, numRuns: 400 },
    );
  });

  it('parseScenarioText refuses all that JSON.parse refuses, accepts only objects, and accepts the JSON of any object', () => {
    const jsonish = fc.string({
      unit: fc.constantFrom(...'{}[]":,0123456789.eE+- \n\ttruefalsn\\u'.split('')),
      maxLength: 40,
    });
    fc.assert(
      fc.property(fc.oneof(jsonish, fc.json({ maxDepth: 5 })), (text) => {
        let parsed: unknown;
        let jsonOk = true;
        try {
          parsed = JSON.parse(text);
        } catch {
          jsonOk = false;
        }
        const isObject = jsonOk && parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
        const ok = loads(() => parseScenarioText(text, 'x.json'));
        // The scanner also refuses repeated keys, "__proto__" and overflowing numbers in valid JSON.
        if (ok) expect(isObject).toBe(true);
        if (!jsonOk) expect(ok).toBe(false);
        // JSON written by JSON.stringify has no repeated keys and only finite numbers.
        if (isObject && !text.includes('"__proto__"')) expect(ok).toBe(true);
      }),
      { seed: 5, numRuns: 3000 },
    );
  });

  it('the baseline with a random value at a random place gives a scenario or a ScenarioError', () => {
    fc.assert(
      fc.property(baselinePath, fc.jsonValue({ maxDepth: 6 }), (path, value) => {
        const d = copy();
        setAt(d, path, value);
        loads(() => validateScenario(d, 'mutated.json'));
      }),
      { seed: 13, numRuns: 80 },
    );
  });

  it('a child with random JSON extending the baseline gives a scenario or a ScenarioError', () => {
    const load = () => ({ data: copy(), name: 'baseline.json' });
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 5 }), (own) => {
        loads(() => validateScenario(resolveExtends({ ...own, extends: 'baseline.json' }, 'child.json', load)));
        loads(() => validateScenario(deepMerge(copy(), own)));
      }),
      { seed: 17, numRuns: 50 },
    );
  });

  it('the baseline text with random edits gives a scenario or a ScenarioError', () => {
    const edit = fc.tuple(fc.nat({ max: baselineText.length }), fc.nat({ max: 20 }), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        let text = baselineText;
        for (const [at, cut, insert] of edits) text = text.slice(0, at) + insert + text.slice(at + cut);
        loads(() => validateScenario(parseScenarioText(text, 'edited.json'), 'edited.json'));
      }),
      { seed: 19, numRuns: 100 },
    );
  });
});
