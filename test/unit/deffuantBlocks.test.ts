/**
 * `runDeffuant` on a graph draws the pairs of a block before it applies them (the loads of a
 * block then overlap). That is a speed measure only: it must give, bit for bit, what drawing each
 * pair just before its meeting gives. The reference below is that plain loop (the runner as it
 * was before the blocks), run on the same seeded stream.
 */
import { describe, expect, it } from 'vitest';
import { deffuantUpdate } from '../../sim/influence/relativeAgreement.ts';
import { runDeffuant, type CsrGraph } from '../../sim/influence/standalone.ts';
import { stream } from '../../sim/random/streams.ts';

function plainDeffuant(
  n: number,
  d: number,
  mu: number,
  steps: number,
  rand: () => number,
  g: CsrGraph,
  x0: Float64Array,
): Float64Array {
  const x = Float64Array.from(x0);
  for (let t = 0; t < steps; t++) {
    let found = false;
    for (let tries = 0; tries < 64 * n + 64; tries++) {
      const i = Math.floor(rand() * n);
      const start = g.offsets[i],
        deg = g.offsets[i + 1] - start;
      if (deg === 0) continue;
      deffuantUpdate(x, i, g.neighbors[start + Math.floor(rand() * deg)], d, mu);
      found = true;
      break;
    }
    if (!found) break;
  }
  return x;
}

/** A random graph with `isolated` of its n agents left without ties, in CSR form. */
function randomGraph(n: number, edges: number, isolated: number, seed: number): CsrGraph {
  const rs = stream(seed, 'test/deffuantBlocks');
  const rows: number[][] = Array.from({ length: n }, () => []);
  for (let e = 0; e < edges; e++) {
    const a = isolated + rs.int(n - isolated),
      b = isolated + rs.int(n - isolated);
    if (a === b) continue;
    rows[a].push(b);
    rows[b].push(a);
  }
  const offsets = new Uint32Array(n + 1);
  rows.forEach((r, i) => (offsets[i + 1] = offsets[i] + r.length));
  return { offsets, neighbors: Uint32Array.from(rows.flat()) };
}

describe('runDeffuant on a graph: pairs drawn in blocks, applied in order', () => {
  const cases = [
    {
      name: 'steps not a multiple of the block, a tenth of the agents without ties',
      n: 2_000,
      edges: 6_000,
      isolated: 200,
      steps: 54_321,
      d: 0.3,
    },
    { name: 'fewer steps than one block', n: 500, edges: 1_500, isolated: 0, steps: 700, d: 0.3 },
    { name: 'one tie in the whole graph', n: 50, edges: 0, isolated: 0, steps: 3_000, d: 1 },
  ];
  for (const c of cases) {
    it(`gives the plain loop's opinions bit for bit: ${c.name}`, () => {
      const g =
        c.edges > 0
          ? randomGraph(c.n, c.edges, c.isolated, 3)
          : {
              offsets: Uint32Array.from({ length: c.n + 1 }, (_, i) => (i === 0 ? 0 : i === 1 ? 1 : 2)),
              neighbors: Uint32Array.from([1, 0]),
            };
      const x0 = Float64Array.from({ length: c.n }, (_, i) => ((i * 7919) % 1000) / 1000);
      const seq = (seed: number) =>
        (
          (rs) => () =>
            rs.uniform()
        )(stream(seed, 'test/deffuantBlocks/draws'));
      const got = runDeffuant({ n: c.n, d: c.d, mu: 0.5, steps: c.steps, rand: seq(9), graph: g, x0 });
      const want = plainDeffuant(c.n, c.d, 0.5, c.steps, seq(9), g, x0);
      expect(Array.from(got)).toEqual(Array.from(want));
      expect(Array.from(got)).not.toEqual(Array.from(x0)); // the meetings did something
    });
  }

  it('stops, as the plain loop does, on a graph without ties', () => {
    const n = 20,
      g = { offsets: new Uint32Array(n + 1), neighbors: new Uint32Array(0) };
    const x0 = Float64Array.from({ length: n }, (_, i) => i / n);
    expect(Array.from(runDeffuant({ n, d: 0.5, mu: 0.5, steps: 100, rand: () => 0.5, graph: g, x0 }))).toEqual(
      Array.from(x0),
    );
  });
});
