/**
 * `radsim compare --precision` end to end, on a small comparison (2,000 agents, three years) of
 * the baseline with the trigger ablation, primary outcome ever_sensitive:
 * - the files are byte-identical with 1 and 2 worker threads (and so is the set of run files);
 * - the stop obeys the rule, checked again from runs.csv: within the target at the replicates it
 *   stopped at, outside it at every earlier checkpoint (for a precision stop);
 * - an unreachable target stops at the budget and says so;
 * - argument errors are refused before anything runs.
 * The number of replicates where it stops follows the model's results, so it is checked against
 * the rule, not pinned.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pairedDifference } from '../../sim/stats/index.ts';
import { BASELINE, COMPARE_FILES, differingFiles, NO_TRIGGERS, radsim, tempDir } from './helpers.ts';

const SMALL = ['--agents', '2000', '--weeks', '156', '--quiet'];
const RULE = ['--primary', 'ever_sensitive', '--min-replicates', '4', '--batch', '2', '--max-replicates', '14'];
const CMP = [BASELINE, NO_TRIGGERS, ...SMALL, ...RULE];

/** ever_sensitive of each scenario by replicate, from runs.csv. */
function values(dir: string): { ref: number[]; other: number[] } {
  const [head, ...lines] = readFileSync(join(dir, 'runs.csv'), 'utf8').trimEnd().split('\n');
  const cols = head.split(',');
  const out = { ref: [] as number[], other: [] as number[] };
  for (const line of lines) {
    const row = Object.fromEntries(line.split(',').map((v, i) => [cols[i], v]));
    if (row.outcome !== 'ever_sensitive') continue;
    (row.scenario === 'baseline' ? out.ref : out.other)[Number(row.replicate)] = Number(row.value);
  }
  return out;
}

/** Relative half-width of the paired interval on the first n replicates. */
function relativeHalfWidth(v: { ref: number[]; other: number[] }, n: number): number {
  const ref = v.ref.slice(0, n);
  const d = pairedDifference(ref, v.other.slice(0, n));
  return (d.hi - d.lo) / 2 / Math.abs(ref.reduce((a, b) => a + b, 0) / n);
}

describe('radsim compare --precision', () => {
  const tmp = tempDir();
  const out = (name: string) => join(tmp.dir, name);
  let two: Awaited<ReturnType<typeof radsim>>;

  beforeAll(async () => {
    two = await radsim(['compare', ...CMP, '--precision', '0.2', '--workers', '2', '--out', out('w2')]);
  });
  afterAll(() => tmp.cleanup());

  it('ends with the same replicates and byte-identical files with 1 and 2 worker threads', async () => {
    expect(two.err).toBe('');
    expect(two.code).toBe(0);
    const one = await radsim(['compare', ...CMP, '--precision', '0.2', '--workers', '1', '--out', out('w1')]);
    expect(one.code).toBe(0);
    expect(differingFiles(out('w2'), out('w1'), COMPARE_FILES)).toEqual([]);
    expect(readdirSync(out('w1/runs')).sort()).toEqual(readdirSync(out('w2/runs')).sort());
  });

  it('stops where the rule says, and the summary says why', () => {
    const md = readFileSync(out('w2/summary.md'), 'utf8');
    const v = values(out('w2'));
    const n = v.ref.length;
    expect(v.other.length).toBe(n);
    expect(readdirSync(out('w2/runs')).length).toBe(2 * n);
    const checkpoints = [4, 6, 8, 10, 12, 14];
    expect(checkpoints).toContain(n);
    const stopped = /\*\*Stopped because the (precision was reached|budget of \d+ replicates was spent)/.exec(md)?.[1];
    expect(stopped).toBeDefined();
    if (stopped!.startsWith('precision')) {
      expect(md).toContain(`the precision was reached, at ${n} replicates.**`);
      expect(relativeHalfWidth(v, n)).toBeLessThanOrEqual(0.2);
      for (const c of checkpoints.filter((c) => c < n)) expect(relativeHalfWidth(v, c)).toBeGreaterThan(0.2);
    } else {
      expect(n).toBe(14);
      for (const c of checkpoints) expect(relativeHalfWidth(v, c)).toBeGreaterThan(0.2);
    }
    expect(md).toContain(`Each scenario ran **${n} times**`);
  });

  it('stops at the budget when the target cannot be reached, with the half-width achieved', async () => {
    // ±1 per 100,000 is a fiftieth of a person at 2,000 agents.
    const r = await radsim([
      'compare',
      BASELINE,
      NO_TRIGGERS,
      ...SMALL,
      '--primary',
      'ever_sensitive,ever_action',
      '--precision',
      'abs:1',
      '--min-replicates',
      '3',
      '--max-replicates',
      '4',
      '--workers',
      '0',
      '--out',
      out('budget'),
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const md = readFileSync(out('budget/summary.md'), 'utf8');
    expect(md).toContain('**Stopped because the budget of 4 replicates was spent, before the precision was reached.**');
    expect(md).toMatch(
      /- no-triggers, people reaching the sensitivity phase: ±[\d.]+ per 100,000 \(allowed ±1 per 100,000\)/,
    );
    expect(readdirSync(out('budget/runs')).length).toBe(8);
    // Each primary outcome gets its own statement: a clear change, what it rules out, that its
    // difference did not vary, or that it never occurred; it is not lumped with the other outcomes.
    expect(md).toMatch(
      /\*\*no-triggers\*\*( (raises|lowers) people reaching the action phase|: no clear difference in people reaching the action phase, and changes larger than|: the difference in people reaching the action phase was|: people reaching the action phase did not occur in any)/,
    );
    expect(md).not.toMatch(/includes zero\) in [^\n]*people reaching the action phase/);
  });

  it('refuses contradicting or incomplete settings before anything runs', async () => {
    const cases: [string[], RegExp][] = [
      [['--precision', '0.1', '--replicates', '5'], /--replicates and --precision contradict each other/],
      [['--max-replicates', '20'], /--max-replicates only applies with --precision/],
      [['--batch', '2'], /--batch only applies with --precision/],
      [['--precision', '0.1'], /--precision needs --primary OUTCOME/],
      [['--precision', 'ten', '--primary', 'ever_sensitive'], /--precision must be a relative half-width/],
      [['--precision', 'abs:0', '--primary', 'ever_sensitive'], /--precision abs:X needs a number X above 0/],
      [
        ['--precision', '0.1', '--primary', 'ever_actoin'],
        /--primary "ever_actoin" is not one of the comparison's outcomes: ever_sensitive, ever_action,/,
      ],
      [
        ['--precision', '0.1', '--primary', 'ever_sensitive', '--shard', '0/2'],
        /--precision cannot be split with --shard/,
      ],
      [
        ['--precision', '0.1', '--primary', 'ever_sensitive', '--max-replicates', '5'],
        /--max-replicates \(5\) must be a whole number at least --min-replicates \(10\)/,
      ],
    ];
    for (const [args, message] of cases) {
      const dir = out(`bad-${args.join('')}`.replace(/[^a-z0-9-]/gi, ''));
      const r = await radsim(['compare', BASELINE, NO_TRIGGERS, ...SMALL, ...args, '--out', dir]);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.err, args.join(' ')).toMatch(message);
      expect(existsSync(join(dir, 'runs')), args.join(' ')).toBe(false);
    }
  });
});
