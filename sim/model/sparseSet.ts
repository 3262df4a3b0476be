/**
 * A set of agent ids with O(1) add, remove and membership, iterable in a dense array
 * (bitECS-style sparse set with swap-remove). Used for the agents that per-tick work must visit
 * (radicalising, detained), so that work scales with them and not with the population.
 */
export class SparseSet {
  private dense: Uint32Array;
  private readonly index: Int32Array;
  size = 0;

  constructor(n: number) {
    this.dense = new Uint32Array(Math.max(16, n >>> 6));
    this.index = new Int32Array(n).fill(-1);
  }

  has(i: number): boolean {
    return this.index[i] >= 0;
  }

  add(i: number): void {
    if (this.index[i] >= 0) return;
    if (this.size === this.dense.length) {
      const grown = new Uint32Array(this.dense.length * 2);
      grown.set(this.dense);
      this.dense = grown;
    }
    this.index[i] = this.size;
    this.dense[this.size++] = i;
  }

  delete(i: number): void {
    const k = this.index[i];
    if (k < 0) return;
    const last = this.dense[--this.size];
    this.dense[k] = last;
    this.index[last] = k;
    this.index[i] = -1;
  }

  /** The k-th member, 0 <= k < size. Removing the current member while iterating backwards is safe. */
  at(k: number): number {
    return this.dense[k];
  }
}
