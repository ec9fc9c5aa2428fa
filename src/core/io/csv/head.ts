/**
 * Reads the start of a CSV/TSV file: BOM, delimiter, the header record and a sample of the first
 * rows (decoded to strings), plus where the data rows start. Detection works from this alone.
 */
import { DatasetError } from '../../errors.js';
import { ByteWindow } from './byteWindow.js';
import { decodeField, QUOTE } from './bytes.js';
import { chooseDelimiter, type Delimiter } from './sniff.js';
import { CsvTokenizer, END_OF_DATA, NEED_MORE, TOKEN_ERROR } from './tokenizer.js';

export const SAMPLE_ROWS = 1000;
/** Wide files sample fewer rows: about this many cells, but never fewer than MIN_SAMPLE_ROWS rows. */
const SAMPLE_CELLS = 150_000;
const MIN_SAMPLE_ROWS = 200;

/** Rows to sample for a header of `columns` fields: up to 1000, fewer for very wide files. */
export function sampleRowsFor(columns: number): number {
  return Math.min(SAMPLE_ROWS, Math.max(MIN_SAMPLE_ROWS, Math.floor(SAMPLE_CELLS / Math.max(1, columns))));
}

export interface SampleRow {
  line: number;
  fields: string[];
}

export interface CsvHead {
  delimiter: Delimiter;
  header: string[];
  /** Up to sampleRowsFor(columns) data rows that have as many fields as the header. */
  sample: SampleRow[];
  /** File offset and line number where the first data row starts (after the header). */
  dataStart: number;
  dataLine: number;
  /** True when a `"` byte occurs in the sampled data rows. */
  sampleHasQuote: boolean;
  fileSize: number;
  notes: string[];
  /** The first malformed record seen while sampling (reported when no good row was sampled). */
  firstProblem?: { line: number; column: number; message: string };
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function bomLength(buf: Uint8Array, end: number, file: string): number {
  if (end >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    throw new DatasetError({ file, line: 1 }, 'the file is UTF-16 encoded; only UTF-8 is supported', 'save it as UTF-8 (e.g. in your editor: "Save with Encoding")');
  }
  return end >= 3 && UTF8_BOM.every((b, i) => buf[i] === b) ? 3 : 0;
}

/** Reads the header and the sample rows (at most `maxRows` of them when a row limit is in force). */
export async function readHead(file: string, requested: Delimiter | undefined, signal?: AbortSignal, maxRows = Infinity): Promise<CsvHead> {
  const win = await ByteWindow.open(file, 0, Infinity, { signal });
  try {
    await win.refill(0);
    if (win.end === 0) throw new DatasetError({ file }, 'file is empty');
    let pos = bomLength(win.buf, win.end, file);
    const choice = chooseDelimiter(file, requested, win.buf, pos, win.end);
    const tok = new CsvTokenizer(choice.delimiter.charCodeAt(0));
    const records = readRecords(win, tok, pos, file);
    const header = await records.next();
    if (header.done) throw new DatasetError({ file }, 'file is empty');
    const dataStart = header.value.endOffset;
    const dataLine = tok.line;
    const sample: SampleRow[] = [];
    let sampleHasQuote = false;
    let firstProblem: CsvHead['firstProblem'];
    const columns = header.value.fields.length;
    const sampleRows = Math.min(sampleRowsFor(columns), maxRows);
    for await (const rec of records) {
      if (rec.hasQuote) sampleHasQuote = true;
      if (rec.fields.length === columns) sample.push({ line: rec.line, fields: rec.fields });
      else if (rec.error) firstProblem ??= rec.error;
      else firstProblem ??= { line: rec.line, column: rec.fields.length < columns ? rec.fields.length + 1 : columns + 1, message: `expected ${columns} fields as in the header, found ${rec.fields.length}` };
      if (sample.length >= sampleRows || rec.error) break;
    }
    return {
      ...(firstProblem ? { firstProblem } : {}),
      delimiter: choice.delimiter,
      header: header.value.fields,
      sample,
      dataStart,
      dataLine,
      sampleHasQuote,
      fileSize: win.size,
      notes: choice.note ? [choice.note] : [],
    };
  } finally {
    await win.close();
  }
}

interface HeadRecord {
  line: number;
  fields: string[];
  endOffset: number;
  hasQuote: boolean;
  error?: { line: number; column: number; message: string };
}

/** Decoded records from the window; stops quietly at a malformed record (the full pass reports it). */
async function* readRecords(win: ByteWindow, tok: CsvTokenizer, start: number, file: string): AsyncGenerator<HeadRecord> {
  let pos = start;
  let first = true;
  for (;;) {
    const r = tok.next(win.buf, pos, win.end, win.final);
    if (r === NEED_MORE) {
      await win.refill(pos);
      pos = 0;
      continue;
    }
    if (r === END_OF_DATA) return;
    if (r === TOKEN_ERROR) {
      if (first) throw new DatasetError({ file, line: tok.errorLine, column: tok.errorField }, `header: ${tok.errorMessage}`);
      yield { line: tok.errorLine, fields: [], endOffset: 0, hasQuote: true, error: { line: tok.errorLine, column: tok.errorField, message: tok.errorMessage } };
      return;
    }
    const fields: string[] = [];
    for (let i = 0; i < tok.fieldCount; i++) fields.push(decodeField(win.buf, tok.fieldStart[i], tok.fieldEnd[i], tok.fieldFlags[i]));
    const hasQuote = win.buf.subarray(pos, r).includes(QUOTE);
    first = false;
    yield { line: tok.recordLine, fields, endOffset: win.base + r, hasQuote };
    pos = r;
  }
}
