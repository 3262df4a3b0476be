/** A first-in first-out queue of agent ids in a growable ring buffer (no allocation per push). */
export class AgentQueue {
  private buf = new Int32Array(64);
  private head = 0;
  size = 0;

  push(i: number): void {
    if (this.size === this.buf.length) {
      const grown = new Int32Array(this.buf.length * 2);
      for (let k = 0; k < this.size; k++) grown[k] = this.buf[(this.head + k) % this.buf.length];
      this.buf = grown;
      this.head = 0;
    }
    this.buf[(this.head + this.size++) % this.buf.length] = i;
  }

  shift(): number {
    const i = this.buf[this.head];
    this.head = (this.head + 1) % this.buf.length;
    this.size--;
    return i;
  }
}
