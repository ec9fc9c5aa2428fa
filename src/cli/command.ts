/** What every CLI command looks like, and the options shared by the commands that read a dataset. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../core/errors.js';
import type { DatasetFormat, LabelReadOptions } from '../core/io/types.js';
import { flag, listOption, numberOption, stringOption, type OptionSpecs, type ParsedArgs } from './args.js';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** stdout is a terminal (human output by default). */
  isTTY: boolean;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  options: OptionSpecs;
  /** Returns the process exit code. */
  run(args: ParsedArgs, io: CliIO, signal: AbortSignal): Promise<number>;
}

export const readerOptionSpecs: OptionSpecs = {
  labels: { type: 'list', valueName: 'a,b,c', description: 'CSV/TSV: the 0/1 label columns, by name' },
  'labels-from': { type: 'integer', valueName: 'N', description: 'CSV/TSV: label columns are column N (0-based) and all after it' },
  'label-column': { type: 'string', valueName: 'NAME', description: 'the column (CSV/TSV) or field (JSONL) holding a label list' },
  'skip-bad-rows': { type: 'boolean', description: 'skip malformed rows and report them, instead of stopping at the first' },
  'input-format': { type: 'string', choices: ['csv', 'tsv', 'jsonl', 'arff'], description: 'read the file as this format, whatever its extension' },
  threads: { type: 'integer', valueName: 'N', description: 'threads for large CSV/TSV files and evaluations (default: all cores; 1 = no worker threads)' },
};

/**
 * The reader options of the commands that write a new dataset (resample, split): they copy every
 * row of the input, so a malformed row is an error to fix, never a row to skip.
 */
export const writingReaderOptionSpecs: OptionSpecs = Object.fromEntries(Object.entries(readerOptionSpecs).filter(([name]) => name !== 'skip-bad-rows'));

/**
 * The row limit of the commands that analyse a dataset (analyze, weights). Not a reader option of
 * evaluate: predictions are joined with every row of the truth, so a partial truth would misalign them.
 */
export const rowLimitOptionSpecs: OptionSpecs = {
  'max-rows': { type: 'integer', valueName: 'N', description: 'read only the first N data rows: a quick look at a huge file, measured on those rows only (default 0: all rows)' },
};

/** `--max-rows N`: undefined for all rows (absent or 0). */
export function maxRowsFrom(args: ParsedArgs): number | undefined {
  const maxRows = numberOption(args, 'max-rows');
  if (maxRows === undefined || maxRows === 0) return undefined;
  if (!Number.isSafeInteger(maxRows) || maxRows < 0) throw new UsageError(`--max-rows must be a positive whole number of data rows (0: all rows), got ${maxRows}`);
  return maxRows;
}

/** The scan worker bundled beside the CLI; absent when running from sources. */
function bundledWorker(): string | undefined {
  const candidate = path.join(__dirname, 'csvScanWorker.js');
  return fs.existsSync(candidate) ? candidate : undefined;
}

export function readerOptionsFrom(args: ParsedArgs, signal: AbortSignal): LabelReadOptions {
  const threads = numberOption(args, 'threads');
  if (threads !== undefined && threads < 1) throw new UsageError(`--threads must be at least 1, got ${threads}`);
  const labelsFrom = numberOption(args, 'labels-from');
  if (labelsFrom !== undefined && labelsFrom < 0) throw new UsageError(`--labels-from is a 0-based column index, got ${labelsFrom}`);
  return {
    labels: listOption(args, 'labels'),
    labelsFrom,
    labelColumn: stringOption(args, 'label-column'),
    skipBadRows: flag(args, 'skip-bad-rows'),
    format: stringOption(args, 'input-format') as DatasetFormat | undefined,
    threads,
    workerScript: threads === 1 ? undefined : bundledWorker(),
    signal,
  };
}

/** The one positional argument a command takes: the dataset file. */
export function datasetArgument(args: ParsedArgs, command: string): string {
  if (args.positionals.length === 0) throw new UsageError(`${command} needs a dataset file: imbalance-lens ${command} FILE`);
  if (args.positionals.length > 1) {
    throw new UsageError(`${command} takes one file, got ${args.positionals.length}: ${args.positionals.join(' ')}`);
  }
  return args.positionals[0];
}
