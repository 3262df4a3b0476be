/**
 * A calibration of the model as data: the base scenario, the free parameters with their
 * priors, the targets and the ABC-SMC settings, identified by a hash of its content (stored as
 * `DIR/calibration.json`), so that `--resume`, the shards and `merge` can check that the runs
 * and the state in a folder belong to it. Also: the scenario of one model run, and the run
 * records (one file per run) with their checks.
 */
import { hashValue } from '../ensemble/hash.ts';
import { setPath } from '../ensemble/paths.ts';
import { PlanError } from '../ensemble/planError.ts';
import { seriesColumns } from '../run/series.ts';
import { formatIssue, ScenarioError } from '../scenario/errors.ts';
import { validateScenario } from '../scenario/resolve.ts';
import type { Scenario } from '../scenario/schema.ts';
import { type AbcJob, type AbcProblem, type AbcSettings, settingsProblems } from './abcSmc.ts';
import { type ParameterPrior, parameterProblems } from './priors.ts';
import {
  parseTargets,
  type SeriesLike,
  type Target,
  targetColumns,
  type TargetsFile,
  targetStatistic,
} from './targets.ts';

export const CALIBRATION_FORMAT = 'radsim-calibration/1';
export const CALIBRATION_RUN_FORMAT = 'radsim-calibration-run/1';

export interface Calibration {
  format: string;
  /** Hash of everything except this field and the file names. */
  hash: string;
  radsimVersion: string;
  /** The scenario file as named (informative). */
  scenarioFile: string;
  /** The resolved, validated base scenario. */
  base: Scenario;
  /** The targets file as named (informative). */
  targetsFile: string;
  population: string;
  targets: Target[];
  params: ParameterPrior[];
  settings: AbcSettings;
}

export interface CalibrationInput {
  scenarioFile: string;
  base: Scenario;
  targetsFile: string;
  targets: TargetsFile;
  params: readonly ParameterPrior[];
  settings: AbcSettings;
  radsimVersion: string;
}

/**
 * Checks everything before anything runs (throws PlanError listing every problem): the
 * settings, the parameters' paths, the target columns, and that the base scenario with every
 * parameter at its lower bound, its upper bound and an inner point is a valid scenario (so a
 * prior range the scenario rules forbid is refused now, not in generation 3).
 */
export function createCalibration(input: CalibrationInput): Calibration {
  const problems = [...settingsProblems(input.settings)];
  if (input.params.length === 0) problems.push('name at least one free parameter: --param path=lo:hi or --priors FILE');
  problems.push(...parameterProblems(input.params, input.base));
  try {
    parseTargets(input.targets, input.targetsFile, seriesColumns(input.base));
  } catch (err) {
    if (!(err instanceof Error && 'problems' in err)) throw err;
    problems.push(...(err as { problems: string[] }).problems.map((p) => `${input.targetsFile}: ${p}`));
  }
  if (problems.length === 0) {
    for (const [label, at] of [
      ['lower bounds', 0],
      ['upper bounds', 1],
      ['an inner point', 0.382],
    ] as const) {
      const values = input.params.map((p) => p.lo + at * (p.hi - p.lo));
      try {
        validateScenario(applyValues(input.base, input.params, values), `parameters at their ${label}`);
      } catch (err) {
        if (!(err instanceof ScenarioError)) throw err;
        problems.push(
          `with the parameters at their ${label} (${input.params.map((p, j) => `${p.path}=${values[j]}`).join(', ')}) the scenario is invalid:\n${err.issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`,
        );
      }
    }
  }
  if (problems.length) throw new PlanError(problems, 'cannot calibrate');
  const c: Calibration = {
    format: CALIBRATION_FORMAT,
    hash: '',
    radsimVersion: input.radsimVersion,
    scenarioFile: input.scenarioFile,
    base: input.base,
    targetsFile: input.targetsFile,
    population: input.targets.population,
    targets: input.targets.targets,
    params: [...input.params],
    settings: { ...input.settings },
  };
  c.hash = calibrationHash(c);
  return c;
}

export function calibrationHash(c: Calibration): string {
  return hashValue({ ...c, hash: undefined, scenarioFile: undefined, targetsFile: undefined });
}

/** The algorithm's view of the calibration. */
export function abcProblem(c: Calibration): AbcProblem {
  return { settings: c.settings, params: c.params, intervals: c.targets.map((t) => t.interval) };
}

/** The base scenario with the parameter values set. */
export function applyValues(base: Scenario, params: readonly ParameterPrior[], values: readonly number[]): Scenario {
  let s = base;
  params.forEach((p, j) => {
    s = setPath(s, p.path, values[j]);
  });
  return s;
}

/** The scenario of one model run. */
export function jobScenario(c: Calibration, job: AbcJob): Scenario {
  return { ...applyValues(c.base, c.params, job.values), seed: job.seed };
}

/** Stable name of a run, also its file name: "g01-p000123-s0". */
export function jobId(job: AbcJob): string {
  return `g${String(job.generation).padStart(2, '0')}-p${String(job.proposal).padStart(6, '0')}-s${job.rep}`;
}

/** The series columns a run must send back. */
export function calibrationColumns(c: Calibration): string[] {
  return targetColumns(c.targets);
}

/** The statistic of every target in one run. */
export function runStatistics(c: Calibration, series: SeriesLike, agents: number): number[] {
  return c.targets.map((t) => targetStatistic(t, series, agents));
}

/** One finished model run, as stored in DIR/runs/gNN/<id>.json. */
export interface CalibrationRun {
  format: string;
  calibration: string;
  id: string;
  generation: number;
  proposal: number;
  rep: number;
  seed: number;
  values: number[];
  stats: number[];
  /** Wall-clock seconds of the run (informative; not part of the results). */
  seconds: number;
}

export function calibrationRun(c: Calibration, job: AbcJob, stats: number[], seconds: number): CalibrationRun {
  return {
    format: CALIBRATION_RUN_FORMAT,
    calibration: c.hash,
    id: jobId(job),
    generation: job.generation,
    proposal: job.proposal,
    rep: job.rep,
    seed: job.seed,
    values: job.values,
    stats,
    seconds,
  };
}

/** The run record of `job`, or the reason the text is not one. */
export function parseCalibrationRun(
  text: string,
  c: Calibration,
  job: AbcJob,
): { run: CalibrationRun; reason: null } | { run: null; reason: string } {
  let r: CalibrationRun;
  try {
    r = JSON.parse(text) as CalibrationRun;
  } catch {
    return { run: null, reason: 'is not valid JSON (an interrupted write?)' };
  }
  if (r?.format !== CALIBRATION_RUN_FORMAT) return { run: null, reason: 'is not a calibration run file' };
  if (r.calibration !== c.hash) return { run: null, reason: `belongs to another calibration (${r.calibration})` };
  if (
    r.id !== jobId(job) ||
    r.seed !== job.seed ||
    r.values.length !== job.values.length ||
    r.values.some((v, j) => v !== job.values[j])
  )
    return { run: null, reason: 'does not match the proposal of this generation (the state was changed?)' };
  if (!Array.isArray(r.stats) || r.stats.length !== c.targets.length || r.stats.some((x) => typeof x !== 'number'))
    return { run: null, reason: `must hold ${c.targets.length} statistics` };
  return { run: r, reason: null };
}
