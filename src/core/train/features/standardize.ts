/**
 * A numeric column standardised with the training rows' statistics, as scikit-learn's
 * StandardScaler (mean, population std; a constant column gets std 1), missing values imputed with
 * the mean (so 0 after scaling) plus a 0/1 indicator column when the training rows have any missing
 * value (scikit-learn MissingIndicator, features='missing-only'). In a sparse encoded matrix a
 * mostly-zero column is scaled without centring (StandardScaler(with_mean=False)), so zeros stay zeros.
 */
import { isSparseNumeric, numericValuesAt, type AnyNumericColumn } from '../../data/sparseNumeric.js';

export interface NumericEncoding {
  kind: 'numeric';
  column: string;
  mean: number;
  std: number;
  missingIndicator: boolean;
  /**
   * false: x / std without subtracting the mean, for a mostly-zero column of a sparse encoded matrix
   * (scikit-learn StandardScaler(with_mean=False)), so zeros stay zeros. Absent: centred.
   */
  center?: boolean;
}

/** Fits on the given rows of the column (all rows when omitted); `center: false` scales without centring. */
export function fitNumeric(column: AnyNumericColumn, rows?: ArrayLike<number>, center = true): NumericEncoding {
  // a sparse column's values at the rows, one column at a time (the statistics see its zeros too)
  if (isSparseNumeric(column)) return fitNumeric({ kind: 'numeric', name: column.name, values: numericValuesAt(column, rows) }, undefined, center);
  const n = rows ? rows.length : column.values.length;
  let count = 0;
  let mean = 0;
  let m2 = 0;
  for (let r = 0; r < n; r++) {
    const v = column.values[rows ? rows[r] : r];
    if (Number.isNaN(v)) continue;
    // Welford's running mean and sum of squared deviations
    count++;
    const delta = v - mean;
    mean += delta / count;
    m2 += delta * (v - mean);
  }
  const std = count > 0 ? Math.sqrt(m2 / count) : 0;
  const encoding: NumericEncoding = { kind: 'numeric', column: column.name, mean: count > 0 ? mean : 0, std: std > 0 && Number.isFinite(std) ? std : 1, missingIndicator: count < n };
  return center ? encoding : { ...encoding, center: false };
}

/** Share of the given rows whose value is not exactly 0 (missing counts as non-zero: it is imputed). */
export function nonZeroShare(column: AnyNumericColumn, rows?: ArrayLike<number>): number {
  if (isSparseNumeric(column) && !rows) return column.rows === 0 ? 0 : column.entries.rowIds.length / column.rows;
  if (isSparseNumeric(column)) return nonZeroShare({ kind: 'numeric', name: column.name, values: numericValuesAt(column, rows) });
  const n = rows ? rows.length : column.values.length;
  if (n === 0) return 0;
  let nonZero = 0;
  for (let r = 0; r < n; r++) if (column.values[rows ? rows[r] : r] !== 0) nonZero++;
  return nonZero / n;
}

export function numericWidth(encoding: NumericEncoding): number {
  return encoding.missingIndicator ? 2 : 1;
}

/** The encoded value: missing is imputed with the mean, so 0 when centred and mean / std when not. */
export function scaledValue(encoding: NumericEncoding, value: number): number {
  if (Number.isNaN(value)) return encoding.center === false ? encoding.mean / encoding.std : 0;
  return encoding.center === false ? value / encoding.std : (value - encoding.mean) / encoding.std;
}

/** Writes the encoded value (and indicator) of one value at out[offset..]. */
export function encodeNumeric(encoding: NumericEncoding, value: number, out: Float32Array, offset: number): void {
  out[offset] = scaledValue(encoding, value);
  if (encoding.missingIndicator) out[offset + 1] = Number.isNaN(value) ? 1 : 0;
}
