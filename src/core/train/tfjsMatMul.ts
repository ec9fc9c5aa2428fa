/**
 * The large products of the hand-written step on TensorFlow.js kernels (XNNPACK SIMD under the
 * wasm backend, libtensorflow under tfjs-node). Measured here for 64 x 103 x 128: ~150 µs per
 * product including the copies in and out of the wasm heap, against ~500 µs for the plain-JS
 * kernel; below MIN_MACS the fixed cost of a tfjs call (~40 µs) loses, and the JS kernel runs.
 * Only the plain product A · B is used: the wasm backend's transposeB path re-transposes and
 * re-packs on every call (~1 ms here).
 */
import * as tf from '@tensorflow/tfjs';
import { initTfBackend, type TfBackendName, type TfBackendOptions } from './backend.js';
import { matMulTransposed, transpose, type MatMulTransposed } from './gemm.js';

/** Products with fewer multiply-adds stay in JS. */
const MIN_MACS = 200_000;

/** A MatMulTransposed on the tfjs backend, or undefined when only the pure-JS 'cpu' backend loads (slower than our kernel). */
export async function tfjsMatMulTransposed(options: TfBackendOptions = {}): Promise<{ backend: TfBackendName; matMul: MatMulTransposed } | undefined> {
  const backend = await initTfBackend(options);
  if (backend === 'cpu') return undefined;
  let scratch = new Float32Array(0);
  const matMul: MatMulTransposed = (a, b, c, m, n, k) => {
    if (m * n * k < MIN_MACS) return matMulTransposed(a, b, c, m, n, k);
    if (scratch.length < k * n) scratch = new Float32Array(k * n);
    transpose(b, scratch, n, k); // B[n x k] -> Bᵀ[k x n]
    const product = tf.tidy(() => tf.matMul(tf.tensor2d(a.subarray(0, m * k), [m, k]), tf.tensor2d(scratch.subarray(0, k * n), [k, n])));
    c.set(product.dataSync());
    product.dispose();
  };
  return { backend, matMul };
}
