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
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Data = any;

export function copy(): Data {
  return structuredClone(base);
}

/** Validates, expects a ScenarioError, returns its issues. */
export function issuesOf(data: unknown): readonly ScenarioIssue[] {
  try {
    validateScenario(data, 'test.json');
  } catch (err) {
    expect(err).toBeInstanceOf(ScenarioError);
    return (err as ScenarioError).issues;
  }
  throw new Error('expected the scenario to be rejected, but it validated');
}

export function issueAt(issues: readonly ScenarioIssue[], path: string): ScenarioIssue {
  const found = issues.find((i) => i.path === path);
  if (!found) throw new Error(`no issue at "${path}"; issues: ${JSON.stringify(issues)}`);
  return found;
}
