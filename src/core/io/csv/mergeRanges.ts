/**
 * Joins the scans of consecutive byte ranges into one result: line numbers made absolute,
 * the first error thrown, skipped rows concatenated, and (list layout) the per-range label ids
 * mapped onto one label space sorted by name.
 */
import { concatLabelMatrices, LabelMatrixBuilder, type LabelMatrix } from '../../data/labelMatrix.js';
import { DatasetError } from '../../errors.js';
import type { SkippedRow } from '../types.js';
import { MAX_KEPT_SKIPPED_ROWS } from '../skippedRows.js';
import type { RangeScan } from './scanRange.js';

export interface ScannedPart {
  scan: RangeScan;
  /** The firstLine the range was scanned with (1 for parallel ranges). */
  scannedFirstLine: number;
}

export interface MergedScan {
  matrix: LabelMatrix;
  /** Label names for the list layout (sorted); empty for one-hot. */
  names: string[];
  skipped: SkippedRow[];
  skippedCount: number;
}

/** Sorted by UTF-16 code units: stable and locale-independent. */
function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function mergeRanges(file: string, parts: readonly ScannedPart[], dataLine: number, list: boolean, oneHotLabels: number): MergedScan {
  const skipped: SkippedRow[] = [];
  let skippedCount = 0;
  let trueFirst = dataLine;
  for (const { scan, scannedFirstLine } of parts) {
    const shift = trueFirst - scannedFirstLine;
    if (scan.error) {
      const e = scan.error;
      throw new DatasetError({ file, line: e.line + shift, column: e.column }, e.message, e.hint);
    }
    for (const s of scan.skipped) if (skipped.length < MAX_KEPT_SKIPPED_ROWS) skipped.push({ line: s.line + shift, reason: s.reason });
    skippedCount += scan.skippedCount;
    trueFirst += scan.lineBreaks;
  }
  if (!list) return { matrix: concatLabelMatrices(parts.map((p) => p.scan.matrix), oneHotLabels), names: [], skipped, skippedCount };
  const names = [...new Set(parts.flatMap((p) => p.scan.names))].sort(byName);
  return { matrix: remapLists(parts.map((p) => p.scan), names), names, skipped, skippedCount };
}

/** Rebuilds the rows with ids into the sorted name list (rows re-sorted by the builder). */
function remapLists(scans: readonly RangeScan[], names: readonly string[]): LabelMatrix {
  const idOf = new Map(names.map((n, i) => [n, i]));
  const rows = scans.reduce((s, p) => s + p.matrix.rows, 0);
  const builder = new LabelMatrixBuilder(names.length, rows);
  for (const scan of scans) {
    const map = Int32Array.from(scan.names, (n) => idOf.get(n) ?? -1);
    const { offsets, labels } = scan.matrix;
    const row = new Int32Array(Math.max(1, map.length));
    for (let r = 0; r < scan.matrix.rows; r++) {
      let k = 0;
      for (let i = offsets[r]; i < offsets[r + 1]; i++) row[k++] = map[labels[i]];
      builder.addRow(row, k);
    }
  }
  return builder.build();
}
