// A binary min-heap of (key, value) pairs in typed arrays, for Dijkstra. No decrease-key: a node whose time improves
// is pushed again and the stale entry is skipped when popped (lazy deletion), which keeps the heap a flat array and
// is faster in practice than an indexed heap on road graphs (each node is pushed about as often as its in-degree).

export class MinHeap {
  private keys: Float64Array;
  private values: Int32Array;
  size = 0;

  constructor(capacity = 1024) {
    this.keys = new Float64Array(Math.max(2, capacity));
    this.values = new Int32Array(Math.max(2, capacity));
  }

  push(key: number, value: number): void {
    if (this.size === this.keys.length) this.grow();
    let i = this.size++;
    // sift up: move parents down until the slot fits
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = this.keys[parent]!;
      if (pk < key || (pk === key && this.values[parent]! <= value)) break;
      this.keys[i] = pk;
      this.values[i] = this.values[parent]!;
      i = parent;
    }
    this.keys[i] = key;
    this.values[i] = value;
  }

  /** Key of the smallest entry (call only when size > 0). */
  peekKey(): number {
    return this.keys[0]!;
  }

  /** Removes the smallest entry and returns its value (call only when size > 0). Ties pop the smaller value first. */
  pop(): number {
    const top = this.values[0]!;
    const n = --this.size;
    if (n > 0) {
      const key = this.keys[n]!;
      const value = this.values[n]!;
      let i = 0;
      // sift down: move the smaller child up until the last entry fits
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        let c = l;
        if (
          r < n &&
          (this.keys[r]! < this.keys[l]! || (this.keys[r] === this.keys[l] && this.values[r]! < this.values[l]!))
        )
          c = r;
        const ck = this.keys[c]!;
        if (key < ck || (key === ck && value <= this.values[c]!)) break;
        this.keys[i] = ck;
        this.values[i] = this.values[c]!;
        i = c;
      }
      this.keys[i] = key;
      this.values[i] = value;
    }
    return top;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    const values = new Int32Array(this.values.length * 2);
    values.set(this.values);
    this.keys = keys;
    this.values = values;
  }
}
