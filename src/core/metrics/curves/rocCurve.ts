import type { RankedLabel } from '../rankedColumn.js';

/**
 * A ROC curve as scikit-learn returns it with drop_intermediate=False: a first point (0, 0) for
 * threshold +inf, then one point per distinct score, thresholds descending.
 */
export interface RocCurve {
  fpr: Float64Array;
  tpr: Float64Array;
  /** thresholds[0] is +Infinity (scikit-learn 1.2 writes max score + 1 there; 1.3+ writes inf). */
  thresholds: Float64Array;
}

/**
 * scikit-learn `roc_curve(drop_intermediate=False)`: fpr = fp / negatives, tpr = tp / positives
 * over the `_binary_clf_curve` counts with (0, 0) prepended. Null when the label has only one
 * class (scikit-learn returns NaN for the missing rate, with a warning).
 */
export function rocCurve(ranked: RankedLabel): RocCurve | null {
  const { thresholds, tp, fp, positives, negatives } = ranked;
  if (positives === 0 || negatives === 0) return null;
  const n = thresholds.length;
  const fpr = new Float64Array(n + 1);
  const tpr = new Float64Array(n + 1);
  const withStart = new Float64Array(n + 1);
  withStart[0] = Infinity;
  for (let k = 0; k < n; k++) {
    fpr[k + 1] = fp[k] / negatives;
    tpr[k + 1] = tp[k] / positives;
    withStart[k + 1] = thresholds[k];
  }
  return { fpr, tpr, thresholds: withStart };
}
