/**
 * The `resample` job: read a dataset, run one resampling method, write the result next to the
 * input in the same format, and report the label measures before and after. The input is never
 * touched; an existing output is never replaced without `force`.
 */
import { readDatasetTable, type DatasetTable } from '../data/datasetTable.js';
import { UsageError } from '../errors.js';
import { openDataset } from '../io/open.js';
import type { DatasetFormat, ReadOptions } from '../io/types.js';
import { resampledPath, writeResampled } from '../io/write/index.js';
import { lpRos } from '../resample/lpRos.js';
import { lpRus } from '../resample/lpRus.js';
import { mlRos } from '../resample/mlRos.js';
import { mlRus } from '../resample/mlRus.js';
import { mlSmote } from '../resample/mlsmote/index.js';
import { remedial } from '../resample/remedial.js';
import { outputLabelMatrix } from '../resample/resampleOutput.js';
import type { ResampleMethod, ResampleResult } from '../resample/types.js';
import { labelSummary, measureSummary, type MeasureSummary } from './measureSummary.js';

export const RESAMPLE_METHODS: readonly ResampleMethod[] = ['mlros', 'mlrus', 'lpros', 'lprus', 'mlsmote', 'remedial'];

export interface ResampleOptions extends Omit<ReadOptions, 'skipBadRows'> {
  method: ResampleMethod;
  /** ML-ROS/ML-RUS/LP-ROS/LP-RUS: grow or shrink by this percentage of the rows, in (0, 100] (default 25). */
  percent?: number;
  /** MLSMOTE: neighbours (default 5). */
  k?: number;
  /** MLSMOTE: how a synthetic row's labels are chosen (default 'ranking'). */
  labelset?: 'ranking' | 'union' | 'intersection';
  seed?: number;
  /** Output file (default: next to the input, `name.<method>.<ext>`). */
  out?: string;
  /** Replace an existing output file. */
  force?: boolean;
  /** Mark rows with is_synthetic / source_row (default true). */
  markRows?: boolean;
  /** Compute everything but write nothing. */
  dryRun?: boolean;
  /** Called once the computation is done, right before the first output file is written. */
  onWriting?: () => void;
}

export interface ResampleReport {
  file: string;
  format: DatasetFormat;
  method: ResampleMethod;
  parameters: { percent?: number; k?: number; labelset?: string; seed: number };
  /** The files written (the dataset, and for MULAN ARFF its label .xml); empty for a dry run. */
  written: string[];
  out: string;
  rows: { before: number; after: number; kept: number; removed: number; cloned: number; edited: number; synthetic: number };
  before: MeasureSummary;
  after: MeasureSummary;
  perLabel: { name: string; minority: boolean; before: number; after: number; irBefore: number; irAfter: number }[];
  notes: string[];
  elapsedMs: number;
}

/** The methods that need only the labels; MLSMOTE also needs the features. */
function runMethod(table: DatasetTable, options: ResampleOptions, signal: AbortSignal | undefined): ResampleResult {
  const seed = options.seed ?? 0;
  const percent = options.percent ?? 25;
  switch (options.method) {
    case 'mlros':
      return mlRos(table.labels, { percent, seed });
    case 'mlrus':
      return mlRus(table.labels, { percent, seed });
    case 'lpros':
      return lpRos(table.labels, { percent, seed });
    case 'lprus':
      return lpRus(table.labels, { percent, seed });
    case 'remedial':
      return remedial(table.labels);
    case 'mlsmote':
      return mlSmote(table, { k: options.k ?? 5, labelset: options.labelset ?? 'ranking', seed, signal });
  }
}

function checkOptions(options: ResampleOptions): void {
  if (!RESAMPLE_METHODS.includes(options.method)) throw new UsageError(`unknown method "${options.method}"; expected one of ${RESAMPLE_METHODS.join(', ')}`);
  const percent = options.percent;
  if (percent !== undefined && !(percent > 0 && percent <= 100)) throw new UsageError(`--percent must be in (0, 100], got ${percent}`);
  if (options.k !== undefined && !(Number.isInteger(options.k) && options.k >= 1)) throw new UsageError(`--k must be a whole number of neighbours >= 1, got ${options.k}`);
  if (options.seed !== undefined && !Number.isInteger(options.seed)) throw new UsageError(`--seed must be a whole number, got ${options.seed}`);
}

export async function resampleDataset(file: string, options: ResampleOptions): Promise<ResampleReport> {
  const started = performance.now();
  checkOptions(options);
  const reader = await openDataset(file, { ...options, skipBadRows: false });
  const table = await readDatasetTable(reader, options.signal);
  const result = runMethod(table, options, options.signal);
  const output = outputLabelMatrix(table.labels, result);
  const out = options.out ?? resampledPath(file, options.method);
  if (!options.dryRun) options.onWriting?.();
  const written = options.dryRun
    ? []
    : (await writeResampled(file, table.schema, result, out, { force: options.force, markRows: options.markRows ?? true, signal: options.signal })).files;

  const before = labelSummary(table.labels);
  const after = labelSummary(output);
  const minority = new Set(result.minorityLabels);
  const kinds = { original: 0, clone: 0, edited: 0, synthetic: 0 };
  for (const row of result.rows) kinds[row.kind]++;
  const sources = new Set<number>();
  for (const row of result.rows) if (row.kind === 'original' || row.kind === 'edited') sources.add(row.source);
  return {
    file,
    format: table.schema.format,
    method: options.method,
    parameters: parametersOf(options),
    written,
    out,
    rows: {
      before: table.rows,
      after: result.rows.length,
      kept: kinds.original,
      removed: table.rows - sources.size,
      cloned: kinds.clone,
      edited: kinds.edited,
      synthetic: kinds.synthetic,
    },
    before: measureSummary(table.labels),
    after: measureSummary(output),
    perLabel: table.schema.labelNames.map((name, l) => ({
      name,
      minority: minority.has(l),
      before: before.counts[l],
      after: after.counts[l],
      irBefore: before.irLbl[l],
      irAfter: after.irLbl[l],
    })),
    notes: [...result.notes],
    elapsedMs: Math.round(performance.now() - started),
  };
}

function parametersOf(options: ResampleOptions): ResampleReport['parameters'] {
  const seed = options.seed ?? 0;
  switch (options.method) {
    case 'mlros':
    case 'mlrus':
    case 'lpros':
    case 'lprus':
      return { percent: options.percent ?? 25, seed };
    case 'mlsmote':
      return { k: options.k ?? 5, labelset: options.labelset ?? 'ranking', seed };
    case 'remedial':
      return { seed };
  }
}
