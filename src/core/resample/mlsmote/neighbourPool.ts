/**
 * The best few candidates of every query point, each list kept sorted by (distance, index): a
 * tiny insertion buffer per query, so offering a candidate that is no better than the worst kept
 * one costs one comparison. Ties in distance go to the lower index.
 */
export class NeighbourPool {
  readonly distances: Float64Array;
  readonly indices: Int32Array;
  readonly sizes: Int32Array;
  /**
   * Per query, the distance of the worst kept candidate once the list is full (+Infinity before):
   * a candidate farther than this cannot enter, so callers may skip `offer` (a tie still may).
   */
  readonly bounds: Float64Array;

  constructor(
    readonly queries: number,
    readonly capacity: number,
  ) {
    this.distances = new Float64Array(queries * capacity);
    this.indices = new Int32Array(queries * capacity);
    this.sizes = new Int32Array(queries);
    this.bounds = new Float64Array(queries).fill(Infinity);
  }

  /** Offers candidate `index` at `distance` to query `query`. */
  offer(query: number, index: number, distance: number): void {
    const cap = this.capacity;
    const base = query * cap;
    const dist = this.distances;
    const idx = this.indices;
    let size = this.sizes[query];
    if (size === cap) {
      const worst = base + cap - 1;
      if (distance > dist[worst] || (distance === dist[worst] && index > idx[worst])) return;
      size--;
    }
    let p = base + size;
    while (p > base && (dist[p - 1] > distance || (dist[p - 1] === distance && idx[p - 1] > index))) {
      dist[p] = dist[p - 1];
      idx[p] = idx[p - 1];
      p--;
    }
    dist[p] = distance;
    idx[p] = index;
    this.sizes[query] = size + 1;
    if (size + 1 === cap) this.bounds[query] = dist[base + cap - 1];
  }

  /** The first `k` kept candidates of every query, queries x k (every query must hold k). */
  take(k: number): Int32Array {
    const out = new Int32Array(this.queries * k);
    for (let q = 0; q < this.queries; q++) {
      if (this.sizes[q] < k) throw new RangeError(`query ${q} holds ${this.sizes[q]} candidates, ${k} wanted`);
      out.set(this.indices.subarray(q * this.capacity, q * this.capacity + k), q * k);
    }
    return out;
  }
}
