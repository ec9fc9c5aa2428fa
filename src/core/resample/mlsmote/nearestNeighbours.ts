/**
 * Exact k nearest neighbours of every point among the others of the same set (Euclidean), by a
 * blocked brute-force search: the usual GEMM form ||a||² + ||b||² − 2 a·b over 64 x 64 tiles of
 * the upper triangle (each pair computed once, offered to both ends), with a register-tiled dot
 * product kernel. The best 2k + 8 candidates of each point are then re-measured exactly, as
 * Σ_f (a_f − b_f)² in feature order, and the k best kept, ordered by (that distance, index):
 * ties go to the lower index. A point is never its own neighbour, but an exact duplicate is one,
 * at distance 0. (Where more than 2k + 8 distinct points lie at exactly the k-th distance, the
 * rounding of the GEMM form, not the index, decides which of them reach the exact re-measure.)
 */
import { NeighbourPool } from './neighbourPool.js';

const BLOCK = 64;

export interface SearchControl {
  signal?: AbortSignal;
  /** Called with how many more query points have their neighbours final. */
  onPoints?: (points: number) => void;
}

/**
 * `points` is n x dims, row-major. Returns n x k local indices (k <= n − 1), each row ordered by
 * distance then index.
 */
export function nearestNeighbours(points: Float64Array, n: number, dims: number, k: number, control: SearchControl = {}): Int32Array {
  if (!Number.isInteger(k) || k < 1 || k > n - 1) throw new RangeError(`k = ${k} neighbours among ${n} points`);
  if (points.length !== n * dims) throw new RangeError(`${points.length} values for ${n} x ${dims} points`);
  const norms = squaredNorms(points, n, dims);
  const pool = new NeighbourPool(n, Math.min(n - 1, 2 * k + 8));
  const { bounds } = pool;
  const tile = new Float64Array(BLOCK * BLOCK);
  for (let i0 = 0; i0 < n; i0 += BLOCK) {
    control.signal?.throwIfAborted();
    const i1 = Math.min(n, i0 + BLOCK);
    for (let j0 = i0; j0 < n; j0 += BLOCK) {
      const j1 = Math.min(n, j0 + BLOCK);
      dotTile(points, dims, i0, i1, j0, j1, tile);
      for (let i = i0; i < i1; i++) {
        const row = (i - i0) * BLOCK - j0;
        const ni = norms[i];
        for (let j = j0 === i0 ? i + 1 : j0; j < j1; j++) {
          const d = ni + norms[j] - 2 * tile[row + j];
          if (d <= bounds[i]) pool.offer(i, j, d);
          if (d <= bounds[j]) pool.offer(j, i, d);
        }
      }
    }
    // Tiles (j < i0, i0) came earlier, so the points of this block have met every other point.
    control.onPoints?.(i1 - i0);
  }
  return exactBest(points, dims, pool, k);
}

/** Re-measures every kept candidate exactly and keeps the k best by (distance, index). */
function exactBest(points: Float64Array, dims: number, pool: NeighbourPool, k: number): Int32Array {
  const best = new NeighbourPool(pool.queries, k);
  for (let q = 0; q < pool.queries; q++) {
    const base = q * pool.capacity;
    for (let c = 0; c < pool.sizes[q]; c++) {
      const j = pool.indices[base + c];
      best.offer(q, j, squaredDistance(points, dims, q, j));
    }
  }
  return best.take(k);
}

/** Σ_f (a_f − b_f)² between points a and b, in feature order. */
export function squaredDistance(points: Float64Array, dims: number, a: number, b: number): number {
  let s = 0;
  const pa = a * dims;
  const pb = b * dims;
  for (let f = 0; f < dims; f++) {
    const d = points[pa + f] - points[pb + f];
    s += d * d;
  }
  return s;
}

function squaredNorms(points: Float64Array, n: number, dims: number): Float64Array {
  const norms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let f = i * dims, end = f + dims; f < end; f++) s += points[f] * points[f];
    norms[i] = s;
  }
  return norms;
}

/**
 * tile[(i − i0) * BLOCK + (j − j0)] = a_i · a_j for i in [i0, i1), j in [j0, j1): 2 x 4 points
 * at a time, so each loaded value feeds several products (8 sums stay in registers).
 */
function dotTile(x: Float64Array, dims: number, i0: number, i1: number, j0: number, j1: number, tile: Float64Array): void {
  let i = i0;
  for (; i + 1 < i1; i += 2) {
    const a0 = i * dims;
    const a1 = a0 + dims;
    const t0 = (i - i0) * BLOCK - j0;
    const t1 = t0 + BLOCK;
    let j = j0;
    for (; j + 3 < j1; j += 4) {
      const b0 = j * dims;
      const b1 = b0 + dims;
      const b2 = b1 + dims;
      const b3 = b2 + dims;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      for (let f = 0; f < dims; f++) {
        const u = x[a0 + f];
        const v = x[a1 + f];
        const p = x[b0 + f];
        const q = x[b1 + f];
        const r = x[b2 + f];
        const s = x[b3 + f];
        s00 += u * p;
        s01 += u * q;
        s02 += u * r;
        s03 += u * s;
        s10 += v * p;
        s11 += v * q;
        s12 += v * r;
        s13 += v * s;
      }
      tile[t0 + j] = s00;
      tile[t0 + j + 1] = s01;
      tile[t0 + j + 2] = s02;
      tile[t0 + j + 3] = s03;
      tile[t1 + j] = s10;
      tile[t1 + j + 1] = s11;
      tile[t1 + j + 2] = s12;
      tile[t1 + j + 3] = s13;
    }
    for (; j < j1; j++) {
      tile[t0 + j] = dotRows(x, dims, i, j);
      tile[t1 + j] = dotRows(x, dims, i + 1, j);
    }
  }
  for (; i < i1; i++) {
    const t = (i - i0) * BLOCK - j0;
    for (let j = j0; j < j1; j++) tile[t + j] = dotRows(x, dims, i, j);
  }
}

function dotRows(x: Float64Array, dims: number, a: number, b: number): number {
  let s = 0;
  const pa = a * dims;
  const pb = b * dims;
  for (let f = 0; f < dims; f++) s += x[pa + f] * x[pb + f];
  return s;
}
