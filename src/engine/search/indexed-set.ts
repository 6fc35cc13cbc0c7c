// A set of small integers with O(1) add, delete, membership and uniform random pick.

/** A set of integers in [0, capacity) kept as a dense list plus positions. */
export class IndexedSet {
  private readonly items: Int32Array;
  private readonly pos: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.items = new Int32Array(capacity);
    this.pos = new Int32Array(capacity).fill(-1);
  }

  has(x: number): boolean {
    return this.pos[x]! >= 0;
  }

  add(x: number): void {
    if (this.pos[x]! >= 0) return;
    this.pos[x] = this.size;
    this.items[this.size++] = x;
  }

  delete(x: number): void {
    const i = this.pos[x]!;
    if (i < 0) return;
    const last = this.items[--this.size]!;
    this.items[i] = last;
    this.pos[last] = i;
    this.pos[x] = -1;
  }

  /** The element at position i (0 <= i < size); positions change on delete. */
  at(i: number): number {
    return this.items[i]!;
  }

  /** A copy of the elements. */
  toArray(): number[] {
    return Array.from(this.items.subarray(0, this.size));
  }
}
