/**
 * Exact k nearest neighbours under cosine distance, 1 − a·b, for unit (or zero) sparse vectors:
 * each query is scattered into a dense buffer and dotted with every other row's non-zeros.
 * Rows ordered by (distance, index): ties go to the lower index. A zero vector is at distance 1
 * from everything.
 */
import type { SearchControl } from './nearestNeighbours.js';
import { NeighbourPool } from './neighbourPool.js';
import { HASH_BUCKETS, type SparseVectors } from './textVectors.js';

/** n x k local indices (k <= n − 1), each row ordered by cosine distance then index. */
export function cosineNeighbours(vectors: SparseVectors, k: number, control: SearchControl = {}): Int32Array {
  const n = vectors.rows;
  if (!Number.isInteger(k) || k < 1 || k > n - 1) throw new RangeError(`k = ${k} neighbours among ${n} points`);
  const { offsets, indices, values } = vectors;
  const dense = new Float64Array(HASH_BUCKETS);
  const pool = new NeighbourPool(n, k);
  for (let q = 0; q < n; q++) {
    if ((q & 63) === 0) control.signal?.throwIfAborted();
    for (let p = offsets[q]; p < offsets[q + 1]; p++) dense[indices[p]] = values[p];
    for (let j = 0; j < n; j++) {
      if (j === q) continue;
      let dot = 0;
      for (let p = offsets[j]; p < offsets[j + 1]; p++) dot += dense[indices[p]] * values[p];
      pool.offer(q, j, 1 - dot);
    }
    for (let p = offsets[q]; p < offsets[q + 1]; p++) dense[indices[p]] = 0;
    if ((q & 63) === 63 || q === n - 1) control.onPoints?.((q & 63) + 1);
  }
  return pool.take(k);
}
