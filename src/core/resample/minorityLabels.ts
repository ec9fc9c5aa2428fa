/**
 * Which labels are minority or majority, and label counts that follow rows being added or removed
 * (Charte et al., Neurocomputing 2015: a label is a minority label when IRLbl(l) > MeanIR, with
 * MeanIR computed once on the input; IRLbl from src/core/stats, where an absent label gets 0).
 */
import type { LabelMatrix } from '../data/labelMatrix.js';
import { irLbl, labelCounts, meanIR } from '../stats/index.js';

/** The input's label counts, IRLbl per label and MeanIR. */
export interface ImbalanceLevels {
  readonly counts: Int32Array;
  readonly ir: Float64Array;
  readonly meanIR: number;
}

export function imbalanceLevels(matrix: LabelMatrix): ImbalanceLevels {
  const counts = labelCounts(matrix);
  const ir = irLbl(counts);
  return { counts, ir, meanIR: meanIR(ir) };
}

/** Minority labels: IRLbl(l) > MeanIR (Charte et al. 2015), ascending ids. An absent label (IRLbl 0) never is one. */
export function minorityLabelIds(levels: ImbalanceLevels): number[] {
  const ids: number[] = [];
  for (let l = 0; l < levels.ir.length; l++) if (levels.ir[l] > levels.meanIR) ids.push(l);
  return ids;
}

/** Majority labels for undersampling: IRLbl(l) < MeanIR (Charte et al. 2015, ML-RUS), present labels only, ascending ids. */
export function majorityLabelIds(levels: ImbalanceLevels): number[] {
  const ids: number[] = [];
  for (let l = 0; l < levels.ir.length; l++) if (levels.counts[l] > 0 && levels.ir[l] < levels.meanIR) ids.push(l);
  return ids;
}

/** 1 for each label in `ids`, 0 elsewhere. */
export function labelMask(labelCount: number, ids: readonly number[]): Uint8Array {
  const mask = new Uint8Array(labelCount);
  for (const id of ids) mask[id] = 1;
  return mask;
}

/** 1 for each row carrying at least one label of `mask`. */
export function rowsCarrying(matrix: LabelMatrix, mask: Uint8Array): Uint8Array {
  const carries = new Uint8Array(matrix.rows);
  for (let r = 0; r < matrix.rows; r++) {
    for (let k = matrix.offsets[r]; k < matrix.offsets[r + 1]; k++) {
      if (mask[matrix.labels[k]] === 1) {
        carries[r] = 1;
        break;
      }
    }
  }
  return carries;
}

/**
 * Label counts of a dataset while rows are cloned or deleted, with IRLbl read against the current
 * largest count. A histogram of counts (labels having each count) keeps the maximum exact in O(1)
 * per change when the most frequent label loses rows.
 */
export class LabelCountTracker {
  readonly counts: Int32Array;
  private readonly labelsWithCount: Int32Array;
  private maxCount = 0;

  /** `counts` is copied; `growth` bounds how far any count may rise (rows that may be added). */
  constructor(counts: Int32Array, growth: number) {
    this.counts = counts.slice();
    for (let l = 0; l < counts.length; l++) if (counts[l] > this.maxCount) this.maxCount = counts[l];
    this.labelsWithCount = new Int32Array(this.maxCount + growth + 1);
    for (let l = 0; l < counts.length; l++) this.labelsWithCount[counts[l]]++;
  }

  get max(): number {
    return this.maxCount;
  }

  /** IRLbl(l) = max_count / count(l) with the current counts; 0 for an absent label (as stats `irLbl`). */
  irLbl(label: number): number {
    const count = this.counts[label];
    return count === 0 ? 0 : this.maxCount / count;
  }

  /** A copy of row r was added: each of its labels gains one. */
  addRow(matrix: LabelMatrix, r: number): void {
    for (let k = matrix.offsets[r]; k < matrix.offsets[r + 1]; k++) {
      const l = matrix.labels[k];
      this.labelsWithCount[this.counts[l]]--;
      const count = ++this.counts[l];
      this.labelsWithCount[count]++;
      if (count > this.maxCount) this.maxCount = count;
    }
  }

  /** Row r was deleted: each of its labels loses one. */
  removeRow(matrix: LabelMatrix, r: number): void {
    for (let k = matrix.offsets[r]; k < matrix.offsets[r + 1]; k++) {
      const l = matrix.labels[k];
      this.labelsWithCount[this.counts[l]]--;
      const count = --this.counts[l];
      this.labelsWithCount[count]++;
    }
    while (this.maxCount > 0 && this.labelsWithCount[this.maxCount] === 0) this.maxCount--;
  }
}
