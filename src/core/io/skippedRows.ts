/**
 * `skipBadRows`: malformed data rows are counted and the first 100 kept with their reason,
 * instead of stopping the read. Shared by the readers.
 */
import { DatasetError } from '../errors.js';
import type { SkippedRow } from './types.js';

export const MAX_KEPT_SKIPPED_ROWS = 100;

export class SkippedRows {
  readonly rows: SkippedRow[] = [];
  count = 0;

  constructor(private readonly enabled: boolean) {}

  /** Records a row's DatasetError when skipping is on; rethrows anything else. */
  record(error: unknown, line: number): void {
    if (!this.enabled || !(error instanceof DatasetError)) throw error;
    this.count++;
    if (this.rows.length < MAX_KEPT_SKIPPED_ROWS) {
      const reason = error.column !== undefined ? `column ${error.column}: ${error.message}` : error.message;
      this.rows.push({ line, reason });
    }
  }

  snapshot(): { rows: SkippedRow[]; count: number } {
    return { rows: [...this.rows], count: this.count };
  }
}
