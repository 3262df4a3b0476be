/**
 * Scenario errors that name the field, the value found and what is allowed.
 */
import type { z } from 'zod';

export interface ScenarioIssue {
  /** Dotted path of the field, e.g. "population.pathology.adhd.prevalence". */
  readonly path: string;
  readonly message: string;
  /** The value found there (undefined when missing). */
  readonly value?: unknown;
}

export class ScenarioError extends Error {
  constructor(
    readonly file: string,
    readonly issues: readonly ScenarioIssue[],
  ) {
    super(`${file}: invalid scenario\n${issues.map((i) => `  - ${formatIssue(i)}`).join('\n')}`);
    this.name = 'ScenarioError';
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (typeof p === 'string' && /^[A-Za-z_$][\w$]*$/.test(p)) out += out ? `.${p}` : p;
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out || '(top level)';
}

export function formatIssue(i: ScenarioIssue): string {
  const found = i.value === undefined ? '' : ` (found ${preview(i.value)})`;
  return `${i.path}: ${i.message}${found}`;
}

function preview(v: unknown): string {
  const s = JSON.stringify(v);
  if (s === undefined) return String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}

/** Turns zod issues into messages a researcher can act on. */
export function fromZod(error: z.ZodError, input: unknown): ScenarioIssue[] {
  return error.issues.map((issue) => {
    const value = valueAt(input, issue.path);
    let message = issue.message;
    switch (issue.code) {
      case 'invalid_type':
        message = value === undefined ? `is missing; expected ${issue.expected}` : `expected ${issue.expected}`;
        break;
      case 'too_small':
        message = issue.exact
          ? `must have exactly ${String(issue.minimum)} items`
          : `must be ${issue.inclusive ? '>=' : '>'} ${String(issue.minimum)}${issue.origin === 'array' ? ' items' : ''}`;
        break;
      case 'too_big':
        message = issue.exact
          ? `must have exactly ${String(issue.maximum)} items`
          : `must be ${issue.inclusive ? '<=' : '<'} ${String(issue.maximum)}${issue.origin === 'array' ? ' items' : ''}`;
        break;
      case 'invalid_key':
        message = `invalid key: ${issue.issues.map((x) => x.message).join('; ')}`;
        break;
      case 'unrecognized_keys':
        message = `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}; check the spelling (allowed fields are listed in docs/scenario-format.md)`;
        break;
      case 'invalid_value':
        message = `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
        break;
      case 'not_multiple_of':
        message = issue.divisor === 1 ? 'must be a whole number' : message;
        break;
      default:
        break;
    }
    if (issue.code === 'invalid_format' || (issue.code === 'invalid_type' && issue.expected === 'int'))
      message = issue.message;
    return { path: formatPath(issue.path), message, value: issue.code === 'unrecognized_keys' ? undefined : value };
  });
}
