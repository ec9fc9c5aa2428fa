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

/** Rows per block: three int32 counters per row, 24 KB. */
const BLOCK_ROWS = 2048;

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
  // Rows in blocks, all labels per block, so the block's per-row counters stay in cache.
  const positives = new Int32Array(labels);
  const predicted = new Int32Array(labels);
  for (let first = 0; first < rows; first += BLOCK_ROWS) {
    const last = Math.min(rows, first + BLOCK_ROWS);
    for (let l = 0; l < labels; l++) countBlock(data, counts, l, thresholds[l], first, last, positives, predicted);
  }
  for (let l = 0; l < labels; l++) {
    const tp = counts.tp[l];
    counts.fp[l] = predicted[l] - tp;
    counts.fn[l] = positives[l] - tp;
    counts.tn[l] = rows - predicted[l] - positives[l] + tp;
  }
  return counts;
}

/** Rows [first, last) of one label's column: per-row counters, and the label's tp, predicted and positives. */
function countBlock(data: EvaluationData, counts: ConfusionCounts, label: number, threshold: number, first: number, last: number, positivesOf: Int32Array, predictedOf: Int32Array): void {
  const { truth, scores, rows } = data;
  const { rowTp, rowPredicted, rowTrue } = counts;
  const offset = label * rows;
  let tp = 0;
  let predicted = 0;
  let positives = 0;
  for (let i = first; i < last; i++) {
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
  counts.tp[label] += tp;
  predictedOf[label] += predicted;
  positivesOf[label] += positives;
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
