/**
 * From scenario data to a validated Scenario: resolve `extends` chains (deep merge: objects
 * merge key by key, arrays and values replace), apply overrides, validate with the schema.
 * Pure: reading files is the caller's job (the CLI in Node, the app in the browser).
 */
import { scenarioSchema, type Scenario } from './schema.ts';
import { fromZod, ScenarioError } from './errors.ts';

export type ScenarioData = Record<string, unknown>;

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

/**
 * Resolves `extends`. `load(ref, from)` returns the data of the referenced scenario and a name
 * to resolve its own `extends` against (a path, in Node).
 */
export function resolveExtends(
  data: ScenarioData,
  name: string,
  load: (ref: string, from: string) => { data: ScenarioData; name: string },
  seen: string[] = [],
): ScenarioData {
  if (seen.includes(name))
    throw new ScenarioError(name, [{ path: 'extends', message: `circular extends: ${[...seen, name].join(' -> ')}` }]);
  const { extends: parentRef, ...own } = data;
  if (parentRef === undefined) return own;
  if (typeof parentRef !== 'string')
    throw new ScenarioError(name, [
      { path: 'extends', message: 'must be the path of another scenario file', value: parentRef },
    ]);
  const parent = load(parentRef, name);
  const resolvedParent = resolveExtends(parent.data, parent.name, load, [...seen, name]);
  return deepMerge(resolvedParent, own) as ScenarioData;
}

/** Validates resolved data; throws ScenarioError listing every problem. */
export function validateScenario(data: unknown, name = 'scenario'): Scenario {
  const result = scenarioSchema.safeParse(data);
  if (!result.success) {
    const issues = fromZod(result.error, data);
    const missing = issues.filter((i) => i.message.startsWith('is missing')).length;
    if (missing > 5 && isPlainObject(data) && !('extends' in data)) {
      issues.unshift({
        path: 'extends',
        message: `${missing} fields are missing; a scenario usually starts with "extends": "baseline.json" and overrides only what differs`,
      });
    }
    throw new ScenarioError(name, issues);
  }
  return result.data;
}

/** Command-line style overrides of a resolved scenario (seed, agents, weeks). */
export function withOverrides(data: ScenarioData, o: { seed?: number; agents?: number; weeks?: number }): ScenarioData {
  const out = { ...data };
  if (o.seed !== undefined) out.seed = o.seed;
  if (o.agents !== undefined) out.agents = o.agents;
  if (o.weeks !== undefined) out.weeks = o.weeks;
  return out;
}
