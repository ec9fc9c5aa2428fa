/**
 * A byte-level RFC 4180 tokenizer over Uint8Array. Each call to `next` reads one record and leaves
 * its fields as (start, end, flag) triples in reusable typed arrays: no string is made here.
 * Rules: fields are separated by the delimiter, records by LF, CRLF or a lone CR; a field that
 * starts with `"` is quoted and may hold delimiters, line breaks and doubled quotes (RFC 4180 2.5-2.7);
 * a `"` inside an unquoted field is kept as a literal (as Python's csv and pandas do);
 * fully blank lines are skipped.
 */

// Local copies of the byte constants in bytes.ts: imported bindings cost a getter call per use
// when this file runs as CommonJS (tsx, tests), which dominates the hot loop.
const LF = 10;
const CR = 13;
const QUOTE = 34;
const FIELD_PLAIN = 0;
const FIELD_QUOTED = 1;
const FIELD_ESCAPED = 2;

/** `next` results besides a record end position (>= 0). */
export const NEED_MORE = -1;
export const TOKEN_ERROR = -2;
export const END_OF_DATA = -3;

export class CsvTokenizer {
  fieldStart: Int32Array;
  fieldEnd: Int32Array;
  fieldFlags: Uint8Array;
  fieldCount = 0;
  /** Line (in the caller's numbering) where the last record, or the last error, started. */
  recordLine = 0;
  /** The line the next byte is on. */
  line: number;
  /** After TOKEN_ERROR: what went wrong, in which field (1-based), and where to resume. */
  errorMessage = '';
  errorLine = 0;
  errorField = 0;
  errorPos = 0;
  /** Set after an error: the next call first skips to the end of the broken line. */
  private skipping = false;
  private readonly special: number;

  constructor(readonly delimiter: number, firstLine = 1, capacity = 64) {
    this.line = firstLine;
    this.fieldStart = new Int32Array(capacity);
    this.fieldEnd = new Int32Array(capacity);
    this.fieldFlags = new Uint8Array(capacity);
    // bytes above this are never special: a single compare for most data bytes
    this.special = Math.max(delimiter, CR);
  }

  /**
   * Reads the record starting at `pos`. Returns the position after it, NEED_MORE when the record
   * runs past `end` and more data may come (nothing is consumed: call again from the same `pos`
   * with more bytes), END_OF_DATA when nothing is left, or TOKEN_ERROR.
   */
  next(buf: Uint8Array, pos: number, end: number, final: boolean): number {
    if (this.skipping) {
      const after = this.skipLine(buf, pos, end, final);
      if (after < 0) return after;
      pos = after;
    }
    let line = this.line;
    // skip blank lines
    for (;;) {
      if (pos >= end) return final ? END_OF_DATA : NEED_MORE;
      const c = buf[pos];
      if (c === LF) {
        line++;
        pos++;
      } else if (c === CR) {
        if (pos + 1 >= end && !final) return NEED_MORE;
        pos += pos + 1 < end && buf[pos + 1] === LF ? 2 : 1;
        line++;
      } else break;
    }
    const recordLine = line;
    const d = this.delimiter;
    const special = this.special;
    let n = 0;
    let p = pos;
    for (;;) {
      if (n === this.fieldStart.length) this.grow();
      if (p < end && buf[p] === QUOTE) {
        // quoted field: find the closing quote, un-doubling `""`, counting line breaks inside
        const openLine = line;
        let q = p + 1;
        let flag = FIELD_QUOTED;
        for (;;) {
          if (q >= end) {
            if (!final) return NEED_MORE;
            return this.fail(recordLine, openLine, n + 1, end, `unterminated quoted field: the quote opened on line ${openLine} is never closed`);
          }
          const c = buf[q];
          if (c === QUOTE) {
            if (q + 1 >= end && !final) return NEED_MORE;
            if (q + 1 < end && buf[q + 1] === QUOTE) {
              flag = FIELD_ESCAPED;
              q += 2;
              continue;
            }
            break;
          }
          if (c === LF) line++;
          else if (c === CR && !(q + 1 < end && buf[q + 1] === LF)) {
            if (q + 1 >= end && !final) return NEED_MORE;
            line++;
          }
          q++;
        }
        this.fieldStart[n] = p + 1;
        this.fieldEnd[n] = q;
        this.fieldFlags[n] = flag;
        n++;
        p = q + 1;
        if (p >= end) {
          if (!final) return NEED_MORE;
          break;
        }
        const c = buf[p];
        if (c === d) {
          p++;
          continue;
        }
        if (c === LF) {
          p++;
          line++;
          break;
        }
        if (c === CR) {
          if (p + 1 >= end && !final) return NEED_MORE;
          p += p + 1 < end && buf[p + 1] === LF ? 2 : 1;
          line++;
          break;
        }
        return this.fail(recordLine, line, n, p, 'expected a delimiter or the end of the line after a closing quote');
      }
      let q = p;
      while (q < end) {
        const c = buf[q];
        if (c > special) {
          q++;
          continue;
        }
        if (c === d || c === LF || c === CR) break;
        q++;
      }
      this.fieldStart[n] = p;
      this.fieldEnd[n] = q;
      this.fieldFlags[n] = FIELD_PLAIN;
      n++;
      if (q >= end) {
        if (!final) return NEED_MORE;
        p = q;
        break;
      }
      const c = buf[q];
      if (c === d) {
        p = q + 1;
        continue;
      }
      if (c === LF) {
        p = q + 1;
      } else {
        if (q + 1 >= end && !final) return NEED_MORE;
        p = q + 1 < end && buf[q + 1] === LF ? q + 2 : q + 1;
      }
      line++;
      break;
    }
    this.fieldCount = n;
    this.recordLine = recordLine;
    this.line = line;
    return p;
  }

  /** Records an error; the next call resumes after the line break following `pos`. */
  private fail(recordLine: number, lineAtPos: number, field: number, pos: number, message: string): number {
    this.recordLine = recordLine;
    this.line = lineAtPos;
    this.errorLine = lineAtPos;
    this.errorField = field;
    this.errorMessage = message;
    this.errorPos = pos;
    this.skipping = true;
    return TOKEN_ERROR;
  }

  /** Skips to just after the next LF (ignoring quotes): where reading resumes after a broken record. */
  private skipLine(buf: Uint8Array, pos: number, end: number, final: boolean): number {
    let q = pos;
    while (q < end && buf[q] !== LF) q++;
    if (q >= end) {
      if (!final) return NEED_MORE;
      this.skipping = false;
      return END_OF_DATA;
    }
    this.skipping = false;
    this.line++;
    return q + 1;
  }

  private grow(): void {
    const size = this.fieldStart.length * 2;
    const start = new Int32Array(size);
    const end = new Int32Array(size);
    const flags = new Uint8Array(size);
    start.set(this.fieldStart);
    end.set(this.fieldEnd);
    flags.set(this.fieldFlags);
    this.fieldStart = start;
    this.fieldEnd = end;
    this.fieldFlags = flags;
  }
}
