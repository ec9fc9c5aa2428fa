/**
 * `maxRows`: read only the first N data rows of a dataset (a quick look at a huge file). Rows
 * skipped as malformed do not count toward N. Checked and normalised here for every reader.
 */
import { UsageError } from '../errors.js';

/** The limit in force: undefined for none (absent or 0), else a positive whole number. */
export function rowLimitOf(maxRows: unknown): number | undefined {
  if (maxRows === undefined || maxRows === 0) return undefined;
  if (typeof maxRows !== 'number' || !Number.isSafeInteger(maxRows) || maxRows < 0) {
    throw new UsageError(`maxRows must be a positive whole number of data rows (0 or none: every row), got ${describe(maxRows)}`);
  }
  return maxRows;
}

/** The report's note when the limit stopped the read before the end of the data. */
export function rowLimitNote(maxRows: number): string {
  if (maxRows === 1) return 'Only the first data row was read (max rows); the file has more.';
  return `Only the first ${maxRows.toLocaleString('en-US')} data rows were read (max rows); the file has more.`;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  return String(value);
}

/**
 * The options without any `maxRows`: for reads that need every row (the ground truth of an
 * evaluation, whose rows are joined with the predictions), whatever object the caller passed.
 */
export function withoutRowLimit<T extends object>(options: T): T {
  if (!('maxRows' in options)) return options;
  const copy: T & { maxRows?: unknown } = { ...options };
  delete copy.maxRows;
  return copy;
}
