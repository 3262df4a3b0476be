/**
 * The record of a run that never ran: a plan's job with made-up outcomes, for tests of what is
 * computed from run records (aggregation, reports, the precision rule) without running the model.
 * It goes through `runRecord`, as a worker's result does, so it has the record's shape.
 */
import type { Job, Plan } from '../../sim/ensemble/plan.ts';
import { type RunRecord, runRecord } from '../../sim/ensemble/records.ts';

export function madeUpRecord(
  plan: Plan,
  job: Job,
  outcomes: Record<string, number>,
  rest: { weeks?: number; series?: Record<string, number[]>; seconds?: number } = {},
): RunRecord {
  const weeks = rest.weeks ?? 2;
  const series = rest.series ?? {};
  const columns = Object.keys(series);
  const values = columns.map((c) => Float64Array.from(series[c]));
  return runRecord(
    plan,
    job,
    { id: job.id, weeks, outcomes, series: { columns, weeks, values }, summary: {} },
    rest.seconds,
  );
}
