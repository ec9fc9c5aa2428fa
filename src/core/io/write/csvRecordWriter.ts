/**
 * CSV/TSV output records. Kept rows are their source bytes with the added cells appended; an
 * edited row has only its label cells rewritten; a synthetic row takes its seed's record and
 * replaces every feature and label cell (its id cell is left empty: it is no input row).
 */
import { DatasetError } from '../../errors.js';
import { binaryOfField, decodeField } from '../csv/bytes.js';
import { readHeader, type HeaderInfo } from '../csv/columns.js';
import { CsvTokenizer } from '../csv/tokenizer.js';
import type { DatasetSchema } from '../types.js';
import { csvField, featureCell, labelListCell, type ListStyle } from './csvCells.js';
import { flipSpelling, joinPieces, labelBits, type AddedColumns, type RecordEncoder, type RowToEncode } from './recordEncoder.js';
import type { SourceRecords } from './sourceRecords.js';

const REOPEN_HINT = 'open the dataset again (openDataset) and pass its schema';

type LabelCells = { kind: 'onehot'; columns: number[] } | { kind: 'list'; column: number; style: ListStyle };

export class CsvRecordWriter implements RecordEncoder {
  private readonly delimiter: string;
  private readonly tok: CsvTokenizer;
  private readonly header_: HeaderInfo;
  private readonly featureColumns: number[];
  private readonly labels: LabelCells;
  private readonly isSyntheticColumn: number;
  private readonly sourceRowColumn: number;
  /** Names of the columns appended at the end, in order. */
  private readonly appended: string[] = [];
  private readonly fieldStart: number[] = [];
  private readonly fieldEnd: number[] = [];

  constructor(
    private readonly schema: DatasetSchema,
    private readonly source: SourceRecords,
    private readonly added: AddedColumns,
  ) {
    this.delimiter = schema.format === 'tsv' ? '\t' : ',';
    this.tok = new CsvTokenizer(this.delimiter.charCodeAt(0));
    const bom = source.head.length >= 3 && source.head[0] === 0xef && source.head[1] === 0xbb && source.head[2] === 0xbf ? 3 : 0;
    const headerBytes = source.head.subarray(bom, source.headContentEnd);
    this.splitFields(headerBytes, 1);
    const raw = this.fieldStart.map((_, k) => this.cell(headerBytes, k));
    this.header_ = readHeader(source.file, raw);
    const names = this.header_.names;
    const columnOf = (name: string, what: string): number => {
      const c = names.indexOf(name);
      if (c < 0) throw new DatasetError({ file: source.file, line: 1 }, `the schema's ${what} "${name}" is not a column of this file`, REOPEN_HINT);
      return c;
    };
    this.featureColumns = schema.features.map((f) => columnOf(f.name, 'feature'));
    this.labels =
      schema.labelColumn !== undefined
        ? { kind: 'list', column: columnOf(schema.labelColumn, 'label column'), style: schema.labelListStyle ?? 'single' }
        : { kind: 'onehot', columns: schema.labelNames.map((n) => columnOf(n, 'label')) };
    const marker = (name: string): number => this.header_.markerIndices.find((i) => names[i].trim().toLowerCase() === name) ?? -1;
    this.isSyntheticColumn = marker('is_synthetic');
    this.sourceRowColumn = marker('source_row');
    if (added.split) this.appended.push('split');
    if (added.markers && this.isSyntheticColumn < 0) this.appended.push('is_synthetic');
    if (added.markers && this.sourceRowColumn < 0) this.appended.push('source_row');
  }

  header(): Buffer {
    const { head, headContentEnd } = this.source;
    if (this.appended.length === 0) return head;
    const extra = this.appended.map((n) => this.delimiter + n).join('');
    const ending = headContentEnd < head.length ? head.subarray(headContentEnd) : this.source.eol;
    return joinPieces([head.subarray(0, headContentEnd), extra, ending]);
  }

  encode(content: Buffer, row: RowToEncode): Buffer {
    const set = new Map<number, string>();
    if (this.added.markers) {
      if (this.isSyntheticColumn >= 0) set.set(this.isSyntheticColumn, row.kind === 'synthetic' ? '1' : '0');
      if (this.sourceRowColumn >= 0) set.set(this.sourceRowColumn, String(row.source + 1));
    }
    const suffix = this.appendedValues(row);
    if (set.size === 0 && row.kind !== 'edited' && row.kind !== 'synthetic') return suffix === '' ? content : joinPieces([content, suffix]);
    this.splitFields(content, row.line);
    if ((row.kind === 'edited' || row.kind === 'synthetic') && row.labels !== undefined) this.setLabels(content, row.labels, set);
    if (row.kind === 'synthetic') this.setFeatures(row, set);
    // unchanged runs of the record are copied as they are, between the replaced cells
    const pieces: (Uint8Array | string)[] = [];
    let at = 0;
    for (const c of [...set.keys()].sort((a, b) => a - b)) {
      pieces.push(content.subarray(at, this.fieldStart[c]), set.get(c)!);
      at = this.fieldEnd[c];
    }
    pieces.push(content.subarray(at), suffix);
    return joinPieces(pieces);
  }

  private appendedValues(row: RowToEncode): string {
    let text = '';
    for (const name of this.appended) {
      const value = name === 'split' ? csvField(row.split ?? '', this.delimiter) : name === 'is_synthetic' ? (row.kind === 'synthetic' ? '1' : '0') : String(row.source + 1);
      text += this.delimiter + value;
    }
    return text;
  }

  private setLabels(content: Buffer, ids: readonly number[], set: Map<number, string>): void {
    if (this.labels.kind === 'list') {
      const old = this.cell(content, this.labels.column);
      set.set(this.labels.column, csvField(labelListCell(ids.map((id) => this.schema.labelNames[id]), this.labels.style, old), this.delimiter));
      return;
    }
    const bits = labelBits(ids, this.labels.columns.length);
    this.labels.columns.forEach((c, id) => {
      const bit = bits[id] as 0 | 1;
      const quoted = content[this.fieldStart[c]] === 34 ? 1 : 0;
      if (binaryOfField(content, this.fieldStart[c] + quoted, this.fieldEnd[c] - quoted, quoted) !== bit) set.set(c, flipSpelling(this.cell(content, c), bit));
    });
  }

  private setFeatures(row: RowToEncode, set: Map<number, string>): void {
    const features = row.features ?? [];
    this.featureColumns.forEach((c, f) => set.set(c, featureCell(features[f] ?? null, this.delimiter)));
    if (this.header_.idIndex >= 0) set.set(this.header_.idIndex, '');
  }

  /** Tokenizes one record; fieldStart/fieldEnd get each field's raw span (quotes included). */
  private splitFields(bytes: Uint8Array, line: number): void {
    const tok = this.tok;
    const r = tok.next(bytes, 0, bytes.length, true);
    const expected = this.header_ ? this.header_.names.length : -1;
    if (r < 0 || (expected >= 0 && tok.fieldCount !== expected)) {
      throw new DatasetError({ file: this.source.file, line }, 'this record no longer reads as it did (was the file changed?)', REOPEN_HINT);
    }
    this.fieldStart.length = tok.fieldCount;
    this.fieldEnd.length = tok.fieldCount;
    for (let k = 0; k < tok.fieldCount; k++) {
      const quoted = tok.fieldFlags[k] !== 0;
      this.fieldStart[k] = quoted ? tok.fieldStart[k] - 1 : tok.fieldStart[k];
      this.fieldEnd[k] = quoted ? tok.fieldEnd[k] + 1 : tok.fieldEnd[k];
    }
  }

  /** The decoded value of field k of the last record split. */
  private cell(bytes: Uint8Array, k: number): string {
    const quoted = this.fieldEnd[k] - this.fieldStart[k] >= 2 && bytes[this.fieldStart[k]] === 34;
    if (!quoted) return decodeField(bytes, this.fieldStart[k], this.fieldEnd[k], 0);
    return decodeField(bytes, this.fieldStart[k] + 1, this.fieldEnd[k] - 1, 2);
  }
}
