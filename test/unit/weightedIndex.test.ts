/**
 * The guide table only shortens the search: every draw must give the index the plain bisection
 * of the cumulative weights gives for the same uniform, over the whole range and over a part of
 * it (a region), with runs of zero weights (people who are never online) and at the edges.
 */
import { describe, expect, it } from 'vitest';
import { WeightedIndex } from '../../sim/random/weightedIndex.ts';
import { Stream, stream } from '../../sim/random/streams.ts';

/** The search the network build used before the guide table. */
function bisection(cum: Float64Array, from: number, to: number, u: number): number {
  const lo0 = from === 0 ? 0 : cum[from - 1];
  const target = lo0 + u * (cum[to - 1] - lo0);
  let lo = from,
    hi = to - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function cumulative(weights: number[]): Float64Array {
  const cum = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => (cum[i] = total += w));
  return cum;
}

/** A stream that gives the listed uniforms, to feed both searches the same numbers. */
const fixed = (us: number[]) =>
  new Stream(
    (
      (k) => () =>
        us[k++ % us.length]
    )(0),
  );

describe('WeightedIndex (guide table over cumulative weights)', () => {
  const rs = stream(7, 'test/weightedIndex');
  const cases: { name: string; weights: number[] }[] = [
    { name: 'uniform weights', weights: Array.from({ length: 1000 }, () => 1) },
    { name: 'skewed weights', weights: Array.from({ length: 1000 }, () => rs.uniform() ** 6) },
    {
      name: 'runs of zeros',
      weights: Array.from({ length: 1000 }, (_, i) => (Math.floor(i / 37) % 3 === 0 ? 0 : rs.uniform())),
    },
    { name: 'one heavy index', weights: Array.from({ length: 500 }, (_, i) => (i === 250 ? 1e6 : 1e-3)) },
    {
      name: 'zeros at both ends',
      weights: Array.from({ length: 300 }, (_, i) => (i < 40 || i >= 260 ? 0 : 1 + (i % 5))),
    },
    { name: 'one index', weights: [2] },
  ];
  const edges = [0, 1e-12, 0.5, 1 - 2 ** -24, 1 - 2 ** -53];

  for (const { name, weights } of cases) {
    it(`gives the bisection's index for every draw: ${name}`, () => {
      const cum = cumulative(weights);
      const n = cum.length;
      const index = new WeightedIndex(cum);
      const ranges: [number, number][] = [
        [0, n],
        [0, Math.ceil(n / 3)],
        [Math.floor(n / 3), Math.ceil((2 * n) / 3)],
        [Math.max(0, n - 7), n],
        [Math.floor(n / 2), Math.floor(n / 2) + 1],
      ];
      const us = [...edges, ...Array.from({ length: 2000 }, () => rs.uniform())];
      for (const [from, to] of ranges) {
        const draws = fixed(us);
        const got = us.map(() => index.draw(from, to, draws));
        expect(got).toEqual(us.map((u) => bisection(cum, from, to, u)));
      }
    });
  }

  it('refuses weights that are all zero or empty, naming what it needs', () => {
    expect(() => new WeightedIndex(new Float64Array(0))).toThrow(/positive finite total/);
    expect(() => new WeightedIndex(cumulative([0, 0, 0]))).toThrow(/positive finite total \(got 3 weights, total 0\)/);
  });
});
