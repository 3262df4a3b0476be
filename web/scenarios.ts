/** The scenario library, bundled into the app; `extends` resolved as the CLI does. */
import { resolveExtends, validateScenario, type ScenarioData } from '../sim/scenario/resolve.ts';
import type { Scenario } from '../sim/scenario/schema.ts';

const files = import.meta.glob('../scenarios/*.json', { eager: true, import: 'default' }) as Record<string, ScenarioData>;

/** Raw scenario data by file name ("baseline.json"). */
export const library: Record<string, ScenarioData> = Object.fromEntries(
  Object.entries(files).map(([path, data]) => [path.slice(path.lastIndexOf('/') + 1), data]),
);

/** Names without ".json", baseline first. */
export const scenarioNames: string[] = Object.keys(library)
  .map((f) => f.replace(/\.json$/, ''))
  .sort((a, b) => (a === 'baseline' ? -1 : b === 'baseline' ? 1 : a.localeCompare(b)));

function load(ref: string): { data: ScenarioData; name: string } {
  const file = ref.replace(/^\.\//, '');
  const data = library[file];
  if (!data) throw new Error(`extends "${ref}": no such scenario in the library`);
  return { data, name: file };
}

/** Resolves `extends` of scenario data against the library. */
export function resolveData(data: ScenarioData, name: string): ScenarioData {
  return resolveExtends(data, name, load);
}

/** A library scenario, resolved (not validated). */
export function resolvedByName(name: string): ScenarioData {
  const file = `${name}.json`;
  if (!library[file]) throw new Error(`no scenario "${name}" in the library`);
  return resolveData(library[file], file);
}

export function validatedByName(name: string, o: { agents?: number; weeks?: number } = {}): Scenario {
  const d = { ...resolvedByName(name) };
  if (o.agents !== undefined) d.agents = o.agents;
  if (o.weeks !== undefined) d.weeks = o.weeks;
  return validateScenario(d, `${name}.json`);
}
