/**
 * Scenario text from outside (a file, an `extends` parent, a share link, an import), checked
 * against the documented limits before anything else touches it (docs/scenario-format.md 3.1).
 *
 * The text is scanned once, without recursion, for what JSON.parse would accept silently or
 * report badly: nesting deeper than the limit (which would later overflow the stack of the
 * merge or of JSON.stringify), a key given twice (JSON.parse keeps the last), a number too large
 * for a double (1e999 becomes Infinity), and the key "__proto__". A syntax error is reported by
 * line and column, never with an excerpt: the text may be a file that is not a scenario at all.
 */
import { formatPath, ScenarioError, type ScenarioIssue, scenarioIssue } from './errors.ts';
import type { JsonExpected } from './messages.ts';

export const SCENARIO_LIMITS = {
  /** Characters of a scenario's JSON text (for a file: bytes). The baseline has about 24,000. */
  size: 1_000_000,
  /** Levels of objects and arrays inside one another. The baseline has 6. */
  depth: 32,
  /** Files in an `extends` chain, the scenario itself included. */
  extendsChain: 32,
} as const;

/**
 * Parses scenario JSON text: a byte-order mark at the start is skipped; anything over the
 * limits, a syntax error, a repeated key, a number too large and a "__proto__" key are a
 * ScenarioError naming `name` and the place. Returns the top-level object.
 */
export function parseScenarioText(text: string, name: string): Record<string, unknown> {
  if (text.length > SCENARIO_LIMITS.size)
    throw new ScenarioError(name, [
      scenarioIssue('(file)', 'tooLarge', { size: text.length, max: SCENARIO_LIMITS.size, unit: 'characters' }),
    ]);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const issues = scanJSON(body);
  if (issues.length) throw new ScenarioError(name, issues);
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    // The scan accepts only what JSON.parse accepts; this is a safety net, still without an excerpt.
    throw new ScenarioError(name, [scenarioIssue('(file)', 'notJson', {})]);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw new ScenarioError(name, [scenarioIssue('(top level)', 'notObject', {}, typeof data)]);
  return data as Record<string, unknown>;
}

interface Container {
  array: boolean;
  /** Keys seen so far (objects). */
  keys: Set<string>;
  /** The key or index of the value being read. */
  at: string | number;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WS = /[ \t\n\r]*/y;
const ESCAPES = '"\\/bfnrtu';

/**
 * Checks JSON text without building it: syntax (as JSON.parse), depth, repeated keys, numbers
 * that overflow and "__proto__" keys. A syntax error or too deep a nesting ends the scan (one
 * issue); the other problems are all collected.
 */
export function scanJSON(text: string): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const stack: Container[] = [];
  let pos = 0;
  const path = () => formatPath(stack.map((c) => c.at));
  const where = (p: number) => {
    let line = 1;
    let column = 1;
    for (let k = 0; k < p && k < text.length; k++) {
      if (text.charCodeAt(k) === 10) {
        line++;
        column = 1;
      } else column++;
    }
    return { line, column };
  };
  const syntax = (expected: JsonExpected): ScenarioIssue[] => [
    scenarioIssue('(file)', 'jsonSyntax', { expected, ...where(pos), cutOff: pos >= text.length }),
  ];
  const skipWs = () => {
    WS.lastIndex = pos;
    WS.test(text);
    pos = WS.lastIndex;
  };
  /** Reads a string at pos (which holds its opening quote); returns its end, or -1 if malformed. */
  const stringEnd = (): number => {
    let k = pos + 1;
    while (k < text.length) {
      const c = text.charCodeAt(k);
      if (c === 34) return k + 1; // "
      if (c < 32) return -1;
      if (c === 92) {
        const e = text[k + 1];
        if (e === undefined || !ESCAPES.includes(e)) return -1;
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(k + 2, k + 6))) return -1;
          k += 6;
        } else k += 2;
      } else k++;
    }
    return -1;
  };

  let mode: 'value' | 'key' | 'after' = 'value';
  skipWs();
  for (;;) {
    if (mode === 'value') {
      const c = text[pos];
      if (c === '{' || c === '[') {
        if (stack.length >= SCENARIO_LIMITS.depth)
          return [scenarioIssue(path(), 'tooDeep', { depth: SCENARIO_LIMITS.depth, ...where(pos) })];
        pos++;
        skipWs();
        const array = c === '[';
        if (text[pos] === (array ? ']' : '}')) {
          pos++;
          mode = 'after';
        } else {
          stack.push({ array, keys: new Set(), at: 0 });
          mode = array ? 'value' : 'key';
        }
      } else if (c === '"') {
        const end = stringEnd();
        if (end < 0) return syntax('string');
        pos = end;
        mode = 'after';
      } else if (c === '-' || (c >= '0' && c <= '9')) {
        NUMBER.lastIndex = pos;
        const m = NUMBER.exec(text);
        if (!m) return syntax('number');
        if (!Number.isFinite(Number(m[0])))
          issues.push(
            scenarioIssue(path(), 'numberTooLarge', {
              number: m[0].length > 20 ? `${m[0].slice(0, 17)}...` : m[0],
            }),
          );
        pos = NUMBER.lastIndex;
        mode = 'after';
      } else {
        const word = /true|false|null/y;
        word.lastIndex = pos;
        if (!word.test(text)) return syntax('value');
        pos = word.lastIndex;
        mode = 'after';
      }
    } else if (mode === 'key') {
      skipWs();
      if (text[pos] !== '"') return syntax('key');
      const end = stringEnd();
      if (end < 0) return syntax('completeKey');
      const key = JSON.parse(text.slice(pos, end)) as string;
      const top = stack[stack.length - 1];
      top.at = key;
      if (top.keys.has(key)) issues.push(scenarioIssue(path(), 'duplicateKey', {}));
      top.keys.add(key);
      if (key === '__proto__') issues.push(scenarioIssue(path(), 'protoKey', {}));
      pos = end;
      skipWs();
      if (text[pos] !== ':') return syntax('colon');
      pos++;
      skipWs();
      mode = 'value';
    } else {
      skipWs();
      const top = stack[stack.length - 1];
      if (!top) {
        if (pos < text.length) return syntax('end');
        return issues;
      }
      const c = text[pos];
      if (c === ',') {
        pos++;
        skipWs();
        if (top.array) {
          top.at = (top.at as number) + 1;
          mode = 'value';
        } else mode = 'key';
      } else if (c === (top.array ? ']' : '}')) {
        pos++;
        stack.pop();
      } else return syntax(top.array ? 'commaOrBracket' : 'commaOrBrace');
    }
  }
}

type Visit = (value: unknown, path: readonly (string | number)[]) => boolean | undefined;

/**
 * Visits every value of `data` with its path, with an explicit stack and never below the depth
 * limit (safe on any input); stops early when `visit` returns true.
 */
function walk(data: unknown, visit: Visit): void {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: data, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop() as (typeof stack)[number];
    if (visit(value, path)) return;
    if (value === null || typeof value !== 'object' || path.length >= SCENARIO_LIMITS.depth) continue;
    const array = Array.isArray(value);
    const keys = Object.keys(value);
    for (let k = keys.length - 1; k >= 0; k--)
      stack.push({ value: (value as Record<string, unknown>)[keys[k]], path: [...path, array ? k : keys[k]] });
  }
}

/** The first place where scenario data (however it was made) nests deeper than the limit, or null. */
export function depthIssue(data: unknown): ScenarioIssue | null {
  let issue: ScenarioIssue | null = null;
  walk(data, (value, path) => {
    if (value === null || typeof value !== 'object' || path.length < SCENARIO_LIMITS.depth) return false;
    issue = scenarioIssue(formatPath(path), 'tooDeep', { depth: SCENARIO_LIMITS.depth });
    return true;
  });
  return issue;
}

/**
 * Problems of scenario data however it was made (parsed here, built in code, sent to a worker)
 * that the schema would miss or word badly: "__proto__" keys (a record of the schema drops
 * them) and numbers that are not finite (the schema would show Infinity as null).
 */
export function dataIssues(data: unknown): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  walk(data, (value, path) => {
    if (typeof value === 'number' && !Number.isFinite(value))
      issues.push(scenarioIssue(formatPath(path), 'notFinite', { value: String(value) }));
    else if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, '__proto__'))
      issues.push(scenarioIssue(formatPath([...path, '__proto__']), 'protoKey', {}));
    return false;
  });
  return issues;
}
