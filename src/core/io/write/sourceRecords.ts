/**
 * The raw text of each data row of an input file, found the way its reader finds rows: CSV/TSV
 * records (quoted fields may hold delimiters and line breaks) after the header, ARFF lines after
 * `@data` that are not blank or `%` comments, JSONL lines that are not blank. Row i of the reader
 * is record i here (pass the reader's row lines when it skipped malformed rows).
 */
import { DatasetError } from '../../errors.js';
import { ArffHeaderParser } from '../arff/header.js';
import { ByteWindow } from '../csv/byteWindow.js';
import type { DatasetFormat } from '../types.js';
import { indexCsvRecords } from './csvRecordIndex.js';
import { FileBytes, RecordIndex } from './recordIndex.js';

const LF = 10;
const CR = 13;
const utf8 = new TextDecoder('utf-8');

export interface SourceRecordOptions {
  /** The 1-based start line of each row the reader produced (DatasetTable.lines); needed when it skipped rows. */
  sourceLines?: Int32Array;
  signal?: AbortSignal;
  /** Files up to this size are held in memory (default 256 MB). */
  inMemoryMax?: number;
}

/** The layout the index scan found, before the bytes are attached. */
export interface ScannedLayout {
  index: RecordIndex;
  /** Bytes [0, headEnd) precede the first data record and are kept in every output. */
  headEnd: number;
  /** CSV: end of the header record's content (its line ending follows); else headEnd. */
  headContentEnd: number;
  /** The file's usual line ending, for records that have none. */
  eol: Buffer;
}

export class SourceRecords {
  private constructor(
    readonly file: string,
    readonly format: DatasetFormat,
    /** CSV: the header record and its line ending (a BOM before it); ARFF: the header through `@data` and any comments up to the first row; JSONL: a BOM, if any. */
    readonly head: Buffer,
    /** CSV: where the header record's content ends in `head`; else head.length. */
    readonly headContentEnd: number,
    readonly eol: Buffer,
    private readonly index: RecordIndex,
    private readonly bytes: FileBytes,
  ) {}

  static async open(file: string, format: DatasetFormat, options: SourceRecordOptions = {}): Promise<SourceRecords> {
    const scanned = format === 'csv' || format === 'tsv' ? await indexCsvRecords(file, format === 'tsv' ? '\t' : ',', options.signal) : await indexLines(file, format, options.signal);
    let index = scanned.index;
    if (options.sourceLines) {
      const picked = index.selectLines(options.sourceLines, file);
      if (typeof picked === 'string') throw new DatasetError({ file }, picked, 'pass the lines of the rows as the reader read them (DatasetTable.lines)');
      index = picked;
    }
    const bytes = await FileBytes.open(file, options.inMemoryMax);
    const head = Buffer.from(await bytes.read(0, scanned.headEnd));
    return new SourceRecords(file, format, head, scanned.headContentEnd, scanned.eol, index, bytes);
  }

  get count(): number {
    return this.index.count;
  }

  /** 1-based line where row i starts. */
  line(i: number): number {
    return this.index.lines[i];
  }

  /**
   * Row i's bytes: its content and its own line ending (the file's usual one when it has none).
   * The buffers stay valid after later calls (they are never overwritten, only dropped).
   */
  async record(i: number): Promise<{ content: Buffer; ending: Buffer }> {
    const { starts, contentEnds, ends } = this.index;
    const bytes = await this.bytes.read(starts[i], ends[i]);
    const contentLength = contentEnds[i] - starts[i];
    return { content: bytes.subarray(0, contentLength), ending: ends[i] > contentEnds[i] ? bytes.subarray(contentLength) : this.eol };
  }

  async close(): Promise<void> {
    await this.bytes.close();
  }
}

/** CRLF or LF of a line that ends at `lf` (the LF's index), as a new Buffer. */
function endingOf(buf: Buffer, contentEnd: number, lfIndex: number): Buffer {
  return Buffer.from(buf.subarray(contentEnd, lfIndex + 1));
}

function isBlankBytes(buf: Buffer, start: number, end: number, commentByte: number): boolean {
  let p = start;
  while (p < end && (buf[p] === 32 || buf[p] === 9 || buf[p] === CR || buf[p] === 12 || buf[p] === 11)) p++;
  return p === end || buf[p] === commentByte;
}

/** ARFF and JSONL: one record per line (LF or CRLF), as the shared line reader splits them. */
async function indexLines(file: string, format: DatasetFormat, signal: AbortSignal | undefined): Promise<ScannedLayout> {
  const index = new RecordIndex();
  const arff = format === 'arff' ? new ArffHeaderParser(file) : undefined;
  let inHeader = arff !== undefined;
  let headEnd = -1;
  let eol: Buffer | undefined;
  let bom = 0;
  const win = await ByteWindow.open(file, 0, Infinity, { signal });
  try {
    await win.refill(0);
    if (win.end >= 3 && win.buf[0] === 0xef && win.buf[1] === 0xbb && win.buf[2] === 0xbf) bom = 3;
    let pos = bom;
    let line = 1;
    for (;;) {
      const { buf } = win;
      let lf = buf.indexOf(LF, pos);
      if (lf >= win.end) lf = -1;
      if (lf < 0 && !win.final) {
        await win.refill(pos);
        pos = 0;
        continue;
      }
      if (lf < 0 && pos >= win.end) break;
      const lineEnd = lf < 0 ? win.end : lf;
      const contentEnd = lineEnd > pos && buf[lineEnd - 1] === CR ? lineEnd - 1 : lineEnd;
      const start = win.base + pos;
      const end = win.base + (lf < 0 ? win.end : lf + 1);
      if (inHeader) {
        if (arff!.accept(utf8.decode(buf.subarray(pos, lineEnd)), line)) {
          inHeader = false;
          if (lf >= 0) eol = endingOf(buf, contentEnd, lf);
        }
      } else if (!isBlankBytes(buf, pos, lineEnd, arff ? 37 : -1)) {
        if (headEnd < 0) headEnd = start;
        if (eol === undefined && lf >= 0) eol = endingOf(buf, contentEnd, lf);
        index.push(start, win.base + contentEnd, end, line);
      }
      if (lf < 0) break;
      pos = lf + 1;
      line++;
    }
    if (inHeader) throw new DatasetError({ file }, 'no @data line: the ARFF header must end with @data, followed by one row per line');
    if (headEnd < 0) headEnd = format === 'arff' ? win.size : bom;
    return { index, headEnd, headContentEnd: headEnd, eol: eol ?? Buffer.from('\n') };
  } finally {
    await win.close();
  }
}
