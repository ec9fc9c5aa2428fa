/**
 * JSONL / NDJSON readers: one JSON object per line, labels in an array (or 0/1 object) field,
 * the other scalar fields as features. `scanJsonlLabels` reads once; `openJsonl` reads once to
 * learn the label space and the fields, then streams rows on each `rows()` call.
 */
import { LabelMatrixBuilder } from '../../data/labelMatrix.js';
import { DatasetError } from '../../errors.js';
import { rowLimitOf } from '../rowLimit.js';
import { SkippedRows } from '../skippedRows.js';
import type { DatasetReader, DatasetRow, DatasetSchema, LabelReadOptions, LabelScan, ReadOptions } from '../types.js';
import { featureValue, FieldProfiler, type FieldPlan } from './fieldProfile.js';
import type { LabelForm, RowLabels } from './labelField.js';
import { LabelSpace, remapMatrix } from './labelSpace.js';
import { JsonlRows, type ParsedRow } from './rowStream.js';

export async function scanJsonlLabels(file: string, options: LabelReadOptions): Promise<LabelScan> {
  const reader = new JsonlRows(file, options, new SkippedRows(options.skipBadRows === true), undefined, rowLimitOf(options.maxRows));
  const space = new LabelSpace();
  const builder = new LabelMatrixBuilder(0);
  const forms = new Set<LabelForm>();
  const ids: number[] = [];
  let profiler: FieldProfiler | undefined;
  for await (const batch of reader.batches()) {
    for (const row of batch) {
      collectIds(space, row.labels, ids);
      builder.addRow(ids);
      if (row.labels.form) forms.add(row.labels.form);
      // the feature fields count as the dataset's inputs (TCS), as openJsonl sees them
      profiler ??= new FieldProfiler(reader.labelField ?? '');
      profiler.observe(row.object);
    }
  }
  const { names, remap } = space.sorted();
  const labelField = reader.labelField ?? '';
  const schema = schemaOf(file, names, labelField, forms, (profiler ?? new FieldProfiler(labelField)).plan());
  const scan: LabelScan = { schema, matrix: remapMatrix(builder.build(), remap), skipped: reader.skipped.rows, skippedCount: reader.skipped.count };
  if (reader.moreRows) scan.moreRows = true;
  return scan;
}

export async function openJsonl(file: string, options: ReadOptions): Promise<DatasetReader> {
  const first = new JsonlRows(file, options, new SkippedRows(options.skipBadRows === true));
  const space = new LabelSpace();
  const forms = new Set<LabelForm>();
  let profiler: FieldProfiler | undefined;
  for await (const batch of first.batches()) {
    for (const row of batch) {
      profiler ??= new FieldProfiler(first.labelField ?? '');
      profiler.observe(row.object);
      collectIds(space, row.labels, []);
      if (row.labels.form) forms.add(row.labels.form);
    }
  }
  const labelField = first.labelField ?? '';
  const plan = (profiler ?? new FieldProfiler(labelField)).plan();
  const schema = schemaOf(file, space.sorted().names, labelField, forms, plan);
  let skipped = new SkippedRows(options.skipBadRows === true);
  return {
    schema,
    rows: () => {
      skipped = new SkippedRows(options.skipBadRows === true);
      return readRows(new JsonlRows(file, options, skipped, labelField), schema);
    },
    skipped: () => skipped.snapshot(),
  };
}

async function* readRows(reader: JsonlRows, schema: DatasetSchema): AsyncGenerator<DatasetRow> {
  const idOf = new Map(schema.labelNames.map((name, id) => [name, id]));
  for await (const batch of reader.batches()) {
    const rows: DatasetRow[] = [];
    for (const parsed of batch) {
      try {
        rows.push(toRow(parsed, schema, idOf, reader.file));
      } catch (error) {
        reader.skipped.record(error, parsed.line);
      }
    }
    yield* rows;
  }
}

function toRow(parsed: ParsedRow, schema: DatasetSchema, idOf: ReadonlyMap<string, number>, file: string): DatasetRow {
  const labels = [...new Set(parsed.labels.positive)].map((name) => {
    const id = idOf.get(name);
    if (id === undefined) throw new DatasetError({ file, line: parsed.line }, `label '${name}' was not in the file when it was opened (was it changed?)`);
    return id;
  });
  const { object } = parsed;
  const row: DatasetRow = {
    line: parsed.line,
    features: schema.features.map((column) => featureValue(column, object[column.name])),
    labels: labels.sort((a, b) => a - b),
  };
  if (schema.idColumn !== undefined && object[schema.idColumn] != null) row.id = String(object[schema.idColumn]);
  if (schema.splitColumn !== undefined && object[schema.splitColumn] != null) row.split = String(object[schema.splitColumn]);
  return row;
}

/** Registers every name of the row in the label space; `ids` receives the positives' ids. */
function collectIds(space: LabelSpace, labels: RowLabels, ids: number[]): void {
  ids.length = 0;
  for (const name of labels.positive) ids.push(space.idOf(name));
  for (const name of labels.negative) space.idOf(name);
}

function schemaOf(file: string, labelNames: string[], field: string, forms: ReadonlySet<LabelForm>, plan: FieldPlan): DatasetSchema {
  const schema: DatasetSchema = {
    file,
    format: 'jsonl',
    labelNames,
    features: plan.features,
    labelSource: `${labelNames.length} labels from the "${field}" field (${describeForms(forms)}); label space: the union over the file, sorted by name`,
    labelColumn: field,
    notes: [...plan.notes],
  };
  if (plan.idColumn !== undefined) schema.idColumn = plan.idColumn;
  if (plan.splitColumn !== undefined) schema.splitColumn = plan.splitColumn;
  return schema;
}

function describeForms(forms: ReadonlySet<LabelForm>): string {
  const words: Record<LabelForm, string> = { list: 'arrays of names', object: 'objects of 0/1 per name', single: 'single names' };
  return forms.size === 0 ? 'no labels given' : [...forms].map((f) => words[f]).join(', ');
}
