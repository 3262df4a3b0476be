/**
 * `radsim run --save-state` and `--from-state`: a run saved at week k and continued to W writes
 * the same series, routes and scenario files, byte for byte, as one run of W weeks; a state
 * with another scenario is refused with the differing fields named, and nothing is written.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { differingFiles, radsim, ROOT, tempDir } from '../ensemble/helpers.ts';

const SCENARIO = join(ROOT, 'scenarios', 'information-sharing.json');
const SIZE = ['--agents', '2000', '--routes', '8', '--quiet'];

describe('radsim run with a saved state', () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);
  const at = (name: string) => join(tmp.dir, name);

  it('saving at week 20 and running 30 more weeks writes the files of one 50-week run', async () => {
    expect((await radsim(['run', SCENARIO, ...SIZE, '--weeks', '50', '--out', at('whole')])).code).toBe(0);
    const first = await radsim([
      'run',
      SCENARIO,
      ...SIZE,
      '--weeks',
      '20',
      '--out',
      at('first'),
      '--save-state',
      at('w20.state'),
    ]);
    expect(first.code).toBe(0);
    const rest = await radsim([
      'run',
      '--from-state',
      at('w20.state'),
      '--weeks',
      '30',
      '--out',
      at('rest'),
      '--quiet',
    ]);
    expect(rest.code).toBe(0);
    expect(differingFiles(at('whole'), at('rest'), ['series.csv', 'routes.json', 'scenario.json'])).toEqual([]);
    const summary = JSON.parse(readFileSync(at('rest/summary.json'), 'utf8'));
    expect(summary.resumedFromWeek).toBe(20);
  });

  it('refuses a scenario file whose model parameters differ, naming them, and writes nothing', async () => {
    const other = join(ROOT, 'scenarios', 'baseline.json');
    const r = await radsim(['run', '--from-state', at('w20.state'), '--weeks', '5', '--out', at('refused'), other]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /the scenario differs from the one of the saved run in .*practice\.triage\.informationSharing/,
    );
    expect(existsSync(at('refused'))).toBe(false);
  });

  it('refuses a state file of another format version', async () => {
    const bytes = readFileSync(at('w20.state'));
    bytes.writeUInt32LE(2, 8);
    writeFileSync(at('v2.state'), bytes);
    const r = await radsim(['run', '--from-state', at('v2.state'), '--weeks', '5', '--out', at('v2')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/format version 2; this radsim reads version 1/);
  });

  it('asks for --weeks with --from-state', async () => {
    const r = await radsim(['run', '--from-state', at('w20.state'), '--out', at('x')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--from-state needs --weeks N/);
  });
});
