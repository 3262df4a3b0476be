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
import { formatPath, ScenarioError, type ScenarioIssue } from './errors.ts';

export const SCENARIO_LIMITS = {
  /** Characters of a scenario's JSON text (for a file: bytes). The baseline has about 24,000. */
  size: 1_000_000,
  /** Levels of objects and arrays inside one another. The baseline has 6. */
  depth: 32,
  /** Files in an `extends` chain, the scenario itself included. */
  extendsChain: 32,
} as const;

const count = (n: number) => n.toLocaleString('en');

/** The message of a key that names JavaScript's prototype slot. */
export const PROTO_KEY_MESSAGE =
  'the key "__proto__" is not allowed (in JavaScript it names an object\u2019s prototype, not a field)';

/**
 * Parses scenario JSON text: a byte-order mark at the start is skipped; anything over the
 * limits, a syntax error, a repeated key, a number too large and a "__proto__" key are a
 * ScenarioError naming `name` and the place. Returns the top-level object.
 */
export function parseScenarioText(text: string, name: string): Record<string, unknown> {
  if (text.length > SCENARIO_LIMITS.size)
    throw new ScenarioError(name, [
      {
        path: '(file)',
        message: `is too large: ${count(text.length)} characters, at most ${count(SCENARIO_LIMITS.size)} are allowed`,
      },
    ]);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const issues = scanJSON(body);
  if (issues.length) throw new ScenarioError(name, issues);
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    // The scan accepts only what JSON.parse accepts; this is a safety net, still without an excerpt.
    throw new ScenarioError(name, [{ path: '(file)', message: 'is not valid JSON' }]);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw new ScenarioError(name, [
      { path: '(top level)', message: 'a scenario is a JSON object ({ ... })', value: typeof data },
    ]);
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
    let col = 1;
    for (let k = 0; k < p && k < text.length; k++) {
      if (text.charCodeAt(k) === 10) {
        line++;
        col = 1;
      } else col++;
    }
    return `line ${line}, column ${col}`;
  };
  const syntax = (expected: string): ScenarioIssue[] => [
    {
      path: '(file)',
      message:
        pos >= text.length
          ? `is not valid JSON: the text ends where ${expected} should follow (${where(pos)}); was it cut off?`
          : `is not valid JSON: ${expected} expected at ${where(pos)}`,
    },
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
          return [
            {
              path: path(),
              message: `nests objects and arrays more than ${SCENARIO_LIMITS.depth} levels deep (${where(pos)}), which is the most allowed`,
            },
          ];
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
        if (end < 0) return syntax('a complete string (closing quote, valid escapes, no line breaks)');
        pos = end;
        mode = 'after';
      } else if (c === '-' || (c >= '0' && c <= '9')) {
        NUMBER.lastIndex = pos;
        const m = NUMBER.exec(text);
        if (!m) return syntax('a number');
        if (!Number.isFinite(Number(m[0])))
          issues.push({
            path: path(),
            message: `the number ${m[0].length > 20 ? `${m[0].slice(0, 17)}...` : m[0]} is too large (the largest is about 1.8e308)`,
          });
        pos = NUMBER.lastIndex;
        mode = 'after';
      } else {
        const word = /true|false|null/y;
        word.lastIndex = pos;
        if (!word.test(text)) return syntax('a value (object, array, string, number, true, false or null)');
        pos = word.lastIndex;
        mode = 'after';
      }
    } else if (mode === 'key') {
      skipWs();
      if (text[pos] !== '"') return syntax('a field name in double quotes');
      const end = stringEnd();
      if (end < 0) return syntax('a complete field name');
      const key = JSON.parse(text.slice(pos, end)) as string;
      const top = stack[stack.length - 1];
      top.at = key;
      if (top.keys.has(key))
        issues.push({
          path: path(),
          message: 'is given twice in the same object; JSON keeps only the last, remove one',
        });
      top.keys.add(key);
      if (key === '__proto__') issues.push({ path: path(), message: PROTO_KEY_MESSAGE });
      pos = end;
      skipWs();
      if (text[pos] !== ':') return syntax('":" after the field name');
      pos++;
      skipWs();
      mode = 'value';
    } else {
      skipWs();
      const top = stack[stack.length - 1];
      if (!top) {
        if (pos < text.length) return syntax('the end of the text (after the top-level value)');
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
      } else return syntax(top.array ? '"," or "]"' : '"," or "}"');
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
    issue = {
      path: formatPath(path),
      message: `nests objects and arrays more than ${SCENARIO_LIMITS.depth} levels deep, which is the most allowed`,
    };
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
      issues.push({ path: formatPath(path), message: `must be a finite number, not ${String(value)}` });
    else if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, '__proto__'))
      issues.push({ path: formatPath([...path, '__proto__']), message: PROTO_KEY_MESSAGE });
    return false;
  });
  return issues;
}
