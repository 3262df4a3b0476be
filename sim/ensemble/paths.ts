/**
 * Dotted paths into scenario data, for `--vary`: `influence.mu`, `phases.constants.a01`,
 * `regions[0].share`, `triggers.catalogue[3].perYear`, `macro.types["attackAbroad"].threat`.
 * A path must lead to an existing number or true/false value of the resolved scenario; any
 * other path is an error that names the first part that does not exist and what does.
 */
import { isPlainObject } from '../scenario/resolve.ts';

export type PathSegment = string | number;

export class PathError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'PathError';
  }
}

/** `a.b[2]["c-d"].e` -> ['a', 'b', 2, 'c-d', 'e']. */
export function parsePath(path: string): PathSegment[] {
  const segs: PathSegment[] = [];
  let i = 0;
  const fail = (what: string): never => {
    throw new PathError(
      path,
      `${what} at character ${i + 1}; write a path like influence.mu, regions[0].share or phases.constants.a01`,
    );
  };
  if (path.length === 0) fail('empty path');
  while (i < path.length) {
    if (path[i] === '[') {
      const close = path.indexOf(']', i);
      if (close < 0) fail('unclosed [');
      const inner = path.slice(i + 1, close).trim();
      if (/^\d+$/.test(inner)) segs.push(Number(inner));
      else if (/^"[^"]*"$/.test(inner) || /^'[^']*'$/.test(inner)) segs.push(inner.slice(1, -1));
      else fail(`[${inner}] is neither an index nor a quoted key`);
      i = close + 1;
      if (i < path.length && path[i] !== '.' && path[i] !== '[') fail('expected . or [ after ]');
      if (path[i] === '.') {
        i++;
        if (i >= path.length) fail('path ends with .');
      }
      continue;
    }
    const m = /^[A-Za-z_$][\w$]*/.exec(path.slice(i));
    if (!m) fail(`unexpected "${path[i]}"`);
    segs.push(m![0]);
    i += m![0].length;
    if (i < path.length) {
      if (path[i] === '.') {
        i++;
        if (i >= path.length) fail('path ends with .');
      } else if (path[i] !== '[') fail(`unexpected "${path[i]}"`);
    }
  }
  return segs;
}

/** The value at a path; throws PathError naming the first missing part and what exists there. */
export function getPath(data: unknown, path: string): unknown {
  let cur: unknown = data;
  let walked = '';
  for (const seg of parsePath(path)) {
    const here = walked || '(top level)';
    if (typeof seg === 'number') {
      if (!Array.isArray(cur)) throw new PathError(path, `${here} is not a list, so [${seg}] does not exist`);
      if (seg >= cur.length)
        throw new PathError(path, `${here} has ${cur.length} item(s), so [${seg}] does not exist (indices start at 0)`);
      cur = cur[seg];
      walked += `[${seg}]`;
    } else {
      if (!isPlainObject(cur)) throw new PathError(path, `${here} is ${describe(cur)}, so it has no field "${seg}"`);
      if (!Object.hasOwn(cur, seg)) {
        const fields = Object.keys(cur);
        throw new PathError(
          path,
          `unknown path: ${here} has no field "${seg}"; its fields are ${fields.map((f) => `"${f}"`).join(', ') || '(none)'}`,
        );
      }
      cur = cur[seg];
      walked += walked ? `.${seg}` : seg;
    }
  }
  return cur;
}

/** A deep copy of `data` with the value at `path` replaced (the path must exist). */
export function setPath<T>(data: T, path: string, value: unknown): T {
  getPath(data, path); // existence check with a good message
  const out = structuredClone(data);
  const segs = parsePath(path);
  let cur = out as unknown as Record<PropertyKey, unknown>;
  for (let s = 0; s < segs.length - 1; s++) cur = cur[segs[s]] as Record<PropertyKey, unknown>;
  cur[segs[segs.length - 1]] = value;
  return out;
}

export function describe(v: unknown): string {
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (v === null) return 'null';
  if (isPlainObject(v))
    return `an object (fields ${Object.keys(v)
      .map((f) => `"${f}"`)
      .join(', ')})`;
  if (typeof v === 'string') return `the text ${JSON.stringify(v)}`;
  return `the ${typeof v} ${String(v)}`;
}
