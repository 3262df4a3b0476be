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
  | { kind: 'keyed'; values: ArrayLike<number>; key: ArrayLike<number>; fixed?: boolean } // values[key[i]]; fixed: the values never change during a run
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
      const constant = constantCode(name, constants, fail);
      if (constant !== undefined) return constant;
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
  const compiled: CompiledFormula = {
    source,
    variables,
    js,
    bind(resolve) {
      const binder = new FormulaBinder(resolve);
      const expr = binder.generate(compiled);
      const { params, values, reads } = binder.finish([expr]);
      const factory = generatedFactory(params, `return function formula(i) { ${reads} return ${expr}; };`);
      return factory(...values) as (i: number) => number;
    },
  };
  trees.set(compiled, { tree, constants });
  return compiled;
}

/** The parse tree and named constants of each compiled formula, for generating its bound code. */
const trees = new WeakMap<CompiledFormula, { tree: MathNode; constants: Readonly<Record<string, number>> }>();

/** The inlined code of a named constant or of pi and e; undefined for any other name. */
function constantCode(
  name: string,
  constants: Readonly<Record<string, number>>,
  fail: (what: string) => never,
): string | undefined {
  if (Object.hasOwn(constants, name)) {
    const v = constants[name];
    if (!Number.isFinite(v)) fail(`constant "${name}" is not a finite number`);
    return `(${String(v)})`;
  }
  if (Object.hasOwn(CONSTANTS, name)) return `(${String(CONSTANTS[name])})`;
  return undefined;
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
  /**
   * When binding: null for a constant, the slot of the key a variable is looked up by if its
   * values are fixed for the run, undefined for any other variable.
   */
  fixedKey?: (name: string) => number | null | undefined;
  /** When binding: a lookup that replaces `code`, which reads only fixed variables of key slot `key` and constants. */
  fold?: (code: string, key: number) => string;
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
  /**
   * Finished operands, in order: code and, for a chain operator, the code without its
   * parentheses; `key` says what the operand reads: null only constants, a number only fixed
   * variables of that key slot and constants (so it can be tabulated by key), absent anything else.
   */
  const done: Operand[] = [];
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
    const key = commonKey(args);
    // An operand that could be tabulated, under an operator that cannot: tabulate it here.
    if (key === undefined && g.fold) for (const [k, a] of args.entries()) args[k] = folded(a, g);
    const code = (k: number) => args[k].code;
    const before = done.length;
    switch (node.type) {
      case 'ConstantNode':
        done.push({ code: `(${String(n.value)})`, key: null });
        break;
      case 'SymbolNode': {
        const name = n.name as string;
        done.push({ code: g.symbol(name), key: g.fixedKey ? g.fixedKey(name) : null });
        break;
      }
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
    if (node.type !== 'SymbolNode' && node.type !== 'ConstantNode' && node.type !== 'ParenthesisNode')
      done[before].key = key;
  }
  return g.fold ? folded(done[0], g).code : done[0].code;
}

interface Operand {
  code: string;
  bare?: string;
  chain?: string;
  key?: number | null;
}

/** What the operands read together (see `done` in generate): null, one key slot, or absent. */
function commonKey(args: readonly Operand[]): number | null | undefined {
  let key: number | null = null;
  for (const a of args) {
    if (a.key === undefined) return undefined;
    if (a.key === null) continue;
    if (key !== null && a.key !== key) return undefined;
    key = a.key;
  }
  return key;
}

/** The operand as a table lookup if it reads fixed keyed variables and nothing that varies. */
function folded(a: Operand, g: Generator): Operand {
  return typeof a.key === 'number' && g.fold ? { code: g.fold(a.code, a.key) } : a;
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

/**
 * Generates the bound code of formulas that are evaluated together, reading each variable once:
 * one parameter per variable array (`a0`, `a1`, ...), so V8 sees plain local reads `v0`, `v1`,
 * ...; one read per key array, however many variables are looked up by it (`k0 = key0[i]`).
 * A sub-expression of fixed keyed variables and constants (the 0/1 leaning indicators times
 * their weights, say) becomes one table lookup `t0[k0]`, filled at binding by evaluating the
 * same code for every key value, so its values are exactly those of the code it replaces.
 */
class FormulaBinder {
  private readonly bindings = new Map<string, VariableBinding>();
  private readonly variables: string[] = [];
  private readonly keys: ArrayLike<number>[] = [];
  private readonly tables: { id: string; values: Float64Array; key: number }[] = [];

  constructor(private readonly resolve: (name: string) => VariableBinding) {}

  /** The expression of a compiled formula, with its variables renamed to this binder's slots. */
  generate(formula: CompiledFormula): string {
    const known = trees.get(formula);
    if (!known) throw new Error('bind: not a formula made by compileFormula');
    const fail = (what: string): never => {
      throw new FormulaError(what, formula.source);
    };
    const isVariable = (name: string) => constantCode(name, known.constants, fail) === undefined;
    return generate(known.tree, {
      fail,
      symbol: (name) => constantCode(name, known.constants, fail) ?? `v${this.slot(name)}`,
      fixedKey: (name) => {
        if (!isVariable(name)) return null;
        const b = this.binding(name);
        return b.kind === 'keyed' && b.fixed === true ? this.keySlot(b.key) : undefined;
      },
      fold: (code, key) => `t${this.table(code, key)}[k${key}]`,
    });
  }

  /** Parameters, their values, and the reads at the top of the function, for the given expressions. */
  finish(expressions: readonly string[]): { params: string[]; values: unknown[]; reads: string } {
    const text = expressions.join('\n');
    const used = (prefix: string) =>
      new Set([...text.matchAll(new RegExp(`\\b${prefix}(\\d+)\\b`, 'g'))].map((m) => Number(m[1])));
    const vars = used('v'),
      tables = used('t');
    const keys = new Set<number>([...tables].map((t) => this.tables[t].key));
    const params: string[] = [];
    const values: unknown[] = [];
    const keyReads: string[] = [];
    const reads: string[] = [];
    for (const [slot, name] of this.variables.entries()) {
      if (!vars.has(slot)) continue;
      const b = this.binding(name);
      params.push(`a${slot}`);
      values.push(b.values);
      if (b.kind === 'agent') reads.push(`const v${slot} = a${slot}[i];`);
      else if (b.kind === 'scalar') reads.push(`const v${slot} = a${slot}[0];`);
      else if (b.kind === 'strided') {
        if (!Number.isInteger(b.stride) || !Number.isInteger(b.offset) || b.stride < 1 || b.offset < 0)
          throw new Error(`variable ${name}: stride and offset must be whole numbers (got ${b.stride}, ${b.offset})`);
        reads.push(`const v${slot} = a${slot}[${b.stride} * i + ${b.offset}];`);
      } else {
        const k = this.keySlot(b.key);
        keys.add(k);
        reads.push(`const v${slot} = a${slot}[k${k}];`);
      }
    }
    for (const k of [...keys].sort((x, y) => x - y)) {
      params.push(`key${k}`);
      values.push(this.keys[k]);
      keyReads.push(`const k${k} = key${k}[i];`);
    }
    for (const t of [...tables].sort((x, y) => x - y)) {
      params.push(`t${t}`);
      values.push(this.tables[t].values);
    }
    return { params, values, reads: [...keyReads, ...reads].join(' ') };
  }

  private binding(name: string): VariableBinding {
    let b = this.bindings.get(name);
    if (!b) this.bindings.set(name, (b = this.resolve(name)));
    return b;
  }

  private slot(name: string): number {
    const k = this.variables.indexOf(name);
    return k >= 0 ? k : this.variables.push(name) - 1;
  }

  private keySlot(key: ArrayLike<number>): number {
    const k = this.keys.indexOf(key);
    return k >= 0 ? k : this.keys.push(key) - 1;
  }

  /** The slot of the table of `code` by key slot `key`, made once per binder. */
  private table(code: string, key: number): number {
    const id = `${key}|${code}`;
    const known = this.tables.findIndex((t) => t.id === id);
    if (known >= 0) return known;
    const slots = [...new Set([...code.matchAll(/\bv(\d+)\b/g)].map((m) => Number(m[1])))];
    const arrays = slots.map((s) => this.binding(this.variables[s]).values);
    const size = Math.min(...arrays.map((a) => a.length));
    // Generated from a whitelisted tree, as every formula: the same code the agent's read would run.
    const evaluate = new Function(
      ...slots.map((s) => `a${s}`),
      'k',
      `${slots.map((s) => `const v${s} = a${s}[k];`).join(' ')} return ${code};`,
    ) as (...args: unknown[]) => number;
    const values = new Float64Array(size);
    for (let k = 0; k < size; k++) values[k] = evaluate(...arrays, k);
    return this.tables.push({ id, values, key }) - 1;
  }
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
  const binder = new FormulaBinder(resolve);
  const expressions = formulas.map((f) => binder.generate(f));
  const lines = expressions.map(
    (expr, k) =>
      `const h${k} = ${expr}; out[${k}] = h${k} > 0 && h${k} < Infinity ? (h${k} < ${MAX_HAZARD} ? h${k} : ${MAX_HAZARD}) : 0; total += out[${k}];`,
  );
  const { params, values, reads } = binder.finish(expressions);
  const factory = generatedFactory(
    params,
    `return function formulaSet(i, out) { ${reads} let total = 0; ${lines.join(' ')} out[${formulas.length}] = total; };`,
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
