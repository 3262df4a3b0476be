/**
 * `radsim calibrate` on the real model at a tiny size (500 agents x 52 weeks, 8 particles x 2
 * generations): the output files; the same files from two shards and `merge`, from a resumed
 * calibration and with worker threads; clear errors for bad input.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BASELINE, ROOT, radsim, tempDir } from '../ensemble/helpers.ts';

const TARGETS = join(ROOT, 'test', 'calibrate', 'fixtures', 'targets.json');
const ARGS = [
  BASELINE,
  '--targets',
  TARGETS,
  '--param',
  'influence.mu=0.05:0.3',
  '--param',
  'phases.constants.a01=0.0005:0.003:log',
  '--particles',
  '8',
  '--generations',
  '2',
  '--agents',
  '500',
  '--weeks',
  '52',
  '--seed',
  '5',
];
const RESULT_FILES = [
  'calibration.json',
  'state.json',
  'generations.csv',
  'particles.csv',
  'posterior.csv',
  'correlations.csv',
  'fit.csv',
  'summary.md',
];

describe('radsim calibrate', () => {
  const tmp = tempDir();
  const out = (name: string) => join(tmp.dir, name);
  const read = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8');
  afterAll(() => tmp.cleanup());

  it('writes the particles, generations, posterior and summary', async () => {
    const r = await radsim(['calibrate', ...ARGS, '--workers', '0', '--quiet', '--out', out('ref')]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    for (const f of RESULT_FILES) expect(existsSync(join(out('ref'), f))).toBe(true);
    const gens = read(out('ref'), 'generations.csv').trim().split('\n');
    expect(gens[0]).toBe('generation,tolerance,evaluated,accepted,acceptance_rate,particles,ess,complete');
    expect(gens).toHaveLength(3);
    expect(gens[1]).toMatch(/^0,Inf,8,8,1,8,8,true$/);
    const particles = read(out('ref'), 'particles.csv').trim().split('\n');
    expect(particles[0]).toBe(
      'generation,particle,proposal,weight,distance,influence.mu,phases.constants.a01,radicalising,action_per_year',
    );
    expect(particles).toHaveLength(1 + 2 * 8);
    expect(read(out('ref'), 'summary.md')).toContain('**Finished**: ran the 2 generation(s) asked for.');
    const status = await radsim(['calibrate', '--status', '--out', out('ref')]);
    expect(status.code).toBe(0);
  });

  it('gives the same files from two shards and merge', async () => {
    const dir = out('sharded');
    let rounds = 0;
    for (;;) {
      for (const k of [0, 1]) {
        const args = rounds === 0 ? ARGS : [];
        const r = await radsim(['calibrate', ...args, '--shard', `${k}/2`, '--workers', '0', '--quiet', '--out', dir]);
        expect(r.code).toBe(0);
      }
      const m = await radsim(['merge', dir, '--quiet']);
      expect(m.err).toBe('');
      expect(m.code).toBe(0);
      rounds++;
      const status = await radsim(['calibrate', '--status', '--out', dir]);
      if (status.code === 0) break;
      expect(status.code).toBe(3);
      expect(rounds).toBeLessThan(20);
    }
    expect(rounds).toBeGreaterThanOrEqual(2);
    for (const f of RESULT_FILES) expect(read(dir, f), f).toBe(read(out('ref'), f));
  });

  it('merge names the missing runs when a shard has not run', async () => {
    const dir = out('half');
    expect(
      (await radsim(['calibrate', ...ARGS, '--shard', '0/2', '--workers', '0', '--quiet', '--out', dir])).code,
    ).toBe(0);
    const m = await radsim(['merge', dir]);
    expect(m.code).toBe(1);
    expect(m.err).toContain('4 of the 8 runs of generation 0');
    expect(m.err).toContain('g00-p000001-s0');

    // The rest, resumed on one machine, ends with the files of the uninterrupted calibration.
    const r = await radsim(['calibrate', '--resume', '--workers', '0', '--quiet', '--out', dir]);
    expect(r.code).toBe(0);
    for (const f of RESULT_FILES) expect(read(dir, f), f).toBe(read(out('ref'), f));
  });

  it('gives the same files with two worker threads', async () => {
    const r = await radsim(['calibrate', ...ARGS, '--workers', '2', '--quiet', '--out', out('workers')]);
    expect(r.code).toBe(0);
    for (const f of RESULT_FILES) expect(read(out('workers'), f), f).toBe(read(out('ref'), f));
  });

  it('reads the project targets (calibration/targets.json) end to end', async () => {
    const targets = join(ROOT, 'calibration', 'targets.json');
    const names = (JSON.parse(readFileSync(targets, 'utf8')).targets as { name: string }[]).map((t) => t.name);
    const args = ARGS.map((a) => (a === TARGETS ? targets : a)).map((a) => (a === '2' ? '1' : a));
    const r = await radsim(['calibrate', ...args, '--workers', '0', '--quiet', '--out', out('project')]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const fit = read(out('project'), 'fit.csv').trim().split('\n').slice(1);
    expect(fit.map((l) => l.split(',')[0])).toEqual(names);
  });

  it('refuses bad targets and parameters before running, naming the field', async () => {
    const bad = join(tmp.dir, 'bad-targets.json');
    const t = JSON.parse(readFileSync(TARGETS, 'utf8'));
    t.targets[1].statistic.columns = ['transition_2_9'];
    writeFileSync(bad, JSON.stringify(t));
    const args = ARGS.map((a) => (a === TARGETS ? bad : a));
    const r = await radsim(['calibrate', ...args, '--param', 'influence.nope=0:1', '--out', out('bad')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('targets[1] ("action_per_year").statistic.columns: no series column "transition_2_9"');
    expect(r.err).toContain('parameter influence.nope');
    expect(r.err).toContain('Nothing was run.');
    expect(existsSync(out('bad'))).toBe(false);

    const usage = await radsim(['calibrate', BASELINE, '--param', 'influence.mu=0:1', '--out', out('bad')]);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('name the targets: --targets FILE');
  });
});
