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
}

/** Every record of a file as strings with its 1-based start line, streamed chunk by chunk. */
export async function* readCsvRecords(file: string, options: RecordReadOptions = {}): AsyncGenerator<{ line: number; fields: string[] }> {
  const win = await ByteWindow.open(file, 0, Infinity, options);
  const tok = new CsvTokenizer((options.delimiter ?? ',').charCodeAt(0));
  try {
    await win.refill(0);
    let pos = win.end >= 3 && win.buf[0] === 0xef && win.buf[1] === 0xbb && win.buf[2] === 0xbf ? 3 : 0;
    for (;;) {
      const r = tok.next(win.buf, pos, win.end, win.final);
      if (r === END_OF_DATA) return;
      if (r === NEED_MORE) {
        await win.refill(pos);
        pos = 0;
        continue;
      }
      if (r === TOKEN_ERROR) throw new DatasetError({ file, line: tok.errorLine, column: tok.errorField }, tok.errorMessage);
      const fields: string[] = [];
      for (let i = 0; i < tok.fieldCount; i++) fields.push(decodeField(win.buf, tok.fieldStart[i], tok.fieldEnd[i], tok.fieldFlags[i]));
      pos = r;
      yield { line: tok.recordLine, fields };
    }
  } finally {
    await win.close();
  }
}
