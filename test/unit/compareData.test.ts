/** Pure helpers of the Compare view: share-link parsing and encoding, weekly bands. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULTS,
  decodeScenario,
  differenceBand,
  EDITED,
  encodeScenario,
  parseShareQuery,
  scenarioBand,
  shareQueryText,
  SHARED,
} from '../../web/compareData.ts';
import { meanCI, pairedDifference, quantile } from '../../sim/stats/index.ts';

const known = ['baseline', 'school-resilience', 'capacity-cut'];

describe('share link', () => {
  const fixed = { precision: null, maxReplicates: DEFAULTS.maxReplicates };

  it('round-trips settings of a fixed size, written as links were before precision-driven comparisons', () => {
    const c = { scenarios: ['baseline', 'capacity-cut'], replicates: 3, agents: 2000, weeks: 104, ...fixed };
    const q = shareQueryText(c);
    expect(q).toBe('s=baseline,capacity-cut&r=3&a=2000&w=104');
    expect(parseShareQuery(q, known)).toEqual({ settings: c, data: null });
  });

  it('carries a precision-driven comparison in p= (target) and m= (budget)', () => {
    const c = {
      scenarios: ['baseline', 'capacity-cut'],
      replicates: DEFAULTS.replicates,
      agents: 2000,
      weeks: 104,
      precision: { kind: 'relative' as const, value: 0.2 },
      maxReplicates: 40,
    };
    expect(shareQueryText(c)).toBe('s=baseline,capacity-cut&p=0.2&m=40&a=2000&w=104');
    expect(parseShareQuery(shareQueryText(c), known).settings).toEqual(c);
    const abs = { ...c, precision: { kind: 'absolute' as const, value: 25 } };
    expect(shareQueryText(abs)).toBe('s=baseline,capacity-cut&p=abs:25&m=40&a=2000&w=104');
    expect(parseShareQuery(shareQueryText(abs), known).settings).toEqual(abs);
    expect(() => parseShareQuery('s=baseline,capacity-cut&p=0&m=5', known)).toThrow(
      /p= \(precision\) must be a relative half-width[\s\S]*maximum replicates must be a whole number from 10 to 100/,
    );
  });

  it('carries the branch week, or none; without b= the default (the end of the burn-in)', () => {
    const c = {
      scenarios: ['baseline', 'capacity-cut'],
      replicates: 3,
      agents: 2000,
      weeks: 104,
      precision: null,
      maxReplicates: DEFAULTS.maxReplicates,
    };
    for (const branch of [10, 0, 'none'] as const) {
      const q = shareQueryText({ ...c, branch });
      expect(q).toBe(`s=baseline,capacity-cut&r=3&a=2000&w=104&b=${branch}`);
      expect(parseShareQuery(q, known).settings).toEqual({ ...c, branch });
    }
    expect(parseShareQuery('s=baseline,capacity-cut', known).settings.branch).toBeUndefined();
    expect(() => parseShareQuery('s=baseline,capacity-cut&b=soon', known)).toThrow(
      /branch week \(b=\) must be a whole number from 0 to 1999 \(found "soon"\)/,
    );
  });

  it('lists every problem of a bad link', () => {
    expect(() => parseShareQuery('s=baseline,nope&r=x&w=0', known)).toThrow(
      /unknown scenario "nope"[\s\S]*replicates must be[\s\S]*weeks must be/,
    );
    expect(() => parseShareQuery('s=baseline', known)).toThrow(/at least two scenarios/);
    expect(() => parseShareQuery('s=baseline,baseline', known)).toThrow(/named twice/);
    expect(() => parseShareQuery(`s=baseline,${SHARED}`, known)).toThrow(/needs its data in d=/);
    expect(() => parseShareQuery('s=baseline,edited', known)).toThrow(
      /edited in another browser, and this link does not carry it/,
    );
    expect(() => parseShareQuery('s=baseline,capacity-cut&d=abc', known)).toThrow(/does not name "edited"/);
    expect(() => parseShareQuery(`s=${EDITED},${SHARED}&d=abc`, known)).toThrow(/not both/);
    expect(parseShareQuery('s=baseline,edited', [...known, 'edited']).settings.scenarios).toEqual([
      'baseline',
      'edited',
    ]);
  });

  it('carries a scenario in d= exactly (deflate-raw, base64url)', async () => {
    const data = {
      name: 'my-edit',
      question: 'What if? ✓ (ü, "quotes", &=#)',
      agents: 1234,
      nested: { x: [0.1, 1e-9, -3] },
    };
    const d = await encodeScenario(data);
    expect(d).toMatch(/^[A-Za-z0-9_-]+$/);
    const c = { scenarios: ['baseline', EDITED], replicates: 2, agents: 2000, weeks: 52, ...fixed };
    const q = shareQueryText(c, d);
    expect(q).toBe(`s=baseline,edited&r=2&a=2000&w=52&d=${d}`);
    expect(shareQueryText({ ...c, scenarios: ['baseline', 'capacity-cut'] }, d)).not.toContain('d=');
    const parsed = parseShareQuery(q, known);
    expect(parsed.settings).toEqual(c);
    expect(parsed.data).toBe(d);
    expect(await decodeScenario(parsed.data!)).toEqual(data);
  });

  it('says what is wrong with damaged data', async () => {
    const d = await encodeScenario({ name: 'x', long: 'y'.repeat(500) });
    await expect(decodeScenario(d.slice(0, 6))).rejects.toThrow(/damaged or cut off/);
    await expect(decodeScenario('ab+c')).rejects.toThrow(/base64url/);
    await expect(decodeScenario(await encodeScenario([1, 2]))).rejects.toThrow(/JSON object/);
  });
});

describe('weekly bands', () => {
  const runs = [
    [1, 2, 3, 10],
    [1, 4, 5, 12],
    [1, 3, 7, 20],
  ];
  it('mean band is the t interval of the mean per week', () => {
    const b = scenarioBand(runs, 'mean');
    expect(b.mean).toEqual([1, 3, 5, 14]);
    expect(b.lo[0]).toBe(1); // constant week: zero width
    expect(b.hi[0]).toBe(1);
    const ci = meanCI([10, 12, 20]);
    expect(b.lo[3]).toBeCloseTo(ci.lo, 12);
    expect(b.hi[3]).toBeCloseTo(ci.hi, 12);
  });
  it('runs band is the 2.5-97.5% quantile range', () => {
    const b = scenarioBand(runs, 'runs');
    expect(b.lo[3]).toBeCloseTo(quantile([10, 12, 20], 0.025), 12);
    expect(b.hi[3]).toBeCloseTo(quantile([10, 12, 20], 0.975), 12);
    expect(b.lo[2]).toBeGreaterThan(3);
    expect(b.hi[2]).toBeLessThan(7);
  });
  it('difference band pairs replicate r with replicate r', () => {
    const other = [
      [1, 1, 2, 8],
      [1, 3, 4, 11],
      [1, 2, 6, 17],
    ];
    const b = differenceBand(runs, other);
    expect(b.mean).toEqual([0, -1, -1, -2]);
    // Every pair differs by exactly -1 in week 1 and 2: a zero-width paired interval.
    expect([b.lo[1], b.hi[1]]).toEqual([-1, -1]);
    const d = pairedDifference([10, 12, 20], [8, 11, 17]);
    expect(b.lo[3]).toBeCloseTo(d.lo, 12);
    expect(b.hi[3]).toBeCloseTo(d.hi, 12);
    expect(() => differenceBand(runs, other.slice(1))).toThrow(/pair/);
  });
});
