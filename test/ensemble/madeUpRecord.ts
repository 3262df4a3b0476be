/**
 * The record of a run that never ran: a plan's job with made-up outcomes, for tests of what is
 * computed from run records (aggregation, reports, the precision rule) without running the model.
 */
import type { Job, Plan } from '../../sim/ensemble/plan.ts';
import { RUN_FORMAT, type RunRecord } from '../../sim/ensemble/records.ts';

export function madeUpRecord(
  plan: Plan,
  job: Job,
  outcomes: Record<string, number>,
  rest: { weeks?: number; series?: Record<string, number[]>; seconds?: number } = {},
): RunRecord {
  return {
    format: RUN_FORMAT,
    plan: plan.hash,
    job: job.id,
    index: job.index,
    variant: job.variant,
    replicate: job.replicate,
    seed: job.seed,
    weeks: rest.weeks ?? 2,
    outcomes,
    series: rest.series ?? {},
    summary: {},
    ...(rest.seconds === undefined ? {} : { seconds: rest.seconds }),
  };
}
