/**
 * Output folders (cli/output.ts): --out is checked and created before anything runs; a rerun
 * replaces the whole set of radsim's files and nothing else; temporary files of interrupted
 * processes are removed; a commit that an interruption left half done is finished; edited run
 * files and plans are refused by name; designs beyond the size limits are refused at once.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../cli/checksum.ts';
import { MANIFEST, recoverOutput } from '../../cli/output.ts';
import { BASELINE, NO_TRIGGERS, radsim, tempDir } from './helpers.ts';

const tmp = tempDir();
const at = (...p: string[]) => join(tmp.dir, ...p);
afterAll(() => tmp.cleanup());

/** A run that would take many minutes: if the folder were checked after it, the test would time out. */
const HUGE = ['--agents', '200000', '--weeks', '2000', '--quiet'];
const SMALL_RUN = ['--agents', '300', '--weeks', '10', '--quiet'];

async function timed(args: string[]) {
  const t0 = performance.now();
  const r = await radsim(args);
  return { ...r, seconds: (performance.now() - t0) / 1000 };
}

describe('--out is checked before anything runs', () => {
  writeFileSync(at('a-file'), 'user data\n');

  it.each([
    ['a file', () => at('a-file'), /is a file, not a folder/],
    ['a folder under a file', () => at('a-file', 'sub', 'dir'), /a-file is a file, so no folder can be made under it/],
    ['under /proc', () => '/proc/radsim-out', /cannot create the folder \/proc\/radsim-out/],
    ['/proc itself', () => '/proc', /cannot write in this folder/],
  ])('run refuses --out %s at once, with a message', async (_what, out, message) => {
    const r = await timed(['run', BASELINE, ...HUGE, '--out', out()]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.seconds).toBeLessThan(10);
    expect(readFileSync(at('a-file'), 'utf8')).toBe('user data\n');
  });

  it.each([
    ['compare', [BASELINE, NO_TRIGGERS, '--replicates', '2']],
    ['sweep', [BASELINE, '--vary', 'influence.mu=0.1,0.2', '--replicates', '2']],
  ])('%s refuses an --out under a file before running', async (command, rest) => {
    const r = await timed([command, ...rest, ...HUGE, '--workers', '0', '--out', at('a-file', 'x')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/a-file is a file, so no folder can be made under it/);
    expect(r.seconds).toBeLessThan(10);
  });
});

describe('a rerun replaces the set of radsim files, and only those', () => {
  const dir = at('run');

  it('drops the routes.json of an earlier run, keeps the user files, lists the set in the manifest', async () => {
    expect((await radsim(['run', BASELINE, ...SMALL_RUN, '--routes', '3', '--out', dir])).code).toBe(0);
    expect(existsSync(join(dir, 'routes.json'))).toBe(true);
    writeFileSync(join(dir, 'notes.txt'), 'mine\n');
    expect((await radsim(['run', BASELINE, ...SMALL_RUN, '--seed', '9', '--out', dir])).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(
      [MANIFEST, 'notes.txt', 'scenario.json', 'series.csv', 'summary.json'].sort(),
    );
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8'));
    expect(Object.keys(manifest.files).sort()).toEqual(['scenario.json', 'series.csv', 'summary.json']);
    for (const [name, sum] of Object.entries(manifest.files))
      expect(sha256(readFileSync(join(dir, name), 'utf8'))).toBe(sum);
    expect(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')).seed).toBe(9);
  });

  it('refuses to replace a file of the same name that radsim did not write', async () => {
    const own = at('own');
    mkdirSync(own);
    writeFileSync(join(own, 'series.csv'), 'my own series\n');
    const r = await timed(['run', BASELINE, ...HUGE, '--out', own]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/holds series\.csv, which radsim did not write/);
    expect(r.seconds).toBeLessThan(10);
    expect(readFileSync(join(own, 'series.csv'), 'utf8')).toBe('my own series\n');
  });

  it('removes temporary files of interrupted processes, of older versions too, but not of running ones', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const host = hostname().replace(/[^A-Za-z0-9-]/g, '_');
    const stale = [`scenario.json.${dead}.tmp`, `summary.json.radsim-${host}-${dead}-0123abcd.tmp`];
    const live = `series.csv.radsim-${host}-${process.pid}-0123abcd.tmp`;
    for (const f of [...stale, live]) writeFileSync(join(dir, f), 'x'.repeat(1000));
    mkdirSync(join(dir, `.radsim-set.radsim-${host}-${dead}-89abcdef.tmp`));
    writeFileSync(join(dir, 'user.tmp'), 'mine\n');
    expect((await radsim(['run', BASELINE, ...SMALL_RUN, '--out', dir])).code).toBe(0);
    const left = readdirSync(dir);
    for (const f of stale) expect(left).not.toContain(f);
    expect(left.filter((f) => f.startsWith('.radsim-set'))).toEqual([]);
    expect(left).toContain(live); // its process (this one) still runs
    expect(left).toContain('user.tmp');
  });

  it('finishes a commit that an interruption left half moved', () => {
    const d = at('half');
    const commit = join(d, '.radsim-commit');
    mkdirSync(commit, { recursive: true });
    // The old set: a, b, c; the new: a, b (c must go). "a" was already moved when it stopped.
    writeFileSync(join(d, 'a'), 'new a');
    writeFileSync(join(d, 'b'), 'old b');
    writeFileSync(join(d, 'c'), 'old c');
    writeFileSync(join(d, 'mine'), 'user');
    writeFileSync(join(commit, 'b'), 'new b');
    writeFileSync(join(commit, '.obsolete.json'), '["a","b","c"]');
    const manifest = {
      format: 'radsim-files/1',
      command: 'test',
      written: '',
      files: { a: sha256('new a'), b: sha256('new b') },
    };
    writeFileSync(join(commit, MANIFEST), JSON.stringify(manifest));
    recoverOutput(d);
    expect(readdirSync(d).sort()).toEqual(['a', 'b', 'mine', MANIFEST].sort());
    expect(readFileSync(join(d, 'b'), 'utf8')).toBe('new b');
  });
});

describe('run files and plans carry a checksum', () => {
  const CMP = [BASELINE, NO_TRIGGERS, '--agents', '300', '--weeks', '20', '--replicates', '2', '--workers', '0'];

  it('merge and --resume refuse an edited run file and name it; an edited plan too', async () => {
    const shards = [0, 1].map((k) => at(`shard-${k}`));
    for (const [k, out] of shards.entries())
      expect((await radsim(['compare', ...CMP, '--quiet', '--shard', `${k}/2`, '--out', out])).code).toBe(0);
    // The comparison is branched (the default), so shard 1 of 2 holds replicate 1 of both scenarios.
    const edited = join(shards[1], 'runs', 's01-r001.json');
    const text = readFileSync(edited, 'utf8');
    writeFileSync(edited, text.replace(/"ever_sensitive":[\d.]+/, '"ever_sensitive":99999'));
    expect(readFileSync(edited, 'utf8')).not.toBe(text);

    const merged = await radsim(['merge', ...shards, '--out', at('merged')]);
    expect(merged.code).toBe(1);
    expect(merged.err).toContain(`${edited} was changed after radsim wrote it`);
    expect(existsSync(at('merged'))).toBe(false);

    const resumed = await radsim(['compare', '--resume', '--shard', '1/2', '--out', shards[1], '--workers', '0']);
    expect(resumed.code).toBe(1);
    expect(resumed.err).toContain(`${edited} was changed after radsim wrote it`);
    expect(readFileSync(edited, 'utf8')).toContain('99999'); // the evidence is kept

    const plan = join(shards[0], 'plan.json');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('"replicates": 2', '"replicates": 3'));
    const r = await radsim(['merge', ...shards, '--out', at('merged')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${plan} was changed after radsim wrote it`);
  });
});

describe('design size limits', () => {
  it.each([
    [
      ['compare', BASELINE, NO_TRIGGERS, '--replicates', '1000000000'],
      /--replicates 1000000000 is above the limit of 10,000/,
    ],
    [['sweep', BASELINE, '--vary', 'influence.mu=0:1:10000000'], /n is above the limit of 5,000 values/],
    [
      ['sweep', BASELINE, '--vary', 'influence.mu=0:1:1000', '--vary', 'influence.followerConformity=0.1:0.3:1000'],
      /the grid has 1,000,000 points .* above the limit of 5,000/,
    ],
    [
      ['sweep', BASELINE, '--vary', 'influence.mu=0:1', '--samples', '100000000'],
      /--samples 100000000 is above the limit of 5,000 points/,
    ],
    [
      ['sweep', BASELINE, '--vary', 'influence.mu=0:1:5000', '--replicates', '1000'],
      /5,000,000 runs, above the limit of 1,000,000/,
    ],
  ])('refuses %j at once', async (args, message) => {
    const r = await timed([...args, '--workers', '0', '--out', at('too-big')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.seconds).toBeLessThan(10);
    expect(existsSync(at('too-big'))).toBe(false);
  });
});
