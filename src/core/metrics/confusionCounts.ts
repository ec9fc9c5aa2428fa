import { UsageError } from '../errors.js';
import type { EvaluationData } from './types.js';

/**
 * Confusion counts for predictions score >= threshold, per label (scikit-learn
 * `multilabel_confusion_matrix`: [[tn, fp], [fn, tp]] per label) and per row (its
 * `samplewise=True` form), in one pass over the label-major columns.
 */
export interface ConfusionCounts {
  rows: number;
  labels: number;
  /** Per label. */
  tp: Int32Array;
  fp: Int32Array;
  fn: Int32Array;
  tn: Int32Array;
  /** Per row: true labels predicted, labels predicted, true labels. */
  rowTp: Int32Array;
  rowPredicted: Int32Array;
  rowTrue: Int32Array;
}

/** Count tp/fp/fn/tn per label and tp/predicted/true per row. */
export function confusionCounts(data: EvaluationData, thresholds: ArrayLike<number>): ConfusionCounts {
  const { rows } = data;
  const labels = data.labelNames.length;
  checkShape(data, thresholds);
  const counts: ConfusionCounts = {
    rows,
    labels,
    tp: new Int32Array(labels),
    fp: new Int32Array(labels),
    fn: new Int32Array(labels),
    tn: new Int32Array(labels),
    rowTp: new Int32Array(rows),
    rowPredicted: new Int32Array(rows),
    rowTrue: new Int32Array(rows),
  };
  for (let l = 0; l < labels; l++) countColumn(data, counts, l, thresholds[l]);
  return counts;
}

function countColumn(data: EvaluationData, counts: ConfusionCounts, label: number, threshold: number): void {
  const { truth, scores, rows } = data;
  const { rowTp, rowPredicted, rowTrue } = counts;
  const offset = label * rows;
  let tp = 0;
  let predicted = 0;
  let positives = 0;
  for (let i = 0; i < rows; i++) {
    const y = truth[offset + i] !== 0 ? 1 : 0;
    const p = scores[offset + i] >= threshold ? 1 : 0;
    const hit = y & p;
    tp += hit;
    predicted += p;
    positives += y;
    rowTp[i] += hit;
    rowPredicted[i] += p;
    rowTrue[i] += y;
  }
  counts.tp[label] = tp;
  counts.fp[label] = predicted - tp;
  counts.fn[label] = positives - tp;
  counts.tn[label] = rows - predicted - positives + tp;
}

/** The data's arrays and the thresholds must agree with rows x labels. */
export function checkShape(data: EvaluationData, thresholds: ArrayLike<number>): void {
  const size = data.rows * data.labelNames.length;
  if (data.truth.length !== size || data.scores.length !== size) {
    throw new UsageError(`expected ${data.rows} rows x ${data.labelNames.length} labels = ${size} truth values and scores, got ${data.truth.length} and ${data.scores.length}`);
  }
  if (thresholds.length !== data.labelNames.length) {
    throw new UsageError(`expected one threshold per label (${data.labelNames.length}), got ${thresholds.length}`);
  }
  for (let l = 0; l < thresholds.length; l++) {
    if (!Number.isFinite(thresholds[l])) throw new UsageError(`the threshold of label '${data.labelNames[l]}' is ${thresholds[l]}; expected a finite number`);
  }
}
