/**
 * Files of an ensemble output folder:
 *
 *   DIR/plan.json           the plan (sim/ensemble/plan.ts); its hash identifies every run file
 *   DIR/runs/<job-id>.json  one file per finished run, written when the run finishes
 *   DIR/<aggregates>        rebuilt from the run files when every run is there
 *   DIR/timing*.json        wall-clock times (never part of the results)
 *
 * Every file is written atomically: a temporary file with a name unique to this host and
 * process, then a rename, so an interruption never leaves a half-written file and shards on
 * different machines can share one folder.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { type Job, parseRunRecord, type Plan, PLAN_FORMAT, planHash, type RunRecord } from '../sim/node.ts';

export const AGGREGATE_FILES = {
  compare: ['runs.csv', 'outcomes.csv', 'differences.csv', 'series_bands.csv', 'series_differences.csv', 'summary.md'],
  sweep: ['sweep.csv', 'sweep_points.csv', 'sensitivity.csv', 'summary.md'],
} as const;

/** Writes `text` to `path` through a uniquely named temporary file and a rename. */
export function writeFileAtomic(path: string, text: string): void {
  const tmp = `${path}.${hostname()}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

export function runsDir(dir: string): string {
  return join(dir, 'runs');
}

export function runFile(dir: string, jobId: string): string {
  return join(dir, 'runs', `${jobId}.json`);
}

export function planText(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

export function writePlan(dir: string, plan: Plan): void {
  mkdirSync(runsDir(dir), { recursive: true });
  writeFileAtomic(join(dir, 'plan.json'), planText(plan));
}

/** The plan stored in DIR, or null when there is none; throws on a damaged plan file. */
export function readPlan(dir: string): Plan | null {
  const path = join(dir, 'plan.json');
  if (!existsSync(path)) return null;
  let plan: Plan;
  try {
    plan = JSON.parse(readFileSync(path, 'utf8')) as Plan;
  } catch (err) {
    throw new Error(`${path} is not valid JSON (${(err as Error).message})`);
  }
  if (plan?.format !== PLAN_FORMAT)
    throw new Error(`${path} is not a radsim plan (format ${JSON.stringify(plan?.format)}, expected ${PLAN_FORMAT})`);
  if (planHash(plan) !== plan.hash)
    throw new Error(`${path} was edited: its content does not match its hash ${plan.hash}`);
  return plan;
}

/** Names of the *.json files in DIR/runs. */
export function runFileNames(dir: string): string[] {
  const r = runsDir(dir);
  if (!existsSync(r)) return [];
  return readdirSync(r)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

export interface StoredRuns {
  /** Valid records by job index. */
  records: Map<number, RunRecord>;
  /** Run files that exist but do not belong to the plan, with the reason. */
  invalid: { file: string; reason: string }[];
}

/** The valid run files in DIR for the given jobs of the plan. */
export function readRuns(dir: string, plan: Plan, jobs: readonly Job[]): StoredRuns {
  const present = new Set(runFileNames(dir));
  const records = new Map<number, RunRecord>();
  const invalid: StoredRuns['invalid'] = [];
  for (const job of jobs) {
    const name = `${job.id}.json`;
    if (!present.has(name)) continue;
    const path = runFile(dir, job.id);
    const { record, reason } = parseRunRecord(readFileSync(path, 'utf8'), plan, job);
    if (record) records.set(job.index, record);
    else invalid.push({ file: path, reason });
  }
  return { records, invalid };
}

/** Removes temporary files left in DIR/runs by an interrupted process (only when no one else writes there). */
export function removeTemporaryFiles(dir: string): void {
  const r = runsDir(dir);
  if (!existsSync(r)) return;
  for (const f of readdirSync(r)) if (f.endsWith('.tmp')) rmSync(join(r, f), { force: true });
}

/** Removes run files, aggregates and timing files (for --overwrite). */
export function clearOutput(dir: string): void {
  rmSync(runsDir(dir), { recursive: true, force: true });
  for (const f of [...AGGREGATE_FILES.compare, ...AGGREGATE_FILES.sweep, 'plan.json'])
    rmSync(join(dir, f), { force: true });
  if (existsSync(dir))
    for (const f of readdirSync(dir)) if (/^timing.*\.json$/.test(f)) rmSync(join(dir, f), { force: true });
}

export interface TimingSession {
  command: string;
  startedAt: string;
  shard: string | null;
  workers: number;
  /** Jobs of this plan (or shard). */
  planned: number;
  /** Finished before this session and not run again. */
  skipped: number;
  /** Finished in this session. */
  ran: number;
  interrupted: boolean;
  failed: string | null;
  wallSeconds: number;
  /** Sum of the run times of the runs of this session (worker time). */
  runSeconds: number;
}

export function timingFileName(shard: { k: number; n: number } | null): string {
  return shard ? `timing-shard-${shard.k}-of-${shard.n}.json` : 'timing.json';
}

/** Appends a session to DIR/timing*.json. */
export function appendTiming(dir: string, name: string, session: TimingSession | Record<string, unknown>): void {
  const path = join(dir, name);
  let sessions: unknown[] = [];
  try {
    const old = JSON.parse(readFileSync(path, 'utf8')) as { sessions?: unknown[] };
    if (Array.isArray(old.sessions)) sessions = old.sessions;
  } catch {
    // no timing file yet, or an unreadable one: start a new list
  }
  sessions.push(session);
  writeFileAtomic(
    path,
    `${JSON.stringify({ note: 'wall-clock times; not part of the results', sessions }, null, 2)}\n`,
  );
}
