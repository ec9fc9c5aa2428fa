/**
 * Per-row label extraction for the label scan: from a tokenized record to label ids, without
 * decoding one-hot cells that are a plain `0` or `1`. A sink returns 0 for a good row, else the
 * 1-based column of the bad cell (its message in `message`).
 */
import { LabelMatrixBuilder, type LabelMatrix } from '../../data/labelMatrix.js';
import { binaryOfField, decodeField } from './bytes.js';
import { parseLabelList, type ListStyle } from './labelList.js';
import type { CsvTokenizer } from './tokenizer.js';

export interface LabelSink {
  message: string;
  row(buf: Uint8Array, tok: CsvTokenizer): number;
  rows(): number;
  matrix(): LabelMatrix;
  /** Label names by local id (list layout); empty for one-hot, whose ids are the columns' order. */
  names(): string[];
}

export const LABEL_HINT = 'pass --labels or --labels-from to choose the label columns explicitly';

export class OneHotSink implements LabelSink {
  message = '';
  private readonly cols: Int32Array;
  private readonly ids: Int32Array;
  private readonly builder: LabelMatrixBuilder;

  constructor(columns: readonly number[], private readonly columnNames: readonly string[], expectedRows: number) {
    this.cols = Int32Array.from(columns);
    this.ids = new Int32Array(columns.length);
    this.builder = new LabelMatrixBuilder(columns.length, expectedRows);
  }

  row(buf: Uint8Array, tok: CsvTokenizer): number {
    const starts = tok.fieldStart;
    const ends = tok.fieldEnd;
    const cols = this.cols;
    const ids = this.ids;
    let k = 0;
    for (let j = 0; j < cols.length; j++) {
      const c = cols[j];
      const s = starts[c];
      if (ends[c] - s === 1) {
        const b = buf[s];
        if (b === 49) {
          ids[k++] = j;
          continue;
        }
        if (b === 48) continue;
      }
      const v = binaryOfField(buf, s, ends[c], tok.fieldFlags[c]);
      if (v === 1) ids[k++] = j;
      else if (v < 0) return this.fail(buf, tok, c);
    }
    this.builder.addRow(ids, k);
    return 0;
  }

  /** Adds a row whose label ids were found elsewhere (the fast path). */
  addIds(ids: Int32Array, count: number): void {
    this.builder.addRow(ids, count);
  }

  private fail(buf: Uint8Array, tok: CsvTokenizer, c: number): number {
    const value = decodeField(buf, tok.fieldStart[c], tok.fieldEnd[c], tok.fieldFlags[c]);
    this.message = `expected 0 or 1 in label column "${this.columnNames[c]}", found "${value.length > 40 ? `${value.slice(0, 40)}...` : value}"`;
    return c + 1;
  }

  rows(): number {
    return this.builder.rows;
  }

  matrix(): LabelMatrix {
    return this.builder.build();
  }

  names(): string[] {
    return [];
  }
}

/** Parsed labelsets by cell text: most files repeat a few hundred labelsets. */
const MAX_CACHED_CELLS = 1 << 16;

export class ListSink implements LabelSink {
  message = '';
  private readonly ids = new Map<string, number>();
  private readonly cache = new Map<string, Int32Array>();
  private rowIds: number[] = [];
  private readonly offsets: number[] = [0];
  private labelsBuf = new Int32Array(1024);
  private nnz = 0;

  constructor(private readonly column: number, private readonly style: ListStyle) {}

  row(buf: Uint8Array, tok: CsvTokenizer): number {
    const c = this.column;
    const cell = decodeField(buf, tok.fieldStart[c], tok.fieldEnd[c], tok.fieldFlags[c]);
    let ids = this.cache.get(cell);
    if (ids === undefined) {
      ids = this.parse(cell);
      if (this.cache.size < MAX_CACHED_CELLS) this.cache.set(cell, ids);
    }
    if (this.nnz + ids.length > this.labelsBuf.length) {
      const bigger = new Int32Array(Math.max(this.labelsBuf.length * 2, this.nnz + ids.length));
      bigger.set(this.labelsBuf);
      this.labelsBuf = bigger;
    }
    this.labelsBuf.set(ids, this.nnz);
    this.nnz += ids.length;
    this.offsets.push(this.nnz);
    return 0;
  }

  /** Local ids of the cell's labels, in order of first appearance in the file (remapped later). */
  private parse(cell: string): Int32Array {
    this.rowIds = [];
    for (const name of parseLabelList(cell, this.style)) {
      let id = this.ids.get(name);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(name, id);
      }
      if (!this.rowIds.includes(id)) this.rowIds.push(id);
    }
    return Int32Array.from(this.rowIds);
  }

  rows(): number {
    return this.offsets.length - 1;
  }

  /** Rows with local ids (not sorted by name yet; `remapLabelIds` does that). */
  matrix(): LabelMatrix {
    return { rows: this.rows(), labelCount: this.ids.size, offsets: Int32Array.from(this.offsets), labels: this.labelsBuf.slice(0, this.nnz) };
  }

  names(): string[] {
    return [...this.ids.keys()];
  }
}
