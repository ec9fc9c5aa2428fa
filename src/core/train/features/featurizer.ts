/**
 * Every feature column of a DatasetTable turned into one Float32 row per table row: numeric
 * columns standardised (with missing indicators), categorical ones with at most two categories in
 * training as one 0/1 indicator column, other categorical ones one-hot (top K + other), text as
 * hashed TF-IDF. The rows come out CSR when the encoded matrix is sparse (any text column, or
 * under a quarter non-zeros), else dense. Fitted on the training rows only; the fitted form is
 * plain JSON (featurizer.json, read by featurizerJson.ts), so a saved model carries exactly the
 * transform (and row form) it was trained with.
 */
import { UsageError } from '../../errors.js';
import type { CategoricalColumn, DatasetTable, FeatureData, SparseNumericColumn } from '../../data/datasetTable.js';
import { numericValueAt, numericValues, outputPositions } from '../../data/sparseNumeric.js';
import type { LabelMatrix } from '../../data/labelMatrix.js';
import { CsrBuilder } from '../featureRows.js';
import type { CsrRows, FeatureRows, TrainingSet } from '../types.js';
import { encodeNumeric, fitNumeric, nonZeroShare, numericWidth, scaledValue, type NumericEncoding } from './standardize.js';
import { categoryCounts, encodeOneHot, fitOneHot, oneHotSlots, oneHotWidth, type OneHotEncoding } from './oneHot.js';
import { fitIndicator, indicatorFlags, indicatorValue, presentShare, type IndicatorEncoding } from './indicator.js';
import { encodeTfidf, fitTfidf, tfidfEntries, type TfidfEncoding } from './tfidf.js';
import { FEATURIZER_FORMAT, FEATURIZER_VERSION } from './featurizerJson.js';

export { parseFeaturizer } from './featurizerJson.js';

export type FeatureEncoding = NumericEncoding | OneHotEncoding | IndicatorEncoding | TfidfEncoding;

export interface Featurizer {
  format: typeof FEATURIZER_FORMAT;
  /** Written as 2; parseFeaturizer also reads version 1 files, returned as 2. */
  version: typeof FEATURIZER_VERSION;
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
 * SPARSE_SHARE (an indicator counts its share of 1s, as a mostly-zero numeric column its share of
 * non-zeros); then mostly-zero numeric columns are scaled without centring. Dense: all centred.
 * Indicators and one-hot columns are 0/1 as they are, never scaled.
 */
export function fitFeaturizer(table: DatasetTable, options: FeaturizerOptions = DEFAULT_FEATURIZER_OPTIONS, rows?: ArrayLike<number>): Featurizer {
  if (table.features.length === 0) throw new UsageError('the dataset has no feature columns to train on');
  const n = rows ? rows.length : table.rows;
  // each column's encoding and its share of non-zeros in the training rows (1: assume every row)
  const fitted = table.features.map((f, i): { encoding: FeatureEncoding; share: number } => {
    if (f.kind === 'numeric') return { encoding: fitNumeric(f, rows), share: nonZeroShare(f, rows) };
    if (f.kind === 'categorical') return fitCategorical(f, declaredValues(table, i), options.topCategories, rows, n);
    return { encoding: fitTfidf(f, options.textDims, rows), share: 1 };
  });
  const encodings = fitted.map((c) => c.encoding);
  // Non-zeros per encoded row if mostly-zero numeric columns stay uncentred: their share; an indicator: its share of 1s; else 1 per column (one-hot: at most 1).
  const nonZerosPerRow = fitted.reduce((sum, { encoding, share }) => sum + (encoding.kind === 'indicator' || (encoding.kind === 'numeric' && share < SPARSE_SHARE) ? share : 1), 0);
  const width = encodings.reduce((sum, e) => sum + encodingWidth(e), 0);
  const sparse = encodings.some((e) => e.kind === 'tfidf') || nonZerosPerRow < SPARSE_SHARE * width;
  if (!sparse) return { format: FEATURIZER_FORMAT, version: FEATURIZER_VERSION, encodings };
  // scikit-learn StandardScaler(with_mean=False) on mostly-zero columns, so their zeros stay zeros in the CSR rows
  const scaled = fitted.map(({ encoding: e, share }): FeatureEncoding => (e.kind === 'numeric' && share < SPARSE_SHARE ? { ...e, center: false } : e));
  return { format: FEATURIZER_FORMAT, version: FEATURIZER_VERSION, encodings: scaled, rows: 'csr' };
}

/** An indicator when the training rows show at most two categories (see fitIndicator), else one-hot; with the share of non-zeros. */
function fitCategorical(column: CategoricalColumn, declared: readonly string[] | undefined, topK: number, rows: ArrayLike<number> | undefined, n: number): { encoding: FeatureEncoding; share: number } {
  const counts = categoryCounts(column, rows);
  const indicator = fitIndicator(column, counts, declared);
  if (indicator) return { encoding: indicator, share: presentShare(indicator, column, counts, n) };
  return { encoding: fitOneHot(column, topK, counts), share: 1 };
}

/** The values the schema declares for feature i (ARFF nominal, detected CSV categories), when the table has a schema naming that column. */
function declaredValues(table: DatasetTable, i: number): readonly string[] | undefined {
  // tables built by hand (tests) may come without a schema
  const declared = (table.schema as DatasetTable['schema'] | undefined)?.features[i];
  return declared && declared.name === table.features[i].name ? declared.values : undefined;
}

export function encodingWidth(e: FeatureEncoding): number {
  if (e.kind === 'numeric') return numericWidth(e);
  if (e.kind === 'oneHot') return oneHotWidth(e);
  if (e.kind === 'indicator') return 1;
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
    const flags = encoding.kind === 'indicator' && column.kind === 'categorical' ? indicatorFlags(encoding, column) : undefined;
    const numbers = column.kind === 'numeric' ? numericValues(column) : undefined;
    for (let r = 0; r < n; r++) {
      const row = rows ? rows[r] : r;
      const at = r * width + offset;
      if (encoding.kind === 'numeric' && numbers) encodeNumeric(encoding, numbers[row], out, at);
      else if (slots && column.kind === 'categorical') encodeOneHot(slots, column.codes[row], out, at, w);
      else if (flags && column.kind === 'categorical') out[at] = indicatorValue(flags, column.codes[row]);
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
    const flags = encoding.kind === 'indicator' && column.kind === 'categorical' ? indicatorFlags(encoding, column) : undefined;
    return { encoding, column, slots, flags, width: encodingWidth(encoding) };
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
      const { encoding, column, slots, flags } = parts[upTo];
      const offset = offsets[upTo];
      if (encoding.kind === 'numeric' && column.kind === 'numeric') {
        pushNumeric(encoding, offset, numericValueAt(column, row));
      } else if (slots && column.kind === 'categorical') {
        const code = column.codes[row];
        if (code >= 0) builder.push(offset + slots[code], 1);
      } else if (flags && column.kind === 'categorical') {
        // only the 1s are stored
        if (indicatorValue(flags, column.codes[row]) !== 0) builder.push(offset, 1);
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

const KIND_OF: Record<FeatureEncoding['kind'], FeatureData['kind']> = { numeric: 'numeric', oneHot: 'categorical', indicator: 'categorical', tfidf: 'text' };

function columnFor(table: DatasetTable, encoding: FeatureEncoding): FeatureData {
  const column = table.features.find((f) => f.name === encoding.column);
  if (!column) throw new UsageError(`the dataset has no column '${encoding.column}', which the model was trained with`);
  if (column.kind !== KIND_OF[encoding.kind]) {
    throw new UsageError(`column '${encoding.column}' is ${column.kind} here but was ${KIND_OF[encoding.kind]} when the model was trained`);
  }
  return column;
}
