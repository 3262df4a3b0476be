/**
 * The social network in compressed sparse row form: the neighbours of agent i are
 * targets[offsets[i] .. offsets[i+1]), each with the layer (index into LAYERS) of the tie.
 */
import { fixedShape } from '../fixedShape.ts';

export interface Network {
  readonly n: number;
  readonly offsets: Uint32Array;
  readonly targets: Uint32Array;
  readonly layer: Uint8Array;
}

/** A growable list of undirected edges, kept in typed arrays. */
export class EdgeList {
  private u: Uint32Array;
  private v: Uint32Array;
  private l: Uint8Array;
  length = 0;

  /** `capacity`: the expected number of edges, so that a good guess never copies (it grows past it). */
  constructor(capacity = 1024) {
    const cap = Math.max(16, Math.ceil(capacity));
    this.u = new Uint32Array(cap);
    this.v = new Uint32Array(cap);
    this.l = new Uint8Array(cap);
  }

  add(a: number, b: number, layer: number): void {
    if (a === b) return;
    if (this.length === this.u.length) this.grow();
    this.u[this.length] = a;
    this.v[this.length] = b;
    this.l[this.length] = layer;
    this.length++;
  }

  private grow(): void {
    const cap = this.u.length * 2;
    const u = new Uint32Array(cap),
      v = new Uint32Array(cap),
      l = new Uint8Array(cap);
    u.set(this.u);
    v.set(this.v);
    l.set(this.l);
    this.u = u;
    this.v = v;
    this.l = l;
  }

  /**
   * Builds the symmetric CSR. Each row is sorted by neighbour id; a pair tied in several layers
   * keeps one tie, of the lowest layer index (household before peer before neighbourhood before
   * online), so degree counts people, not ties.
   */
  toCSR(n: number): Network {
    const deg = new Uint32Array(n + 1);
    for (let e = 0; e < this.length; e++) {
      deg[this.u[e]]++;
      deg[this.v[e]]++;
    }
    const offsets = new Uint32Array(n + 1);
    for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + deg[i];
    const fill = offsets.slice(0, n);
    const targets = new Uint32Array(offsets[n]);
    const layer = new Uint8Array(offsets[n]);
    for (let e = 0; e < this.length; e++) {
      const a = this.u[e],
        b = this.v[e],
        l = this.l[e];
      targets[fill[a]] = b;
      layer[fill[a]++] = l;
      targets[fill[b]] = a;
      layer[fill[b]++] = l;
    }
    // Sort each row (insertion sort: rows are short) and drop duplicate neighbours in place.
    const outOffsets = new Uint32Array(n + 1);
    let w = 0;
    for (let i = 0; i < n; i++) {
      const start = offsets[i],
        end = offsets[i + 1];
      for (let x = start + 1; x < end; x++) {
        const t = targets[x],
          tl = layer[x];
        let y = x - 1;
        while (y >= start && (targets[y] > t || (targets[y] === t && layer[y] > tl))) {
          targets[y + 1] = targets[y];
          layer[y + 1] = layer[y];
          y--;
        }
        targets[y + 1] = t;
        layer[y + 1] = tl;
      }
      outOffsets[i] = w;
      for (let x = start; x < end; x++) {
        if (x > start && targets[x] === targets[x - 1]) continue;
        targets[w] = targets[x];
        layer[w++] = layer[x];
      }
    }
    outOffsets[n] = w;
    return fixedShape({ n, offsets: outOffsets, targets: targets.slice(0, w), layer: layer.slice(0, w) });
  }
}

export function degree(net: Network, i: number): number {
  return net.offsets[i + 1] - net.offsets[i];
}
