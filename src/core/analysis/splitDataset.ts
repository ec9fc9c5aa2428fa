/**
 * The `split` job: iterative stratification of a dataset into k folds or train/validation/test
 * parts, written next to the input (one file per part, or one file with a `split` column), with
 * the per-part label counts and how far each label is from a perfect stratification.
 */
import { UsageError } from '../errors.js';
import { scanLabels } from '../io/open.js';
import type { DatasetFormat, ReadOptions } from '../io/types.js';
import { splitPartNames, writeSplit } from '../io/write/index.js';
import { foldProportions, iterativeStratify } from '../resample/iterativeStratify.js';
import type { StratificationReport } from '../resample/stratificationReport.js';
import { openDataset } from '../io/open.js';
import type { LabelMatrix } from '../data/labelMatrix.js';
import { LabelMatrixBuilder } from '../data/labelMatrix.js';
import { measureSummary, type MeasureSummary } from './measureSummary.js';

export interface SplitOptions extends Omit<ReadOptions, 'skipBadRows'> {
  /** k folds (default 5 when no ratios are given). */
  folds?: number;
  /** Proportions of train/validation/test (or train/test), summing to 1. */
  ratios?: number[];
  /** 1: labels (default); 2: label pairs. */
  order?: 1 | 2;
  seed?: number;
  /** Folder for the part files (default: the input's folder). */
  outDir?: string;
  /** Write one file, the input with a `split` column, instead of one file per part. */
  singleFile?: string;
  force?: boolean;
  /** Compute everything but write nothing. */
  dryRun?: boolean;
  /** Called once the computation is done, right before the first output file is written. */
  onWriting?: () => void;
}

export interface SplitPart {
  name: string;
  proportion: number;
  summary: MeasureSummary;
}

export interface SplitReport {
  file: string;
  format: DatasetFormat;
  order: 1 | 2;
  seed: number;
  parts: SplitPart[];
  labelNames: string[];
  stratification: StratificationReport;
  /** Labels with positives that a part lacks, by name, e.g. `Class14 in test`. */
  absent: string[];
  written: string[];
  elapsedMs: number;
}

function proportionsOf(options: SplitOptions): { proportions: number[]; kind: 'folds' | 'ratios' } {
  if (options.ratios !== undefined && options.folds !== undefined) throw new UsageError('give either --folds or --ratios, not both');
  if (options.ratios !== undefined) return { proportions: options.ratios, kind: 'ratios' };
  const folds = options.folds ?? 5;
  if (!Number.isInteger(folds) || folds < 2) throw new UsageError(`--folds must be a whole number >= 2, got ${folds}`);
  return { proportions: foldProportions(folds), kind: 'folds' };
}

/** The rows of each part as a label matrix, for the per-part measures. */
function partMatrices(labels: LabelMatrix, assignment: Int32Array, parts: number): LabelMatrix[] {
  const builders = Array.from({ length: parts }, () => new LabelMatrixBuilder(labels.labelCount));
  for (let r = 0; r < labels.rows; r++) builders[assignment[r]].addRow(labels.labels.subarray(labels.offsets[r], labels.offsets[r + 1]));
  return builders.map((b) => b.build());
}

export async function splitDataset(file: string, options: SplitOptions = {}): Promise<SplitReport> {
  const started = performance.now();
  const { proportions, kind } = proportionsOf(options);
  const order = options.order ?? 1;
  if (order !== 1 && order !== 2) throw new UsageError(`--order must be 1 (labels) or 2 (label pairs), got ${String(order)}`);
  const seed = options.seed ?? 0;
  const scan = await scanLabels(file, { ...options, skipBadRows: false });
  const split = iterativeStratify(scan.matrix, { proportions, order, seed, signal: options.signal });
  const names = splitPartNames(proportions.length, kind);
  const matrices = partMatrices(scan.matrix, split.assignment, proportions.length);
  let written: string[] = [];
  if (!options.dryRun) {
    options.onWriting?.();
    const { schema } = await openDataset(file, { ...options, skipBadRows: false });
    written = (await writeSplit(file, schema, split.assignment, names, { outDir: options.outDir, singleFile: options.singleFile, force: options.force, signal: options.signal })).files;
  }
  return {
    file,
    format: scan.schema.format,
    order,
    seed,
    parts: names.map((name, p) => ({ name, proportion: proportions[p], summary: measureSummary(matrices[p]) })),
    labelNames: scan.schema.labelNames,
    stratification: split.report,
    absent: split.report.absent.map((a) => `${scan.schema.labelNames[a.label]} in ${names[a.part]}`),
    written,
    elapsedMs: Math.round(performance.now() - started),
  };
}
