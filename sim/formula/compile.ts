/**
 * Hazard formulas: mathjs expressions compiled once into plain JavaScript closures.
 *
 * The expression is parsed by mathjs into a tree, every node is checked against a whitelist
 * (numbers, known variable names, arithmetic, comparisons, logic, a ternary, and a few math
 * functions), and only then is JavaScript generated from the tree. Nothing the user wrote is
 * ever evaluated by mathjs or passed to JavaScript as text: the generated source contains only
 * numeric literals, whitelisted operators, `Math.*` calls and array reads we name ourselves.
 * Anything else (`import`, `evaluate`, `createUnit`, property access, assignment, function
 * definition, matrices, ranges, strings, units, unknown names) is a FormulaError.
 */
import { parse, type MathNode } from 'mathjs/number';

export class FormulaError extends Error {
  constructor(
    message: string,
    readonly formula: string,
  ) {
    super(message);
    this.name = 'FormulaError';
  }
}

/** How a variable is read for agent i. */
export type VariableBinding =
  | { kind: 'agent'; values: ArrayLike<number> } // values[i]
  | { kind: 'scalar'; values: ArrayLike<number> } // values[0], a society-level field
  | { kind: 'keyed'; values: ArrayLike<number>; key: ArrayLike<number> } // values[key[i]]
  | { kind: 'strided'; values: ArrayLike<number>; stride: number; offset: number }; // values[stride * i + offset], interleaved columns

export interface CompiledFormula {
  /** The expression as written. */
  readonly source: string;
  /** Variable names the expression reads, in first-use order. */
  readonly variables: readonly string[];
  /** The generated JavaScript body, for inspection and tests. */
  readonly js: string;
  /** Binds the variables to arrays and returns the per-agent evaluator. */
  bind(resolve: (name: string) => VariableBinding): (i: number) => number;
}

/**
 * Limits on one formula, checked before anything is generated (docs/scenario-format.md 6.4).
 * They keep every step (mathjs's parser, the walk below, the JavaScript parser of `new Function`)
 * far from the stack limit of any thread: a formula that compiles here binds and runs the same
 * on the main thread and in a worker. Chains of + and - (or of * and /) count as one level of
 * depth, since they are generated without nesting.
 */
export const FORMULA_LIMITS = {
  /** Characters of the expression. */
  length: 2000,
  /** Nodes of the parse tree: numbers, names, operators, function calls, conditions, brackets. */
  nodes: 1000,
  /** Levels of nesting: brackets, calls, operators and conditions inside one another. */
  depth: 50,
} as const;

type FnSpec = { arity: [number, number]; js: (args: string[]) => string; help: string };

/** The functions a formula may call. */
export const FORMULA_FUNCTIONS: Readonly<Record<string, FnSpec>> = {
  min: { arity: [1, 16], js: (a) => `Math.min(${a.join(', ')})`, help: 'min(a, b, ...)' },
  max: { arity: [1, 16], js: (a) => `Math.max(${a.join(', ')})`, help: 'max(a, b, ...)' },
  abs: { arity: [1, 1], js: (a) => `Math.abs(${a[0]})`, help: 'abs(x)' },
  exp: { arity: [1, 1], js: (a) => `Math.exp(${a[0]})`, help: 'exp(x)' },
  log: {
    arity: [1, 2],
    js: (a) => (a.length === 1 ? `Math.log(${a[0]})` : `(Math.log(${a[0]}) / Math.log(${a[1]}))`),
    help: 'log(x) natural, log(x, base)',
  },
  sqrt: { arity: [1, 1], js: (a) => `Math.sqrt(${a[0]})`, help: 'sqrt(x)' },
  pow: { arity: [2, 2], js: (a) => `Math.pow(${a[0]}, ${a[1]})`, help: 'pow(x, y)' },
  floor: { arity: [1, 1], js: (a) => `Math.floor(${a[0]})`, help: 'floor(x)' },
  ceil: { arity: [1, 1], js: (a) => `Math.ceil(${a[0]})`, help: 'ceil(x)' },
  clamp: {
    arity: [3, 3],
    js: (a) => `Math.min(Math.max(${a[0]}, ${a[1]}), ${a[2]})`,
    help: 'clamp(x, lo, hi)',
  },
  logistic: { arity: [1, 1], js: (a) => `(1 / (1 + Math.exp(-(${a[0]}))))`, help: 'logistic(x) = 1/(1+exp(-x))' },
  step: { arity: [1, 1], js: (a) => `((${a[0]}) > 0 ? 1 : 0)`, help: 'step(x) = 1 if x > 0 else 0' },
};

/** Binary operators; `chain` marks the left-associative groups generated without nesting. */
const BINARY: Readonly<Record<string, { js: (a: string, b: string) => string; chain?: 'sum' | 'product' }>> = {
  add: { js: (a, b) => `${a} + ${b}`, chain: 'sum' },
  subtract: { js: (a, b) => `${a} - ${b}`, chain: 'sum' },
  multiply: { js: (a, b) => `${a} * ${b}`, chain: 'product' },
  divide: { js: (a, b) => `${a} / ${b}`, chain: 'product' },
  pow: { js: (a, b) => `Math.pow(${a}, ${b})` },
  smaller: { js: (a, b) => `${a} < ${b} ? 1 : 0` },
  larger: { js: (a, b) => `${a} > ${b} ? 1 : 0` },
  smallerEq: { js: (a, b) => `${a} <= ${b} ? 1 : 0` },
  largerEq: { js: (a, b) => `${a} >= ${b} ? 1 : 0` },
  equal: { js: (a, b) => `${a} === ${b} ? 1 : 0` },
  unequal: { js: (a, b) => `${a} !== ${b} ? 1 : 0` },
  and: { js: (a, b) => `${a} !== 0 && ${b} !== 0 ? 1 : 0` },
  or: { js: (a, b) => `${a} !== 0 || ${b} !== 0 ? 1 : 0` },
};
const UNARY: Readonly<Record<string, (a: string) => string>> = {
  unaryMinus: (a) => `(-${a})`,
  unaryPlus: (a) => `(+${a})`,
  not: (a) => `(${a} === 0 ? 1 : 0)`,
};
const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E };

const NODE_WORDS: Readonly<Record<string, string>> = {
  AccessorNode: 'property or index access',
  AssignmentNode: 'assignment',
  FunctionAssignmentNode: 'function definition',
  IndexNode: 'indexing',
  ObjectNode: 'objects',
  ArrayNode: 'matrices and arrays',
  RangeNode: 'ranges',
  BlockNode: 'several statements',
  RelationalNode: 'chained comparisons',
};

/**
 * Compiles `source` against the allowed variable names and named constants. Constants are
 * inlined as numbers; variables are read through the binding given to `bind`.
 */
export function compileFormula(
  source: string,
  allowedVariables: ReadonlySet<string> | readonly string[],
  constants: Readonly<Record<string, number>> = {},
): CompiledFormula {
  const allowed = allowedVariables instanceof Set ? allowedVariables : new Set(allowedVariables);
  if (typeof source !== 'string' || source.trim() === '') {
    throw new FormulaError('is empty; write an expression such as "0.01 * justice"', String(source));
  }
  const n = (x: number) => x.toLocaleString('en');
  if (source.length > FORMULA_LIMITS.length)
    throw new FormulaError(
      `is too long: ${n(source.length)} characters, at most ${n(FORMULA_LIMITS.length)} are allowed`,
      source,
    );
  // mathjs parses brackets by recursion: refuse deep ones before it sees them.
  const brackets = bracketDepth(source);
  if (brackets > FORMULA_LIMITS.depth)
    throw new FormulaError(
      `nests brackets ${n(brackets)} levels deep, at most ${FORMULA_LIMITS.depth} levels are allowed`,
      source,
    );
  let tree: MathNode;
  try {
    tree = parse(source);
  } catch (err) {
    throw new FormulaError(`does not parse: ${(err as Error).message}`, source);
  }
  const used: string[] = [];
  const fail = (what: string): never => {
    throw new FormulaError(what, source);
  };
  const body = generate(tree, {
    fail,
    symbol: (name) => {
      if (Object.hasOwn(constants, name)) {
        const v = constants[name];
        if (!Number.isFinite(v)) fail(`constant "${name}" is not a finite number`);
        return `(${String(v)})`;
      }
      if (Object.hasOwn(CONSTANTS, name)) return `(${String(CONSTANTS[name])})`;
      if (!allowed.has(name)) {
        fail(
          `unknown name "${name}"; allowed variables: ${[...allowed].sort().join(', ')}` +
            (Object.keys(constants).length ? `; constants: ${Object.keys(constants).sort().join(', ')}` : ''),
        );
      }
      let k = used.indexOf(name);
      if (k < 0) k = used.push(name) - 1;
      return `v${k}`;
    },
  });
  const variables = [...used];
  const js = `return ${body};`;
  return {
    source,
    variables,
    js,
    bind(resolve) {
      const { params, values, reads } = bindReads(variables, resolve);
      const factory = generatedFactory(params, `return function formula(i) { ${reads.join(' ')} ${js} };`);
      return factory(...values) as (i: number) => number;
    },
  };
}

/** The deepest nesting of brackets in `source`. */
function bracketDepth(source: string): number {
  let depth = 0;
  let max = 0;
  for (const c of source) {
    if (c === '(' || c === '[' || c === '{') max = Math.max(max, ++depth);
    else if (c === ')' || c === ']' || c === '}') depth--;
  }
  return max;
}

interface Generator {
  fail: (what: string) => never;
  /** The code of a name: an inlined constant or a variable slot. */
  symbol: (name: string) => string;
}

/** The children of a node the generator accepts, in source order. */
function childrenOf(node: MathNode): MathNode[] {
  const n = node as MathNode & Record<string, unknown>;
  switch (node.type) {
    case 'OperatorNode':
    case 'FunctionNode':
      return n.args as MathNode[];
    case 'ConditionalNode':
      return [n.condition, n.trueExpr, n.falseExpr] as MathNode[];
    case 'ParenthesisNode':
      return [n.content as MathNode];
    default:
      return [];
  }
}

function chainOf(node: MathNode): string | undefined {
  if (node.type !== 'OperatorNode') return undefined;
  const { fn, args } = node as MathNode & { fn: string; args: MathNode[] };
  return args.length === 2 && Object.hasOwn(BINARY, fn) ? BINARY[fn].chain : undefined;
}

/**
 * JavaScript for a whitelisted tree, walked with an explicit stack (no recursion, whatever the
 * shape). Each node's code is a parenthesised or atomic expression; the left operand of a chain
 * (a + b - c, a * b / c) is written without its parentheses, which JavaScript's
 * left-to-right grouping makes exact, so a long sum is flat code rather than deep nesting.
 */
function generate(tree: MathNode, g: Generator): string {
  type Frame = { node: MathNode; depth: number; expanded: boolean };
  const stack: Frame[] = [{ node: tree, depth: 1, expanded: false }];
  /** Finished operands, in order: code and, for a chain operator, the code without its parentheses. */
  const done: { code: string; bare?: string; chain?: string }[] = [];
  let nodes = 0;
  while (stack.length) {
    const frame = stack[stack.length - 1];
    const node = frame.node;
    const n = node as MathNode & Record<string, unknown>;
    if (!frame.expanded) {
      frame.expanded = true;
      if (++nodes > FORMULA_LIMITS.nodes)
        g.fail(
          `is too large: more than ${FORMULA_LIMITS.nodes.toLocaleString('en')} parts (numbers, names, operators, calls, brackets), which is the most allowed`,
        );
      if (frame.depth > FORMULA_LIMITS.depth)
        g.fail(
          `nests operations more than ${FORMULA_LIMITS.depth} levels deep (a chain such as a + b - c counts as one level), which is the most allowed`,
        );
      checkNode(node, g);
      const kids = childrenOf(node);
      const chain = chainOf(node);
      for (let k = kids.length - 1; k >= 0; k--) {
        const same = k === 0 && chain !== undefined && chainOf(kids[0]) === chain;
        stack.push({ node: kids[k], depth: same ? frame.depth : frame.depth + 1, expanded: false });
      }
      continue;
    }
    stack.pop();
    const args = done.splice(done.length - childrenOf(node).length);
    const code = (k: number) => args[k].code;
    switch (node.type) {
      case 'ConstantNode':
        done.push({ code: `(${String(n.value)})` });
        break;
      case 'SymbolNode':
        done.push({ code: g.symbol(n.name as string) });
        break;
      case 'ParenthesisNode':
        done.push(args[0]);
        break;
      case 'OperatorNode': {
        const fn = n.fn as string;
        if (args.length === 1 && Object.hasOwn(UNARY, fn)) {
          done.push({ code: UNARY[fn](code(0)) });
          break;
        }
        if (args.length !== 2 || !Object.hasOwn(BINARY, fn))
          g.fail(`operator "${String(n.op)}" is not allowed; use + - * / ^, comparisons, and, or, not`);
        const { js, chain } = BINARY[fn];
        const left = chain !== undefined && args[0].chain === chain ? (args[0].bare as string) : code(0);
        const bare = js(left, code(1));
        done.push({ code: `(${bare})`, bare, chain });
        break;
      }
      case 'ConditionalNode':
        done.push({ code: `(${code(0)} !== 0 ? ${code(1)} : ${code(2)})` });
        break;
      case 'FunctionNode': {
        const spec = FORMULA_FUNCTIONS[(n.fn as { name: string }).name];
        if (args.length < spec.arity[0] || args.length > spec.arity[1])
          g.fail(
            `${spec.help} takes ${spec.arity[0] === spec.arity[1] ? spec.arity[0] : `${spec.arity[0]} to ${spec.arity[1]}`} argument(s), got ${args.length}`,
          );
        done.push({ code: spec.js(args.map((a) => a.code)) });
        break;
      }
    }
  }
  return done[0].code;
}

/** What can be said of a node before its children: its kind, a constant's value, a callee. */
function checkNode(node: MathNode, g: Generator): void {
  const n = node as MathNode & Record<string, unknown>;
  switch (node.type) {
    case 'ConstantNode': {
      const v = n.value;
      if (typeof v === 'number' && !Number.isFinite(v)) g.fail(`a constant must be a finite number, not ${String(v)}`);
      if (typeof v !== 'number') g.fail(`only numbers are allowed as constants, not ${JSON.stringify(v)}`);
      return;
    }
    case 'OperatorNode':
      // mathjs reads "5%" as 5 / 100; the docs promise that % is refused.
      if (n.isPercentage === true) g.fail('operator "%" is not allowed; write 0.05 for 5%');
      return;
    case 'FunctionNode': {
      const callee = n.fn as MathNode & { name?: string };
      if (callee.type !== 'SymbolNode' || !callee.name) g.fail('only calls of named functions are allowed');
      const name = callee.name as string;
      if (!Object.hasOwn(FORMULA_FUNCTIONS, name))
        g.fail(`function "${name}" is not allowed; allowed functions: ${Object.keys(FORMULA_FUNCTIONS).join(', ')}`);
      return;
    }
    case 'SymbolNode':
    case 'ParenthesisNode':
    case 'ConditionalNode':
      return;
    default:
      g.fail(`formulas may not use ${NODE_WORDS[node.type] ?? node.type}`);
  }
}

/** One parameter per variable array (and key array), so V8 sees plain local reads `v0`, `v1`, ... */
function bindReads(variables: readonly string[], resolve: (name: string) => VariableBinding) {
  const params: string[] = [];
  const values: unknown[] = [];
  const reads: string[] = [];
  variables.forEach((name, k) => {
    const b = resolve(name);
    params.push(`a${k}`);
    values.push(b.values);
    if (b.kind === 'agent') reads.push(`const v${k} = a${k}[i];`);
    else if (b.kind === 'scalar') reads.push(`const v${k} = a${k}[0];`);
    else if (b.kind === 'strided') {
      if (!Number.isInteger(b.stride) || !Number.isInteger(b.offset) || b.stride < 1 || b.offset < 0)
        throw new Error(`variable ${name}: stride and offset must be whole numbers (got ${b.stride}, ${b.offset})`);
      reads.push(`const v${k} = a${k}[${b.stride} * i + ${b.offset}];`);
    } else {
      params.push(`k${k}`);
      values.push(b.key);
      reads.push(`const v${k} = a${k}[k${k}[i]];`);
    }
  });
  return { params, values, reads };
}

/**
 * Binds several compiled formulas into one evaluator `(i, out) => void`: it writes formula k's
 * value for agent i to out[k], counting negative, NaN and infinite values as 0 and finite values
 * above MAX_HAZARD as MAX_HAZARD (as a hazard does), and their sum in order to
 * out[formulas.length]. Each variable is read once however many
 * formulas use it, and one call replaces one per formula: the phase stage calls this for every
 * agent. The sum goes to `out`, not to a return value: the stage's call reaches one of several
 * such evaluators and is not inlined, and a double returned from a call that is not inlined is
 * a fresh heap number, one allocation per agent and week (15 MB a week at 1M agents).
 */
export function bindFormulaSet(
  formulas: readonly CompiledFormula[],
  resolve: (name: string) => VariableBinding,
): (i: number, out: Float64Array) => void {
  const variables: string[] = [];
  const lines: string[] = [];
  formulas.forEach((f, k) => {
    // A generated body names its variables v0, v1, ... in its own first-use order; renumber them.
    const map = f.variables.map((name) => {
      let g = variables.indexOf(name);
      if (g < 0) g = variables.push(name) - 1;
      return g;
    });
    const expr = f.js.replace(/^return (.*);$/s, '$1').replace(/\bv(\d+)\b/g, (_, d: string) => `v${map[Number(d)]}`);
    lines.push(
      `const h${k} = ${expr}; out[${k}] = h${k} > 0 && h${k} < Infinity ? (h${k} < ${MAX_HAZARD} ? h${k} : ${MAX_HAZARD}) : 0; total += out[${k}];`,
    );
  });
  const { params, values, reads } = bindReads(variables, resolve);
  const factory = generatedFactory(
    params,
    `return function formulaSet(i, out) { ${reads.join(' ')} let total = 0; ${lines.join(' ')} out[${formulas.length}] = total; };`,
  );
  return factory(...values) as (i: number, out: Float64Array) => void;
}

/**
 * The largest weekly hazard: a larger finite value counts as this. Far above any hazard that
 * means something (a hazard of 40 already gives a weekly probability of 1 in double precision),
 * and small enough that the sum of the at most three hazards out of a phase stays finite (two
 * of 1e308 would add up to Infinity and turn the choice of destination into "the last one").
 */
export const MAX_HAZARD = 1e300;

/**
 * The factories made from generated source, one per distinct source. Every simulation binds its
 * formulas anew; with one factory per source, the evaluators of a worker's later simulations are
 * closures of the same function as the first one's, so V8 reuses their optimised code instead of
 * compiling the phase stage's formulas again for every replicate of an ensemble. Bounded, since a
 * sweep over a constant makes a new source per value.
 */
const factories = new Map<string, (...values: unknown[]) => unknown>();
const MAX_FACTORIES = 256;

function generatedFactory(params: readonly string[], body: string): (...values: unknown[]) => unknown {
  const key = `${params.join(',')}\n${body}`;
  let factory = factories.get(key);
  if (!factory) {
    if (factories.size >= MAX_FACTORIES) factories.clear();
    // source generated from whitelisted trees
    factory = new Function(...params, body) as (...values: unknown[]) => unknown;
    factories.set(key, factory);
  }
  return factory;
}
