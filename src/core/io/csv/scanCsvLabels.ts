/**
 * The label side of a whole CSV/TSV file (the fast path behind `analyze`): plan from the head,
 * then scan the data rows, in parallel over byte ranges when a worker script is given, the file
 * is large and it holds no `"`; sequentially otherwise. Both paths give the same result.
 * With a row limit the scan is sequential and stops after that many rows: the rest is never read.
 */
import { availableParallelism } from 'node:os';
import type { LabelReadOptions, LabelScan } from '../types.js';
import { mergeRanges, type ScannedPart } from './mergeRanges.js';
import { scanParallel } from './parallelScan.js';
import { oneHotNames, planCsv, schemaOf, type CsvPlan } from './plan.js';
import { scanCsvRange, type ScanHooks, type ScanRange } from './scanRange.js';
import type { Delimiter } from './sniff.js';
import { rowLimitOf } from '../rowLimit.js';

/** Files smaller than this are scanned on one thread (workers cost ~30 ms each to start). */
export const PARALLEL_MIN_BYTES = 32 << 20;

export type CsvLabelOptions = LabelReadOptions & {
  delimiter?: Delimiter;
  /** Size from which to scan in parallel (default PARALLEL_MIN_BYTES; tests set it lower). */
  parallelMinBytes?: number;
};

function progressHooks(options: CsvLabelOptions, plan: CsvPlan): ScanHooks {
  const total = plan.head.fileSize;
  let done = plan.head.dataStart;
  const onProgress = options.onProgress;
  return {
    signal: options.signal,
    onBytes: onProgress
      ? (bytes: number): void => {
          done = Math.min(total, done + bytes);
          onProgress(done, total);
        }
      : undefined,
  };
}

async function scanParts(plan: CsvPlan, options: CsvLabelOptions, rowLimit: number | undefined): Promise<ScannedPart[]> {
  const { dataStart, dataLine, fileSize, sampleHasQuote } = plan.head;
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const big = fileSize - dataStart >= (options.parallelMinBytes ?? PARALLEL_MIN_BYTES);
  if (rowLimit === undefined && options.workerScript && threads > 1 && big && !sampleHasQuote) {
    const parts = await scanParallel(plan.scan, options.workerScript, dataStart, fileSize, threads, progressHooks(options, plan));
    if (parts) return parts;
  }
  const range: ScanRange = { start: dataStart, end: fileSize, firstLine: dataLine, allowQuotes: true, ...(rowLimit !== undefined ? { maxRows: rowLimit } : {}) };
  const scan = await scanCsvRange(plan.scan, range, progressHooks(options, plan));
  return [{ scan, scannedFirstLine: dataLine }];
}

/** Scans the labels (and counts the rows) of a CSV/TSV file; features are not decoded. */
export async function scanCsvLabels(file: string, options: CsvLabelOptions = {}): Promise<LabelScan> {
  const rowLimit = rowLimitOf(options.maxRows);
  const plan = await planCsv(file, options, rowLimit);
  const parts = await scanParts(plan, options, rowLimit);
  const list = plan.layout.kind === 'list';
  const merged = mergeRanges(file, parts, plan.head.dataLine, list, oneHotNames(plan).length);
  const labelNames = list ? merged.names : oneHotNames(plan);
  const scan: LabelScan = { schema: schemaOf(file, plan, labelNames), matrix: merged.matrix, skipped: merged.skipped, skippedCount: merged.skippedCount };
  if (parts.some((p) => p.scan.moreRows)) scan.moreRows = true;
  return scan;
}
