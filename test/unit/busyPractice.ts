/**
 * Library scenarios with a busy practice pipeline, for tests of the mechanics that must meet
 * open cases, queues and running case plans (snapshots, branching) at a few thousand agents. At
 * the calibrated defaults the PGA caseload is about 3 per 100,000, i.e. no open case at all in
 * most weeks of a 3,000-agent run; entry into the sensitivity phase ten times the default and
 * confused behaviour twenty times as visible (the caseload variant of test/model/practiceFacts)
 * give several open cases in the weeks these tests save and branch at.
 */
import { deepMerge, validateScenario } from '../../sim/scenario/resolve.ts';
import { resolveScenarioFile } from '../../sim/scenario/file.ts';
import type { Scenario } from '../../sim/scenario/schema.ts';

export const BUSY_PRACTICE = {
  phases: { constants: { a01: 0.005 } },
  practice: { signals: { confusion: { falseSignalShare: 0.1 } } },
};

/** The scenario file at `path`, with a busy practice pipeline and the given size. */
export function loadBusy(path: string, size: { agents: number; weeks: number; seed: number }): Scenario {
  return validateScenario(deepMerge(resolveScenarioFile(path), { ...BUSY_PRACTICE, ...size }), path);
}
