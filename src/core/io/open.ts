/**
 * The one entry point to the readers: picks the format from the option or the file extension,
 * checks the file is there, and hands over to the format's reader.
 */
import * as path from 'node:path';
import { DatasetError } from '../errors.js';
import { statInputFile } from './inputFile.js';
import { openArff, scanArffLabels } from './arff/index.js';
import { openCsv, scanCsvLabels } from './csv/index.js';
import { openJsonl, scanJsonlLabels } from './jsonl/index.js';
import { rowLimitOf } from './rowLimit.js';
import type { DatasetFormat, DatasetReader, LabelReadOptions, LabelScan, ReadOptions } from './types.js';

const FORMAT_BY_EXTENSION: Record<string, DatasetFormat> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.arff': 'arff',
};

export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(FORMAT_BY_EXTENSION);

/** The format a file will be read as, or undefined when its extension is not one we read. */
export function formatOf(file: string): DatasetFormat | undefined {
  return FORMAT_BY_EXTENSION[path.extname(file).toLowerCase()];
}

async function resolveFormat(file: string, forced: DatasetFormat | undefined): Promise<DatasetFormat> {
  await statInputFile(file, 'a dataset file');
  const format = forced ?? formatOf(file);
  if (!format) {
    throw new DatasetError(
      { file },
      `unsupported file type "${path.extname(file) || '(none)'}"`,
      `supported: ${SUPPORTED_EXTENSIONS.join(' ')}; or force one with --format-in csv|tsv|jsonl|arff`,
    );
  }
  return format;
}

/** Opens a dataset for reading rows of (features, labels). */
export async function openDataset(file: string, options: ReadOptions = {}): Promise<DatasetReader> {
  const format = await resolveFormat(file, options.format);
  switch (format) {
    case 'csv':
      return openCsv(file, { ...options, delimiter: ',' });
    case 'tsv':
      return openCsv(file, { ...options, delimiter: '\t' });
    case 'jsonl':
      return openJsonl(file, options);
    case 'arff':
      return openArff(file, options);
  }
}

/** Reads only the label side of a dataset, as fast as the format allows (the first `maxRows` data rows when given). */
export async function scanLabels(file: string, options: LabelReadOptions = {}): Promise<LabelScan> {
  rowLimitOf(options.maxRows); // a bad limit is the caller's mistake, whatever the file
  const format = await resolveFormat(file, options.format);
  switch (format) {
    case 'csv':
      return scanCsvLabels(file, { ...options, delimiter: ',' });
    case 'tsv':
      return scanCsvLabels(file, { ...options, delimiter: '\t' });
    case 'jsonl':
      return scanJsonlLabels(file, options);
    case 'arff':
      return scanArffLabels(file, options);
  }
}
