/**
 * Every feature column of a DatasetTable turned into one Float32 row per table row: numeric
 * columns standardised (with missing indicators), categorical ones one-hot (top K + other), text
 * as hashed TF-IDF. The rows come out CSR when the encoded matrix is sparse (any text column, or
 * under a quarter non-zeros), else dense. Fitted on the training rows only; the fitted form is
 * plain JSON, so a saved model carries exactly the transform (and row form) it was trained with.
 */
import { UsageError } from '../../errors.js';
import type { DatasetTable, FeatureData, SparseNumericColumn } from '../../data/datasetTable.js';
import { numericValueAt, numericValues, outputPositions } from '../../data/sparseNumeric.js';
import type { LabelMatrix } from '../../data/labelMatrix.js';
import { CsrBuilder } from '../featureRows.js';
import type { CsrRows, FeatureRows, TrainingSet } from '../types.js';
import { encodeNumeric, fitNumeric, nonZeroShare, numericWidth, scaledValue, type NumericEncoding } from './standardize.js';
import { encodeOneHot, fitOneHot, oneHotSlots, oneHotWidth, type OneHotEncoding } from './oneHot.js';
import { encodeTfidf, fitTfidf, tfidfEntries, type TfidfEncoding } from './tfidf.js';

export type FeatureEncoding = NumericEncoding | OneHotEncoding | TfidfEncoding;

export interface Featurizer {
  format: 'imbalance-lens-featurizer';
  version: 1;
  encodings: FeatureEncoding[];
  /** How trainingSetFrom stores the encoded rows: 'csr' when they are mostly zeros. Absent: dense. */
  rows?: 'dense' | 'csr';
}

export interface FeaturizerOptions {
  /** Categories kept per categorical column (the rest share one "other" column). */
  topCategories: number;
  /** Hash buckets per text column. */
  textDims: number;
}

export const DEFAULT_FEATURIZER_OPTIONS: FeaturizerOptions = { topCategories: 20, textDims: 4096 };

/** Below this share of non-zeros a numeric column counts as mostly zeros, and the encoded matrix as sparse. */
export const SPARSE_SHARE = 0.25;

/**
 * Fits the transform on the given rows of the table (all rows when omitted: pass the training rows).
 * The rows are CSR when there is a text column or the estimated share of non-zeros is under
 * SPARSE_SHARE; then mostly-zero numeric columns are scaled without centring. Dense: all centred.
 */
export function fitFeaturizer(table: DatasetTable, options: FeaturizerOptions = DEFAULT_FEATURIZER_OPTIONS, rows?: ArrayLike<number>): Featurizer {
  if (table.features.length === 0) throw new UsageError('the dataset has no feature columns to train on');
  const shares = table.features.map((f) => (f.kind === 'numeric' ? nonZeroShare(f, rows) : 1));
  const encodings = table.features.map((f): FeatureEncoding => {
    if (f.kind === 'numeric') return fitNumeric(f, rows);
    if (f.kind === 'categorical') return fitOneHot(f, options.topCategories, rows);
    return fitTfidf(f, options.textDims, rows);
  });
  // Non-zeros per encoded row if mostly-zero numeric columns stay uncentred: their share, else 1 per column (one-hot: at most 1).
  const nonZerosPerRow = encodings.reduce((sum, e, i) => sum + (e.kind === 'numeric' && shares[i] < SPARSE_SHARE ? shares[i] : 1), 0);
  const width = encodings.reduce((sum, e) => sum + encodingWidth(e), 0);
  const sparse = encodings.some((e) => e.kind === 'tfidf') || nonZerosPerRow < SPARSE_SHARE * width;
  if (!sparse) return { format: 'imbalance-lens-featurizer', version: 1, encodings };
  // scikit-learn StandardScaler(with_mean=False) on mostly-zero columns, so their zeros stay zeros in the CSR rows
  const scaled = encodings.map((e, i): FeatureEncoding => (e.kind === 'numeric' && shares[i] < SPARSE_SHARE ? { ...e, center: false } : e));
  return { format: 'imbalance-lens-featurizer', version: 1, encodings: scaled, rows: 'csr' };
}

export function encodingWidth(e: FeatureEncoding): number {
  if (e.kind === 'numeric') return numericWidth(e);
  if (e.kind === 'oneHot') return oneHotWidth(e);
  return e.dims;
}

/** Columns of the encoded matrix. */
export function featurizerWidth(featurizer: Featurizer): number {
  return featurizer.encodings.reduce((sum, e) => sum + encodingWidth(e), 0);
}

/** The encoded rows (rows x width, row-major, dense whatever the featurizer's row form: for small sets and tests) of the table, or of the given rows of it. */
export function transformTable(featurizer: Featurizer, table: DatasetTable, rows?: ArrayLike<number>): Float32Array {
  const width = featurizerWidth(featurizer);
  const n = rows ? rows.length : table.rows;
  const out = new Float32Array(n * width);
  let offset = 0;
  for (const encoding of featurizer.encodings) {
    const column = columnFor(table, encoding);
    const w = encodingWidth(encoding);
    const slots = encoding.kind === 'oneHot' && column.kind === 'categorical' ? oneHotSlots(encoding, column) : undefined;
    const numbers = column.kind === 'numeric' ? numericValues(column) : undefined;
    for (let r = 0; r < n; r++) {
      const row = rows ? rows[r] : r;
      const at = r * width + offset;
      if (encoding.kind === 'numeric' && numbers) encodeNumeric(encoding, numbers[row], out, at);
      else if (slots && column.kind === 'categorical') encodeOneHot(slots, column.codes[row], out, at, w);
      else if (encoding.kind === 'tfidf' && column.kind === 'text') encodeTfidf(encoding, column.values[row], out, at);
    }
    offset += w;
  }
  return out;
}

/** The encoded rows of the table (or of the given rows of it) in the featurizer's row form: CSR or dense. */
export function encodeRows(featurizer: Featurizer, table: DatasetTable, rows?: ArrayLike<number>): FeatureRows {
  return featurizer.rows === 'csr' ? transformTableCsr(featurizer, table, rows) : transformTable(featurizer, table, rows);
}

/** The encoded rows as CSR (ascending columns per row, zeros not stored), built row by row without a dense matrix. */
export function transformTableCsr(featurizer: Featurizer, table: DatasetTable, rows?: ArrayLike<number>): CsrRows {
  const n = rows ? rows.length : table.rows;
  const parts = featurizer.encodings.map((encoding) => {
    const column = columnFor(table, encoding);
    const slots = encoding.kind === 'oneHot' && column.kind === 'categorical' ? oneHotSlots(encoding, column) : undefined;
    return { encoding, column, slots, width: encodingWidth(encoding) };
  });
  const byRow = sparseEntriesByRow(parts.map((p) => (p.encoding.kind === 'numeric' && p.encoding.center === false ? sparseColumnOf(p.column) : undefined)), n, table.rows, rows);
  const offsets: number[] = [];
  parts.reduce((offset, part) => (offsets.push(offset), offset + part.width), 0);
  // parts read per row; the uncentred sparse columns come from byRow, entries only (their zeros encode to zeros)
  const perRow = parts.flatMap((_, p) => (byRow.has[p] ? [] : [p]));
  const builder = new CsrBuilder(n, n * 16);
  const pushNumeric = (encoding: NumericEncoding, offset: number, value: number): void => {
    builder.push(offset, scaledValue(encoding, value));
    if (encoding.missingIndicator && Number.isNaN(value)) builder.push(offset + 1, 1);
  };
  for (let r = 0; r < n; r++) {
    const row = rows ? rows[r] : r;
    let k = byRow.offsets[r];
    for (let q = 0; q <= perRow.length; q++) {
      const upTo = q < perRow.length ? perRow[q] : parts.length;
      for (; k < byRow.offsets[r + 1] && byRow.parts[k] < upTo; k++) {
        const { encoding } = parts[byRow.parts[k]];
        if (encoding.kind === 'numeric') pushNumeric(encoding, offsets[byRow.parts[k]], byRow.values[k]);
      }
      if (q === perRow.length) break;
      const { encoding, column, slots } = parts[upTo];
      const offset = offsets[upTo];
      if (encoding.kind === 'numeric' && column.kind === 'numeric') {
        pushNumeric(encoding, offset, numericValueAt(column, row));
      } else if (slots && column.kind === 'categorical') {
        const code = column.codes[row];
        if (code >= 0) builder.push(offset + slots[code], 1);
      } else if (encoding.kind === 'tfidf' && column.kind === 'text') {
        const { buckets, values } = tfidfEntries(encoding, column.values[row]);
        for (let i = 0; i < buckets.length; i++) builder.push(offset + buckets[i], values[i]);
      }
    }
    builder.endRow();
  }
  return builder.build();
}

function sparseColumnOf(column: FeatureData): SparseNumericColumn | undefined {
  return column.kind === 'numeric' && column.entries ? column : undefined;
}

/**
 * The entries of the given sparse columns (one per encoding part, undefined: not sparse) grouped by
 * output row, parts ascending within a row: a counting sort over all entries, so the CSR rows are
 * built without looking a value up per row and column.
 */
function sparseEntriesByRow(columns: (SparseNumericColumn | undefined)[], n: number, tableRows: number, rows?: ArrayLike<number>): { offsets: Int32Array; parts: Int32Array; values: Float64Array; has: boolean[] } {
  const where = rows ? outputPositions(rows, tableRows) : undefined;
  const visit = (each: (part: number, outputRow: number, value: number) => void): void => {
    columns.forEach((column, part) => {
      if (!column) return;
      const { rowIds, values } = column.entries;
      for (let k = 0; k < rowIds.length; k++) {
        if (!where) each(part, rowIds[k], values[k]);
        else for (let q = where.offsets[rowIds[k]]; q < where.offsets[rowIds[k] + 1]; q++) each(part, where.positions[q], values[k]);
      }
    });
  };
  const offsets = new Int32Array(n + 1);
  visit((_, outputRow) => offsets[outputRow + 1]++);
  for (let r = 0; r < n; r++) offsets[r + 1] += offsets[r];
  const fill = offsets.slice(0, n);
  const parts = new Int32Array(offsets[n]);
  const values = new Float64Array(offsets[n]);
  visit((part, outputRow, value) => {
    parts[fill[outputRow]] = part;
    values[fill[outputRow]++] = value;
  });
  return { offsets, parts, values, has: columns.map((c) => c !== undefined) };
}

/** The table (or the given rows of it) as a TrainingSet: encoded features (CSR or dense, as fitted) and dense 0/1 labels. */
export function trainingSetFrom(featurizer: Featurizer, table: DatasetTable, rows?: ArrayLike<number>): TrainingSet {
  const n = rows ? rows.length : table.rows;
  return { rows: n, features: featurizerWidth(featurizer), labels: table.labels.labelCount, x: encodeRows(featurizer, table, rows), y: denseLabels(table.labels, rows) };
}

/** Row-major 0/1 rows x labels from the CSR label matrix. */
export function denseLabels(labels: LabelMatrix, rows?: ArrayLike<number>): Uint8Array {
  const n = rows ? rows.length : labels.rows;
  const out = new Uint8Array(n * labels.labelCount);
  for (let r = 0; r < n; r++) {
    const row = rows ? rows[r] : r;
    for (let k = labels.offsets[row]; k < labels.offsets[row + 1]; k++) out[r * labels.labelCount + labels.labels[k]] = 1;
  }
  return out;
}

const KIND_OF: Record<FeatureEncoding['kind'], FeatureData['kind']> = { numeric: 'numeric', oneHot: 'categorical', tfidf: 'text' };

function columnFor(table: DatasetTable, encoding: FeatureEncoding): FeatureData {
  const column = table.features.find((f) => f.name === encoding.column);
  if (!column) throw new UsageError(`the dataset has no column '${encoding.column}', which the model was trained with`);
  if (column.kind !== KIND_OF[encoding.kind]) {
    throw new UsageError(`column '${encoding.column}' is ${column.kind} here but was ${KIND_OF[encoding.kind]} when the model was trained`);
  }
  return column;
}

/** Checks a parsed JSON value is a featurizer of this version. */
export function parseFeaturizer(value: unknown): Featurizer {
  const f = value as Partial<Featurizer> | null;
  if (!f || f.format !== 'imbalance-lens-featurizer' || f.version !== 1 || !Array.isArray(f.encodings) || (f.rows !== undefined && f.rows !== 'dense' && f.rows !== 'csr')) {
    throw new UsageError('not an Imbalance Lens featurizer (format imbalance-lens-featurizer, version 1)');
  }
  return f as Featurizer;
}
