/**
 * Targets and priors files: valid files are read as written; every mistake gives an error that
 * names the field and says what is allowed. Target statistics from a series.
 */
import { describe, expect, it } from 'vitest';
import { createCalibration } from '../../sim/calibrate/calibration.ts';
import { parameterProblems, parseParamOption, parsePriors } from '../../sim/calibrate/priors.ts';
import {
  CalibrationInputError,
  parseTargets,
  type Target,
  targetStatistic,
  WEEKS_PER_YEAR,
} from '../../sim/calibrate/targets.ts';
import { PlanError } from '../../sim/ensemble/planError.ts';
import { seriesColumns } from '../../sim/run/series.ts';
import { resolveScenarioFile } from '../../sim/scenario/file.ts';
import { validateScenario, withOverrides } from '../../sim/scenario/resolve.ts';
import { BASELINE } from '../ensemble/helpers.ts';

const GOOD_TARGET = {
  name: 'jihadist_group_action',
  description: 'people in the group or action phase with a jihadist ideology, per 100,000',
  statistic: { columns: ['ideology_jihadist_phase_2', 'ideology_jihadist_phase_3'], aggregate: 'mean', per: 100000 },
  interval: [1.5, 6.0],
  source: { title: 'Dreigingsbeeld', publisher: 'NCTV', year: 2019, link: 'https://example.org' },
  derivation: 'how the published figure became this interval',
  assumption: false,
};
const file = (targets: unknown[]) => ({ version: 1, population: 'the Netherlands, 15-64', targets });

/** The problems of an input that must fail. */
function problems(f: () => unknown): string[] {
  try {
    f();
  } catch (err) {
    if (err instanceof CalibrationInputError || err instanceof PlanError) return [...err.problems];
    throw err;
  }
  throw new Error('expected an error');
}

describe('targets file', () => {
  const base = validateScenario(withOverrides(resolveScenarioFile(BASELINE), { agents: 500, weeks: 52 }), 'baseline');
  const columns = seriesColumns(base);

  it('reads a valid file as written', () => {
    const t = parseTargets(file([GOOD_TARGET]), 'targets.json', columns);
    expect(t.population).toBe('the Netherlands, 15-64');
    expect(t.targets[0]).toMatchObject({
      name: 'jihadist_group_action',
      interval: [1.5, 6],
      statistic: { aggregate: 'mean', per: 100000 },
      assumption: false,
    });
  });

  it('names the field of every mistake', () => {
    const bad = problems(() =>
      parseTargets(
        {
          version: 2,
          targets: [
            { ...GOOD_TARGET, interval: [6, 1.5] },
            { ...GOOD_TARGET, name: 'b', statistic: { columns: ['phase_9'], aggregate: 'median', per: -1 } },
            { ...GOOD_TARGET, name: 'c', source: undefined, assumption: false, derivation: '' },
            { ...GOOD_TARGET, name: 'b' },
          ],
        },
        'targets.json',
        columns,
      ),
    );
    const text = bad.join('\n');
    expect(text).toContain('version: must be 1 (got 2)');
    expect(text).toContain('population: must be a text');
    expect(text).toContain('targets[0] ("jihadist_group_action").interval: lo must be below hi (got [6, 1.5])');
    expect(text).toContain('targets[1] ("b").statistic.columns: no series column "phase_9"');
    expect(text).toContain(
      'targets[1] ("b").statistic.aggregate: must be one of "mean", "perYear", "last" (got "median")',
    );
    expect(text).toContain('targets[1] ("b").statistic.per: must be a positive number');
    expect(text).toContain('targets[2] ("c").source: is required unless "assumption" is true');
    expect(text).toContain('targets[2] ("c").derivation: must be a text');
    expect(text).toContain('targets[3] ("b").name: "b" is used by an earlier target');
  });

  it('refuses an empty target list and a non-object', () => {
    expect(problems(() => parseTargets(file([]), 't.json'))).toEqual(['targets: must be a non-empty list of targets']);
    expect(problems(() => parseTargets([1], 't.json'))).toEqual(['the file must hold a JSON object']);
  });
});

describe('priors', () => {
  it('reads a priors file and --param options', () => {
    expect(
      parsePriors(
        {
          version: 1,
          parameters: [
            { path: 'influence.mu', prior: 'uniform', lo: 0.05, hi: 0.3 },
            { path: 'phases.constants.a01', prior: 'log-uniform', lo: 1e-4, hi: 1e-2, note: 'why' },
          ],
        },
        'priors.json',
      ),
    ).toEqual([
      { path: 'influence.mu', prior: 'uniform', lo: 0.05, hi: 0.3 },
      { path: 'phases.constants.a01', prior: 'log-uniform', lo: 1e-4, hi: 1e-2 },
    ]);
    expect(parseParamOption('influence.mu=0.05:0.3')).toEqual({
      path: 'influence.mu',
      prior: 'uniform',
      lo: 0.05,
      hi: 0.3,
    });
    expect(parseParamOption('a.b=1e-4:1e-2:log')).toEqual({ path: 'a.b', prior: 'log-uniform', lo: 1e-4, hi: 1e-2 });
  });

  it('names the field of every mistake', () => {
    const text = problems(() =>
      parsePriors(
        {
          version: 1,
          parameters: [
            { path: 'a', prior: 'normal', lo: 0, hi: 1 },
            { path: 'b', lo: 1, hi: 0 },
            { path: 'c', prior: 'log-uniform', lo: 0, hi: 1 },
            { path: 'd', lo: '0', hi: 1 },
            { path: 'e', lo: 0, hi: 1, sd: 2 },
          ],
        },
        'priors.json',
      ),
    ).join('\n');
    expect(text).toContain('parameters[0] ("a").prior: must be "uniform" or "log-uniform" (got "normal")');
    expect(text).toContain('parameters[1] ("b"): lo must be below hi (got lo 1, hi 0)');
    expect(text).toContain('parameters[2] ("c"): a log-uniform prior needs lo > 0 (got 0)');
    expect(text).toContain('parameters[3] ("d").lo: must be a number (got "0")');
    expect(text).toContain('parameters[4] ("e").sd: unknown field');
    expect(problems(() => parseParamOption('influence.mu=0.3'))).toEqual([
      'the range is lo:hi (uniform) or lo:hi:log (log-uniform)',
    ]);
    expect(problems(() => parseParamOption('influence.mu=a:1'))[0]).toContain('lo and hi must be numbers');
  });

  it('checks the paths against the scenario, as sweep --vary does', () => {
    const base = resolveScenarioFile(BASELINE);
    const found = parameterProblems(
      [
        { path: 'influence.muu', prior: 'uniform', lo: 0, hi: 1 },
        { path: 'seed', prior: 'uniform', lo: 0, hi: 1 },
        { path: 'influence', prior: 'uniform', lo: 0, hi: 1 },
      ],
      base,
    ).join('\n');
    expect(found).toContain('parameter influence.muu: influence.muu: unknown path: influence has no field "muu"');
    expect(found).toContain('parameter seed: the seed is not a parameter');
    expect(found).toContain('parameter influence: the value at this path is an object');
  });

  it('refuses a prior range the scenario rules forbid, before anything runs', () => {
    const base = validateScenario(withOverrides(resolveScenarioFile(BASELINE), { agents: 500, weeks: 52 }), 'baseline');
    const text = problems(() =>
      createCalibration({
        scenarioFile: 'baseline.json',
        base,
        targetsFile: 'targets.json',
        targets: parseTargets(file([GOOD_TARGET]), 'targets.json'),
        params: [{ path: 'influence.mu', prior: 'uniform', lo: 0.1, hi: 5 }],
        settings: {
          particles: 8,
          generations: 2,
          quantile: 0.5,
          minTolerance: 0,
          minAcceptance: 0.02,
          seedsPerParticle: 1,
          seed: 1,
          distance: 'euclidean',
        },
        radsimVersion: 'test',
      }),
    ).join('\n');
    expect(text).toContain('with the parameters at their upper bounds (influence.mu=5) the scenario is invalid');
    expect(text).toContain('influence.mu');
    expect(text).not.toContain('lower bounds');
  });
});

describe('target statistics', () => {
  // Two columns over 52 simulated weeks (rows 1..52; row 0 is the state before the first week).
  const weeks = 52;
  const a = Float64Array.from({ length: weeks + 1 }, (_, r) => (r === 0 ? 1000 : r));
  const b = Float64Array.from({ length: weeks + 1 }, () => 2);
  const series = { columns: ['a', 'b'], weeks: weeks + 1, values: [a, b] };
  const target = (aggregate: 'mean' | 'perYear' | 'last', per: number | null): Target => ({
    name: 't',
    description: '',
    statistic: { columns: ['a', 'b'], aggregate, per },
    interval: [0, 1],
    source: null,
    derivation: '',
    assumption: true,
  });

  it('sums the columns and aggregates over the simulated weeks', () => {
    // a + b over rows 1..52: 1..52 plus 2 each week; mean (53/2 + 2) = 28.5.
    expect(targetStatistic(target('mean', null), series, 100)).toBeCloseTo(28.5, 12);
    expect(targetStatistic(target('last', null), series, 100)).toBe(54);
    expect(targetStatistic(target('perYear', null), series, 100)).toBeCloseTo((28.5 * 52) / (52 / WEEKS_PER_YEAR), 9);
    expect(targetStatistic(target('mean', 1000), series, 500)).toBeCloseTo(57, 12);
  });
});
