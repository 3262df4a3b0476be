/**
 * `radsim sweep` end to end: an interrupted sweep (Ctrl-C to a separate process) resumes
 * without redoing its finished runs and ends with exactly the files of an uninterrupted sweep;
 * bad --vary paths and invalid points are refused before anything runs.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BASELINE, differingFiles, radsim, spawnRadsim, SWEEP_FILES, tempDir } from './helpers.ts';

const SWEEP = [
  BASELINE,
  '--vary',
  'influence.mu=0.05,0.1,0.2,0.3',
  '--agents',
  '2000',
  '--weeks',
  '104',
  '--replicates',
  '3',
];
const RUNS = 12;

describe('radsim sweep', () => {
  const tmp = tempDir();
  const out = (name: string) => join(tmp.dir, name);
  afterAll(() => tmp.cleanup());

  it('resumes an interrupted sweep without redoing finished runs, ending with the files of an uninterrupted one', async () => {
    // The uninterrupted reference, in the main thread.
    const ref = await radsim(['sweep', ...SWEEP, '--workers', '0', '--quiet', '--out', out('ref')]);
    expect(ref.code).toBe(0);

    // The same sweep in a separate process, interrupted with Ctrl-C once a few runs are written.
    const dir = out('interrupted');
    const { child, done } = spawnRadsim(['sweep', ...SWEEP, '--workers', '1', '--out', dir]);
    const runFiles = () =>
      existsSync(join(dir, 'runs')) ? readdirSync(join(dir, 'runs')).filter((f) => f.endsWith('.json')) : [];
    const deadline = Date.now() + 90_000;
    while (runFiles().length < 3 && child.exitCode === null && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 25));
    child.kill('SIGINT');
    const stopped = await done;
    expect(stopped.code).toBe(130);
    expect(stopped.err).toContain(`Continue with: npx radsim sweep --resume --out ${dir}`);
    const finished = runFiles();
    expect(finished.length).toBeGreaterThanOrEqual(3);
    expect(finished.length).toBeLessThan(RUNS);
    for (const f of SWEEP_FILES.slice(1)) expect(existsSync(join(dir, f))).toBe(false); // no partial aggregates
    const before = new Map(
      finished.map((f) => [
        f,
        { mtime: statSync(join(dir, 'runs', f)).mtimeMs, text: readFileSync(join(dir, 'runs', f), 'utf8') },
      ]),
    );

    // Resume from the stored plan alone, with another number of workers.
    const resumed = await radsim(['sweep', '--resume', '--out', dir, '--workers', '2', '--quiet']);
    expect(resumed.err).toBe('');
    expect(resumed.code).toBe(0);
    expect(differingFiles(out('ref'), dir, SWEEP_FILES)).toEqual([]);
    for (const [f, b] of before) {
      expect(statSync(join(dir, 'runs', f)).mtimeMs).toBe(b.mtime);
      expect(readFileSync(join(dir, 'runs', f), 'utf8')).toBe(b.text);
    }
    expect(runFiles()).toHaveLength(RUNS);
    const sessions = JSON.parse(readFileSync(join(dir, 'timing.json'), 'utf8')).sessions;
    expect(sessions).toHaveLength(2);
    expect(sessions[0]).toMatchObject({ interrupted: true, ran: finished.length, skipped: 0 });
    expect(sessions[1]).toMatchObject({
      interrupted: false,
      skipped: finished.length,
      ran: RUNS - finished.length,
      workers: 2,
    });
  });

  it('writes tidy CSV and a sensitivity summary', () => {
    const csv = readFileSync(out('ref/sweep.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('run_id,point,replicate,seed,influence.mu,outcome,value,per_100k,per_100k_year');
    const outcomes = JSON.parse(readFileSync(out('ref/plan.json'), 'utf8')).outcomes as string[];
    expect(csv.length - 2).toBe(RUNS * outcomes.length);
    const sens = readFileSync(out('ref/sensitivity.csv'), 'utf8').split('\n');
    expect(sens[0]).toBe('parameter,outcome,prcc,p_value,runs');
    expect(sens).toHaveLength(outcomes.length + 2);
    expect(readFileSync(out('ref/summary.md'), 'utf8')).toContain('## Global sensitivity');
  });

  it('refuses an unknown path and invalid points before running anything', async () => {
    const unknown = await radsim(['sweep', BASELINE, '--vary', 'influence.muu=0.1,0.2', '--out', out('bad1')]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/--vary influence\.muu: unknown path: influence has no field "muu"/);
    expect(unknown.err).toContain('Nothing was run.');
    expect(existsSync(out('bad1'))).toBe(false);
    const invalid = await radsim(['sweep', BASELINE, '--vary', 'regions[0].share=0.6,0.7', '--out', out('bad2')]);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toMatch(
      /1 of 2 sweep point\(s\) are invalid[\s\S]*sweep point p01 \(regions\[0\]\.share=0\.7\)[\s\S]*the region shares must add up to 1/,
    );
    const usage = await radsim(['sweep', BASELINE, '--out', out('bad3')]);
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/--vary path=values/);
  });
  it('branches over a dynamic parameter; over a build-only one it runs unbranched and says why, or refuses an explicit branch', async () => {
    const ref = readFileSync(join(out('ref'), 'summary.md'), 'utf8');
    expect(ref).toContain('**Branched at week 0** (the end of the 260-week burn-in)');
    const small = ['--agents', '500', '--weeks', '10', '--replicates', '2', '--workers', '0', '--quiet'];
    const vary = ['--vary', 'network.peer.meanDegree=5,7'];
    const unbranched = await radsim(['sweep', BASELINE, ...vary, ...small, '--out', out('build-only')]);
    expect(unbranched.code).toBe(0);
    expect(readFileSync(join(out('build-only'), 'summary.md'), 'utf8')).toContain(
      'Not branched at the end of the burn-in, as a sweep is by default, because `network.peer.meanDegree` is fixed when the population and network are built',
    );
    const refused = await radsim(['sweep', BASELINE, ...vary, ...small, '--branch-at', '0', '--out', out('refused')]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('--vary network.peer.meanDegree: fixed when the shared history is built');
  });
});
