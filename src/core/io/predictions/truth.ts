/**
 * The ground-truth side: the label matrix of the truth file, and each row's id when joining by
 * id. Without ids the fast label scan is used; with ids the rows are read (the id is the schema's
 * id column, or any other column/field named with --id, read as its raw text for CSV/TSV).
 */
import type { LabelMatrix } from '../../data/labelMatrix.js';
import { LabelMatrixBuilder } from '../../data/labelMatrix.js';
import { DatasetError } from '../../errors.js';
import { readCsvRecords } from '../csv/index.js';
import { openDataset, scanLabels } from '../open.js';
import { withoutRowLimit } from '../rowLimit.js';
import type { DatasetReader, DatasetRow, DatasetSchema, FeatureValue, ReadOptions } from '../types.js';
import { listSome } from './listing.js';

export interface TruthRead {
  schema: DatasetSchema;
  matrix: LabelMatrix;
  /** Set when the rows carry ids for joining: the id column, each row's id and line. */
  idName?: string;
  ids?: string[];
  lines?: number[];
  skippedCount: number;
}

export interface TruthIdWish {
  /** The id column the user named (--id): it must be there. */
  required?: string;
  /** An id-like column of the predictions: used when the truth's detected id column has the same name. */
  candidate?: string;
}

export async function readTruth(file: string, given: ReadOptions, wish: TruthIdWish): Promise<TruthRead> {
  // every row, always: a row limit (an analysis option) would leave predictions without their truth
  const options = withoutRowLimit(given);
  if (wish.required === undefined && wish.candidate === undefined) return scanWithoutIds(file, options);
  const reader = await openDataset(file, options);
  const { schema } = reader;
  if (wish.required === undefined) {
    const detected = schema.idColumn;
    if (detected === undefined || detected !== wish.candidate) return scanWithoutIds(file, options);
    return readWithIds(reader, detected, (row) => row.id);
  }
  const name = wish.required;
  if (schema.idColumn === name) return readWithIds(reader, name, (row) => row.id);
  const feature = schema.features.findIndex((f) => f.name === name);
  if (feature < 0) throw missingIdColumn(schema, name);
  if (schema.format === 'csv' || schema.format === 'tsv') return readWithRawCsvIds(reader, name, options.signal);
  return readWithIds(reader, name, (row) => idText(row.features[feature]));
}

async function scanWithoutIds(file: string, options: ReadOptions): Promise<TruthRead> {
  const scan = await scanLabels(file, options);
  return { schema: scan.schema, matrix: scan.matrix, skippedCount: scan.skippedCount };
}

function idText(value: FeatureValue): string | undefined {
  return value === null ? undefined : String(value);
}

async function readWithIds(reader: DatasetReader, idName: string, idOf: (row: DatasetRow) => string | undefined | Promise<string | undefined>): Promise<TruthRead> {
  const { schema } = reader;
  const builder = new LabelMatrixBuilder(schema.labelNames.length);
  const ids: string[] = [];
  const lines: number[] = [];
  for await (const row of reader.rows()) {
    const id = await idOf(row);
    if (id === undefined || id === '') throw new DatasetError({ file: schema.file, line: row.line }, `this row has no value in the id column "${idName}"`, 'every row needs an id to be joined with its prediction');
    builder.addRow(row.labels);
    ids.push(id);
    lines.push(row.line);
  }
  return { schema, matrix: builder.build(), idName, ids, lines, skippedCount: reader.skipped().count };
}

/** The id as written in the file (numeric-looking ids keep leading zeros), matched to the rows by line. */
async function readWithRawCsvIds(reader: DatasetReader, idName: string, signal: AbortSignal | undefined): Promise<TruthRead> {
  const { schema } = reader;
  const records = readCsvRecords(schema.file, { delimiter: schema.format === 'tsv' ? '\t' : ',', ...(signal ? { signal } : {}) });
  try {
    const header = await records.next();
    const column = header.done ? -1 : header.value.fields.indexOf(idName);
    if (column < 0) throw missingIdColumn(schema, idName);
    return await readWithIds(reader, idName, async (row) => {
      for (;;) {
        const next = await records.next();
        if (next.done || next.value.line > row.line) return undefined;
        if (next.value.line === row.line) return next.value.fields[column];
      }
    });
  } finally {
    await records.return(undefined);
  }
}

function missingIdColumn(schema: DatasetSchema, name: string): DatasetError {
  const where = schema.labelNames.includes(name) ? `"${name}" is a label of the truth, not an id column` : `the id column "${name}" is not in the truth`;
  const has = [...(schema.idColumn ? [schema.idColumn] : []), ...schema.features.map((f) => f.name)];
  return new DatasetError({ file: schema.file }, where, has.length > 0 ? `columns there besides the labels: ${listSome(has, 20)}` : undefined);
}
