import type { ConfusionCounts } from './confusionCounts.js';
import type { ZeroDivision } from './types.js';
import { divide, fScore, meanDefined } from './zeroDivision.js';

/** Precision, recall and F1 of one label, one row or one average; null only under 'exclude'. */
export interface PrecisionRecallF1 {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface AveragedPrecisionRecallF1 {
  micro: PrecisionRecallF1;
  macro: PrecisionRecallF1;
  weighted: PrecisionRecallF1;
  samples: PrecisionRecallF1;
}

/** scikit-learn `precision_recall_fscore_support` (beta = 1) of one set of counts. */
export function precisionRecallF1(tp: number, predicted: number, positives: number, zeroDivision: ZeroDivision): PrecisionRecallF1 {
  const precision = divide(tp, predicted, zeroDivision);
  const recall = divide(tp, positives, zeroDivision);
  return { precision, recall, f1: fScore(precision, recall) };
}

/** Per-label precision, recall and F1 (`precision_recall_fscore_support(average=None)`). */
export function perLabelPrecisionRecallF1(counts: ConfusionCounts, zeroDivision: ZeroDivision): PrecisionRecallF1[] {
  const out: PrecisionRecallF1[] = [];
  for (let l = 0; l < counts.labels; l++) {
    const tp = counts.tp[l];
    out.push(precisionRecallF1(tp, tp + counts.fp[l], tp + counts.fn[l], zeroDivision));
  }
  return out;
}

/** scikit-learn `precision_recall_fscore_support` with average = micro, macro, weighted and samples. */
export function averagedPrecisionRecallF1(counts: ConfusionCounts, perLabel: PrecisionRecallF1[], zeroDivision: ZeroDivision): AveragedPrecisionRecallF1 {
  return {
    micro: microAverage(counts, zeroDivision),
    macro: meanOf(perLabel),
    weighted: weightedAverage(counts, perLabel, zeroDivision),
    samples: samplesAverage(counts, zeroDivision),
  };
}

/** average='micro': the metric of the summed counts. */
function microAverage(counts: ConfusionCounts, zeroDivision: ZeroDivision): PrecisionRecallF1 {
  let tp = 0;
  let predicted = 0;
  let positives = 0;
  for (let l = 0; l < counts.labels; l++) {
    tp += counts.tp[l];
    predicted += counts.tp[l] + counts.fp[l];
    positives += counts.tp[l] + counts.fn[l];
  }
  return precisionRecallF1(tp, predicted, positives, zeroDivision);
}

/** The (weighted) mean of each metric over the given labels or rows, skipping undefined ones. */
function meanOf(items: PrecisionRecallF1[], weights?: ArrayLike<number>): PrecisionRecallF1 {
  return {
    precision: meanDefined(items.map((m) => m.precision), weights),
    recall: meanDefined(items.map((m) => m.recall), weights),
    f1: meanDefined(items.map((m) => m.f1), weights),
  };
}

/**
 * average='weighted': weights are the supports. sklearn 1.2 special case: when no label has a
 * positive, precision = recall = F1 = zero_division if nothing is predicted either, else
 * precision = F1 = 0 and recall = zero_division (0 or 1). Under 'exclude' that case is undefined.
 */
function weightedAverage(counts: ConfusionCounts, perLabel: PrecisionRecallF1[], zeroDivision: ZeroDivision): PrecisionRecallF1 {
  const support = new Float64Array(counts.labels);
  let totalSupport = 0;
  let totalPredicted = 0;
  for (let l = 0; l < counts.labels; l++) {
    support[l] = counts.tp[l] + counts.fn[l];
    totalSupport += support[l];
    totalPredicted += counts.tp[l] + counts.fp[l];
  }
  if (totalSupport === 0) {
    if (zeroDivision === 'exclude') return { precision: null, recall: null, f1: null };
    if (totalPredicted === 0) return { precision: zeroDivision, recall: zeroDivision, f1: zeroDivision };
    return { precision: 0, recall: zeroDivision, f1: 0 };
  }
  return meanOf(perLabel, support);
}

/** average='samples': the mean over rows of each row's metric (from `multilabel_confusion_matrix(samplewise=True)`). */
function samplesAverage(counts: ConfusionCounts, zeroDivision: ZeroDivision): PrecisionRecallF1 {
  let precision = 0;
  let recall = 0;
  let f1 = 0;
  let nPrecision = 0;
  let nRecall = 0;
  let nF1 = 0;
  for (let i = 0; i < counts.rows; i++) {
    const row = precisionRecallF1(counts.rowTp[i], counts.rowPredicted[i], counts.rowTrue[i], zeroDivision);
    if (row.precision !== null) (precision += row.precision), nPrecision++;
    if (row.recall !== null) (recall += row.recall), nRecall++;
    if (row.f1 !== null) (f1 += row.f1), nF1++;
  }
  return {
    precision: nPrecision === 0 ? null : precision / nPrecision,
    recall: nRecall === 0 ? null : recall / nRecall,
    f1: nF1 === 0 ? null : f1 / nF1,
  };
}
