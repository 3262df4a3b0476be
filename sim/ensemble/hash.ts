/**
 * Canonical JSON and a 64-bit content hash, used to identify an ensemble plan: the hash goes
 * into `plan.json` and into every run file, so `--resume` and `merge` can tell whether a run
 * file belongs to the plan at hand. Not cryptographic: it guards against mistakes, not attacks.
 */

/**
 * JSON with object keys sorted at every level and no whitespace, so equal data always gives
 * equal text whatever the key order it was built with. Like JSON.stringify, it drops
 * `undefined` object fields and writes non-finite numbers as null.
 */
export function canonicalJSON(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (ArrayBuffer.isView(value)) return canonicalJSON(Array.from(value as unknown as ArrayLike<number>));
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJSON(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && typeof v !== 'function')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJSON(v)}`).join(',')}}`;
}

/**
 * 64-bit hash of a string as 16 hex digits: two independent 32-bit lanes (multiply-xorshift
 * over the UTF-16 code units, as in cyrb53), each finished with murmur3's avalanche.
 */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef ^ text.length;
  let h2 = 0x41c6ce57 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return hex8(fmix32(h1)) + hex8(fmix32(h2));
}

/** Hash of the canonical JSON of a value. */
export function hashValue(value: unknown): string {
  return hashText(canonicalJSON(value));
}

function fmix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function hex8(x: number): string {
  return (x >>> 0).toString(16).padStart(8, '0');
}
