/**
 * What every reader produces, whatever the file format: a schema (label names, feature columns,
 * how the labels were found) and rows of (features, positive label ids).
 */
import type { LabelMatrix } from '../data/labelMatrix.js';

export type DatasetFormat = 'csv' | 'tsv' | 'jsonl' | 'arff';

export type FeatureKind = 'numeric' | 'categorical' | 'text';

export interface FeatureColumn {
  name: string;
  kind: FeatureKind;
  /** For ARFF nominal attributes and detected categoricals, the declared/seen values when known. */
  values?: string[];
}

/** A feature value as read: a number, a string (categorical or text), or null when missing. */
export type FeatureValue = number | string | null;

export interface DatasetSchema {
  file: string;
  format: DatasetFormat;
  labelNames: string[];
  features: FeatureColumn[];
  /** One human sentence on how the labels were found, e.g. `14 one-hot columns Class1..Class14`. */
  labelSource: string;
  /** A column/field that identifies rows (`id`, `ID`, `row_id`, ...): neither feature nor label. */
  idColumn?: string;
  /** A column/field named `split` (values like train/test/val): neither feature nor label. */
  splitColumn?: string;
  /** CSV/TSV label-list layout and JSONL: the column or field holding the labels (absent for one-hot columns and ARFF). */
  labelColumn?: string;
  /** CSV/TSV label-list layout: how a cell separates its labels (a separator, bracketed lists, or one label per cell). */
  labelListStyle?: '|' | ';' | ',' | '[]' | 'single';
  /** Further detection notes worth showing the user (e.g. a column that looked like a label but was not). */
  notes: string[];
}

export interface DatasetRow {
  /** 1-based line where the row starts. */
  line: number;
  /** Dense feature values, in `schema.features` order. */
  features: FeatureValue[];
  /** Positive label ids (indices into `schema.labelNames`), ascending. */
  labels: number[];
  /** The row's id, when the schema has an id column. */
  id?: string;
  /** The row's split (train/test/...), when the schema has a split column. */
  split?: string;
  /**
   * Only from rows({ sparseNumeric: true }) on a sparse row (ARFF `{index value, ...}`): the row's
   * numeric features as entries, every numeric feature not listed being 0; `features` then holds
   * only the other features (numeric positions unset, and [] when every feature is numeric).
   */
  sparseNumeric?: SparseNumericEntries;
}

/** Numeric feature values of a sparse row: ascending positions in `schema.features`, and their values (never 0; NaN: missing). */
export interface SparseNumericEntries {
  positions: number[];
  values: number[];
}

export interface RowOptions {
  /** Sparse rows hand their numeric features as `sparseNumeric` entries, without a dense per-row array (readers of dense formats ignore it). */
  sparseNumeric?: boolean;
}

export interface SkippedRow {
  line: number;
  reason: string;
}

export interface ReadOptions {
  /** CSV/TSV: the label columns by name (one-hot layout). */
  labels?: string[];
  /** CSV/TSV: label columns are the 0-based column N and everything after it (one-hot layout). */
  labelsFrom?: number;
  /** CSV/TSV: the column holding a delimited label list; JSONL: the field holding the labels. */
  labelColumn?: string;
  /** Count and report malformed rows instead of stopping at the first one. */
  skipBadRows?: boolean;
  /** Force a format instead of going by the file extension. */
  format?: DatasetFormat;
  signal?: AbortSignal;
  /** Called now and then with bytes read so far and the file size. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

export interface LabelReadOptions extends ReadOptions {
  /**
   * Path of the bundled scan worker script; when given, large CSV/TSV files without quoted
   * fields are scanned in parallel over byte ranges. When absent, scanning is single-threaded.
   */
  workerScript?: string;
  /** How many worker threads at most (default: available cores). */
  threads?: number;
  /**
   * Read only the first N data rows (0 or absent: all of them); rows skipped as malformed do not
   * count. The head used to detect the layout is limited to them too, so the scan describes
   * exactly the file cut after its N-th data row. Only for analysis: an evaluation needs every row.
   */
  maxRows?: number;
}

/** The label side of a whole file, for the imbalance measures. */
export interface LabelScan {
  schema: DatasetSchema;
  matrix: LabelMatrix;
  /** Rows skipped with `skipBadRows` (the first 100 kept with reasons; `skippedCount` counts all). */
  skipped: SkippedRow[];
  skippedCount: number;
  /** True when `maxRows` stopped the read and another data row follows (the rest is not counted). */
  moreRows?: boolean;
}

/** A dataset opened for row-by-row reading (features and labels). */
export interface DatasetReader {
  schema: DatasetSchema;
  rows(options?: RowOptions): AsyncIterable<DatasetRow>;
  /** Rows skipped so far with `skipBadRows`. */
  skipped(): { rows: SkippedRow[]; count: number };
}
