/**
 * Files of an ensemble output folder:
 *
 *   DIR/plan.json           the plan (sim/ensemble/plan.ts); its hash identifies every run file
 *   DIR/runs/<job-id>.json  one file per finished run, written when the run finishes
 *   DIR/<aggregates>        rebuilt from the run files when every run is there
 *   DIR/timing*.json        wall-clock times (never part of the results)
 *
 *   DIR/radsim-files.json   the manifest of the aggregate set (cli/output.ts)
 *
 * Units of atomicity: plan.json and each run file are written atomically (a temporary file
 * with a name unique to this host and process, then a rename), so an interruption never leaves
 * a half-written file and shards on different machines can share one folder; each carries a
 * SHA-256 checksum of its content, checked whenever it is read back (--resume, merge). The
 * aggregate files are written as one set (writeFileSet): the old set or the new, never a mix.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Job, parseRunRecord, type Plan, PLAN_FORMAT, planHash, type RunRecord } from '../sim/node.ts';
import { checksumProblem, withChecksum } from './checksum.ts';
import {
  OutputError,
  ownedFiles,
  removeFileSet,
  removeTemporaryFiles as removeStale,
  writeFileAtomic,
} from './output.ts';

export { writeFileAtomic } from './output.ts';

export const AGGREGATE_FILES = {
  compare: ['runs.csv', 'outcomes.csv', 'differences.csv', 'series_bands.csv', 'series_differences.csv', 'summary.md'],
  sweep: ['sweep.csv', 'sweep_points.csv', 'sensitivity.csv', 'summary.md'],
} as const;

/** Every aggregate file name (of either kind). */
const ALL_AGGREGATES = [...new Set<string>([...AGGREGATE_FILES.compare, ...AGGREGATE_FILES.sweep])];

/**
 * The aggregate files radsim wrote in DIR: those of its manifest, or in a folder written before
 * manifests, the aggregate names present beside a plan.json.
 */
export function ownedAggregates(dir: string): Set<string> {
  return ownedFiles(dir, existsSync(join(dir, 'plan.json')) ? ALL_AGGREGATES : []);
}

export function runsDir(dir: string): string {
  return join(dir, 'runs');
}

export function runFile(dir: string, jobId: string): string {
  return join(dir, 'runs', `${jobId}.json`);
}

/** The text of plan.json: the plan with the checksum of its content as the last field. */
export function planText(plan: Plan): string {
  return `${JSON.stringify(withChecksum(plan), null, 2)}\n`;
}

export function writePlan(dir: string, plan: Plan): void {
  mkdirSync(runsDir(dir), { recursive: true });
  writeFileAtomic(join(dir, 'plan.json'), planText(plan));
}

/** The plan stored in DIR, or null when there is none; throws an OutputError on a damaged or edited plan file. */
export function readPlan(dir: string): Plan | null {
  const path = join(dir, 'plan.json');
  if (!existsSync(path)) return null;
  let plan: Plan;
  try {
    plan = JSON.parse(readFileSync(path, 'utf8')) as Plan;
  } catch (err) {
    throw new OutputError(`${path} is not valid JSON (${(err as Error).message})`);
  }
  if (plan?.format !== PLAN_FORMAT)
    throw new OutputError(
      `${path} is not a radsim plan (format ${JSON.stringify(plan?.format)}, expected ${PLAN_FORMAT})`,
    );
  const problem = checksumProblem(plan);
  if (problem) throw new OutputError(`${path} ${problem}`);
  if (planHash(plan) !== plan.hash)
    throw new OutputError(`${path} was edited: its content does not match its hash ${plan.hash}`);
  const { checksum: _c, ...rest } = plan as Plan & { checksum?: string };
  return rest as Plan;
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
    const { record, reason } = readRunFile(path, plan, job);
    if (record) records.set(job.index, record);
    else invalid.push({ file: path, reason });
  }
  return { records, invalid };
}

/** A run file checked against its checksum and the plan. */
function readRunFile(path: string, plan: Plan, job: Job): { record: RunRecord | null; reason: string } {
  const text = readFileSync(path, 'utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { record: null, reason: `is not valid JSON (${(err as Error).message})` };
  }
  const problem = checksumProblem(value);
  if (problem) return { record: null, reason: problem };
  return parseRunRecord(text, plan, job);
}

/** Temporary names of radsim versions before cli/output.ts ("<file>.<host>.<pid>.<8 hex>.tmp"). */
const LEGACY_TEMPORARY =
  /^(plan\.json|timing.*\.json|[a-z_]+\.(csv|md)|[ps]\d+-r\d+\.json)\..+\.\d+\.[0-9a-f]{8}\.tmp$/;

/**
 * Removes temporary files left in DIR and DIR/runs by interrupted processes: of dead processes
 * on this host, and with `exclusive` (no shard of another machine writes here) all of them.
 */
export function removeTemporaryFiles(dir: string, exclusive: boolean): void {
  removeStale(dir, exclusive, LEGACY_TEMPORARY);
  removeStale(runsDir(dir), exclusive, LEGACY_TEMPORARY);
}

/** Run file names: the job ids of plan.ts. */
const RUN_FILE = /^[sp]\d+-r\d+\.json$/;

/**
 * Removes what radsim wrote in DIR (for --overwrite): the aggregate set, run files, plan.json
 * and timing files. Files radsim did not write stay, and so does runs/ if it holds any.
 */
export function clearOutput(dir: string): void {
  if (!existsSync(dir)) return;
  removeFileSet(dir, ownedAggregates(dir));
  const r = runsDir(dir);
  if (existsSync(r)) {
    removeStale(r, true, LEGACY_TEMPORARY);
    for (const f of readdirSync(r)) if (RUN_FILE.test(f)) rmSync(join(r, f), { force: true });
    if (readdirSync(r).length === 0) rmSync(r, { recursive: true, force: true });
  }
  rmSync(join(dir, 'plan.json'), { force: true });
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
