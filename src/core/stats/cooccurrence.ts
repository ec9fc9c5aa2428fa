/**
 * Label co-occurrence: how many rows carry both labels (mldr: the concurrence matrix behind
 * `labelInteractions` / the chord plot, with the diagonal holding each label's own count).
 */
import type { LabelMatrix } from '../data/labelMatrix.js';

/** Rows of ascending label ids in CSR form, each standing for `weights[r]` rows (default 1). */
export interface WeightedRows {
  readonly rows: number;
  readonly offsets: Int32Array;
  readonly labels: Int32Array;
  readonly weights?: ArrayLike<number>;
}

/**
 * counts[a * K + b] = rows carrying both a and b (the diagonal: count(a)); symmetric; K x K over
 * the labels in `ids` (ascending label ids). Pass the labelset table as weighted rows to touch
 * each distinct combination once.
 */
export function cooccurrenceCounts(source: WeightedRows, labelCount: number, ids: readonly number[]): Float64Array {
  const K = ids.length;
  const position = new Int32Array(labelCount).fill(-1);
  ids.forEach((id, p) => (position[id] = p));
  const counts = new Float64Array(K * K);
  const { offsets, labels, weights } = source;
  for (let r = 0; r < source.rows; r++) {
    const w = weights ? weights[r] : 1;
    const end = offsets[r + 1];
    for (let i = offsets[r]; i < end; i++) {
      const a = position[labels[i]];
      if (a < 0) continue;
      const base = a * K;
      for (let j = i; j < end; j++) {
        const b = position[labels[j]];
        if (b >= 0) counts[base + b] += w;
      }
    }
  }
  // ids ascend within a row and positions keep label order, so only the upper triangle was filled
  for (let a = 0; a < K; a++) for (let b = a + 1; b < K; b++) counts[b * K + a] = counts[a * K + b];
  return counts;
}

/**
 * The `limit` most frequent labels (ties: lower id first), returned in label order: the
 * co-occurrence of thousands of labels is neither cheap nor readable.
 */
export function mostFrequentLabels(counts: ArrayLike<number>, limit: number): number[] {
  const ids = Array.from({ length: counts.length }, (_, l) => l);
  if (ids.length <= limit) return ids;
  ids.sort((a, b) => counts[b] - counts[a] || a - b);
  return ids.slice(0, Math.max(0, limit)).sort((a, b) => a - b);
}

/** Co-occurrence of the given labels (ascending ids) over a label matrix, as nested arrays for a JSON report. */
export function cooccurrenceMatrix(matrix: LabelMatrix | WeightedRows, labelCount: number, ids: readonly number[]): number[][] {
  const K = ids.length;
  const counts = cooccurrenceCounts(matrix, labelCount, ids);
  const rows: number[][] = [];
  for (let a = 0; a < K; a++) rows.push(Array.from(counts.subarray(a * K, (a + 1) * K)));
  return rows;
}
