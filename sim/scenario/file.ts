/**
 * Reading scenario files in Node: only regular files of bounded size, JSON checked by
 * parseScenarioText (errors by line and column, never an excerpt), and `extends` resolved
 * relative to the file that names it.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ScenarioError, scenarioIssue } from './errors.ts';
import type { IssueKind, IssueParams } from './messages.ts';
import { parseScenarioText, SCENARIO_LIMITS } from './input.ts';
import { resolveExtends, validateScenario, withOverrides, type ScenarioData } from './resolve.ts';
import type { Scenario } from './schema.ts';

const fileError = <K extends IssueKind>(path: string, kind: K, params: IssueParams[K]) =>
  new ScenarioError(path, [scenarioIssue('(file)', kind, params)]);

/**
 * The text of a scenario file. Devices, pipes and directories are refused before they are
 * opened (reading /dev/zero would never end; opening a pipe would wait for a writer), and a
 * file over the size limit before it is read.
 */
function readScenarioText(path: string): string {
  const tooLarge = (bytes: number) =>
    fileError(path, 'tooLarge', { size: bytes, max: SCENARIO_LIMITS.size, unit: 'bytes' });
  const unreadable = (err: unknown) =>
    fileError(path, 'unreadable', { code: (err as NodeJS.ErrnoException).code ?? (err as Error).message });
  let fd: number;
  try {
    if (!statSync(path).isFile()) throw fileError(path, 'notRegularFile', {});
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    if (err instanceof ScenarioError) throw err;
    throw unreadable(err);
  }
  try {
    // The file opened may not be the one checked (a rename in between): check it again.
    const st = fstatSync(fd);
    if (!st.isFile()) throw fileError(path, 'notRegularFile', {});
    if (st.size > SCENARIO_LIMITS.size) throw tooLarge(st.size);
    // Read at most one byte past the limit, whatever the size said (the file may grow).
    const buf = Buffer.alloc(SCENARIO_LIMITS.size + 1);
    let n = 0;
    for (;;) {
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
      if (n === buf.length) throw tooLarge(n);
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, n));
    } catch {
      throw fileError(path, 'notUtf8', {});
    }
  } catch (err) {
    if (err instanceof ScenarioError) throw err;
    throw unreadable(err);
  } finally {
    closeSync(fd);
  }
}

export function readScenarioData(path: string): ScenarioData {
  return parseScenarioText(readScenarioText(path), path);
}

/** The fully resolved data of a scenario file (extends applied), not yet validated. */
export function resolveScenarioFile(path: string): ScenarioData {
  const full = resolve(path);
  return resolveExtends(readScenarioData(full), full, (ref, from) => {
    if (!ref.toLowerCase().endsWith('.json'))
      throw new ScenarioError(from, [scenarioIssue('extends', 'extendsJson', {}, ref)]);
    const p = resolve(dirname(from), ref);
    return { data: readScenarioData(p), name: p };
  });
}

export function loadScenarioFile(
  path: string,
  overrides: { seed?: number; agents?: number; weeks?: number; burnInWeeks?: number } = {},
): Scenario {
  return validateScenario(withOverrides(resolveScenarioFile(path), overrides), path);
}
