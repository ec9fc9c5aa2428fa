/**
 * Resampling of a run's training rows only (never validation or test), before the features are
 * fitted: ML-ROS clones rows (Charte et al., Neurocomputing 2015; P = 25%), MLSMOTE adds
 * synthetic rows (Charte et al., KBS 2015; k = 5, ranking labelsets). The result is a table of
 * its own, so the featurizer and the training set are built from it like from any other.
 */
import type { DatasetTable, FeatureData } from '../../data/datasetTable.js';
import { LabelMatrixBuilder } from '../../data/labelMatrix.js';
import { SparseEntriesBuilder } from '../../data/sparseNumeric.js';
import { subsetTable } from '../../data/subsetTable.js';
import type { FeatureValue } from '../../io/types.js';
import { mlRos } from '../../resample/mlRos.js';
import { mlSmote } from '../../resample/mlsmote/index.js';
import type { OutputRow, ResampleResult } from '../../resample/types.js';
import type { StrategyResampling } from '../../../protocol/training.js';

export interface ResampledTraining {
  table: DatasetTable;
  /** Rows added to the training split. */
  added: number;
  notes: readonly string[];
}

export function resampleTraining(train: DatasetTable, resampling: StrategyResampling, seed: number, signal?: AbortSignal): ResampledTraining {
  if (resampling === 'none') return { table: train, added: 0, notes: [] };
  const result: ResampleResult = resampling === 'mlros' ? mlRos(train.labels, { seed }) : mlSmote(train, { seed, signal });
  return { table: tableOfResult(train, result), added: result.rows.length - train.rows, notes: result.notes };
}

/** The rows of a resampling result as a table: kept and cloned rows copied, synthetic rows appended with their own values. */
function tableOfResult(input: DatasetTable, result: ResampleResult): DatasetTable {
  const copied: number[] = [];
  const synthetic: OutputRow[] = [];
  for (const row of result.rows) {
    if (row.kind === 'synthetic') synthetic.push(row);
    else if (row.kind === 'original' || row.kind === 'clone') copied.push(row.source);
    else throw new Error(`training resampling produced an ${row.kind} row, which it never should`);
  }
  const base = subsetTable(input, copied);
  return synthetic.length === 0 ? base : withSyntheticRows(base, input, synthetic);
}

/** `base` followed by the synthetic rows (their features in schema order, their own labels; the seed row's source line). */
function withSyntheticRows(base: DatasetTable, input: DatasetTable, rows: readonly OutputRow[]): DatasetTable {
  const n = base.rows + rows.length;
  const features = base.features.map((column, f): FeatureData => {
    const value = (row: OutputRow): FeatureValue => row.features?.[f] ?? null;
    if (column.kind === 'numeric' && column.entries) {
      const entries = new SparseEntriesBuilder();
      for (let k = 0; k < column.entries.rowIds.length; k++) entries.push(column.entries.rowIds[k], column.entries.values[k]);
      rows.forEach((row, i) => {
        const v = value(row);
        entries.push(base.rows + i, typeof v === 'number' ? v : NaN);
      });
      return entries.build(column.name, n);
    }
    if (column.kind === 'numeric') {
      const values = new Float64Array(n);
      values.set(column.values);
      rows.forEach((row, i) => {
        const v = value(row);
        values[base.rows + i] = typeof v === 'number' ? v : NaN;
      });
      return { kind: 'numeric', name: column.name, values };
    }
    if (column.kind === 'categorical') {
      const codeOf = new Map(column.categories.map((c, code) => [c, code]));
      const codes = new Int32Array(n);
      codes.set(column.codes);
      rows.forEach((row, i) => {
        const v = value(row);
        codes[base.rows + i] = v === null ? -1 : codeOf.get(String(v)) ?? -1;
      });
      return { kind: 'categorical', name: column.name, codes, categories: column.categories };
    }
    return { kind: 'text', name: column.name, values: [...column.values, ...rows.map((row) => { const v = value(row); return v === null ? null : String(v); })] };
  });
  const labels = new LabelMatrixBuilder(base.labels.labelCount, n);
  labels.append(base.labels);
  for (const row of rows) labels.addRow(row.labels ?? []);
  const lines = new Int32Array(n);
  lines.set(base.lines);
  rows.forEach((row, i) => (lines[base.rows + i] = input.lines[row.source]));
  return {
    schema: base.schema,
    rows: n,
    labels: labels.build(),
    features,
    lines,
    ...(base.ids ? { ids: [...base.ids, ...rows.map((row) => `synthetic-${row.source}`)] } : {}),
    ...(base.splits ? { splits: [...base.splits, ...rows.map((row) => input.splits?.[row.source])] } : {}),
  };
}
