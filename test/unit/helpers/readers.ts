/** Small helpers for reader tests: drain a reader, list a scan's rows as arrays. */
import type { DatasetReader, DatasetRow, LabelScan } from '../../../src/core/io/types.js';

export async function collectRows(reader: DatasetReader | Promise<DatasetReader>): Promise<DatasetRow[]> {
  const rows: DatasetRow[] = [];
  for await (const row of (await reader).rows()) rows.push(row);
  return rows;
}

/** The label ids of every row of a scan, as plain arrays. */
export function labelRows(scan: LabelScan): number[][] {
  const { offsets, labels, rows } = scan.matrix;
  return Array.from({ length: rows }, (_, r) => Array.from(labels.subarray(offsets[r], offsets[r + 1])));
}
