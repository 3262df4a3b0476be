/**
 * Hazard formulas: radsim's compiled closure against mathjs per call.
 *
 * The baseline's "0->1" hazard is compiled with `compileFormula` and bound to the arrays of a
 * real world (10,000 agents, built from the baseline), exactly as the phase stage does. It is
 * evaluated for agents 0, 1, 2, ... in turn. The two mathjs variants evaluate the same
 * expression for the same agents from a scope object (the agent's variables and the scenario's
 * constants) that is filled before every call, as a per-agent mathjs loop would have to:
 *
 *   - `math.evaluate(expr, scope)`: parses and compiles on every call;
 *   - `math.compile(expr)` once, then `.evaluate(scope)` per call.
 *
 * Each variant runs for at least `minMs` (after a warm-up), and all three must agree on the value.
 */
import { compile as mathCompile, evaluate as mathEvaluate } from 'mathjs';
import { compileFormula } from '../sim/formula/compile.ts';
import { bindVariable, FORMULA_VARIABLE_NAMES } from '../sim/model/variables.ts';
import { Simulation } from '../sim/run/simulation.ts';
import { loadScenarioFile } from '../sim/scenario/file.ts';
import { BASELINE } from './lib/util.ts';

export interface FormulaVariant {
  name: string;
  calls: number;
  nsPerCall: number;
}

export interface FormulaResult {
  hazard: string;
  expression: string;
  variables: string[];
  compileMs: number;
  agents: number;
  variants: FormulaVariant[];
  maxAbsDifference: number;
}

function timeLoop(
  name: string,
  minMs: number,
  batch: number,
  body: (k: number) => number,
): FormulaVariant & { sink: number } {
  // Warm-up: let the JIT settle.
  let sink = 0;
  for (let k = 0; k < Math.min(batch, 2000); k++) sink += body(k);
  let calls = 0;
  const t = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let k = 0; k < batch; k++) sink += body(calls + k);
    calls += batch;
    elapsed = performance.now() - t;
  }
  return { name, calls, nsPerCall: (elapsed * 1e6) / calls, sink };
}

export function runFormulaBench(opts: { hazard?: string; agents?: number; minMs?: number } = {}): FormulaResult {
  const hazard = opts.hazard ?? '0->1';
  const agents = opts.agents ?? 10_000;
  const minMs = opts.minMs ?? 1500;
  const s = loadScenarioFile(BASELINE, { agents, weeks: 1 });
  const world = new Simulation(s).world;
  const expr = s.phases.hazards[hazard];
  const constants = s.phases.constants;

  const tc = performance.now();
  const compiled = compileFormula(expr, FORMULA_VARIABLE_NAMES, constants);
  const rate = compiled.bind((name) => bindVariable(world, name));
  const compileMs = performance.now() - tc;

  // The scope a mathjs loop has to fill for agent i: every variable the formula reads, plus constants.
  const readers = compiled.variables.map((name) => {
    const b = bindVariable(world, name);
    if (b.kind === 'agent') return (i: number) => b.values[i];
    if (b.kind === 'scalar') return () => b.values[0];
    if (b.kind === 'strided') return (i: number) => b.values[b.stride * i + b.offset];
    return (i: number) => b.values[b.key[i]];
  });
  const scope: Record<string, number> = { ...constants };
  const fill = (i: number) => {
    for (let v = 0; v < readers.length; v++) scope[compiled.variables[v]] = readers[v](i);
    return scope;
  };
  const mathCompiled = mathCompile(expr);
  const n = world.agents.n;

  let maxAbsDifference = 0;
  for (let i = 0; i < Math.min(n, 2000); i++) {
    const a = rate(i);
    const b = mathEvaluate(expr, fill(i)) as number;
    const c = mathCompiled.evaluate(fill(i)) as number;
    maxAbsDifference = Math.max(maxAbsDifference, Math.abs(a - b), Math.abs(a - c));
  }

  const variants = [
    timeLoop('radsim compileFormula (closure over arrays)', minMs, 100_000, (k) => rate(k % n)),
    timeLoop(
      'mathjs compile(expr) once, .evaluate(scope) per call',
      minMs,
      2_000,
      (k) => mathCompiled.evaluate(fill(k % n)) as number,
    ),
    timeLoop('mathjs evaluate(expr, scope) per call', minMs, 200, (k) => mathEvaluate(expr, fill(k % n)) as number),
  ];
  if (!Number.isFinite(variants.reduce((a, v) => a + v.sink, 0)))
    throw new Error('formula benchmark produced a non-finite sum');
  return {
    hazard,
    expression: expr,
    variables: [...compiled.variables],
    compileMs,
    agents,
    variants: variants.map(({ name, calls, nsPerCall }) => ({ name, calls, nsPerCall })),
    maxAbsDifference,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`${JSON.stringify(runFormulaBench())}\n`);
}
