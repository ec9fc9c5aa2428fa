/**
 * Items ordered by a count that only ever goes down, for iterative stratification's "label with
 * the fewest remaining rows": O(1) decrement and O(1) uniform choice among the items with the
 * smallest nonzero count. The bucket layout is Batagelj & Zaversnik's (2003, k-core decomposition):
 * one array of items sorted by count, bucket c a contiguous slice of it.
 */
import { randomInt } from './random.js';

export class DecreasingCountQueue {
  /** Items sorted by count, ascending. */
  private readonly order: Int32Array;
  /** Where each item sits in `order`. */
  private readonly position: Int32Array;
  /** bucketStart[c]: first position in `order` of the items whose count is c (c = 0 .. maxCount + 1). */
  private readonly bucketStart: Int32Array;
  private readonly count: Int32Array;
  private readonly maxCount: number;
  /** No nonzero bucket below this one is occupied. */
  private lowest = 1;

  /** `counts` is copied; item t starts with counts[t]. */
  constructor(counts: ArrayLike<number>) {
    const n = counts.length;
    let maxCount = 0;
    for (let t = 0; t < n; t++) if (counts[t] > maxCount) maxCount = counts[t];
    this.maxCount = maxCount;
    this.count = Int32Array.from(counts);
    this.bucketStart = new Int32Array(maxCount + 2);
    for (let t = 0; t < n; t++) this.bucketStart[counts[t] + 1]++;
    for (let c = 0; c <= maxCount; c++) this.bucketStart[c + 1] += this.bucketStart[c];
    const next = this.bucketStart.slice(0, maxCount + 1);
    this.order = new Int32Array(n);
    this.position = new Int32Array(n);
    for (let t = 0; t < n; t++) {
      const at = next[counts[t]]++;
      this.order[at] = t;
      this.position[t] = at;
    }
  }

  countOf(item: number): number {
    return this.count[item];
  }

  /** Lowers an item's count by one (its count must be positive). */
  decrement(item: number): void {
    const c = this.count[item];
    // swap the item with the first of its bucket, then move the bucket's start past it:
    // it is now the last item of bucket c - 1
    const first = this.bucketStart[c];
    const other = this.order[first];
    const at = this.position[item];
    this.order[first] = item;
    this.position[item] = first;
    this.order[at] = other;
    this.position[other] = at;
    this.bucketStart[c] = first + 1;
    this.count[item] = c - 1;
    if (c - 1 >= 1 && c - 1 < this.lowest) this.lowest = c - 1;
  }

  /** An item with the smallest nonzero count, chosen uniformly among ties; -1 when every count is 0. */
  pickSmallest(random: () => number): number {
    while (this.lowest <= this.maxCount && this.bucketStart[this.lowest + 1] === this.bucketStart[this.lowest]) this.lowest++;
    if (this.lowest > this.maxCount) return -1;
    const start = this.bucketStart[this.lowest];
    const size = this.bucketStart[this.lowest + 1] - start;
    return this.order[size === 1 ? start : start + randomInt(random, size)];
  }
}
