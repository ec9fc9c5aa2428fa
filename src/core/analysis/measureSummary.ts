/**
 * The handful of imbalance measures shown before and after a resampling or for each part of a
 * split, and the per-label counts behind them: small enough to print as a table or post to a view.
 */
import type { LabelMatrix } from '../data/labelMatrix.js';
import { cardinality, cvIR, irLbl, labelCounts, maxIR, meanIR, rowScumble } from '../stats/index.js';

export interface MeasureSummary {
  rows: number;
  cardinality: number;
  meanIR: number;
  maxIR: number;
  cvIR: number;
  scumble: number;
}

export interface LabelSummary {
  counts: number[];
  irLbl: number[];
}

/** MeanIR, MaxIR, CVIR and SCUMBLE as mldr defines them (src/core/stats), and the row count and cardinality. */
export function measureSummary(matrix: LabelMatrix): MeasureSummary {
  const counts = labelCounts(matrix);
  const ir = irLbl(counts);
  let scumbleSum = 0;
  for (let r = 0; r < matrix.rows; r++) scumbleSum += rowScumble(ir, matrix.labels.subarray(matrix.offsets[r], matrix.offsets[r + 1]));
  return {
    rows: matrix.rows,
    cardinality: cardinality(matrix),
    meanIR: meanIR(ir),
    maxIR: maxIR(ir),
    cvIR: cvIR(ir),
    scumble: matrix.rows === 0 ? 0 : scumbleSum / matrix.rows,
  };
}

export function labelSummary(matrix: LabelMatrix): LabelSummary {
  const counts = labelCounts(matrix);
  return { counts: Array.from(counts), irLbl: Array.from(irLbl(counts)) };
}
