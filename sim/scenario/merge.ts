/**
 * Deep merge of scenario data, shared by `extends` (sim/scenario/resolve.ts) and the per-region
 * overrides (sim/scenario/regions.ts): objects merge key by key, arrays and values replace.
 */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Deep merge for scenario data: `over` wins; objects merge, everything else replaces. */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return structuredClone(over);
  const out: Record<string, unknown> = structuredClone(base);
  for (const [k, v] of Object.entries(over)) {
    // defineProperty, so that a "__proto__" key stays a key (and the schema reports it).
    const value = Object.hasOwn(out, k) ? deepMerge(out[k], v) : structuredClone(v);
    Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
