/**
 * Per-label loss weights from the TRAINING labels: pos_weight for weighted BCE and the
 * class-balanced weights of the effective number of samples. The formulas themselves live in
 * src/core/weights/schemes.ts; here they are turned into the dense arrays a loss needs.
 */
import { effectiveNumberWeights, posWeights } from '../weights/schemes.js';

/** Positive rows per label of a row-major 0/1 matrix. */
export function positiveCounts(y: Uint8Array, rows: number, labels: number): Int32Array {
  const counts = new Int32Array(labels);
  for (let i = 0; i < rows; i++) {
    const row = i * labels;
    for (let l = 0; l < labels; l++) counts[l] += y[row + l];
  }
  return counts;
}

/**
 * PyTorch pos_weight = negatives / positives per label, clamped at `max`; a label without
 * positives gets 1 (its positive term never occurs, so any value is the same).
 */
export function trainingPosWeights(counts: Int32Array, rows: number, max: number): Float64Array {
  return Float64Array.from(posWeights(counts, rows, max), (w) => w ?? 1);
}

/**
 * Class-balanced weights (Cui et al., CVPR 2019): w_l = (1 - β) / (1 - β^n_l), normalised to sum
 * to the number of labels. A label without positives counts as n = 1 (the largest weight).
 */
export function classBalancedWeights(counts: Int32Array, beta: number): Float64Array {
  const atLeastOne = Array.from(counts, (n) => Math.max(n, 1));
  return Float64Array.from(effectiveNumberWeights(atLeastOne, beta), (w) => w ?? 1);
}
