/**
 * Predictions from a CSV/TSV file: a header and a sample first (to match columns to labels), then
 * one streaming pass with the byte tokenizer, numbers parsed straight from the bytes.
 */
import { DatasetError } from '../../errors.js';
import { CsvTokenizer, decodeField, parseLabelList, parseNumberBytes, readCsvRecords, visitCsvRecords } from '../csv/index.js';
import { listSome } from './listing.js';
import { UnknownLabels } from './unknownLabels.js';
import { planPredictionColumns, type ColumnPlan } from './predColumns.js';
import type { PredictionReadContext, PredictionTable } from './predictionTable.js';
import { ScoreTable } from './scoreTable.js';
import { badValue, describeBadScore, scoreFromText } from './scoreValues.js';

const SAMPLE_ROWS = 200;

// local bindings: a re-exported import costs a getter call per use when this runs as CommonJS
const parseShortNumber = parseNumberBytes;
const decode = decodeField;

interface Latin1Buffer extends Buffer {
  latin1Slice(start: number, end: number): string;
}

/**
 * A score straight from the field's bytes: short fields through the exact byte parser, long ones
 * (17-digit floats as Python and NumPy print them) through Number() on a one-byte string, which is
 * correctly rounded and avoids the trimming and copying of the general path. NaN when not a number.
 */
function scoreOfField(buf: Buffer, start: number, end: number): number {
  if (end - start <= 16) return parseShortNumber(buf, start, end);
  const x = Number((buf as Latin1Buffer).latin1Slice(start, end));
  return x === 0 ? parseShortNumber(buf, start, end) : x; // Number('   ') is 0
}

export interface CsvHeadSample {
  delimiter: ',' | '\t';
  header: string[];
  sample: string[][];
}

/** The header and the first rows; the delimiter from the extension, switched when the header clearly uses the other. */
export async function readPredictionHead(file: string, delimiter: ',' | '\t', signal?: AbortSignal): Promise<CsvHeadSample> {
  let head = await sampleRecords(file, delimiter, signal);
  const other = delimiter === ',' ? '\t' : ',';
  if (head.header.length === 1 && head.header[0].includes(other)) head = await sampleRecords(file, other, signal);
  return head;
}

async function sampleRecords(file: string, delimiter: ',' | '\t', signal?: AbortSignal): Promise<CsvHeadSample> {
  const records: string[][] = [];
  for await (const rec of readCsvRecords(file, { delimiter, ...(signal ? { signal } : {}) })) {
    records.push(rec.fields);
    if (records.length > SAMPLE_ROWS) break;
  }
  if (records.length === 0) throw new DatasetError({ file }, 'file is empty');
  if (records.length === 1) throw new DatasetError({ file }, 'has a header but no data rows');
  return { delimiter, header: records[0], sample: records.slice(1) };
}

export async function readCsvPredictions(ctx: PredictionReadContext, head: CsvHeadSample): Promise<PredictionTable> {
  const { file, labelNames } = ctx;
  const idIndex = ctx.idName === undefined ? -1 : head.header.indexOf(ctx.idName);
  if (ctx.idName !== undefined && idIndex < 0) throw new DatasetError({ file, line: 1 }, `the id column "${ctx.idName}" is not in the predictions`, `columns: ${listSome(head.header, 20)}`);
  const plan = planPredictionColumns({ file, header: head.header, sample: head.sample, labelNames, idIndex, listColumn: ctx.listColumn });
  const table = new ScoreTable(labelNames.length);
  const ids: string[] | undefined = idIndex >= 0 ? [] : undefined;
  const lines: number[] = [];
  const reader = plan.kind === 'scores' ? scoreRowReader(ctx, plan.columnOf, table) : listRowReader(ctx, plan, table);
  const columns = head.header.length;
  await forEachRecord(ctx, head.delimiter, (buf, tok) => {
    if (tok.fieldCount !== columns) {
      throw new DatasetError({ file, line: tok.recordLine, column: Math.min(tok.fieldCount, columns) + 1 }, `expected ${columns} fields as in the header, found ${tok.fieldCount}`);
    }
    reader.read(buf, tok);
    lines.push(tok.recordLine);
    if (ids) ids.push(decodeField(buf, tok.fieldStart[idIndex], tok.fieldEnd[idIndex], tok.fieldFlags[idIndex]));
  });
  if (table.rows === 0) throw new DatasetError({ file }, 'has a header but no data rows');
  reader.finish();
  return { file, table, kind: plan.kind === 'scores' ? 'scores' : 'label-list', checker: ctx.checker, lines, notes: plan.notes, ...(ids ? { ids } : {}) };
}

interface RowReader {
  read(buf: Buffer, tok: CsvTokenizer): void;
  /** After the last row: report what could only be judged over the whole file. */
  finish(): void;
}

function scoreRowReader(ctx: PredictionReadContext, columnOf: Int32Array, table: ScoreTable): RowReader {
  const { file, labelNames, checker } = ctx;
  const width = columnOf.length;
  const read = (buf: Buffer, tok: CsvTokenizer): void => {
    const o = table.nextRow();
    const values = table.current;
    for (let l = 0; l < width; l++) {
      const c = columnOf[l];
      let x = scoreOfField(buf, tok.fieldStart[c], tok.fieldEnd[c]);
      if (x !== x) {
        const text = decode(buf, tok.fieldStart[c], tok.fieldEnd[c], tok.fieldFlags[c]);
        x = scoreFromText(text);
        if (x !== x) throw badValue({ file, line: tok.recordLine, column: c + 1, label: labelNames[l] }, describeBadScore(text));
      }
      if (!checker.accepts(x)) checker.unusual(x, { file, line: tok.recordLine, column: c + 1, label: labelNames[l] });
      values[o + l] = x;
    }
  };
  return { read, finish: () => undefined };
}

function listRowReader(ctx: PredictionReadContext, plan: Extract<ColumnPlan, { kind: 'list' }>, table: ScoreTable): RowReader {
  const idOf = new Map(ctx.labelNames.map((n, i) => [n, i]));
  const unknown = new UnknownLabels(ctx.file, ctx.labelNames);
  const c = plan.column;
  const read = (buf: Buffer, tok: CsvTokenizer): void => {
    const o = table.nextRow();
    const values = table.current;
    for (const name of parseLabelList(decodeField(buf, tok.fieldStart[c], tok.fieldEnd[c], tok.fieldFlags[c]), plan.style)) {
      const l = idOf.get(name);
      if (l !== undefined) values[o + l] = 1;
      else unknown.add(name, tok.recordLine);
    }
  };
  return { read, finish: () => unknown.throwIfAny() };
}

/** Every data record after the header, tokenized; errors carry line and field. */
async function forEachRecord(ctx: PredictionReadContext, delimiter: ',' | '\t', visit: (buf: Buffer, tok: CsvTokenizer) => void): Promise<void> {
  let header = true;
  await visitCsvRecords(ctx.file, { delimiter, signal: ctx.signal, onBytes: ctx.onBytes }, (buf, tok) => {
    if (!header) visit(buf, tok);
    header = false;
  });
}
