/**
 * How well a split of a multilabel dataset is stratified: each label's positives per part
 * against its ideal share (proportion x total), labels missing from a part, and one summary.
 */
import type { LabelMatrix } from '../data/labelMatrix.js';
import { UsageError } from '../errors.js';

export interface LabelStratification {
  label: number;
  /** Positives of the label in the whole dataset. */
  total: number;
  /** Positives in each part. */
  counts: number[];
  /** proportion_j x total for each part j. */
  ideal: number[];
  /** max over parts of |counts[j] - ideal[j]|. */
  maxDeviation: number;
}

export interface StratificationReport {
  /** rows per part */
  partRows: number[];
  /** per label: count in each part, the ideal (proportion x total), and the largest |count - ideal| */
  labels: LabelStratification[];
  /** labels with at least one positive in total that have zero positives in some part: [label, part] */
  absent: { label: number; part: number }[];
  /**
   * Mean over labels with at least one positive, and over parts, of |count - ideal| / ideal (in
   * the spirit of Sechidis et al. 2011's LD, "label distribution"; 0 = every part holds exactly
   * its share). Labels with no positives are left out (their ideal is 0); 0 when no label has any.
   */
  meanRelativeDeviation: number;
}

/** Per-label counts per part of the split `assignment` (part index of each row), against the ideal shares. */
export function stratificationReport(labels: LabelMatrix, assignment: Int32Array, proportions: readonly number[]): StratificationReport {
  const parts = proportions.length;
  const { rows, labelCount, offsets } = labels;
  if (assignment.length !== rows) {
    throw new UsageError(`The split assigns ${assignment.length} rows but the dataset has ${rows}.`);
  }
  const partRows = new Array<number>(parts).fill(0);
  const counts = new Int32Array(labelCount * parts);
  for (let r = 0; r < rows; r++) {
    const part = assignment[r];
    if (!(part >= 0 && part < parts)) {
      throw new UsageError(`Row ${r} is assigned to part ${part}, but the split has parts 0..${parts - 1}.`);
    }
    partRows[part]++;
    for (let p = offsets[r]; p < offsets[r + 1]; p++) counts[labels.labels[p] * parts + part]++;
  }

  const perLabel: LabelStratification[] = [];
  const absent: { label: number; part: number }[] = [];
  let relativeSum = 0;
  let relativeTerms = 0;
  for (let label = 0; label < labelCount; label++) {
    const labelCounts = Array.from(counts.subarray(label * parts, (label + 1) * parts));
    const total = labelCounts.reduce((s, c) => s + c, 0);
    const ideal = proportions.map((p) => p * total);
    let maxDeviation = 0;
    for (let j = 0; j < parts; j++) {
      const deviation = Math.abs(labelCounts[j] - ideal[j]);
      if (deviation > maxDeviation) maxDeviation = deviation;
      if (total > 0) {
        relativeSum += deviation / ideal[j];
        relativeTerms++;
        if (labelCounts[j] === 0) absent.push({ label, part: j });
      }
    }
    perLabel.push({ label, total, counts: labelCounts, ideal, maxDeviation });
  }
  return { partRows, labels: perLabel, absent, meanRelativeDeviation: relativeTerms === 0 ? 0 : relativeSum / relativeTerms };
}
