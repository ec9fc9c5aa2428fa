/**
 * Where each CSV/TSV record lies, found with the readers' tokenizer (RFC 4180: quoted fields may
 * hold delimiters, doubled quotes and line breaks; blank lines are skipped). The first record is
 * the header; data records are those with as many fields as the header, as the reader keeps.
 */
import { ByteWindow } from '../csv/byteWindow.js';
import { CsvTokenizer, END_OF_DATA, NEED_MORE, TOKEN_ERROR } from '../csv/tokenizer.js';
import { RecordIndex } from './recordIndex.js';
import type { ScannedLayout } from './sourceRecords.js';

const LF = 10;
const CR = 13;

/** End of a record's content: its bytes up to `end` minus the one line break the tokenizer consumed. */
export function contentEndOf(buf: Uint8Array, start: number, end: number): number {
  if (end > start && buf[end - 1] === LF) return end - 2 >= start && buf[end - 2] === CR ? end - 2 : end - 1;
  if (end > start && buf[end - 1] === CR) return end - 1;
  return end;
}

/** Skips the blank lines the tokenizer skips before a record. */
function skipBreaks(buf: Uint8Array, pos: number, end: number): number {
  while (pos < end && (buf[pos] === LF || buf[pos] === CR)) pos++;
  return pos;
}

export async function indexCsvRecords(file: string, delimiter: ',' | '\t', signal: AbortSignal | undefined): Promise<ScannedLayout> {
  const index = new RecordIndex();
  const tok = new CsvTokenizer(delimiter.charCodeAt(0));
  const win = await ByteWindow.open(file, 0, Infinity, { signal });
  let headEnd = 0;
  let headContentEnd = 0;
  let eol = Buffer.from('\n');
  let columns = -1;
  try {
    await win.refill(0);
    let pos = win.end >= 3 && win.buf[0] === 0xef && win.buf[1] === 0xbb && win.buf[2] === 0xbf ? 3 : 0;
    let afterError = false;
    for (;;) {
      const r = tok.next(win.buf, pos, win.end, win.final);
      if (r === NEED_MORE) {
        await win.refill(pos);
        pos = 0;
        continue;
      }
      if (r === END_OF_DATA) break;
      if (r === TOKEN_ERROR) {
        // a broken record (the reader stops or skips it): resume after its line, as the reader does
        pos = tok.errorPos;
        afterError = true;
        continue;
      }
      const { buf } = win;
      let start = pos;
      if (afterError) {
        // the tokenizer first skipped the rest of the broken line
        start = buf.indexOf(LF, pos) + 1;
        afterError = false;
      }
      start = skipBreaks(buf, start, r);
      const contentEnd = contentEndOf(buf, start, r);
      if (columns < 0) {
        columns = tok.fieldCount;
        headEnd = win.base + r;
        headContentEnd = win.base + contentEnd;
        if (r > contentEnd) eol = Buffer.from(buf.subarray(contentEnd, r));
      } else if (tok.fieldCount === columns) {
        index.push(win.base + start, win.base + contentEnd, win.base + r, tok.recordLine);
      }
      pos = r;
    }
    return { index, headEnd, headContentEnd, eol };
  } finally {
    await win.close();
  }
}
