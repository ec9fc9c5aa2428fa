/**
 * A CSV/TSV file opened for reading rows of (features, labels). For a label-list column the label
 * space is the union over the whole file, so a label-only pass runs first to collect the names.
 */
import { DatasetError } from '../../errors.js';
import type { DatasetReader, DatasetRow, SkippedRow } from '../types.js';
import { ByteWindow } from './byteWindow.js';
import { mergeRanges } from './mergeRanges.js';
import { oneHotNames, planCsv, schemaOf, type CsvOptions, type CsvPlan } from './plan.js';
import { RowDecoder } from './rowDecoder.js';
import { MAX_KEPT_SKIPPED_ROWS } from '../skippedRows.js';
import { scanCsvRange } from './scanRange.js';
import { CsvTokenizer, END_OF_DATA, NEED_MORE, TOKEN_ERROR } from './tokenizer.js';

const FIELD_COUNT_HINT = 'a field that contains the delimiter must be in double quotes';

async function listLabelNames(file: string, plan: CsvPlan, options: CsvOptions): Promise<string[]> {
  const range = { start: plan.head.dataStart, end: plan.head.fileSize, firstLine: plan.head.dataLine, allowQuotes: true };
  const scan = await scanCsvRange(plan.scan, range, { signal: options.signal });
  return mergeRanges(file, [{ scan, scannedFirstLine: plan.head.dataLine }], plan.head.dataLine, true, 0).names;
}

export async function openCsv(file: string, options: CsvOptions = {}): Promise<DatasetReader> {
  const plan = await planCsv(file, options);
  const labelNames = plan.layout.kind === 'list' ? await listLabelNames(file, plan, options) : oneHotNames(plan);
  const schema = schemaOf(file, plan, labelNames);
  let skipped: SkippedRow[] = [];
  let skippedCount = 0;
  const skip = (line: number, column: number, message: string, hint?: string): void => {
    if (!options.skipBadRows) throw new DatasetError({ file, line, column }, message, hint);
    if (skippedCount++ < MAX_KEPT_SKIPPED_ROWS) skipped.push({ line, reason: `column ${column}: ${message}` });
  };
  async function* rows(): AsyncGenerator<DatasetRow> {
    skipped = [];
    skippedCount = 0;
    const { dataStart, dataLine, fileSize } = plan.head;
    const win = await ByteWindow.open(file, dataStart, Infinity, {
      signal: options.signal,
      onBytes: progress(options.onProgress, dataStart, fileSize),
    });
    const tok = new CsvTokenizer(plan.head.delimiter.charCodeAt(0), dataLine);
    const decoder = new RowDecoder(plan, labelNames);
    const columns = plan.header.names.length;
    try {
      await win.refill(0);
      let pos = 0;
      for (;;) {
        const r = tok.next(win.buf, pos, win.end, win.final);
        if (r === NEED_MORE) {
          await win.refill(pos);
          pos = 0;
        } else if (r === END_OF_DATA) return;
        else if (r === TOKEN_ERROR) {
          skip(tok.errorLine, tok.errorField, tok.errorMessage);
          pos = tok.errorPos;
        } else {
          const row = tok.fieldCount === columns ? decoder.decode(win.buf, tok) : undefined;
          pos = r;
          if (row) yield row;
          else if (tok.fieldCount !== columns) skip(tok.recordLine, Math.min(tok.fieldCount, columns) + 1, `expected ${columns} fields as in the header, found ${tok.fieldCount}`, FIELD_COUNT_HINT);
          else skip(tok.recordLine, decoder.errorColumn, decoder.message);
        }
      }
    } finally {
      await win.close();
    }
  }
  return { schema, rows, skipped: () => ({ rows: [...skipped], count: skippedCount }) };
}

function progress(onProgress: ((done: number, total: number) => void) | undefined, start: number, total: number): ((bytes: number) => void) | undefined {
  if (!onProgress) return undefined;
  let done = start;
  return (bytes) => {
    done = Math.min(total, done + bytes);
    onProgress(done, total);
  };
}
