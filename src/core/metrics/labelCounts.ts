/**
 * The confusion counts built one label at a time, for the per-label workers: each label's
 * tp/fp/fn/tn at its threshold, and its contribution to the per-row counters that the samples
 * averages, subset accuracy and Jaccard need. The result is the same ConfusionCounts that
 * confusionCounts computes in one blocked pass over the whole matrix.
 */
import type { ConfusionCounts } from './confusionCounts.js';

export interface LabelCounts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** Per row, over the labels counted so far: true labels predicted, and labels predicted. */
export interface RowCounters {
  tp: Int32Array;
  predicted: Int32Array;
}

export function rowCounters(rows: number): RowCounters {
  return { tp: new Int32Array(rows), predicted: new Int32Array(rows) };
}

/** A threshold and the per-row counters its predictions go to. */
export interface CountedThreshold {
  threshold: number;
  perRow: RowCounters;
}

/**
 * One label's counts at one or two thresholds (predict score >= threshold), adding its
 * predictions to each threshold's per-row counters and its truth to `rowTrue`, in one pass.
 */
export function countLabel(truth: Uint8Array, scores: Float64Array, first: CountedThreshold, second: CountedThreshold | null, rowTrue: Int32Array): [LabelCounts, LabelCounts | null] {
  const rows = truth.length;
  const a = first.threshold;
  const aTp = first.perRow.tp;
  const aPredicted = first.perRow.predicted;
  let positives = 0;
  let tpA = 0;
  let predictedA = 0;
  if (second === null) {
    for (let i = 0; i < rows; i++) {
      const y = truth[i] !== 0 ? 1 : 0;
      const p = scores[i] >= a ? 1 : 0;
      positives += y;
      tpA += y & p;
      predictedA += p;
      rowTrue[i] += y;
      aTp[i] += y & p;
      aPredicted[i] += p;
    }
    return [countsOf(rows, positives, tpA, predictedA), null];
  }
  const b = second.threshold;
  const bTp = second.perRow.tp;
  const bPredicted = second.perRow.predicted;
  let tpB = 0;
  let predictedB = 0;
  for (let i = 0; i < rows; i++) {
    const y = truth[i] !== 0 ? 1 : 0;
    const s = scores[i];
    const p = s >= a ? 1 : 0;
    const q = s >= b ? 1 : 0;
    positives += y;
    tpA += y & p;
    predictedA += p;
    tpB += y & q;
    predictedB += q;
    rowTrue[i] += y;
    aTp[i] += y & p;
    aPredicted[i] += p;
    bTp[i] += y & q;
    bPredicted[i] += q;
  }
  return [countsOf(rows, positives, tpA, predictedA), countsOf(rows, positives, tpB, predictedB)];
}

function countsOf(rows: number, positives: number, tp: number, predicted: number): LabelCounts {
  return { tp, fp: predicted - tp, fn: positives - tp, tn: rows - predicted - positives + tp };
}

/** into += from, element-wise (per-row counters of disjoint label ranges add up). */
export function addInto(into: Int32Array, from: Int32Array): void {
  for (let i = 0; i < into.length; i++) into[i] += from[i];
}

/** The ConfusionCounts of every label (in label order) and the finished per-row counters. */
export function assembleCounts(perLabel: LabelCounts[], perRow: RowCounters, rowTrue: Int32Array): ConfusionCounts {
  const labels = perLabel.length;
  const pick = (field: keyof LabelCounts): Int32Array => Int32Array.from(perLabel, (c) => c[field]);
  return { rows: rowTrue.length, labels, tp: pick('tp'), fp: pick('fp'), fn: pick('fn'), tn: pick('tn'), rowTp: perRow.tp, rowPredicted: perRow.predicted, rowTrue };
}
