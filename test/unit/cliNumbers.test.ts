/**
 * Numbers on the command line (cli/args.ts intOption, the --vary values of sweep) and in share
 * links are plain decimal: "", "1e3", "0x10", " 5" and the like are a usage error naming the
 * option, not 0, 1,000 or 16.
 */
import { describe, expect, it } from 'vitest';
import { intOption, MAX_SEED, UsageError } from '../../cli/args.ts';
import { PlanError } from '../../sim/ensemble/planError.ts';
import { parseVary } from '../../sim/ensemble/sweepDesign.ts';
import type { Scenario } from '../../sim/scenario/schema.ts';
import { parseShareQuery } from '../../web/compareData.ts';
import { radsim } from '../ensemble/helpers.ts';
import { base } from './scenarioData.ts';

describe('intOption', () => {
  it('reads plain decimal digits', () => {
    expect(intOption('seed', '0')).toBe(0);
    expect(intOption('seed', '42')).toBe(42);
    expect(intOption('seed', '007')).toBe(7);
    expect(intOption('seed', String(MAX_SEED), 0, MAX_SEED)).toBe(MAX_SEED);
    expect(intOption('seed', undefined)).toBeUndefined();
  });

  it('refuses everything else, naming the option and what it takes', () => {
    for (const text of [
      '',
      ' ',
      '1e3',
      '0x10',
      '0b11',
      '0o7',
      '+5',
      '-1',
      ' 5',
      '5 ',
      '1.0',
      '1_000',
      'Infinity',
      'NaN',
      '١٢',
    ]) {
      expect(() => intOption('agents', text), JSON.stringify(text)).toThrow(UsageError);
    }
    expect(() => intOption('weeks', '0x10', 1)).toThrow(
      '--weeks must be a whole number >= 1 in plain decimal digits (such as 42), got "0x10"',
    );
    expect(() => intOption('seed', String(MAX_SEED + 1), 0, MAX_SEED)).toThrow(/from 0 to 4294967295/);
    expect(() => intOption('agents', '9'.repeat(20))).toThrow(UsageError);
  });

  it('on the command line: --seed "", --agents 1e3 and --weeks 0x10 are usage errors (exit 2), and nothing runs', async () => {
    for (const args of [
      ['--seed', ''],
      ['--agents', '1e3'],
      ['--weeks', '0x10'],
    ]) {
      const r = await radsim(['run', 'scenarios/baseline.json', '--out', '/nonexistent/never-written', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain(`--${args[0].slice(2)} must be a whole number`);
    }
    const w = await radsim(['compare', 'a.json', 'b.json', '--out', '/nonexistent/x', '--workers', '100000']);
    expect(w.code).toBe(2);
    expect(w.err).toMatch(/--workers must be a whole number from 0 to 256/);
  });
});

describe('sweep values', () => {
  const vary = (spec: string) => () => parseVary(spec, base as Scenario, false);
  it('take decimal notation, with a fraction or an exponent', () => {
    expect(parseVary('influence.mu=0.1,.2,1e-1,+0.3', base as Scenario, false).values).toEqual([0.1, 0.2, 0.1, 0.3]);
  });
  it('refuse hexadecimal, empty values and Infinity', () => {
    for (const spec of ['influence.mu=0x1', 'influence.mu=0.1,,0.2', 'influence.mu=Infinity', 'influence.mu=1e999'])
      expect(vary(spec), spec).toThrow(PlanError);
    expect(vary('influence.mu=0:1:0x3')).toThrow(/n must be a whole number/);
  });
});

describe('share links', () => {
  it('take digits only for replicates, agents and weeks', () => {
    const known = ['baseline', 'capacity-cut'];
    expect(parseShareQuery('s=baseline,capacity-cut&r=4&a=2000&w=52', known).settings.weeks).toBe(52);
    expect(() => parseShareQuery('s=baseline,capacity-cut&a=1e3&w=0x10&r=', known)).toThrow(
      /replicates must be .*\(found ""\)\nagents must be a whole number from 100 to 100000 \(found "1e3"\)\nweeks must be .*\(found "0x10"\)/,
    );
  });
});
