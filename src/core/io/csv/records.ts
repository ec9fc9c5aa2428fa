/**
 * Raw records as strings, for small inputs and tests: every record of an in-memory CSV/TSV text
 * (or bytes) as string[] (blank lines skipped, quotes resolved). Errors carry line and field.
 */
import { DatasetError } from '../../errors.js';
import { ByteWindow } from './byteWindow.js';
import { decodeField } from './bytes.js';
import { CsvTokenizer, END_OF_DATA, NEED_MORE, TOKEN_ERROR } from './tokenizer.js';

export function parseCsvRecords(input: string | Uint8Array, delimiter: ',' | '\t' = ',', file = '<text>'): string[][] {
  const buf = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const tok = new CsvTokenizer(delimiter.charCodeAt(0));
  const records: string[][] = [];
  let pos = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  for (;;) {
    const r = tok.next(buf, pos, buf.length, true);
    if (r === END_OF_DATA) return records;
    if (r === TOKEN_ERROR) throw new DatasetError({ file, line: tok.errorLine, column: tok.errorField }, tok.errorMessage);
    const fields: string[] = [];
    for (let i = 0; i < tok.fieldCount; i++) fields.push(decodeField(buf, tok.fieldStart[i], tok.fieldEnd[i], tok.fieldFlags[i]));
    records.push(fields);
    pos = r;
  }
}

export interface RecordReadOptions {
  delimiter?: ',' | '\t';
  signal?: AbortSignal;
  chunkBytes?: number;
  /** Called with the bytes of each read from the file. */
  onBytes?: (bytes: number) => void;
}

/** What a record visitor sees: the window's bytes and the tokenizer holding the record's field offsets. */
export type RecordVisitor = (buf: Buffer, tok: CsvTokenizer) => void;

/**
 * Every record of a file tokenized in place, streamed chunk by chunk; `visit` reads the fields
 * through the tokenizer's offsets into `buf`, which are valid only during the call.
 */
export async function visitCsvRecords(file: string, options: RecordReadOptions, visit: RecordVisitor): Promise<void> {
  const win = await ByteWindow.open(file, 0, Infinity, options);
  try {
    const stream = new RecordStream(file, win, (options.delimiter ?? ',').charCodeAt(0));
    while (await stream.pump(visit));
  } finally {
    await win.close();
  }
}

/** Every record of a file as strings with its 1-based start line, streamed chunk by chunk. */
export async function* readCsvRecords(file: string, options: RecordReadOptions = {}): AsyncGenerator<{ line: number; fields: string[] }> {
  const win = await ByteWindow.open(file, 0, Infinity, options);
  try {
    const stream = new RecordStream(file, win, (options.delimiter ?? ',').charCodeAt(0));
    let more = true;
    while (more) {
      const batch: { line: number; fields: string[] }[] = [];
      more = await stream.pump((buf, tok) => {
        const fields: string[] = [];
        for (let i = 0; i < tok.fieldCount; i++) fields.push(decodeField(buf, tok.fieldStart[i], tok.fieldEnd[i], tok.fieldFlags[i]));
        batch.push({ line: tok.recordLine, fields });
      });
      yield* batch;
    }
  } finally {
    await win.close();
  }
}

/** Drives the tokenizer over a file window: each pump visits the records the window holds, then refills. */
class RecordStream {
  private readonly tok: CsvTokenizer;
  private pos = -1;

  constructor(private readonly file: string, private readonly win: ByteWindow, delimiter: number) {
    this.tok = new CsvTokenizer(delimiter);
  }

  /** Visits records until the window must be refilled (then refills and returns true) or the data ends (false). */
  async pump(visit: RecordVisitor): Promise<boolean> {
    const { win, tok } = this;
    if (this.pos < 0) {
      await win.refill(0);
      this.pos = win.end >= 3 && win.buf[0] === 0xef && win.buf[1] === 0xbb && win.buf[2] === 0xbf ? 3 : 0;
    }
    for (;;) {
      const r = tok.next(win.buf, this.pos, win.end, win.final);
      if (r === END_OF_DATA) return false;
      if (r === NEED_MORE) {
        await win.refill(this.pos);
        this.pos = 0;
        return true;
      }
      if (r === TOKEN_ERROR) throw new DatasetError({ file: this.file, line: tok.errorLine, column: tok.errorField }, tok.errorMessage);
      visit(win.buf, tok);
      this.pos = r;
    }
  }
}
