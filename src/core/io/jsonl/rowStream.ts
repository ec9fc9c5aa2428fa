/**
 * Streams a JSONL file as batches of parsed rows (object, labels, line): blank lines skipped,
 * bad lines recorded or thrown, the label field detected on the first object. With a row limit
 * it stops after that many rows (bad lines skipped do not count) and notes whether more follow.
 */
import { DatasetError } from '../../errors.js';
import { SkippedRows } from '../skippedRows.js';
import { readLineChunks } from '../lineReader.js';
import type { ReadOptions } from '../types.js';
import { detectLabelField, rowLabels, type RowLabels } from './labelField.js';
import { parseObjectLine, type JsonObject, type LineContext } from './parseLine.js';

export interface ParsedRow {
  object: JsonObject;
  labels: RowLabels;
  line: number;
}

export class JsonlRows {
  /** The label field, once the first object has been read (or as given). */
  labelField: string | undefined;
  /** Non-blank lines seen, good or bad. */
  lineCount = 0;
  rowCount = 0;
  /** Set when the row limit stopped the read and another non-blank line follows. */
  moreRows = false;

  constructor(
    readonly file: string,
    private readonly options: ReadOptions,
    readonly skipped: SkippedRows,
    labelField?: string,
    /** Read only this many rows (undefined: all). */
    private readonly maxRows?: number,
  ) {
    this.labelField = labelField;
  }

  async *batches(): AsyncGenerator<ParsedRow[]> {
    const limit = this.maxRows ?? Infinity;
    const chunks = readLineChunks(this.file, { signal: this.options.signal, onProgress: this.options.onProgress });
    for await (const { lines, firstLine } of chunks) {
      const batch: ParsedRow[] = [];
      for (let k = 0; k < lines.length; k++) {
        if (isBlank(lines[k])) continue;
        if (this.rowCount >= limit) {
          this.moreRows = true;
          break;
        }
        const row = this.parse(lines[k], { file: this.file, line: firstLine + k });
        if (row) batch.push(row);
      }
      yield batch;
      if (this.moreRows) break; // closes the file: nothing after the peeked line is read
    }
    this.checkNotEmpty();
  }

  private parse(text: string, ctx: LineContext): ParsedRow | undefined {
    this.lineCount++;
    let object: JsonObject;
    try {
      object = parseObjectLine(text, ctx);
    } catch (error) {
      this.skipped.record(error, ctx.line);
      return undefined;
    }
    // not a row problem: without a label field no row can be read
    this.labelField ??= detectLabelField(object, this.options.labelColumn, ctx);
    try {
      const labels = rowLabels(object, this.labelField, ctx);
      this.rowCount++;
      return { object, labels, line: ctx.line };
    } catch (error) {
      this.skipped.record(error, ctx.line);
      return undefined;
    }
  }

  private checkNotEmpty(): void {
    if (this.lineCount === 0) throw new DatasetError({ file: this.file }, 'the file is empty: expected one JSON object per line');
    if (this.rowCount === 0) {
      throw new DatasetError({ file: this.file }, `no row could be read: all ${this.lineCount} non-blank lines were skipped as malformed`);
    }
  }
}

function isBlank(text: string): boolean {
  for (let p = 0; p < text.length; p++) {
    const c = text.charCodeAt(p);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}
