/**
 * Per-label counts and the label-cardinality measures (mldr: `label_measures`, `measures`).
 */
import type { LabelMatrix } from '../data/labelMatrix.js';

/** Positives per label: count(l) = number of rows carrying l (mldr: `colSums` of the label columns). */
export function labelCounts(matrix: LabelMatrix): Int32Array {
  const counts = new Int32Array(matrix.labelCount);
  const ids = matrix.labels;
  for (let k = 0; k < ids.length; k++) counts[ids[k]]++;
  return counts;
}

/** freq(l) = count(l) / rows (mldr: `msr$freq`); 0 for an empty dataset. */
export function labelFrequency(count: number, rows: number): number {
  return rows === 0 ? 0 : count / rows;
}

/** Cardinality = mean number of labels per row (mldr: `mean(.labelcount)`); 0 for no rows. */
export function cardinality(matrix: LabelMatrix): number {
  return matrix.rows === 0 ? 0 : matrix.labels.length / matrix.rows;
}

/** Density = cardinality / number of labels (mldr: `mean(.labelcount) / nrow(labels)`); 0 for no labels. */
export function density(cardinalityValue: number, labelCount: number): number {
  return labelCount === 0 ? 0 : cardinalityValue / labelCount;
}

/** Rows carrying no label at all (mldr counts them: their SCUMBLE is 0 and they form the empty labelset). */
export function emptyRows(matrix: LabelMatrix): number {
  let empty = 0;
  for (let r = 0; r < matrix.rows; r++) if (matrix.offsets[r + 1] === matrix.offsets[r]) empty++;
  return empty;
}

/**
 * Labels with fewer than `threshold` positives, fewest first (ties in label order). Absent labels
 * (count 0) are included: they have fewer positives than any positive threshold.
 */
export function rareLabels(counts: ArrayLike<number>, labelNames: readonly string[], threshold: number): { name: string; count: number }[] {
  const rare: { id: number; count: number }[] = [];
  for (let l = 0; l < counts.length; l++) if (counts[l] < threshold) rare.push({ id: l, count: counts[l] });
  rare.sort((a, b) => a.count - b.count || a.id - b.id);
  return rare.map((r) => ({ name: labelNames[r.id], count: r.count }));
}

/** Labels that no row carries (count 0), in label order. */
export function absentLabels(counts: ArrayLike<number>, labelNames: readonly string[]): string[] {
  const absent: string[] = [];
  for (let l = 0; l < counts.length; l++) if (counts[l] === 0) absent.push(labelNames[l]);
  return absent;
}
