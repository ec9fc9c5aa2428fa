/**
 * The label scan over one byte range of a CSV/TSV file, in-process: tokenize, check field counts,
 * extract label ids. Used for the whole file (sequential) and by each worker for its range.
 * Everything in and out is plain data, so it can cross a worker_threads boundary.
 */
import type { LabelMatrix } from '../../data/labelMatrix.js';
import type { SkippedRow } from '../types.js';
import { ByteWindow } from './byteWindow.js';
import { QUOTE } from './bytes.js';
import { MAX_KEPT_SKIPPED_ROWS } from '../skippedRows.js';
import type { LabelLayout } from './labelLayout.js';
import { FastOneHotRows } from './fastOneHot.js';
import { LABEL_HINT, ListSink, OneHotSink, type LabelSink } from './labelSinks.js';
import { CsvTokenizer, END_OF_DATA, NEED_MORE, TOKEN_ERROR } from './tokenizer.js';


export interface ScanPlan {
  file: string;
  delimiter: ',' | '\t';
  columnNames: string[];
  layout: LabelLayout;
  skipBadRows: boolean;
}

export interface ScanRange {
  /** Byte offsets [start, end) in the file; start is the start of a record. */
  start: number;
  end: number;
  /** Line number of the byte at `start` (parallel ranges use 1 and are fixed up later). */
  firstLine: number;
  /** When false, stop at the first `"` byte and report `sawQuote` (ranges split blindly at LF). */
  allowQuotes: boolean;
  /** Stop after this many rows were read (malformed rows skipped do not count) and report `moreRows`. */
  maxRows?: number;
}

export interface RangeError {
  line: number;
  column: number;
  message: string;
  hint?: string;
}

export interface RangeScan {
  matrix: LabelMatrix;
  /** Label names by id for the list layout (local to this range); empty for one-hot. */
  names: string[];
  /** Line breaks passed in the range. */
  lineBreaks: number;
  sawQuote: boolean;
  /** `maxRows` stopped the scan and something other than blank lines follows in the range. */
  moreRows: boolean;
  skipped: SkippedRow[];
  skippedCount: number;
  error?: RangeError;
}

export interface ScanHooks {
  signal?: AbortSignal | undefined;
  onBytes?: ((bytes: number) => void) | undefined;
  /** Read size (tests use tiny ones to cut records at every possible byte). */
  chunkBytes?: number;
}

function makeSink(plan: ScanPlan, expectedRows: number): LabelSink {
  const layout = plan.layout;
  return layout.kind === 'onehot' ? new OneHotSink(layout.columns, plan.columnNames, expectedRows) : new ListSink(layout.column, layout.style);
}

const FIELD_COUNT_HINT = 'a field that contains the delimiter must be in double quotes';

/** Position just after the last LF in the window (0 when none): rows before it are complete. */
function lastLineEnd(win: ByteWindow): number {
  return win.end === 0 ? 0 : win.buf.lastIndexOf(10, win.end - 1) + 1;
}

/**
 * Whether another record follows `pos`: any byte but CR and LF (the tokenizer skips only blank
 * lines). Reads on just until it finds one, so a row limit never makes the rest of a file be read.
 */
async function recordFollows(win: ByteWindow, pos: number): Promise<boolean> {
  for (;;) {
    const buf = win.buf;
    for (let p = pos; p < win.end; p++) if (buf[p] !== 10 && buf[p] !== 13) return true;
    if (win.final) return false;
    await win.refill(win.end);
    pos = 0;
  }
}

/** Scans one range; stops at the first bad row unless plan.skipBadRows. */
export async function scanCsvRange(plan: ScanPlan, range: ScanRange, hooks: ScanHooks = {}): Promise<RangeScan> {
  const win = await ByteWindow.open(plan.file, range.start, range.end, hooks);
  const tok = new CsvTokenizer(plan.delimiter.charCodeAt(0), range.firstLine);
  const limit = range.maxRows ?? Infinity;
  const sink = makeSink(plan, Math.min(limit, Math.max(1024, Math.floor((range.end - range.start) / 256))));
  const columns = plan.columnNames.length;
  const skipped: SkippedRow[] = [];
  let skippedCount = 0;
  let error: RangeError | undefined;
  let sawQuote = false;
  let moreRows = false;
  let rows = 0;
  const bad = (line: number, column: number, message: string, hint?: string): void => {
    if (!plan.skipBadRows) error = hint === undefined ? { line, column, message } : { line, column, message, hint };
    else if (skippedCount++ < MAX_KEPT_SKIPPED_ROWS) skipped.push({ line, reason: `column ${column}: ${message}` });
  };
  try {
    await win.refill(0);
    const fast = sink instanceof OneHotSink && plan.layout.kind === 'onehot' ? new FastOneHotRows(win.buf, tok.delimiter, columns, plan.layout.columns) : undefined;
    let pos = 0;
    let checkedTo = 0;
    let safeEnd = lastLineEnd(win);
    while (error === undefined) {
      if (rows >= limit) {
        moreRows = await recordFollows(win, pos);
        break;
      }
      if (!range.allowQuotes && checkedTo < win.end) {
        if (win.buf.subarray(checkedTo, win.end).includes(QUOTE)) {
          sawQuote = true;
          break;
        }
        checkedTo = win.end;
      }
      if (fast !== undefined && pos < safeEnd) {
        const after = fast.row(win.buf, pos, safeEnd);
        if (after >= 0) {
          (sink as OneHotSink).addIds(fast.rowIds, fast.count);
          rows++;
          tok.line++;
          pos = after;
          continue;
        }
      }
      const r = tok.next(win.buf, pos, win.end, win.final);
      if (r >= 0) {
        const n = tok.fieldCount;
        if (n !== columns) bad(tok.recordLine, n < columns ? n + 1 : columns + 1, `expected ${columns} fields as in the header, found ${n}`, FIELD_COUNT_HINT);
        else {
          const column = sink.row(win.buf, tok);
          if (column !== 0) bad(tok.recordLine, column, sink.message, LABEL_HINT);
          else rows++;
        }
        pos = r;
      } else if (r === NEED_MORE) {
        checkedTo -= pos;
        await win.refill(pos);
        pos = 0;
        safeEnd = lastLineEnd(win);
        fast?.bind(win.buf);
      } else if (r === END_OF_DATA) break;
      else if (r === TOKEN_ERROR) {
        bad(tok.errorLine, tok.errorField, tok.errorMessage);
        pos = tok.errorPos;
      }
    }
  } finally {
    await win.close();
  }
  const result: RangeScan = { matrix: sink.matrix(), names: sink.names(), lineBreaks: tok.line - range.firstLine, sawQuote, moreRows, skipped, skippedCount };
  if (error) result.error = error;
  return result;
}
