/**
 * Binding tabulates the parts of a formula that read only fixed keyed variables (the 0/1 leaning
 * indicators) and constants: one lookup by the person's key replaces the terms, and the key is
 * read once however many variables use it. That must not change a single value, and must not
 * freeze a keyed variable whose values move during a run (salience).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bindFormulaSet, compileFormula, type VariableBinding } from '../../sim/formula/compile.ts';

const LEANINGS = ['jihadist', 'rightWing', 'leftWing', 'antiInstitutional'] as const;
const NAMES = [...LEANINGS, 'age', 'attitude', 'salience'];
const FORMULAS = [
  'a01 * (jih01 * jihadist + right01 * rightWing + left01 * leftWing + anti01 * antiInstitutional * (1 + antiAge * max(age - matureFrom, 0))) * (attitude + salience) + b01 * max(attitude - 0.5, 0)',
  'a12 * (jih12 * jihadist + right12 * rightWing + left12 * leftWing + anti12 * antiInstitutional) * attitude / 2',
  'jihadist ? 0.3 * salience : (rightWing or leftWing) * exp(-age / 40) + antiInstitutional ^ 2',
  'max(jihadist, rightWing) * attitude - min(leftWing * 2, 1) / (1 + antiInstitutional)',
];
const CONSTANTS = {
  a01: 0.0007,
  b01: 0.001,
  jih01: 1.3,
  right01: 0.9,
  left01: 0.3,
  anti01: 7.2,
  antiAge: 0.4,
  matureFrom: 25,
  a12: 0.01,
  jih12: 2.7,
  right12: 1,
  left12: 1,
  anti12: 0.97,
};

/** A world of n people: leaning keys 0-4, indicator tables, ages, attitudes and a salience table. */
function world(keys: number[], ages: number[], attitudes: number[], fixed: boolean) {
  const key = Uint8Array.from(keys);
  const salience = Float32Array.from([0.05, 0.2, 0.1, 0.05, 0.3]);
  const bindings: Record<string, VariableBinding> = {
    age: { kind: 'agent', values: Float32Array.from(ages) },
    attitude: { kind: 'agent', values: Float32Array.from(attitudes) },
    salience: { kind: 'keyed', values: salience, key },
  };
  LEANINGS.forEach((name, j) => {
    const values = Float32Array.from([0, 1, 2, 3, 4], (k) => (k === j + 1 ? 1 : 0));
    bindings[name] = { kind: 'keyed', values, key, fixed };
  });
  return { resolve: (name: string) => bindings[name], salience };
}

describe('tabulating fixed keyed terms at binding', () => {
  const compiled = FORMULAS.map((f) => compileFormula(f, NAMES, CONSTANTS));

  it('gives every formula exactly the value of the code it replaces', () => {
    const person = fc.record({
      key: fc.integer({ min: 0, max: 4 }),
      age: fc.integer({ min: 12, max: 80 }),
      attitude: fc.float({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(person, { minLength: 1, maxLength: 30 }), (people) => {
        const args = [people.map((p) => p.key), people.map((p) => p.age), people.map((p) => p.attitude)] as const;
        const folded = world(...args, true),
          plain = world(...args, false);
        const outF = new Float64Array(FORMULAS.length + 1),
          outP = new Float64Array(FORMULAS.length + 1);
        const setF = bindFormulaSet(compiled, folded.resolve),
          setP = bindFormulaSet(compiled, plain.resolve);
        for (let i = 0; i < people.length; i++) {
          setF(i, outF);
          setP(i, outP);
          for (let k = 0; k <= FORMULAS.length; k++) if (!Object.is(outF[k], outP[k])) return false;
          for (const f of compiled) if (!Object.is(f.bind(folded.resolve)(i), f.bind(plain.resolve)(i))) return false;
        }
        return true;
      }),
      { numRuns: 200, seed: 17 },
    );
  });

  it('reads the key once and the four indicators as two lookups (the sum, and the term with age)', () => {
    const { resolve } = world([1, 4], [30, 50], [0.2, 0.6], true);
    const code = bindFormulaSet([compiled[0]], resolve).toString();
    expect(code.match(/key\d+\[i\]/g)).toHaveLength(1);
    expect(code.match(/\bt\d+\[k\d+\]/g)).toHaveLength(2);
    // The same formula with the indicators not fixed reads each through the key.
    const plain = world([1, 4], [30, 50], [0.2, 0.6], false);
    expect(bindFormulaSet([compiled[0]], plain.resolve).toString()).not.toMatch(/\bt\d+\[/);
  });

  it('reads a keyed variable that is not fixed (salience) afresh for every evaluation', () => {
    const { resolve, salience } = world([1], [30], [0.2], true);
    const rate = compileFormula('jihadist * salience', NAMES).bind(resolve);
    expect(rate(0)).toBeCloseTo(0.2, 6);
    salience[1] = 0.7;
    expect(rate(0)).toBeCloseTo(0.7, 6);
  });
});
