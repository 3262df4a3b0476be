/**
 * `radsim compare` and `radsim merge` end to end, on a small comparison (2,000 agents, three
 * years, 4 replicates) of the baseline with the trigger ablation:
 * - the aggregate files are byte-identical with 0 (main thread), 1 and 2 worker threads (the
 *   comparison is branched at the end of the burn-in, the default: one task per replicate);
 * - summary.md says the ablation clearly lowers entries into the sensitivity phase;
 * - three shards run in separate processes merge into exactly the unsharded output, and so
 *   do shards that share one folder (a branched comparison shards by replicate);
 * - merge refuses missing shards and foreign plans; compare refuses to overwrite a plan.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withChecksum } from '../../cli/checksum.ts';
import { BASELINE, COMPARE_FILES, differingFiles, NO_TRIGGERS, radsim, spawnRadsim, tempDir } from './helpers.ts';

const SMALL = ['--agents', '2000', '--weeks', '156', '--replicates', '4', '--quiet'];
const CMP = [BASELINE, NO_TRIGGERS, ...SMALL];

describe('radsim compare', () => {
  const tmp = tempDir();
  const out = (name: string) => join(tmp.dir, name);
  let two: Awaited<ReturnType<typeof radsim>>;

  beforeAll(async () => {
    two = await radsim(['compare', ...CMP, '--workers', '2', '--out', out('w2')]);
  });
  afterAll(() => tmp.cleanup());

  it('writes every file, one run file per job and a timing file apart from the results', () => {
    expect(two.err).toBe('');
    expect(two.code).toBe(0);
    const files = readdirSync(out('w2'));
    for (const f of [...COMPARE_FILES, 'timing.json', 'runs']) expect(files).toContain(f);
    expect(readdirSync(out('w2/runs')).sort()).toEqual(
      ['s00-r000', 's00-r001', 's00-r002', 's00-r003', 's01-r000', 's01-r001', 's01-r002', 's01-r003'].map(
        (f) => `${f}.json`,
      ),
    );
    const timing = JSON.parse(readFileSync(out('w2/timing.json'), 'utf8'));
    expect(timing.sessions[0]).toMatchObject({
      command: 'compare',
      workers: 2,
      planned: 8,
      skipped: 0,
      ran: 8,
      interrupted: false,
    });
  });

  it('gives byte-identical aggregate files with 1 and 2 worker threads and in the main thread', async () => {
    expect((await radsim(['compare', ...CMP, '--workers', '1', '--out', out('w1')])).code).toBe(0);
    expect((await radsim(['compare', ...CMP, '--workers', '0', '--out', out('w0')])).code).toBe(0);
    expect(differingFiles(out('w2'), out('w1'), COMPARE_FILES)).toEqual([]);
    expect(differingFiles(out('w2'), out('w0'), COMPARE_FILES)).toEqual([]);
  });

  it('summary.md reports the clear effect of the trigger ablation in plain language', () => {
    const md = readFileSync(out('w2/summary.md'), 'utf8');
    expect(md).toContain('# Comparison: no-triggers against baseline');
    expect(md).toContain('must not be used to assess, score or predict real persons');
    expect(md).toMatch(
      /- \*\*no-triggers\*\* lowers people reaching the sensitivity phase by \d+(\.\d)?% \(95% interval \d+(\.\d)?% to \d+(\.\d)?%\), from [\d.]+ to [\d.]+ on average\./,
    );
    expect(md).toContain('## What pairing buys');
    const diff = readFileSync(out('w2/differences.csv'), 'utf8').split('\n');
    const cols = diff[0].split(',');
    const row = diff.find((l) => l.startsWith('no-triggers,baseline,ever_sensitive,'))!.split(',');
    const v = (c: string) => Number(row[cols.indexOf(c)]);
    expect(v('ci_hi')).toBeLessThan(0);
    expect(v('unpaired_width')).toBeGreaterThan(0);
  });

  it('three shards in separate processes merge into exactly the unsharded output', async () => {
    const shards = [0, 1, 2].map((k) =>
      spawnRadsim(['compare', ...CMP, '--workers', '0', '--shard', `${k}/3`, '--out', out(`shard${k}`)]),
    );
    const results = await Promise.all(shards.map((s) => s.done));
    for (const r of results) expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
    // Each shard ran only its part: the comparison is branched (the baseline has a burn-in), so
    // whole replicates go to a shard, replicate r to shard r modulo 3.
    expect(readdirSync(out('shard1/runs')).sort()).toEqual(['s00-r001.json', 's01-r001.json']);
    const merged = await radsim(['merge', out('shard0'), out('shard1'), out('shard2'), '--out', out('merged')]);
    expect(merged.code).toBe(0);
    expect(differingFiles(out('w2'), out('merged'), COMPARE_FILES)).toEqual([]);
  });

  it('shards that share one folder are merged in place into the same output', async () => {
    for (const k of [2, 0, 1])
      expect(
        (await radsim(['compare', ...CMP, '--workers', '0', '--shard', `${k}/3`, '--out', out('shared')])).code,
      ).toBe(0);
    expect(differingFiles(out('w2'), out('shared'), ['summary.md'])).toEqual(['summary.md']); // not built by the shards
    expect((await radsim(['merge', out('shared')])).code).toBe(0);
    expect(differingFiles(out('w2'), out('shared'), COMPARE_FILES)).toEqual([]);
  });

  it('merge names missing runs and refuses folders of different plans', async () => {
    const partial = await radsim(['merge', out('shard0'), out('shard2'), '--out', out('partial')]);
    expect(partial.code).toBe(1);
    expect(partial.err).toContain('2 of 8 runs are missing (s00-r001, s01-r001)');
    const other = await radsim([
      'compare',
      BASELINE,
      NO_TRIGGERS,
      ...SMALL,
      '--seed',
      '5',
      '--workers',
      '0',
      '--shard',
      '0/9',
      '--out',
      out('other'),
    ]);
    expect(other.code).toBe(0);
    const mixed = await radsim(['merge', out('shard0'), out('other'), '--out', out('mixed')]);
    expect(mixed.code).toBe(1);
    expect(mixed.err).toMatch(/different plans/);
  });

  it('merge detects a run whose results differ between shards', async () => {
    const file = join(out('shard0'), 'runs', 's00-r000.json');
    const copy = join(out('shard1'), 'runs', 's00-r000.json');
    const rec = JSON.parse(readFileSync(file, 'utf8'));
    rec.outcomes.ever_sensitive += 1;
    // A run file radsim wrote, with a valid checksum, but a different result.
    writeFileSync(copy, JSON.stringify(withChecksum(rec)));
    const r = await radsim(['merge', out('shard0'), out('shard1'), out('shard2'), '--out', out('clash')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/run s00-r000 in .* have different results/);
    rmSync(copy);
  });

  it('refuses to start over a folder that holds a plan, and to resume a different plan', async () => {
    const again = await radsim(['compare', ...CMP, '--workers', '0', '--out', out('w0')]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already holds this compare \(8 of 8 runs finished\)[\s\S]*--resume/);
    const different = await radsim([
      'compare',
      BASELINE,
      NO_TRIGGERS,
      ...SMALL,
      '--seed',
      '3',
      '--resume',
      '--workers',
      '0',
      '--out',
      out('w0'),
    ]);
    expect(different.code).toBe(1);
    expect(different.err).toMatch(/holds a different compare/);
    const finished = await radsim(['compare', '--resume', '--out', out('w0'), '--workers', '0', '--quiet']);
    expect(finished.code).toBe(0); // nothing left to run: rebuilds the aggregates
    expect(differingFiles(out('w2'), out('w0'), COMPARE_FILES)).toEqual([]);
  });

  it('reports bad scenario files and usage errors without running anything', async () => {
    const bad = join(tmp.dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ extends: BASELINE, influence: { mu: 7 } }));
    const r = await radsim(['compare', BASELINE, bad, ...SMALL, '--out', out('bad')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/influence\.mu: must be <= [\d.]+ \(found 7\)[\s\S]*Nothing was run/);
    expect((await radsim(['compare', BASELINE, '--out', out('bad')])).code).toBe(2);
    expect((await radsim(['compare', BASELINE, NO_TRIGGERS, '--shard', '3/3', '--out', out('bad')])).code).toBe(2);
  });

  it('--scale-to on --resume scales every count to that population without running again', async () => {
    const before = readFileSync(out('w1/runs/s00-r000.json'), 'utf8');
    const r = await radsim(['compare', '--resume', '--out', out('w1'), '--scale-to', '17900000', '--quiet']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(out('w1/runs/s00-r000.json'), 'utf8')).toBe(before);
    expect(JSON.parse(readFileSync(out('w1/plan.json'), 'utf8')).scaleTo).toBe(17900000);
    const csv = readFileSync(out('w1/outcomes.csv'), 'utf8').trimEnd().split('\n');
    const head = csv[0].split(',');
    const col = (row: string[], name: string) => Number(row[head.indexOf(name)]);
    for (const line of csv.slice(1)) {
      const row = line.split(',');
      // 2,000 agents: per 100,000 is 50 times the count, for 17.9 million people 8,950 times.
      expect(col(row, 'per_100k')).toBeCloseTo(col(row, 'mean') * 50, 6);
      expect(col(row, 'scaled_lo')).toBeCloseTo(col(row, 'ci_lo') * 8950, 3);
      expect(col(row, 'ci_lo')).toBeGreaterThanOrEqual(0);
    }
    const md = readFileSync(out('w1/summary.md'), 'utf8');
    expect(md).toContain('for 17900000 people');
    expect(md).toContain('per 100,000');
    expect((await radsim(['compare', '--resume', '--out', out('w1'), '--scale-to', '0', '--quiet'])).err).toMatch(
      /--scale-to must be a whole number from 1 to/,
    );
  });
});
