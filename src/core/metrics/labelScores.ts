import type { RankedLabel } from './rankedColumn.js';

/**
 * scikit-learn `average_precision_score` of one label: the step-wise sum over distinct thresholds
 * of (R_n - R_{n-1}) P_n, no interpolation. For a label with no positives sklearn 1.2.1 returns 0
 * (recall is set to 1 everywhere and the only step is weighted by the precision at the top
 * threshold, which is 0), and so does this.
 */
export function averagePrecision(ranked: RankedLabel): number {
  const { tp, fp, positives } = ranked;
  if (positives === 0) return 0;
  let sum = 0;
  let previousRecall = 0;
  for (let k = 0; k < tp.length; k++) {
    const recall = tp[k] / positives;
    if (recall !== previousRecall) sum += (recall - previousRecall) * (tp[k] / (tp[k] + fp[k]));
    previousRecall = recall;
  }
  return sum;
}

/** The ROC AUC of one label, or why it is undefined. */
export interface RocAucResult {
  value: number | null;
  note?: string;
}

/**
 * scikit-learn `roc_auc_score` of one label: the trapezoidal area under (fpr, tpr) starting at
 * (0, 0), computed exactly in integers. sklearn raises a ValueError when the truth has only one
 * class; here the value is null with a note saying which class is missing.
 */
export function rocAuc(ranked: RankedLabel): RocAucResult {
  const { tp, fp, positives, negatives } = ranked;
  if (positives === 0 || negatives === 0) {
    const missing = positives === 0 ? 'no positives' : 'no negatives';
    return { value: null, note: `undefined: the truth has only one class (${missing})` };
  }
  let area = 0;
  let previousTp = 0;
  let previousFp = 0;
  for (let k = 0; k < tp.length; k++) {
    area += (fp[k] - previousFp) * (tp[k] + previousTp);
    previousTp = tp[k];
    previousFp = fp[k];
  }
  return { value: area / (2 * positives * negatives) };
}
