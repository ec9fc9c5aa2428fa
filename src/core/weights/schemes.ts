/**
 * Per-label loss weights from positive counts. A label with no positives gets null: no finite
 * weight exists for it, and the caller decides what to print.
 */

/**
 * pos_weight(l) = (N - n_l) / n_l, negatives per positive, exactly the `pos_weight` that
 * PyTorch's BCEWithLogitsLoss multiplies the positive term by; clamped at `max`.
 */
export function posWeights(counts: ArrayLike<number>, rows: number, max: number): (number | null)[] {
  return Array.from(counts, (n) => (n === 0 ? null : Math.min((rows - n) / n, max)));
}

/**
 * Inverse frequency N / n_l, normalised to mean 1 over the labels with positives (the common
 * `class_weights` recipe). NOT a pos_weight: it scales a label's whole loss. N cancels out in the
 * normalisation, so 1 / n_l is used and huge N loses no precision.
 */
export function inverseFrequencyWeights(counts: ArrayLike<number>): (number | null)[] {
  return normaliseToMeanOne(Array.from(counts, (n) => (n === 0 ? null : 1 / n)));
}

/** Square-root inverse frequency sqrt(N / n_l), normalised to mean 1 over the labels with positives. */
export function sqrtInverseFrequencyWeights(counts: ArrayLike<number>): (number | null)[] {
  return normaliseToMeanOne(Array.from(counts, (n) => (n === 0 ? null : 1 / Math.sqrt(n))));
}

/**
 * Class-balanced weights by effective number of samples (Cui et al., CVPR 2019):
 * w_l = (1 - beta) / (1 - beta^n_l), normalised to sum to the number of labels with positives.
 * beta = 0 gives equal weights; beta -> 1 approaches inverse frequency. 1 - beta^n is computed
 * as -expm1(n ln beta) so that beta close to 1 keeps its precision.
 */
export function effectiveNumberWeights(counts: ArrayLike<number>, beta: number): (number | null)[] {
  const raw = Array.from(counts, (n) => (n === 0 ? null : (1 - beta) / -Math.expm1(n * Math.log(beta))));
  return normaliseToMeanOne(raw); // mean 1 over k labels = sum k
}

/** Scales the non-null values to mean 1 (so they sum to their number). */
export function normaliseToMeanOne(values: (number | null)[]): (number | null)[] {
  let sum = 0;
  let k = 0;
  for (const v of values) {
    if (v === null) continue;
    sum += v;
    k++;
  }
  if (k === 0 || !(sum > 0)) return values.map((v) => (v === null ? null : 1));
  return values.map((v) => (v === null ? null : (v * k) / sum));
}
