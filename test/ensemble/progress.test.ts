/** Progress lines of an ensemble: runs done, runs in progress, and the estimated time left. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEnsembleProgress, duration } from '../../cli/ensembleProgress.ts';

function fakeStream(tty: boolean) {
  const lines: string[] = [];
  return {
    stream: { isTTY: tty, write: (s: string) => (lines.push(s), true) } as unknown as NodeJS.WriteStream,
    lines,
  };
}

describe('ensemble progress', () => {
  afterEach(() => vi.useRealTimers());

  it('estimates the time left from the agent-weeks done, including runs in progress', () => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
    const { stream, lines } = fakeStream(false);
    const jobs = ['a', 'b', 'c', 'd'].map((id) => ({ id, agents: 1000, weeks: 100 }));
    const p = createEnsembleProgress('compare', jobs, stream);
    p.start('a');
    p.start('b');
    vi.setSystemTime(10_000);
    p.week('a', 100);
    p.done('a'); // 1 of 4 runs: a tenth boundary, so a line is written
    vi.setSystemTime(20_000);
    p.week('b', 100);
    p.done('b');
    expect(lines.at(-1)).toBe('compare: 2/4 runs, 0 running, 50%, 20 s left\n');
    p.start('c');
    vi.setSystemTime(30_000);
    p.week('c', 50); // half of c: 62.5% after 30 s -> 18 s left (a line at least once a minute)
    vi.setSystemTime(95_000);
    p.week('c', 60);
    expect(lines.at(-1)).toBe('compare: 2/4 runs, 1 running, 65%, 51 s left\n');
    p.finish('done');
    expect(lines.at(-1)).toBe('done\n');
  });

  it('is silent with --quiet and redraws one line on a terminal', () => {
    const quiet = fakeStream(false);
    const q = createEnsembleProgress('sweep', [{ id: 'a', agents: 1, weeks: 1 }], quiet.stream, true);
    q.start('a');
    q.done('a');
    q.note('hello');
    q.finish('bye');
    expect(quiet.lines).toEqual([]);
    const tty = fakeStream(true);
    const t = createEnsembleProgress('sweep', [{ id: 'a', agents: 1, weeks: 1 }], tty.stream);
    t.note('hello');
    expect(tty.lines[0]).toBe('\r\x1b[Khello\n');
    expect(tty.lines[1]).toBe('\r\x1b[Ksweep: 0/1 runs, 0 running, 0%');
  });

  it('writes durations for people', () => {
    expect([duration(4.4), duration(75), duration(3725)]).toEqual(['4 s', '1 min 15 s', '1 h 2 min']);
  });
});
