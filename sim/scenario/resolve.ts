/**
 * From scenario data to a validated Scenario: resolve `extends` chains (deep merge: objects
 * merge key by key, arrays and values replace; a guided `demo` is not inherited), apply overrides, validate with the schema.
 * Pure: reading files is the caller's job (the CLI in Node, the app in the browser).
 */
import { scenarioSchema, type Scenario } from './schema.ts';
import { fromZod, ScenarioError, type ScenarioIssue, scenarioIssue } from './errors.ts';
import { dataIssues, depthIssue, SCENARIO_LIMITS } from './input.ts';
import { deepMerge, isPlainObject } from './merge.ts';
import { regionParams } from './regions.ts';

export { deepMerge, isPlainObject } from './merge.ts';

export type ScenarioData = Record<string, unknown>;

/**
 * Resolves `extends`. `load(ref, from)` returns the data of the referenced scenario and a name
 * to resolve its own `extends` against (a path, in Node). The chain is followed in a loop and
 * is at most SCENARIO_LIMITS.extendsChain files long; each file's nesting is checked before
 * the merge, which recurses as deep as the data.
 */
export function resolveExtends(
  data: ScenarioData,
  name: string,
  load: (ref: string, from: string) => { data: ScenarioData; name: string },
): ScenarioData {
  const chain: { own: ScenarioData; name: string }[] = [];
  let current = { data, name };
  for (;;) {
    const seen = chain.map((c) => c.name);
    if (seen.includes(current.name))
      throw new ScenarioError(name, [scenarioIssue('extends', 'extendsCircular', { chain: [...seen, current.name] })]);
    if (chain.length >= SCENARIO_LIMITS.extendsChain)
      throw new ScenarioError(name, [
        scenarioIssue('extends', 'extendsTooLong', { max: SCENARIO_LIMITS.extendsChain, chain: seen.slice(0, 3) }),
      ]);
    const deep = depthIssue(current.data);
    if (deep) throw new ScenarioError(current.name, [deep]);
    const { extends: parentRef, ...own } = current.data;
    chain.push({ own, name: current.name });
    if (parentRef === undefined) break;
    if (typeof parentRef !== 'string')
      throw new ScenarioError(current.name, [scenarioIssue('extends', 'extendsPath', {}, parentRef)]);
    current = load(parentRef, current.name);
  }
  // A guided demo is not inherited: its stops and captions speak of the scenario that carries it.
  const own = (k: number): ScenarioData => {
    if (k === 0) return chain[0].own;
    const { demo: _, ...rest } = chain[k].own;
    return rest;
  };
  let out = own(chain.length - 1);
  for (let k = chain.length - 2; k >= 0; k--) out = deepMerge(out, own(k)) as ScenarioData;
  return out;
}

/** Validates resolved data; throws ScenarioError listing every problem. */
export function validateScenario(data: unknown, name = 'scenario'): Scenario {
  const deep = depthIssue(data);
  if (deep) throw new ScenarioError(name, [deep]);
  // Problems the schema would miss or word badly: "__proto__" keys (a record drops them),
  // numbers that are not finite ("expected number (found null)").
  const own = dataIssues(data);
  const result = scenarioSchema.safeParse(data);
  if (result.success && own.length === 0) {
    regionParams(result.data, name); // each region's merged parameters, checked once here
    return result.data;
  }
  const schemaIssues = result.success ? [] : fromZod(result.error, data);
  const issues = [...own, ...schemaIssues.filter((i) => !own.some((o) => o.path === i.path) && !onlyProto(i))];
  const missing = issues.filter((i) => i.kind === 'missing').length;
  if (missing > 5 && isPlainObject(data) && !('extends' in data))
    issues.unshift(scenarioIssue('extends', 'manyMissing', { count: missing }));
  throw new ScenarioError(name, issues);
}

/** The schema's unknown-key problem when the key is only "__proto__" (dataIssues reports it). */
const onlyProto = (i: ScenarioIssue) =>
  i.kind === 'unknownFields' && (i.params as { keys: string[] }).keys.join() === '__proto__';

/** Command-line style overrides of a resolved scenario (seed, agents, weeks). */
export function withOverrides(
  data: ScenarioData,
  o: { seed?: number; agents?: number; weeks?: number; burnInWeeks?: number },
): ScenarioData {
  const out = { ...data };
  if (o.burnInWeeks !== undefined) out.burnInWeeks = o.burnInWeeks;
  if (o.seed !== undefined) out.seed = o.seed;
  if (o.agents !== undefined) out.agents = o.agents;
  if (o.weeks !== undefined) out.weeks = o.weeks;
  return out;
}
