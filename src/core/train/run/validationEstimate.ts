/**
 * How a trained strategy is expected to do on rows it has not seen, measured on the validation
 * rows only (the test rows never steer a choice): the headline metrics at the threshold 0.5, and
 * with per-label thresholds tuned out of fold. Tuning thresholds on the validation rows and then
 * scoring those same rows would grade the tuning on its own homework (on a validation part of 60
 * rows it flatters every strategy, and the noisiest most); so the validation rows are cut into two
 * halves by iterative stratification, thresholds tuned on each half predict the other, and the
 * two halves' confusion counts are summed (cross-fitting, as in k-fold cross-validation with k = 2).
 * With k-fold cross-validation the scores are every training row's out-of-fold scores and the
 * parts are the k folds: each fold is scored at the thresholds tuned on the other k - 1.
 */
import type { HeadlineMetrics } from '../../../protocol/training.js';
import { averagedPrecisionRecallF1, confusionCounts, perLabelPrecisionRecallF1, type ConfusionCounts } from '../../metrics/index.js';
import type { EvaluationData } from '../../metrics/types.js';
import type { LabelMatrix } from '../../data/labelMatrix.js';
import { rowsOfParts, rowsOutsidePart } from '../../data/partRows.js';
import { iterativeStratify } from '../../resample/iterativeStratify.js';
import { headlineMetrics, tunedThresholds } from './headline.js';

export interface ValidationEstimate {
  /** On every validation row at the threshold 0.5. */
  fixed: HeadlineMetrics;
  /** On every validation row, each part at the thresholds tuned on the other parts (mAP: threshold-free, as `fixed`). */
  tuned: HeadlineMetrics;
}

/** The two halves of the validation rows (0 or 1 per row), the same for every strategy of a run. */
export function validationHalves(labels: LabelMatrix, seed: number): Int32Array {
  if (labels.rows < 2) return new Int32Array(labels.rows);
  return iterativeStratify(labels, { proportions: [0.5, 0.5], seed }).assignment;
}

/** `parts`: the part (0..k-1) of each validation row, k >= 2 (validationHalves, or the folds of cross-validation). */
export function validationEstimate(validation: EvaluationData, parts: Int32Array, tail: readonly number[]): ValidationEstimate {
  const labels = validation.labelNames.length;
  const fixed = headlineMetrics(validation, new Array<number>(labels).fill(0.5), tail);
  const k = parts.reduce((max, p) => Math.max(max, p + 1), 0);
  const rows = rowsOfParts(parts, k);
  if (rows.filter((r) => r.length > 0).length < 2) return { fixed, tuned: fixed };
  let counts: ConfusionCounts | undefined;
  for (let p = 0; p < k; p++) {
    if (rows[p].length === 0) continue;
    const thresholds = tunedThresholds(subsetRows(validation, rowsOutsidePart(parts, p)));
    const part = confusionCounts(subsetRows(validation, rows[p]), thresholds);
    counts = counts ? sumCounts(counts, part) : part;
  }
  const perLabel = perLabelPrecisionRecallF1(counts!, 0);
  const averages = averagedPrecisionRecallF1(counts!, perLabel, 0);
  const tailF1 = tail.length === 0 ? 0 : tail.reduce((sum, l) => sum + (perLabel[l].f1 ?? 0), 0) / tail.length;
  return { fixed, tuned: { macroF1: averages.macro.f1 ?? 0, microF1: averages.micro.f1 ?? 0, mAP: fixed.mAP, tailF1 } };
}

/** The given rows of label-major evaluation data. */
function subsetRows(data: EvaluationData, rows: Int32Array): EvaluationData {
  const n = rows.length;
  const labels = data.labelNames.length;
  const out: EvaluationData = { rows: n, labelNames: data.labelNames, truth: new Uint8Array(n * labels), scores: new Float64Array(n * labels) };
  for (let l = 0; l < labels; l++) {
    for (let i = 0; i < n; i++) {
      out.truth[l * n + i] = data.truth[l * data.rows + rows[i]];
      out.scores[l * n + i] = data.scores[l * data.rows + rows[i]];
    }
  }
  return out;
}

/** The counts of two disjoint sets of rows as one: per-label sums, per-row counts side by side. */
function sumCounts(a: ConfusionCounts, b: ConfusionCounts): ConfusionCounts {
  const add = (x: Int32Array, y: Int32Array): Int32Array => x.map((v, i) => v + y[i]);
  const join = (x: Int32Array, y: Int32Array): Int32Array => {
    const out = new Int32Array(x.length + y.length);
    out.set(x);
    out.set(y, x.length);
    return out;
  };
  return {
    rows: a.rows + b.rows,
    labels: a.labels,
    tp: add(a.tp, b.tp),
    fp: add(a.fp, b.fp),
    fn: add(a.fn, b.fn),
    tn: add(a.tn, b.tn),
    rowTp: join(a.rowTp, b.rowTp),
    rowPredicted: join(a.rowPredicted, b.rowPredicted),
    rowTrue: join(a.rowTrue, b.rowTrue),
  };
}
