/**
 * Every simulation binds its hazard formulas anew, while the generated code is kept per distinct
 * source (sim/formula/compile.ts) so that a worker's later simulations reuse V8's optimised code.
 * Sharing the code must not share the data: each binding reads its own arrays.
 */
import { describe, expect, it } from 'vitest';
import { bindFormulaSet, compileFormula, type VariableBinding } from '../../sim/formula/compile.ts';
describe('binding the same formulas again (each simulation binds its own; the generated code is shared)', () => {
  const agentOf =
    (values: number[]): ((name: string) => VariableBinding) =>
    () => ({ kind: 'agent', values: Float64Array.from(values) });

  it('every binding reads its own arrays', () => {
    const f = compileFormula('2 * x + 1', ['x']);
    const first = f.bind(agentOf([1, 2])),
      second = f.bind(agentOf([10, 20]));
    expect([first(0), first(1), second(0), second(1)]).toEqual([3, 5, 21, 41]);
    const sets = [agentOf([1, 2]), agentOf([10, 20])].map((bind) =>
      bindFormulaSet([compileFormula('x', ['x']), compileFormula('3 * x', ['x'])], bind),
    );
    const out = new Float64Array(3);
    sets[0](1, out);
    expect(Array.from(out)).toEqual([2, 6, 8]);
    sets[1](1, out);
    expect(Array.from(out)).toEqual([20, 60, 80]);
  });

  it('stays right past the bound on kept sources (a sweep over a constant makes one per value)', () => {
    for (let k = 0; k < 300; k++) {
      const f = compileFormula('c * x', ['x'], { c: k });
      expect(f.bind(agentOf([2]))(0)).toBe(2 * k);
    }
  });
});
