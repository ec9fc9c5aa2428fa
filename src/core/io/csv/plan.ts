/**
 * From the head of a file to a reading plan: delimiter, header, label layout, feature columns,
 * and the schema the readers report.
 */
import { DatasetError } from '../../errors.js';
import type { DatasetSchema, FeatureColumn, ReadOptions } from '../types.js';
import { readHeader, type HeaderInfo } from './columns.js';
import { inferFeature } from './featureKinds.js';
import { readHead, type CsvHead } from './head.js';
import { chooseLabelLayout, describeLayout, type LabelLayout } from './labelLayout.js';
import type { ScanPlan } from './scanRange.js';
import type { Delimiter } from './sniff.js';

export interface CsvPlan {
  head: CsvHead;
  header: HeaderInfo;
  layout: LabelLayout;
  /** Feature columns: their index in the row and their description. */
  featureIndex: number[];
  features: FeatureColumn[];
  notes: string[];
  scan: ScanPlan;
}

export type CsvOptions = ReadOptions & { delimiter?: Delimiter };

/** `rowLimit`: only that many data rows will be read, so only they are sampled for detection. */
export async function planCsv(file: string, options: CsvOptions, rowLimit?: number): Promise<CsvPlan> {
  const delimiter = options.delimiter ?? (options.format === 'tsv' ? '\t' : options.format === 'csv' ? ',' : undefined);
  const head = await readHead(file, delimiter, options.signal, rowLimit);
  if (head.sample.length === 0) {
    const problem = head.firstProblem;
    if (!problem) throw new DatasetError({ file }, 'has a header but no data rows');
    throw new DatasetError({ file, line: problem.line, column: problem.column }, problem.message);
  }
  const header = readHeader(file, head.header);
  const { layout, notes } = chooseLabelLayout(file, header, head.sample, options);
  if (layout.kind === 'onehot' && layout.columns.length === 0) throw new DatasetError({ file, line: 1 }, 'no label columns chosen', 'give at least one name with --labels');
  const taken = new Set(layout.kind === 'onehot' ? layout.columns : [layout.column]);
  const featureIndex = header.names.map((_, i) => i).filter((i) => !taken.has(i) && i !== header.idIndex && i !== header.splitIndex && !header.markerIndices.includes(i));
  const features = featureIndex.map((i) => inferFeature(header.names[i], head.sample.map((r) => r.fields[i])));
  const scan: ScanPlan = { file, delimiter: head.delimiter, columnNames: header.names, layout, skipBadRows: options.skipBadRows === true };
  return { head, header, layout, featureIndex, features, notes: [...head.notes, ...header.notes, ...notes], scan };
}

export function schemaOf(file: string, plan: CsvPlan, labelNames: string[]): DatasetSchema {
  const schema: DatasetSchema = {
    file,
    format: plan.head.delimiter === '\t' ? 'tsv' : 'csv',
    labelNames,
    features: plan.features,
    labelSource: describeLayout(plan.layout, plan.header.names),
    notes: plan.notes,
  };
  if (plan.header.idIndex >= 0) schema.idColumn = plan.header.names[plan.header.idIndex];
  if (plan.header.splitIndex >= 0) schema.splitColumn = plan.header.names[plan.header.splitIndex];
  if (plan.layout.kind === 'list') {
    schema.labelColumn = plan.header.names[plan.layout.column];
    schema.labelListStyle = plan.layout.style;
  }
  return schema;
}

/** Label names for one-hot layouts: the label columns' names, in the order chosen. */
export function oneHotNames(plan: CsvPlan): string[] {
  return plan.layout.kind === 'onehot' ? plan.layout.columns.map((c) => plan.header.names[c]) : [];
}
