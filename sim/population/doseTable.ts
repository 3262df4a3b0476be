/**
 * The effect levels of the working elements (MODEL.md 4.9), for the people who ever took part in
 * an intervention: the current dose per element and the floor that lasts. Most people never take
 * part, so instead of 2 x 6 Float32 columns for everyone (48 bytes per agent) each participant
 * gets a slot on first enrolment and keeps it for life (a later enrolment starts from the kept
 * floor); a renewed agent frees it. Slots grow by doubling, so the tick allocates only rarely.
 */
export class DoseTable {
  /** Slot of each agent, -1 = never took part. */
  readonly slot: Int32Array;
  /** Current effect level, `elements` values per slot. */
  dose: Float32Array;
  /** The part of it that lasts, `elements` values per slot. */
  floor: Float32Array;
  private used = 0;
  private free: Int32Array;
  private freeCount = 0;

  constructor(
    n: number,
    readonly elements: number,
    initialSlots = 64,
  ) {
    this.slot = new Int32Array(n).fill(-1);
    this.dose = new Float32Array(initialSlots * elements);
    this.floor = new Float32Array(initialSlots * elements);
    this.free = new Int32Array(16);
  }

  /** Offset of agent i's values in `dose` and `floor` (slot x elements), given a slot if it has none. */
  offset(i: number): number {
    let k = this.slot[i];
    if (k < 0) {
      k = this.freeCount > 0 ? this.free[--this.freeCount] : this.used++;
      if ((k + 1) * this.elements > this.dose.length) this.grow();
      this.slot[i] = k;
    }
    return k * this.elements;
  }

  /** Offset of agent i's values, or -1 if they never took part (their levels are all 0). */
  find(i: number): number {
    const k = this.slot[i];
    return k < 0 ? -1 : k * this.elements;
  }

  /** Forgets agent i (a renewed agent): levels back to 0, the slot reused. */
  release(i: number): void {
    const k = this.slot[i];
    if (k < 0) return;
    this.dose.fill(0, k * this.elements, (k + 1) * this.elements);
    this.floor.fill(0, k * this.elements, (k + 1) * this.elements);
    this.slot[i] = -1;
    if (this.freeCount === this.free.length) {
      const f = new Int32Array(this.free.length * 2);
      f.set(this.free);
      this.free = f;
    }
    this.free[this.freeCount++] = k;
  }

  /** People holding a slot. */
  get size(): number {
    return this.used - this.freeCount;
  }

  /** Bytes held (the per-agent slot index and the slot pool). */
  get bytes(): number {
    return this.slot.byteLength + this.dose.byteLength + this.floor.byteLength + this.free.byteLength;
  }

  private grow(): void {
    const d = new Float32Array(this.dose.length * 2),
      f = new Float32Array(this.floor.length * 2);
    d.set(this.dose);
    f.set(this.floor);
    this.dose = d;
    this.floor = f;
  }
}
