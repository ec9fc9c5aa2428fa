import type { RankedLabel } from '../rankedColumn.js';

/**
 * A precision-recall curve as scikit-learn returns it: `precision` and `recall` have one point
 * per distinct score (thresholds ascending, so recall is non-increasing) plus a final point
 * (recall 0, precision 1) that has no threshold; `thresholds` is one shorter.
 */
export interface PrCurve {
  precision: Float64Array;
  recall: Float64Array;
  thresholds: Float64Array;
}

/**
 * scikit-learn 1.2 `precision_recall_curve`: precision = tp / (tp + fp), recall = tp / positives,
 * reversed from the descending-threshold order of `_binary_clf_curve`, then (recall 0, precision 1)
 * appended. Null when the label has no positives (recall is undefined; scikit-learn sets it to 1
 * with a warning).
 */
export function precisionRecallCurve(ranked: RankedLabel): PrCurve | null {
  const { thresholds, tp, fp, positives } = ranked;
  if (positives === 0) return null;
  const n = thresholds.length;
  const precision = new Float64Array(n + 1);
  const recall = new Float64Array(n + 1);
  const ascending = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = n - 1 - i;
    const predicted = tp[k] + fp[k];
    precision[i] = predicted === 0 ? 0 : tp[k] / predicted;
    recall[i] = tp[k] / positives;
    ascending[i] = thresholds[k];
  }
  precision[n] = 1;
  recall[n] = 0;
  return { precision, recall, thresholds: ascending };
}
