/**
 * Numeric columns of sparse-row files kept by their non-zero entries (row ids ascending, values;
 * NaN: missing) instead of one Float64 per row: building them row by row, reading a value, the
 * dense form when a consumer needs it, and taking rows of them.
 */
import type { NumericColumn, SparseNumericColumn } from './datasetTable.js';

export type AnyNumericColumn = NumericColumn | SparseNumericColumn;

export function isSparseNumeric(column: AnyNumericColumn): column is SparseNumericColumn {
  return column.entries !== undefined;
}

/** The column's value at a row: a binary search over the entries of a sparse column (0 when absent). */
export function numericValueAt(column: AnyNumericColumn, row: number): number {
  if (!isSparseNumeric(column)) return column.values[row];
  const { rowIds, values } = column.entries;
  let lo = 0;
  let hi = rowIds.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (rowIds[mid] === row) return values[mid];
    if (rowIds[mid] < row) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** One value per row (the column's own array when dense; a new array for a sparse column). */
export function numericValues(column: AnyNumericColumn): Float64Array {
  if (!isSparseNumeric(column)) return column.values;
  const out = new Float64Array(column.rows);
  const { rowIds, values } = column.entries;
  for (let k = 0; k < rowIds.length; k++) out[rowIds[k]] = values[k];
  return out;
}

/** The values at the given rows, in their order (all rows when omitted). */
export function numericValuesAt(column: AnyNumericColumn, rows?: ArrayLike<number>): Float64Array {
  if (!rows) return numericValues(column);
  return Float64Array.from({ length: rows.length }, (_, i) => numericValueAt(column, rows[i]));
}

/** Grows the entries of a sparse numeric column, rows pushed in ascending order. */
export class SparseEntriesBuilder {
  private rowIds = new Int32Array(64);
  private values = new Float64Array(64);
  private size = 0;

  /** Records value at row unless it is 0 (rows ascending, each at most once). */
  push(row: number, value: number): void {
    if (value === 0) return;
    if (this.size === this.rowIds.length) {
      const rowIds = new Int32Array(this.size * 2);
      rowIds.set(this.rowIds);
      const values = new Float64Array(this.size * 2);
      values.set(this.values);
      [this.rowIds, this.values] = [rowIds, values];
    }
    this.rowIds[this.size] = row;
    this.values[this.size++] = value;
  }

  build(name: string, rows: number): SparseNumericColumn {
    return { kind: 'numeric', name, rows, entries: { rowIds: this.rowIds.slice(0, this.size), values: this.values.slice(0, this.size) } };
  }
}

/**
 * Rows of a sparse column in the order given (repeats allowed), still sparse. `positionsOf` lists,
 * for each input row r, the output positions positionsOf.positions[offsets[r] .. offsets[r + 1]) taking it.
 */
export function subsetSparseNumeric(column: SparseNumericColumn, outputRows: number, positionsOf: { offsets: Int32Array; positions: Int32Array }): SparseNumericColumn {
  const { rowIds, values } = column.entries;
  const picked: { at: number; value: number }[] = [];
  for (let k = 0; k < rowIds.length; k++) {
    const r = rowIds[k];
    for (let p = positionsOf.offsets[r]; p < positionsOf.offsets[r + 1]; p++) picked.push({ at: positionsOf.positions[p], value: values[k] });
  }
  picked.sort((a, b) => a.at - b.at);
  return {
    kind: 'numeric',
    name: column.name,
    rows: outputRows,
    entries: { rowIds: Int32Array.from(picked, (e) => e.at), values: Float64Array.from(picked, (e) => e.value) },
  };
}

/** For each of `inputRows` rows, the positions of `rows` that take it (ascending), CSR-style. */
export function outputPositions(rows: ArrayLike<number>, inputRows: number): { offsets: Int32Array; positions: Int32Array } {
  const offsets = new Int32Array(inputRows + 1);
  for (let i = 0; i < rows.length; i++) offsets[rows[i] + 1]++;
  for (let r = 0; r < inputRows; r++) offsets[r + 1] += offsets[r];
  const next = offsets.slice(0, inputRows);
  const positions = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) positions[next[rows[i]]++] = i;
  return { offsets, positions };
}
