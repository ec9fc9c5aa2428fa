/**
 * The train / validation / test parts of a run, decided once for every strategy:
 * - a separate test file (MULAN train/test pairs): the dataset is the training pool;
 * - else the file's own split column (train / val|validation / test): those parts;
 * - else iterative stratification (Sechidis et al. 2011) of the whole file, train/validation/test by `ratios`.
 * When that leaves no validation part, one is carved from the training pool by iterative
 * stratification (15%) if early stopping needs it (patience > 0), or, with `job.folds`, the pool
 * is cut into k folds by iterative stratification for k-fold cross-validation (crossValidate.ts). With patience 0 (the PyTorch
 * parity mode) nothing is carved: the whole pool is trained on for exactly `epochs` epochs, and
 * without validation rows the thresholds stay at 0.5 (tuning them on the test rows would flatter).
 */
import * as path from 'node:path';
import { readDatasetTable, type DatasetTable } from '../../data/datasetTable.js';
import { rowsOfParts } from '../../data/partRows.js';
import { subsetTable } from '../../data/subsetTable.js';
import { DatasetError } from '../../errors.js';
import { openDataset } from '../../io/open.js';
import type { ReadOptions } from '../../io/types.js';
import { foldProportions, iterativeStratify } from '../../resample/iterativeStratify.js';
import type { SplitInfo, TrainJob } from '../../../protocol/training.js';
import { AUTO_FOLDS, AUTO_FOLDS_MAX_BYTES, AUTO_FOLDS_MAX_ROWS, foldBytes, foldsFor, VALIDATION_CARVE } from './trainJob.js';
import { fitFeaturizer, featurizerWidth } from '../features/index.js';

export interface PreparedSplit {
  labelNames: string[];
  train: DatasetTable;
  /** Absent in the parity mode (patience 0 with no validation rows of the file's own) and with cross-validation. */
  validation?: DatasetTable;
  /** With k-fold cross-validation: the fold (0..k-1) of each `train` row, and k. */
  folds?: { of: Int32Array; k: number };
  test: DatasetTable;
  info: SplitInfo;
  /** The test rows are a whole file of their own (so predictions.csv evaluates against it). */
  testFile?: string;
  /** What the user should know about the split (parity mode, ignored split column). */
  notes: string[];
}

type PartName = 'train' | 'validation' | 'test';

/** Split-column values, lower-cased, and the part each means. */
const SPLIT_VALUES: Record<string, PartName> = {
  train: 'train',
  training: 'train',
  val: 'validation',
  valid: 'validation',
  validation: 'validation',
  dev: 'validation',
  test: 'test',
  testing: 'test',
};

export async function prepareSplit(job: TrainJob, signal?: AbortSignal): Promise<PreparedSplit> {
  const read: ReadOptions = { ...job.read, signal };
  const table = await readDatasetTable(await openDataset(job.file, read), signal);
  if (table.rows === 0) throw new DatasetError({ file: job.file }, 'the dataset has no rows to train on');
  if (table.features.length === 0) {
    throw new DatasetError({ file: job.file }, `the dataset has no feature columns to train on (only the labels${table.schema.idColumn ? ` and the id column "${table.schema.idColumn}"` : ''})`, 'training needs input columns besides the labels');
  }
  const notes: string[] = [];
  let pool: DatasetTable;
  let validation: DatasetTable | undefined;
  let test: DatasetTable;
  let source: string;
  let testFile: string | undefined;
  if (job.testFile !== undefined) {
    const testTable = await readDatasetTable(await openDataset(job.testFile, read), signal);
    checkSameColumns(table, testTable, job.testFile);
    if (testTable.rows === 0) throw new DatasetError({ file: job.testFile }, 'the test file has no rows');
    if (table.schema.splitColumn !== undefined) notes.push(`The split column "${table.schema.splitColumn}" of ${path.basename(job.file)} was ignored: the test rows come from ${path.basename(job.testFile)}.`);
    pool = table;
    test = testTable;
    testFile = job.testFile;
    source = `the test file ${path.basename(job.testFile)}`;
  } else if (table.splits !== undefined) {
    const parts = ownSplit(table, job.file);
    pool = subsetTable(table, parts.train);
    validation = parts.validation.length > 0 ? subsetTable(table, parts.validation) : undefined;
    test = subsetTable(table, parts.test);
    source = `the file's split column "${table.schema.splitColumn}"`;
  } else {
    const split = iterativeStratify(table.labels, { proportions: job.ratios, seed: job.seed, signal });
    const [train, val, tst] = rowsOfParts(split.assignment, 3);
    pool = subsetTable(table, train);
    validation = subsetTable(table, val);
    test = subsetTable(table, tst);
    source = `iterative stratification ${job.ratios.map((r) => Math.round(r * 100)).join('/')}, seed ${job.seed}`;
  }
  let train = pool;
  let folds: PreparedSplit['folds'];
  // 'auto' folds only while the fold models' dense rows fit in memory together (foldsFor)
  const width = validation === undefined && job.folds === 'auto' && job.patience > 0 && pool.rows < AUTO_FOLDS_MAX_ROWS ? denseWidthOf(pool) : undefined;
  const k = validation === undefined ? foldsFor(job, pool.rows, width) : 0;
  if (k === 0 && foldBytes(AUTO_FOLDS, pool.rows, width) > AUTO_FOLDS_MAX_BYTES) {
    const mb = Math.round(foldBytes(AUTO_FOLDS, pool.rows, width) / 1024 ** 2);
    notes.push(`Not cross-validated: ${AUTO_FOLDS} fold models of ${pool.rows} rows x ${width} dense features would hold about ${mb} MB at once; a validation part is carved instead (--folds ${AUTO_FOLDS} asks for the folds anyway).`);
  }
  if (k > 0) {
    folds = { of: iterativeStratify(pool.labels, { proportions: foldProportions(k), seed: job.seed, signal }).assignment, k };
    source += `; ${k}-fold cross-validation of the training rows (folds by iterative stratification, seed ${job.seed})`;
  } else if (validation === undefined && job.patience > 0) {
    const carve = iterativeStratify(pool.labels, { proportions: [1 - VALIDATION_CARVE, VALIDATION_CARVE], seed: job.seed, signal });
    const [keep, val] = rowsOfParts(carve.assignment, 2);
    train = subsetTable(pool, keep);
    validation = subsetTable(pool, val);
    source += `; validation carved from the training rows by iterative stratification (${Math.round(VALIDATION_CARVE * 100)}%, seed ${job.seed})`;
  } else if (validation === undefined) {
    const note = 'No validation split (patience 0 trains on every training row for exactly the epochs asked): the thresholds stay at 0.5, as tuning them on the test rows would flatter the model.';
    notes.push(note);
    source += '; no validation split (patience 0)';
  }
  const labelNames = table.schema.labelNames;
  const info: SplitInfo = {
    source,
    train: train.rows,
    validation: validation?.rows ?? 0,
    test: test.rows,
    absent: absentLabels(labelNames, { train, validation, test }),
    ...(folds ? { folds: folds.k } : {}),
  };
  return { labelNames, train, ...(validation ? { validation } : {}), ...(folds ? { folds } : {}), test, info, ...(testFile ? { testFile } : {}), notes };
}

/** The encoded width of the pool's rows when the featurizer would store them dense; undefined when sparse (or when there is nothing to encode: training says so later). */
function denseWidthOf(pool: DatasetTable): number | undefined {
  try {
    const featurizer = fitFeaturizer(pool);
    return featurizer.rows === 'csr' ? undefined : featurizerWidth(featurizer);
  } catch {
    return undefined;
  }
}

/** The rows of each part by the file's split column; an unknown or missing value is the file's problem. */
function ownSplit(table: DatasetTable, file: string): Record<PartName, number[]> {
  const parts: Record<PartName, number[]> = { train: [], validation: [], test: [] };
  const column = table.schema.splitColumn ?? 'split';
  table.splits!.forEach((value, r) => {
    const part = value === undefined ? undefined : SPLIT_VALUES[value.trim().toLowerCase()];
    if (part === undefined) {
      throw new DatasetError(
        { file, line: table.lines[r] },
        value === undefined || value.trim() === '' ? `the row has no value in the split column "${column}"` : `unknown split "${value}" in the column "${column}"`,
        'a split column holds train, val (or validation) and test; remove the column to have the rows split by iterative stratification',
      );
    }
    parts[part].push(r);
  });
  if (parts.train.length === 0 || parts.test.length === 0) {
    const missing = parts.train.length === 0 ? 'train' : 'test';
    throw new DatasetError({ file }, `the split column "${column}" has no ${missing} rows`, 'a run needs train and test rows; remove the column to have the rows split by iterative stratification');
  }
  return parts;
}

/** The test file must have the training file's labels (in order) and feature columns. */
function checkSameColumns(train: DatasetTable, test: DatasetTable, testFile: string): void {
  const a = train.schema.labelNames;
  const b = test.schema.labelNames;
  if (a.length !== b.length || a.some((name, l) => name !== b[l])) {
    throw new DatasetError({ file: testFile }, `the test file's labels (${b.length}: ${b.slice(0, 8).join(', ')}${b.length > 8 ? ', ...' : ''}) differ from the training file's (${a.length}: ${a.slice(0, 8).join(', ')}${a.length > 8 ? ', ...' : ''})`, 'give a test file with the same labels, in the same order');
  }
  for (const feature of train.features) {
    const other = test.features.find((f) => f.name === feature.name);
    if (!other) throw new DatasetError({ file: testFile }, `the test file has no column "${feature.name}", which the training file has`, 'give a test file with the same columns as the training file');
    if (other.kind !== feature.kind) {
      throw new DatasetError({ file: testFile }, `the column "${feature.name}" reads as ${other.kind} here but as ${feature.kind} in the training file`, 'check the column holds the same kind of values in both files');
    }
  }
}

/** Labels with positives somewhere in the run that a part lacks, e.g. `Class14 (validation)`. */
function absentLabels(labelNames: readonly string[], parts: Record<PartName, DatasetTable | undefined>): string[] {
  const counts = new Map<PartName, Int32Array>();
  const total = new Int32Array(labelNames.length);
  for (const [name, part] of Object.entries(parts) as [PartName, DatasetTable | undefined][]) {
    if (!part) continue;
    const c = new Int32Array(labelNames.length);
    for (const l of part.labels.labels) c[l]++;
    counts.set(name, c);
    c.forEach((n, l) => (total[l] += n));
  }
  const absent: string[] = [];
  for (const [part, c] of counts) labelNames.forEach((name, l) => total[l] > 0 && c[l] === 0 && absent.push(`${name} (${part})`));
  return absent;
}
