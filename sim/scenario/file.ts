/**
 * Reading scenario files in Node: JSON parse errors with the file name and position, and
 * `extends` resolved relative to the file that names it.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ScenarioError } from './errors.ts';
import { isPlainObject, resolveExtends, validateScenario, withOverrides, type ScenarioData } from './resolve.ts';
import type { Scenario } from './schema.ts';

export function readScenarioData(path: string): ScenarioData {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ScenarioError(path, [
      { path: '(file)', message: `cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` },
    ]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ScenarioError(path, [{ path: '(file)', message: `is not valid JSON: ${(err as Error).message}` }]);
  }
  if (!isPlainObject(data))
    throw new ScenarioError(path, [{ path: '(top level)', message: 'a scenario is a JSON object', value: data }]);
  return data;
}

/** The fully resolved data of a scenario file (extends applied), not yet validated. */
export function resolveScenarioFile(path: string): ScenarioData {
  const full = resolve(path);
  return resolveExtends(readScenarioData(full), full, (ref, from) => {
    const p = resolve(dirname(from), ref);
    return { data: readScenarioData(p), name: p };
  });
}

export function loadScenarioFile(
  path: string,
  overrides: { seed?: number; agents?: number; weeks?: number } = {},
): Scenario {
  return validateScenario(withOverrides(resolveScenarioFile(path), overrides), path);
}
