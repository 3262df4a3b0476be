/**
 * The folder of a calibration (`radsim calibrate --out DIR`): its files, and recording a batch
 * once its runs are there (by `calibrate` itself, or by `radsim merge` after the shards).
 *
 * Folder layout:
 *   DIR/calibration.json     what is calibrated (scenario, parameters, targets, settings) and its hash
 *   DIR/state.json           the algorithm's state, rewritten after every batch
 *   DIR/runs/gNN/<id>.json   one file per finished model run, written when the run finishes
 *   DIR/<report files>       rebuilt after every generation (sim/calibrate/report.ts)
 *   DIR/timing*.json         wall-clock times (never part of the results)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AbcJob,
  type AbcState,
  abcProblem,
  batchJobs,
  type Calibration,
  CALIBRATION_FORMAT,
  calibrationHash,
  calibrationJobId as jobId,
  calibrationReport,
  parseCalibrationRun,
  REPORT_FILES,
  recordBatch,
  type Shard,
  startAbc,
} from '../sim/node.ts';
import { UsageError } from './args.ts';
import { writeFileAtomic } from './ensembleFiles.ts';
import { checkNoForeignFiles, ownedFiles, recoverOutput, removeFileSet, writeFileSet } from './output.ts';

/** What the checks of a folder before a calibration runs in it depend on. */
export interface FolderOptions {
  dir: string;
  shard: Shard | null;
  resume: boolean;
  overwrite: boolean;
}

export function readCalibration(dir: string): Calibration | null {
  const path = join(dir, 'calibration.json');
  if (!existsSync(path)) return null;
  let c: Calibration;
  try {
    c = JSON.parse(readFileSync(path, 'utf8')) as Calibration;
  } catch (err) {
    throw new UsageError(`${path} is not valid JSON (${(err as Error).message})`);
  }
  if (c?.format !== CALIBRATION_FORMAT) throw new UsageError(`${path} is not a radsim calibration`);
  if (calibrationHash(c) !== c.hash)
    throw new UsageError(`${path} was edited: its content does not match its hash ${c.hash}`);
  return c;
}

export function readState(dir: string, c: Calibration): AbcState {
  const path = join(dir, 'state.json');
  if (!existsSync(path)) return startAbc(abcProblem(c));
  const st = JSON.parse(readFileSync(path, 'utf8')) as AbcState & { calibration?: string };
  if (st.calibration !== c.hash) throw new UsageError(`${path} belongs to another calibration (${st.calibration})`);
  delete st.calibration;
  return st;
}

export function writeState(dir: string, c: Calibration, state: AbcState): void {
  writeFileAtomic(join(dir, 'state.json'), `${JSON.stringify({ calibration: c.hash, ...state })}\n`);
}

export function runDir(dir: string, generation: number): string {
  return join(dir, 'runs', `g${String(generation).padStart(2, '0')}`);
}

export function runPath(dir: string, job: AbcJob): string {
  return join(runDir(dir, job.generation), `${jobId(job)}.json`);
}

/** The statistics of the jobs that have a valid run file (by job index); reports invalid files. */
export function storedResults(
  dir: string,
  c: Calibration,
  jobs: readonly AbcJob[],
): { found: Map<number, number[]>; invalid: string[] } {
  const found = new Map<number, number[]>();
  const invalid: string[] = [];
  const gen = jobs[0]?.generation;
  if (gen === undefined || !existsSync(runDir(dir, gen))) return { found, invalid };
  const present = new Set(readdirSync(runDir(dir, gen)));
  for (const job of jobs) {
    if (!present.has(`${jobId(job)}.json`)) continue;
    const r = parseCalibrationRun(readFileSync(runPath(dir, job), 'utf8'), c, job);
    if (r.run) found.set(job.index, r.run.stats);
    else invalid.push(`${runPath(dir, job)} ${r.reason}`);
  }
  return { found, invalid };
}

/** The report files, written as one set (cli/output.ts): a reader never sees a mix of two generations. */
export function writeReport(dir: string, c: Calibration, state: AbcState): void {
  writeFileSet(dir, 'calibrate', calibrationReport(c, state), ownedFiles(dir, reportFilesIn(dir)));
}

/** Without a manifest, the report files radsim wrote in a calibration folder. */
function reportFilesIn(dir: string): string[] {
  return existsSync(join(dir, 'calibration.json')) ? [...REPORT_FILES] : [];
}

function clearCalibration(dir: string): void {
  removeFileSet(dir, ownedFiles(dir, reportFilesIn(dir)));
  rmSync(join(dir, 'runs'), { recursive: true, force: true });
  for (const f of ['calibration.json', 'state.json']) rmSync(join(dir, f), { force: true });
  if (existsSync(dir))
    for (const f of readdirSync(dir)) if (/^timing.*\.json$/.test(f)) rmSync(join(dir, f), { force: true });
}

/** Checks DIR against the calibration and writes calibration.json; an exit code to stop with, or null. */
export function prepareDir(c: Calibration, o: FolderOptions): number | null {
  let existing: Calibration | null;
  try {
    existing = readCalibration(o.dir);
  } catch (err) {
    if (!o.overwrite) {
      process.stderr.write(`radsim calibrate: ${(err as Error).message}; use another --out, or --overwrite\n`);
      return 1;
    }
    existing = null;
  }
  if (o.overwrite && !o.shard) clearCalibration(o.dir);
  else if (existing && existing.hash !== c.hash) {
    process.stderr.write(
      `radsim calibrate: ${o.dir} holds a different calibration (${existing.hash}; this command's is ${c.hash}): the scenario, parameters, targets, settings or radsim version differ.\n` +
        `Continue it with "npx radsim calibrate --resume --out ${o.dir}", choose another --out, or --overwrite to discard it.\n`,
    );
    return 1;
  } else if (existing && !o.resume && !o.shard) {
    process.stderr.write(
      `radsim calibrate: ${o.dir} already holds this calibration. Continue it with --resume, start again with --overwrite, or choose another --out.\n`,
    );
    return 1;
  } else if (!existing && existsSync(join(o.dir, 'state.json'))) {
    process.stderr.write(
      `radsim calibrate: ${o.dir} holds a state.json but no calibration.json; choose another --out, or --overwrite\n`,
    );
    return 1;
  }
  // The report files will replace radsim's earlier ones, never a file radsim did not write.
  if (!o.shard) checkNoForeignFiles(o.dir, REPORT_FILES, ownedFiles(o.dir, reportFilesIn(o.dir)));
  mkdirSync(join(o.dir, 'runs'), { recursive: true });
  if (!existing || o.overwrite) writeFileAtomic(join(o.dir, 'calibration.json'), `${JSON.stringify(c, null, 2)}\n`);
  return null;
}

export function statusLine(c: Calibration, state: AbcState): string {
  if (!state.running) return `finished: ${state.stop?.text}`;
  const r = state.running;
  return `generation ${r.generation} of at most ${c.settings.generations}, batch ${r.batch} (proposals ${r.from} to ${r.to - 1}); ${r.kept.length} of ${c.settings.particles} particles accepted`;
}

/** Records the finished batch, writes the state (and the report after a generation). */
export function advance(c: Calibration, dir: string, state: AbcState, found: Map<number, number[]>): AbcState {
  const jobs = batchJobs(abcProblem(c), state);
  const stats = jobs.map((j) => {
    const s = found.get(j.index);
    if (!s) throw new Error(`internal: no result for job ${jobId(j)}`);
    return s;
  });
  const next = recordBatch(abcProblem(c), state, stats);
  writeState(dir, c, next);
  if (next.populations.length !== state.populations.length || !next.running) writeReport(dir, c, next);
  return next;
}

/**
 * `radsim merge DIR` on a calibration: records the current batch once every shard has run its
 * share, and says what comes next. Exit code 1 when runs are missing.
 */
export function mergeCalibration(dir: string, quiet: boolean): number {
  recoverOutput(dir);
  const c = readCalibration(dir)!;
  let state = readState(dir, c);
  if (!state.running) {
    if (!quiet) process.stdout.write(`radsim merge: ${dir}: ${statusLine(c, state)}\n`);
    writeReport(dir, c, state);
    return 0;
  }
  const jobs = batchJobs(abcProblem(c), state);
  const { found, invalid } = storedResults(dir, c, jobs);
  if (invalid.length) {
    process.stderr.write(
      `radsim merge: run files that do not belong to the calibration:\n${invalid.map((b) => `  ${b}`).join('\n')}\n`,
    );
    return 1;
  }
  const missing = jobs.filter((j) => !found.has(j.index));
  if (missing.length) {
    process.stderr.write(
      `radsim merge: ${missing.length} of the ${jobs.length} runs of ${statusLine(c, state)} are missing (${missing
        .slice(0, 8)
        .map(jobId)
        .join(
          ', ',
        )}${missing.length > 8 ? ', ...' : ''}).\nFinish the shards (npx radsim calibrate --out ${dir} --shard k/n) and merge again.\n`,
    );
    return 1;
  }
  state = advance(c, dir, state, found);
  if (!quiet)
    process.stdout.write(
      state.running
        ? `radsim merge: ${dir}: next is ${statusLine(c, state)}; run the shards again, then merge.\n`
        : `radsim merge: ${dir}: ${statusLine(c, state)}. Wrote ${join(dir, 'summary.md')}.\n`,
    );
  return 0;
}

/** True when DIR holds a calibration (for `radsim merge`). */
export function isCalibrationDir(dir: string): boolean {
  return existsSync(join(dir, 'calibration.json'));
}
