/**
 * Which kind of predictions file this is (by extension), and the names its rows carry (CSV/TSV
 * header, the first JSONL object's fields; none for .npy), read before the truth so the loader
 * can decide how to join.
 */
import * as path from 'node:path';
import { DatasetError } from '../../errors.js';
import { statInputFile } from '../inputFile.js';
import { readLines } from '../lineReader.js';
import { parseObjectLine } from '../jsonl/parseLine.js';
import { readPredictionHead, type CsvHeadSample } from './csvPredictions.js';

export type PredictionFormat = 'csv' | 'tsv' | 'jsonl' | 'npy';

const BY_EXTENSION: Record<string, PredictionFormat> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.npy': 'npy',
};

export interface PredictionProbe {
  format: PredictionFormat;
  size: number;
  /** Column or field names (empty for .npy). */
  names: string[];
  csvHead?: CsvHeadSample;
}

export async function probePredictions(file: string, signal?: AbortSignal): Promise<PredictionProbe> {
  const stat = await statInputFile(file, 'a predictions file');
  const format = BY_EXTENSION[path.extname(file).toLowerCase()];
  if (!format) {
    throw new DatasetError({ file }, `unsupported predictions file type "${path.extname(file) || '(none)'}"`, `supported: ${Object.keys(BY_EXTENSION).join(' ')}`);
  }
  if (stat.size === 0) throw new DatasetError({ file }, 'file is empty');
  if (format === 'npy') return { format, size: stat.size, names: [] };
  if (format === 'jsonl') return { format, size: stat.size, names: await firstObjectKeys(file, signal) };
  const csvHead = await readPredictionHead(file, format === 'tsv' ? '\t' : ',', signal);
  return { format, size: stat.size, names: csvHead.header, csvHead };
}

async function firstObjectKeys(file: string, signal?: AbortSignal): Promise<string[]> {
  for await (const { text, line } of readLines(file, signal ? { signal } : {})) {
    if (text.trim() !== '') return Object.keys(parseObjectLine(text, { file, line }));
  }
  throw new DatasetError({ file }, 'the file is empty: expected one JSON object per line');
}
