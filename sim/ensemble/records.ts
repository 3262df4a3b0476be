/**
 * Run records: what one finished run of a plan leaves behind (`DIR/runs/<job-id>.json`).
 * Aggregate files are always rebuilt from these records, read back from disk, so an ensemble
 * gives the same aggregate files whether it ran in one go, was resumed, or was run as shards
 * and merged. Numbers survive the JSON round trip exactly (JavaScript prints the shortest text
 * that reads back as the same double).
 */
import type { JobResult } from '../api/types.ts';
import type { Job, Plan } from './plan.ts';

export const RUN_FORMAT = 'radsim-run/1';

export interface RunRecord {
  format: string;
  /** Hash of the plan the run belongs to. */
  plan: string;
  job: string;
  index: number;
  variant: number;
  replicate: number;
  seed: number;
  weeks: number;
  outcomes: Record<string, number>;
  /** The plan's series columns, rows 0..weeks-1. */
  series: Record<string, number[]>;
  /** The run's summary (totals, transitions, macro events), without timing. */
  summary: Record<string, unknown>;
  /** Wall-clock seconds of the run on its worker; informative, never aggregated. */
  seconds?: number;
  /** SHA-256 of the file's content, added when the file is written (cli/checksum.ts). */
  checksum?: string;
}

export function runRecord(plan: Plan, job: Job, result: JobResult, seconds?: number): RunRecord {
  if (result.id !== job.id) throw new Error(`result for job ${result.id} given for job ${job.id}`);
  const series: Record<string, number[]> = {};
  result.series.columns.forEach((c, i) => (series[c] = Array.from(result.series.values[i])));
  return {
    format: RUN_FORMAT,
    plan: plan.hash,
    job: job.id,
    index: job.index,
    variant: job.variant,
    replicate: job.replicate,
    seed: job.seed,
    weeks: result.weeks,
    outcomes: result.outcomes,
    series,
    summary: result.summary,
    ...(seconds === undefined ? {} : { seconds }),
  };
}

/** The text of a run file: one JSON object, one line per field. */
export function runRecordText(rec: RunRecord): string {
  const lines = Object.entries(rec).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

/**
 * Parses a run file and checks it belongs to `plan` as `job`; returns null with a reason when
 * it does not (a resumed or merged ensemble then runs the job again or reports the clash).
 */
export function parseRunRecord(text: string, plan: Plan, job: Job): { record: RunRecord | null; reason: string } {
  let rec: RunRecord;
  try {
    rec = JSON.parse(text) as RunRecord;
  } catch (err) {
    return { record: null, reason: `is not valid JSON (${(err as Error).message})` };
  }
  if (rec === null || typeof rec !== 'object' || rec.format !== RUN_FORMAT)
    return { record: null, reason: `is not a ${RUN_FORMAT} file` };
  if (rec.plan !== plan.hash) return { record: null, reason: `belongs to plan ${rec.plan}, not ${plan.hash}` };
  if (rec.job !== job.id || rec.index !== job.index || rec.seed !== job.seed)
    return { record: null, reason: `holds job ${rec.job}, expected ${job.id}` };
  for (const o of plan.outcomes)
    if (typeof rec.outcomes?.[o] !== 'number') return { record: null, reason: `has no outcome ${o}` };
  for (const c of plan.series)
    if (!Array.isArray(rec.series?.[c]) || rec.series[c].length !== rec.weeks)
      return { record: null, reason: `has no series ${c}` };
  return { record: rec, reason: '' };
}

/** True when two records of the same job hold the same results (timing and checksum aside). */
export function sameResults(a: RunRecord, b: RunRecord): boolean {
  const strip = ({ seconds: _s, checksum: _c, ...rest }: RunRecord) => rest;
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}
