/**
 * Some rows of a DatasetTable as a table of their own, in the order given (a row may appear more
 * than once, as a clone does): typed columns copied, categories kept as they are, so codes mean
 * the same in the subset as in the whole; sparse numeric columns stay sparse.
 */
import type { DatasetTable, FeatureData } from './datasetTable.js';
import { LabelMatrixBuilder } from './labelMatrix.js';
import { outputPositions, subsetSparseNumeric } from './sparseNumeric.js';

export function subsetTable(table: DatasetTable, rows: ArrayLike<number>): DatasetTable {
  const n = rows.length;
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    if (!Number.isInteger(r) || r < 0 || r >= table.rows) throw new RangeError(`row ${r} is not a row of a table with ${table.rows} rows`);
  }
  const pick = <T>(values: ArrayLike<T>): T[] => Array.from({ length: n }, (_, i) => values[rows[i]]);
  const gather = <T extends Float64Array | Int32Array>(values: T, out: T): T => {
    for (let i = 0; i < n; i++) out[i] = values[rows[i]];
    return out;
  };
  let positions: ReturnType<typeof outputPositions> | undefined;
  const features = table.features.map((column): FeatureData => {
    if (column.kind === 'numeric' && column.entries) return subsetSparseNumeric(column, n, (positions ??= outputPositions(rows, table.rows)));
    if (column.kind === 'numeric') return { kind: 'numeric', name: column.name, values: gather(column.values, new Float64Array(n)) };
    if (column.kind === 'categorical') return { kind: 'categorical', name: column.name, codes: gather(column.codes, new Int32Array(n)), categories: column.categories };
    return { kind: 'text', name: column.name, values: pick(column.values) };
  });
  const labels = new LabelMatrixBuilder(table.labels.labelCount);
  const { offsets, labels: ids } = table.labels;
  for (let i = 0; i < n; i++) labels.addRow(ids.subarray(offsets[rows[i]], offsets[rows[i] + 1]));
  return {
    schema: table.schema,
    rows: n,
    labels: labels.build(),
    features,
    lines: gather(table.lines, new Int32Array(n)),
    ...(table.ids ? { ids: pick(table.ids) } : {}),
    ...(table.splits ? { splits: pick(table.splits) } : {}),
  };
}
