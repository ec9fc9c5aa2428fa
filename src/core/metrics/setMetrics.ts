import type { ConfusionCounts } from './confusionCounts.js';
import type { ZeroDivision } from './types.js';
import { divide, meanDefined } from './zeroDivision.js';

/** Jaccard index averaged three ways; null only under 'exclude' when nothing is defined. */
export interface JaccardAverages {
  samples: number | null;
  macro: number | null;
  micro: number | null;
}

/** scikit-learn `hamming_loss`: the fraction of (row, label) cells predicted wrongly. */
export function hammingLoss(counts: ConfusionCounts): number {
  let wrong = 0;
  for (let l = 0; l < counts.labels; l++) wrong += counts.fp[l] + counts.fn[l];
  return counts.rows * counts.labels === 0 ? 0 : wrong / (counts.rows * counts.labels);
}

/** scikit-learn `accuracy_score` on multilabel input: the fraction of rows whose label set is predicted exactly. */
export function subsetAccuracy(counts: ConfusionCounts): number {
  let exact = 0;
  for (let i = 0; i < counts.rows; i++) {
    const tp = counts.rowTp[i];
    if (tp === counts.rowPredicted[i] && tp === counts.rowTrue[i]) exact++;
  }
  return counts.rows === 0 ? 0 : exact / counts.rows;
}

/**
 * scikit-learn `jaccard_score` with average = samples, macro and micro: tp / (tp + fp + fn), with
 * zero_division where the union is empty ('exclude': the row or label is left out).
 */
export function jaccard(counts: ConfusionCounts, zeroDivision: ZeroDivision): JaccardAverages {
  const perRow: (number | null)[] = new Array<number | null>(counts.rows);
  for (let i = 0; i < counts.rows; i++) {
    const tp = counts.rowTp[i];
    perRow[i] = divide(tp, counts.rowPredicted[i] + counts.rowTrue[i] - tp, zeroDivision);
  }
  const perLabel: (number | null)[] = [];
  let tp = 0;
  let union = 0;
  for (let l = 0; l < counts.labels; l++) {
    const labelUnion = counts.tp[l] + counts.fp[l] + counts.fn[l];
    perLabel.push(divide(counts.tp[l], labelUnion, zeroDivision));
    tp += counts.tp[l];
    union += labelUnion;
  }
  return { samples: meanDefined(perRow), macro: meanDefined(perLabel), micro: divide(tp, union, zeroDivision) };
}
