/**
 * Every feature column of a DatasetTable turned into one dense Float32 row per table row: numeric
 * columns standardised (with missing indicators), categorical ones one-hot (top K + other), text
 * as hashed TF-IDF. Fitted on the training rows only; the fitted form is plain JSON, so a saved
 * model carries exactly the transform it was trained with.
 */
import { UsageError } from '../../errors.js';
import type { DatasetTable, FeatureData } from '../../data/datasetTable.js';
import type { LabelMatrix } from '../../data/labelMatrix.js';
import type { TrainingSet } from '../types.js';
import { encodeNumeric, fitNumeric, numericWidth, type NumericEncoding } from './standardize.js';
import { encodeOneHot, fitOneHot, oneHotSlots, oneHotWidth, type OneHotEncoding } from './oneHot.js';
import { encodeTfidf, fitTfidf, type TfidfEncoding } from './tfidf.js';

export type FeatureEncoding = NumericEncoding | OneHotEncoding | TfidfEncoding;

export interface Featurizer {
  format: 'imbalance-lens-featurizer';
  version: 1;
  encodings: FeatureEncoding[];
}

export interface FeaturizerOptions {
  /** Categories kept per categorical column (the rest share one "other" column). */
  topCategories: number;
  /** Hash buckets per text column. */
  textDims: number;
}

export const DEFAULT_FEATURIZER_OPTIONS: FeaturizerOptions = { topCategories: 20, textDims: 4096 };

/** Fits the transform on the given rows of the table (all rows when omitted: pass the training rows). */
export function fitFeaturizer(table: DatasetTable, options: FeaturizerOptions = DEFAULT_FEATURIZER_OPTIONS, rows?: ArrayLike<number>): Featurizer {
  if (table.features.length === 0) throw new UsageError('the dataset has no feature columns to train on');
  const encodings = table.features.map((f): FeatureEncoding => {
    if (f.kind === 'numeric') return fitNumeric(f, rows);
    if (f.kind === 'categorical') return fitOneHot(f, options.topCategories, rows);
    return fitTfidf(f, options.textDims, rows);
  });
  return { format: 'imbalance-lens-featurizer', version: 1, encodings };
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

/** The encoded rows (rows x width, row-major) of the table, or of the given rows of it. */
export function transformTable(featurizer: Featurizer, table: DatasetTable, rows?: ArrayLike<number>): Float32Array {
  const width = featurizerWidth(featurizer);
  const n = rows ? rows.length : table.rows;
  const out = new Float32Array(n * width);
  let offset = 0;
  for (const encoding of featurizer.encodings) {
    const column = columnFor(table, encoding);
    const w = encodingWidth(encoding);
    const slots = encoding.kind === 'oneHot' && column.kind === 'categorical' ? oneHotSlots(encoding, column) : undefined;
    for (let r = 0; r < n; r++) {
      const row = rows ? rows[r] : r;
      const at = r * width + offset;
      if (encoding.kind === 'numeric' && column.kind === 'numeric') encodeNumeric(encoding, column.values[row], out, at);
      else if (slots && column.kind === 'categorical') encodeOneHot(slots, column.codes[row], out, at, w);
      else if (encoding.kind === 'tfidf' && column.kind === 'text') encodeTfidf(encoding, column.values[row], out, at);
    }
    offset += w;
  }
  return out;
}

/** The table (or the given rows of it) as a TrainingSet: encoded features and dense 0/1 labels. */
export function trainingSetFrom(featurizer: Featurizer, table: DatasetTable, rows?: ArrayLike<number>): TrainingSet {
  const n = rows ? rows.length : table.rows;
  return { rows: n, features: featurizerWidth(featurizer), labels: table.labels.labelCount, x: transformTable(featurizer, table, rows), y: denseLabels(table.labels, rows) };
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
  if (!f || f.format !== 'imbalance-lens-featurizer' || f.version !== 1 || !Array.isArray(f.encodings)) {
    throw new UsageError('not an Imbalance Lens featurizer (format imbalance-lens-featurizer, version 1)');
  }
  return f as Featurizer;
}
