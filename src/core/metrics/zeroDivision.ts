import type { ZeroDivision } from './types.js';

/**
 * scikit-learn `_prf_divide`: numerator / denominator, and where the denominator is 0 the
 * zero_division value (0 or 1), or null under 'exclude' (the value is undefined and is left out
 * of any average).
 */
export function divide(numerator: number, denominator: number, zeroDivision: ZeroDivision): number | null {
  if (denominator !== 0) return numerator / denominator;
  return zeroDivision === 'exclude' ? null : zeroDivision;
}

/**
 * scikit-learn 1.2 `precision_recall_fscore_support` F1: 2PR / (P + R) from the already
 * zero-division-substituted P and R, and 0 when P + R = 0. Under 'exclude' F1 is undefined only
 * when both P and R are (tp + fp + fn = 0); when just one is undefined tp = 0, so F1 = 0.
 */
export function fScore(precision: number | null, recall: number | null): number | null {
  if (precision === null && recall === null) return null;
  if (precision === null || recall === null) return 0;
  const denominator = precision + recall;
  return denominator === 0 ? 0 : (2 * precision * recall) / denominator;
}

/** np.average over the defined values (weights optional); null when nothing is defined or the weights sum to 0. */
export function meanDefined(values: ArrayLike<number | null>, weights?: ArrayLike<number>): number | null {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null) continue;
    const w = weights ? weights[i] : 1;
    sum += w * v;
    total += w;
  }
  return total === 0 ? null : sum / total;
}
