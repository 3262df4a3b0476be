/**
 * The edge list and its compressed sparse rows (sim/network/csr.ts) on hand-made examples:
 * sorted rows, symmetric ties, no self-loops, one layer per pair.
 */
import { describe, expect, it } from 'vitest';
import { HOUSEHOLD, NEIGHBOURHOOD, ONLINE, PEER } from '../../sim/network/build.ts';
import { degree, EdgeList } from '../../sim/network/csr.ts';

describe('EdgeList.toCSR on a hand-made example', () => {
  it('sorts rows, symmetrises, drops self-loops and keeps the lowest layer of a repeated pair', () => {
    const e = new EdgeList();
    e.add(0, 1, ONLINE);
    e.add(1, 0, PEER); // same pair, lower layer: wins
    e.add(2, 1, NEIGHBOURHOOD);
    e.add(0, 2, HOUSEHOLD);
    e.add(2, 0, NEIGHBOURHOOD); // same pair, higher layer: dropped
    e.add(3, 3, PEER); // self-loop: ignored
    e.add(1, 2, ONLINE); // same pair as 2-1, higher layer: dropped
    expect(e.length).toBe(6);
    const g = e.toCSR(5);
    expect(g.n).toBe(5);
    expect(Array.from(g.offsets)).toEqual([0, 2, 4, 6, 6, 6]);
    expect(Array.from(g.targets)).toEqual([1, 2, 0, 2, 0, 1]);
    expect(Array.from(g.layer)).toEqual([PEER, HOUSEHOLD, PEER, NEIGHBOURHOOD, HOUSEHOLD, NEIGHBOURHOOD]);
    expect([0, 1, 2, 3, 4].map((i) => degree(g, i))).toEqual([2, 2, 2, 0, 0]);
  });

  it('grows past its initial capacity and handles unsorted input', () => {
    const e = new EdgeList();
    const n = 3001;
    // A ring added in a scrambled order: i -- (i + 1) mod n, with i stepping by 7 (coprime to n).
    for (let k = 0, i = 0; k < n; k++, i = (i + 7) % n) e.add((i + 1) % n, i, PEER);
    expect(e.length).toBe(n);
    const g = e.toCSR(n);
    expect(g.targets.length).toBe(2 * n);
    for (let i = 0; i < n; i++) {
      const row = Array.from(g.targets.subarray(g.offsets[i], g.offsets[i + 1]));
      expect(row).toEqual([(i + n - 1) % n, (i + 1) % n].sort((x, y) => x - y));
    }
  });

  it('an empty list gives an empty network', () => {
    const g = new EdgeList().toCSR(3);
    expect(Array.from(g.offsets)).toEqual([0, 0, 0, 0]);
    expect(g.targets.length).toBe(0);
  });
});
