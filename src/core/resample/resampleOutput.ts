/**
 * Building a result's rows in the shared order (every kept input row first, in input order, then
 * the added rows, so a writer can stream the input and append), and the label matrix a result
 * describes (for the before/after measures).
 */
import type { LabelMatrix } from '../data/labelMatrix.js';
import type { OutputRow } from './types.js';

/** The input rows in order as kind 'original', leaving out rows with gone[r] = 1, followed by `added`. */
export function keptThenAdded(rows: number, added: readonly OutputRow[], gone?: Uint8Array): OutputRow[] {
  const out: OutputRow[] = [];
  for (let r = 0; r < rows; r++) if (gone === undefined || gone[r] === 0) out.push({ source: r, kind: 'original' });
  for (const row of added) out.push(row);
  return out;
}

/** The output label matrix of a result: each row's own labels when it has them ('edited', 'synthetic'), else its source row's. */
export function outputLabelMatrix(input: LabelMatrix, result: { readonly rows: readonly OutputRow[] }): LabelMatrix {
  const { rows } = result;
  const offsets = new Int32Array(rows.length + 1);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const length = row.labels !== undefined ? row.labels.length : input.offsets[row.source + 1] - input.offsets[row.source];
    offsets[i + 1] = offsets[i] + length;
  }
  const labels = new Int32Array(offsets[rows.length]);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.labels !== undefined) {
      labels.set(row.labels, offsets[i]);
      continue;
    }
    let at = offsets[i];
    for (let k = input.offsets[row.source]; k < input.offsets[row.source + 1]; k++) labels[at++] = input.labels[k];
  }
  return { rows: rows.length, labelCount: input.labelCount, offsets, labels };
}
