/**
 * What writing a resampled dataset and writing a split share: the options, the encoder for the
 * input's format, the MULAN label file that must travel with an ARFF output, and writing the
 * outputs all-or-nothing (every target checked first, temp files committed only at the end).
 */
import { readFile } from 'node:fs/promises';
import { findMulanXml } from '../arff/mulanXml.js';
import type { DatasetSchema } from '../types.js';
import { ArffRecordWriter } from './arffRecordWriter.js';
import { CsvRecordWriter } from './csvRecordWriter.js';
import { JsonlRecordWriter } from './jsonlRecordWriter.js';
import { checkOutputs, commitAll, OutputFile } from './outputFile.js';
import { mulanXmlPathFor } from './outputNames.js';
import type { AddedColumns, RecordEncoder } from './recordEncoder.js';
import { SourceRecords } from './sourceRecords.js';

export interface WriteOptions {
  /** Add is_synthetic and source_row columns/fields (default true; for splits, default false). */
  markRows?: boolean;
  /** Replace existing output files (default false: a DatasetError naming the file that exists). */
  force?: boolean;
  signal?: AbortSignal;
  /**
   * The 1-based line of each input row as the reader read it (DatasetTable.lines). Needed only
   * when the reader skipped malformed rows: row indices then skip those records too.
   */
  sourceLines?: Int32Array;
  /** Called now and then with the rows written so far and the total. */
  onProgress?: (rowsWritten: number, totalRows: number) => void;
}

export function createEncoder(schema: DatasetSchema, source: SourceRecords, added: AddedColumns): RecordEncoder {
  switch (schema.format) {
    case 'csv':
    case 'tsv':
      return new CsvRecordWriter(schema, source, added);
    case 'jsonl':
      return new JsonlRecordWriter(schema, source, added);
    case 'arff':
      return new ArffRecordWriter(schema, source, added);
  }
}

/** One data file to write, and the MULAN xml copy beside it when the input has one. */
export interface PlannedOutputs {
  data: string[];
  xmlIn: string | undefined;
  /** data[k]'s xml copy, when xmlIn is set. */
  xmlOut: string[];
}

/** Plans the outputs and checks them all before anything is written. */
export async function planOutputs(input: string, schema: DatasetSchema, data: string[], force: boolean): Promise<PlannedOutputs> {
  const xmlIn = schema.format === 'arff' ? await findMulanXml(input) : undefined;
  const xmlOut = xmlIn ? data.map(mulanXmlPathFor) : [];
  await checkOutputs([...data, ...xmlOut], xmlIn ? [input, xmlIn] : [input], force);
  return { data, xmlIn, xmlOut };
}

/**
 * Opens the input's records and a temp file per output, lets `fill` write the rows, then commits
 * everything; on failure (or abort) no output appears and no temp file is left.
 */
export async function writeOutputs(
  input: string,
  schema: DatasetSchema,
  planned: PlannedOutputs,
  options: WriteOptions,
  fill: (source: SourceRecords, files: OutputFile[]) => Promise<void>,
): Promise<string[]> {
  const source = await SourceRecords.open(input, schema.format, { sourceLines: options.sourceLines, signal: options.signal });
  const files: OutputFile[] = [];
  try {
    for (const target of planned.data) files.push(await OutputFile.create(target));
    await fill(source, files);
    if (planned.xmlIn) {
      const xml = await readFile(planned.xmlIn);
      for (const target of planned.xmlOut) {
        const file = await OutputFile.create(target);
        files.push(file);
        await file.write(xml);
      }
    }
    options.signal?.throwIfAborted();
    await commitAll(files, options.force === true);
  } finally {
    for (const file of files) await file.discard();
    await source.close();
  }
  return [...planned.data, ...planned.xmlOut];
}

/** Calls signal/progress checks every so many rows. */
export function rowTicker(total: number, options: WriteOptions): (done: number) => void {
  return (done) => {
    if ((done & 1023) !== 0 && done !== total) return;
    options.signal?.throwIfAborted();
    options.onProgress?.(done, total);
  };
}
