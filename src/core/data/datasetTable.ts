/**
 * A whole dataset in memory, column by column: the label matrix plus one typed column per feature
 * (numbers as Float64Array with NaN for missing, or only their non-zero entries when the file
 * has sparse rows; categories as integer codes; text as strings),
 * the source line of every row, and the id and split columns when the file has them. Resampling
 * and training work on this form; the readers stream rows into it once.
 */
import type { DatasetReader, DatasetSchema, FeatureValue } from '../io/types.js';
import { LabelMatrixBuilder, type LabelMatrix } from './labelMatrix.js';
import { SparseEntriesBuilder } from './sparseNumeric.js';

export interface NumericColumn {
  readonly kind: 'numeric';
  readonly name: string;
  /** One value per row; NaN where the value is missing. */
  readonly values: Float64Array;
  readonly entries?: undefined;
}

/**
 * A numeric column of a file with sparse rows (ARFF `{index value, ...}`), kept by its non-zero
 * entries: every row not listed is 0. Read it through sparseNumeric.ts (numericValueAt, numericValues).
 */
export interface SparseNumericColumn {
  readonly kind: 'numeric';
  readonly name: string;
  /** Rows of the table (the column's length). */
  readonly rows: number;
  /** Row ids ascending, each once, and their values (never 0; NaN where missing). */
  readonly entries: { readonly rowIds: Int32Array; readonly values: Float64Array };
  readonly values?: undefined;
}

export interface CategoricalColumn {
  readonly kind: 'categorical';
  readonly name: string;
  /** One code per row, an index into `categories`; -1 where the value is missing. */
  readonly codes: Int32Array;
  /** The distinct values: the declared ones first (ARFF nominal), then the others in order of appearance. */
  readonly categories: readonly string[];
}

export interface TextColumn {
  readonly kind: 'text';
  readonly name: string;
  /** One string per row; null where the value is missing. */
  readonly values: readonly (string | null)[];
}

export type FeatureData = NumericColumn | SparseNumericColumn | CategoricalColumn | TextColumn;

export interface DatasetTable {
  readonly schema: DatasetSchema;
  readonly rows: number;
  readonly labels: LabelMatrix;
  /** In `schema.features` order. */
  readonly features: readonly FeatureData[];
  /** 1-based line where each row starts in the source file. */
  readonly lines: Int32Array;
  /** Row ids, when the schema has an id column. */
  readonly ids?: readonly string[];
  /** Row splits (train/test/...), when the schema has a split column. */
  readonly splits?: readonly (string | undefined)[];
}

interface ColumnBuilder {
  /** The value of row `row` (rows pushed in order). */
  push(value: FeatureValue, row: number): void;
  /** Numeric columns: keep entries only from now on (a sparse row arrived). */
  toSparse?(): void;
  /** Numeric columns, after toSparse: a non-zero value given as a sparse entry. */
  pushEntry?(row: number, value: number): void;
  build(rows: number): FeatureData;
}

function numberOf(value: FeatureValue): number {
  return typeof value === 'number' ? value : value === null || value === '' ? NaN : Number(value);
}

/**
 * Dense Float64 values, until the first sparse row: from then on the column keeps only entries
 * (the dense values so far moved into them), so a sparse file never has a dense numeric column.
 */
function numericBuilder(name: string): ColumnBuilder {
  let values = new Float64Array(1024);
  let n = 0;
  let sparse: SparseEntriesBuilder | undefined;
  return {
    push(value, row) {
      if (sparse) return sparse.push(row, numberOf(value));
      if (n === values.length) {
        const bigger = new Float64Array(values.length * 2);
        bigger.set(values);
        values = bigger;
      }
      values[n++] = numberOf(value);
    },
    toSparse() {
      if (sparse) return;
      sparse = new SparseEntriesBuilder();
      for (let r = 0; r < n; r++) sparse.push(r, values[r]);
      values = new Float64Array(0);
    },
    pushEntry: (row, value) => sparse?.push(row, value),
    build: (rows) => (sparse ? sparse.build(name, rows) : { kind: 'numeric', name, values: values.slice(0, rows) }),
  };
}

function categoricalBuilder(name: string, declared: readonly string[] | undefined): ColumnBuilder {
  const categories: string[] = [...(declared ?? [])];
  const codeOf = new Map<string, number>(categories.map((v, i) => [v, i]));
  const codes: number[] = [];
  return {
    push(value) {
      if (value === null) {
        codes.push(-1);
        return;
      }
      const key = String(value);
      let code = codeOf.get(key);
      if (code === undefined) {
        code = categories.length;
        categories.push(key);
        codeOf.set(key, code);
      }
      codes.push(code);
    },
    build: () => ({ kind: 'categorical', name, codes: Int32Array.from(codes), categories }),
  };
}

function textBuilder(name: string): ColumnBuilder {
  const values: (string | null)[] = [];
  return {
    push: (value) => values.push(value === null ? null : String(value)),
    build: () => ({ kind: 'text', name, values }),
  };
}

/** Reads every row of an opened dataset into a DatasetTable. */
export async function readDatasetTable(reader: DatasetReader, signal?: AbortSignal): Promise<DatasetTable> {
  const { schema } = reader;
  const builders = schema.features.map((f): ColumnBuilder => {
    if (f.kind === 'numeric') return numericBuilder(f.name);
    if (f.kind === 'categorical') return categoricalBuilder(f.name, f.values);
    return textBuilder(f.name);
  });
  const labels = new LabelMatrixBuilder(schema.labelNames.length);
  const lines: number[] = [];
  const ids: string[] = [];
  const splits: (string | undefined)[] = [];
  const numeric = schema.features.map((f) => f.kind === 'numeric');
  let sparseSeen = false;
  for await (const row of reader.rows({ sparseNumeric: true })) {
    if (signal?.aborted) throw signal.reason ?? new Error('aborted');
    const entries = row.sparseNumeric;
    const r = lines.length;
    if (entries) {
      if (!sparseSeen) for (const b of builders) b.toSparse?.();
      sparseSeen = true;
      for (let k = 0; k < entries.positions.length; k++) builders[entries.positions[k]].pushEntry?.(r, entries.values[k]);
      for (let f = 0; f < builders.length; f++) if (!numeric[f]) builders[f].push(row.features[f] ?? null, r);
    } else {
      for (let f = 0; f < builders.length; f++) builders[f].push(row.features[f] ?? null, r);
    }
    labels.addRow(row.labels);
    lines.push(row.line);
    if (schema.idColumn !== undefined) ids.push(row.id ?? '');
    if (schema.splitColumn !== undefined) splits.push(row.split);
  }
  const rows = lines.length;
  return {
    schema,
    rows,
    labels: labels.build(),
    features: builders.map((b) => b.build(rows)),
    lines: Int32Array.from(lines),
    ...(schema.idColumn !== undefined ? { ids } : {}),
    ...(schema.splitColumn !== undefined ? { splits } : {}),
  };
}
