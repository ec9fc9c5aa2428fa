/**
 * A numeric column standardised with the training rows' statistics, as scikit-learn's
 * StandardScaler (mean, population std; a constant column gets std 1), missing values imputed with
 * the mean (so 0 after scaling) plus a 0/1 indicator column when the training rows have any missing
 * value (scikit-learn MissingIndicator, features='missing-only').
 */
import type { NumericColumn } from '../../data/datasetTable.js';

export interface NumericEncoding {
  kind: 'numeric';
  column: string;
  mean: number;
  std: number;
  missingIndicator: boolean;
}

/** Fits on the given rows of the column (all rows when omitted). */
export function fitNumeric(column: NumericColumn, rows?: ArrayLike<number>): NumericEncoding {
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
  return { kind: 'numeric', column: column.name, mean: count > 0 ? mean : 0, std: std > 0 && Number.isFinite(std) ? std : 1, missingIndicator: count < n };
}

export function numericWidth(encoding: NumericEncoding): number {
  return encoding.missingIndicator ? 2 : 1;
}

/** Writes the encoded value (and indicator) of one value at out[offset..]. */
export function encodeNumeric(encoding: NumericEncoding, value: number, out: Float32Array, offset: number): void {
  const missing = Number.isNaN(value);
  out[offset] = missing ? 0 : (value - encoding.mean) / encoding.std;
  if (encoding.missingIndicator) out[offset + 1] = missing ? 1 : 0;
}
