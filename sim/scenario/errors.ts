/**
 * Scenario errors that name the field, the value found and what is allowed.
 */
import type { z } from 'zod';
import { foundText, type IssueKind, type IssueLang, type IssueParams, issueText } from './messages.ts';

export interface ScenarioIssue {
  /** Dotted path of the field, e.g. "population.pathology.adhd.prevalence". */
  readonly path: string;
  /** What is wrong (messages.ts has its text in each language). */
  readonly kind: IssueKind;
  /** What the text needs: bounds, allowed values, names. */
  readonly params: unknown;
  /** The English text (the command line's). */
  readonly message: string;
  /** The value found there (undefined when missing). */
  readonly value?: unknown;
}

/** A problem at `path` of kind `kind`, with its English text. */
export function scenarioIssue<K extends IssueKind>(
  path: string,
  kind: K,
  params: IssueParams[K],
  value?: unknown,
): ScenarioIssue {
  const i = { path, kind, params, message: issueText(kind, params, 'en') };
  return value === undefined ? i : { ...i, value };
}

/** The text of a problem in `lang` (English: its `message`). */
export function issueMessage(i: ScenarioIssue, lang: IssueLang = 'en'): string {
  return lang === 'en' ? i.message : issueText(i.kind, i.params, lang);
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

/** "path: message (found value)", in `lang`. */
export function formatIssue(i: ScenarioIssue, lang: IssueLang = 'en'): string {
  const found = i.value === undefined ? '' : foundText(preview(i.value), lang);
  return `${i.path}: ${issueMessage(i, lang)}${found}`;
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

const IDENTIFIER_PATTERN = String(/^[a-zA-Z][a-zA-Z0-9_]*$/);
const HAZARD_KEY_PATTERN = String(/^[0-3]->[0-3]$/);

type Kinded = { [K in IssueKind]: { kind: K; params: IssueParams[K] } }[IssueKind];

/** A string-format problem: the two name patterns of the schema have words of their own. */
function formatKind(issue: { format?: string; pattern?: unknown; message: string }): Kinded {
  if (issue.format === 'regex' && issue.pattern !== undefined) {
    const pattern = String(issue.pattern);
    if (pattern === IDENTIFIER_PATTERN) return { kind: 'identifier', params: {} };
    if (pattern === HAZARD_KEY_PATTERN) return { kind: 'hazardKey', params: {} };
    return { kind: 'pattern', params: { pattern } };
  }
  return { kind: 'other', params: { text: issue.message } };
}

/** The kind and parameters of one zod issue. Custom issues of the schema carry theirs in `params`. */
function kindOf(issue: z.core.$ZodIssue, value: unknown): Kinded {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return { kind: 'wholeNumber', params: {} };
      return value === undefined
        ? { kind: 'missing', params: { expected: issue.expected } }
        : { kind: 'wrongType', params: { expected: issue.expected } };
    case 'too_small': {
      const bound = Number(issue.minimum);
      if (issue.origin === 'array')
        return issue.exact
          ? { kind: 'exactItems', params: { count: bound } }
          : { kind: 'minItems', params: { count: bound, inclusive: issue.inclusive ?? true } };
      if (issue.origin === 'string') return { kind: 'minLength', params: { count: bound } };
      return { kind: 'min', params: { bound, inclusive: issue.inclusive ?? true } };
    }
    case 'too_big': {
      const bound = Number(issue.maximum);
      if (issue.origin === 'array')
        return issue.exact
          ? { kind: 'exactItems', params: { count: bound } }
          : { kind: 'maxItems', params: { count: bound, inclusive: issue.inclusive ?? true } };
      if (issue.origin === 'string') return { kind: 'maxLength', params: { count: bound } };
      return { kind: 'max', params: { bound, inclusive: issue.inclusive ?? true } };
    }
    case 'invalid_key': {
      // zod 4 words a bad record key "Invalid key in record"; the key's own problem is inside.
      const inner = issue.issues.map((x) => (x.code === 'invalid_format' ? formatKind(x).kind : 'other'));
      const rule = inner.includes('hazardKey') ? 'hazardKey' : inner.includes('identifier') ? 'identifier' : 'other';
      return { kind: 'badKey', params: { rule } };
    }
    case 'unrecognized_keys':
      return { kind: 'unknownFields', params: { keys: issue.keys } };
    case 'invalid_value':
      return { kind: 'oneOf', params: { values: issue.values.map((v) => JSON.stringify(v)) } };
    case 'not_multiple_of':
      return Number(issue.divisor) === 1
        ? { kind: 'wholeNumber', params: {} }
        : { kind: 'multipleOf', params: { divisor: Number(issue.divisor) } };
    case 'invalid_format':
      return formatKind(issue);
    case 'custom': {
      const p = issue.params as { kind?: IssueKind } | undefined;
      if (p?.kind) {
        const { kind, ...params } = p;
        return { kind, params } as Kinded;
      }
      return { kind: 'other', params: { text: issue.message } };
    }
    default:
      return { kind: 'other', params: { text: issue.message } };
  }
}

/**
 * A custom issue of the schema (superRefine, refine): its kind and parameters travel in zod's
 * `params`, and its English text is the message.
 */
export function customIssue<K extends IssueKind>(kind: K, params: IssueParams[K], path?: (string | number)[]) {
  return {
    code: 'custom' as const,
    ...(path ? { path } : {}),
    message: issueText(kind, params, 'en'),
    params: { kind, ...params },
  };
}

/**
 * A text that may be a plain string or { en, nl } fails as a union. When the value has the
 * shape of one of the two (an object), that one's own problems are the clear ones
 * ("question.nl: is missing"); when it has neither, the problem is the kind of value.
 */
function unionIssues(issue: z.core.$ZodIssueInvalidUnion): z.core.$ZodIssue[] {
  const wrongType = (branch: z.core.$ZodIssue[]) =>
    branch.some((x) => x.code === 'invalid_type' && x.path.length === 0);
  const fitting = issue.errors.filter((b) => !wrongType(b));
  if (fitting.length === 1) return fitting[0].map((x) => ({ ...x, path: [...issue.path, ...x.path] }));
  return [customIssue('localText', {}, issue.path as (string | number)[]) as unknown as z.core.$ZodIssue];
}

/** Turns zod issues into messages a researcher can act on. */
export function fromZod(error: z.ZodError, input: unknown): ScenarioIssue[] {
  const issues = error.issues.flatMap((i) => (i.code === 'invalid_union' ? unionIssues(i) : [i]));
  return issues.map((issue) => {
    const value = valueAt(input, issue.path);
    const { kind, params } = kindOf(issue, value);
    return scenarioIssue(
      formatPath(issue.path),
      kind,
      params as never,
      issue.code === 'unrecognized_keys' ? undefined : value,
    );
  });
}
