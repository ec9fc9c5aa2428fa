/**
 * ARFF readers (MULAN and MEKA multilabel conventions): `openArff` for rows with features,
 * `scanArffLabels` for the label matrix alone (the first `maxRows` rows when given), both
 * streaming line by line.
 */
import * as path from 'node:path';
import { LabelMatrixBuilder } from '../../data/labelMatrix.js';
import { DatasetError } from '../../errors.js';
import type { LineChunk } from '../lineReader.js';
import { rowLimitOf } from '../rowLimit.js';
import type { DatasetReader, DatasetRow, LabelReadOptions, LabelScan, ReadOptions } from '../types.js';
import { resolveArffLabels } from './labels.js';
import { buildLayout, type ArffLayout } from './layout.js';
import { decodeRow, LabelDecoder } from './rowDecoder.js';
import { SkippedRows } from '../skippedRows.js';
import { openArffStream, type ArffStream } from './stream.js';
import { isBlankOrComment, type LineContext } from './syntax.js';

export async function openArff(file: string, options: ReadOptions): Promise<DatasetReader> {
  const stream = await openArffStream(file, options);
  let layout: ArffLayout;
  try {
    layout = await layoutOf(file, stream, options);
    if (!(await hasDataRow(stream.data))) throw noDataRows(file, stream);
  } finally {
    await stream.close();
  }
  let skipped = new SkippedRows(options.skipBadRows === true);
  return {
    schema: layout.schema,
    rows: (rowOptions) => {
      skipped = new SkippedRows(options.skipBadRows === true);
      return readRows(file, options, layout, skipped, rowOptions?.sparseNumeric === true);
    },
    skipped: () => skipped.snapshot(),
  };
}

export async function scanArffLabels(file: string, options: LabelReadOptions): Promise<LabelScan> {
  const limit = rowLimitOf(options.maxRows) ?? Infinity;
  const stream = await openArffStream(file, options);
  try {
    const layout = await layoutOf(file, stream, options);
    const skipped = new SkippedRows(options.skipBadRows === true);
    const decoder = new LabelDecoder(layout);
    const builder = new LabelMatrixBuilder(layout.labelAttributes.length);
    const ids = new Int32Array(layout.labelAttributes.length);
    let dataLines = 0;
    let moreRows = false;
    for await (const chunk of stream.data) {
      moreRows = !forEachDataLine(file, chunk, (text, ctx) => {
        // a data line after the limit: there is more, and nothing further is read
        if (builder.rows >= limit) return false;
        dataLines++;
        try {
          builder.addRow(ids, decoder.labels(text, ctx, ids));
        } catch (error) {
          skipped.record(error, ctx.line);
        }
        return true;
      });
      if (moreRows) break;
    }
    if (dataLines === 0) throw noDataRows(file, stream);
    const scan: LabelScan = { schema: layout.schema, matrix: builder.build(), skipped: skipped.rows, skippedCount: skipped.count };
    if (moreRows) scan.moreRows = true;
    return scan;
  } finally {
    await stream.close();
  }
}

async function layoutOf(file: string, stream: ArffStream, options: ReadOptions): Promise<ArffLayout> {
  const { header } = stream;
  if (header.attributes.length === 0) {
    throw new DatasetError({ file, line: header.dataLine }, 'the ARFF header declares no attributes before @data');
  }
  return buildLayout(file, header, await resolveArffLabels(file, header, options));
}

async function* readRows(file: string, options: ReadOptions, layout: ArffLayout, skipped: SkippedRows, sparseNumeric: boolean): AsyncGenerator<DatasetRow> {
  const stream = await openArffStream(file, options);
  try {
    for await (const chunk of stream.data) {
      const rows: DatasetRow[] = [];
      forEachDataLine(file, chunk, (text, ctx) => {
        try {
          const row = decodeRow(layout, text, ctx, sparseNumeric);
          const decoded: DatasetRow = { line: ctx.line, features: row.features, labels: row.labels.sort((a, b) => a - b) };
          if (row.split !== undefined) decoded.split = row.split;
          if (row.sparseNumeric) decoded.sparseNumeric = row.sparseNumeric;
          rows.push(decoded);
        } catch (error) {
          skipped.record(error, ctx.line);
        }
        return true;
      });
      yield* rows;
    }
  } finally {
    await stream.close();
  }
}

/**
 * Calls `visit` for each line of the chunk that is not blank or a `%` comment, until it returns
 * false; returns false when it was stopped that way.
 */
function forEachDataLine(file: string, chunk: LineChunk, visit: (text: string, ctx: LineContext) => boolean): boolean {
  const ctx: LineContext = { file, line: 0 };
  for (let k = 0; k < chunk.lines.length; k++) {
    const text = chunk.lines[k];
    if (isBlankOrComment(text)) continue;
    ctx.line = chunk.firstLine + k;
    if (!visit(text, ctx)) return false;
  }
  return true;
}

async function hasDataRow(data: AsyncGenerator<LineChunk>): Promise<boolean> {
  for await (const chunk of data) {
    if (chunk.lines.some((text) => !isBlankOrComment(text))) return true;
  }
  return false;
}

function noDataRows(file: string, stream: ArffStream): DatasetError {
  return new DatasetError({ file, line: stream.header.dataLine }, `${path.basename(file)} has no data rows after @data`);
}
