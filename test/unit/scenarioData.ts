/**
 * What the scenario tests share: the baseline resolved once, a deep copy of it per test, and
 * the issues a rejected scenario reports.
 */
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { ScenarioError, type ScenarioIssue } from '../../sim/scenario/errors.ts';
import { resolveScenarioFile } from '../../sim/scenario/file.ts';
import { validateScenario, type ScenarioData } from '../../sim/scenario/resolve.ts';

export const BASELINE = fileURLToPath(new URL('../../scenarios/baseline.json', import.meta.url));
// Resolved once; every test mutates its own structuredClone.
export const base: ScenarioData = resolveScenarioFile(BASELINE);
// biome-ignore lint/suspicious/noExplicitAny: scenario data edited freely in tests
export type Data = any;

export function copy(): Data {
  return structuredClone(base);
}

/** Runs `f`, expects it to throw a ScenarioError, returns that error. */
export function scenarioErrorOf(f: () => unknown): ScenarioError {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(ScenarioError);
    return err as ScenarioError;
  }
  throw new Error('expected a ScenarioError, but nothing was thrown');
}

/** Validates, expects a ScenarioError, returns its issues. */
export function issuesOf(data: unknown): readonly ScenarioIssue[] {
  return scenarioErrorOf(() => validateScenario(data, 'test.json')).issues;
}

export function issueAt(issues: readonly ScenarioIssue[], path: string): ScenarioIssue {
  const found = issues.find((i) => i.path === path);
  if (!found) throw new Error(`no issue at "${path}"; issues: ${JSON.stringify(issues)}`);
  return found;
}
