/**
 * Writes a resampling result next to its input, in the input's own format: the header as it was,
 * original and cloned rows copied byte for byte (plus the row markers), edited rows with only
 * their labels re-encoded, synthetic rows encoded like the file's own rows.
 */
import { UsageError } from '../../errors.js';
import type { OutputRow, ResampleResult } from '../../resample/types.js';
import type { DatasetSchema } from '../types.js';
import type { RowToEncode } from './recordEncoder.js';
import { createEncoder, planOutputs, rowTicker, writeOutputs, type WriteOptions } from './writeRows.js';

/** Checks one output row against the input: its source exists, its labels and features fit the schema. */
function checkRow(row: OutputRow, k: number, inputRows: number, schema: DatasetSchema): void {
  const where = `output row ${k + 1} (${row.kind})`;
  if (!Number.isInteger(row.source) || row.source < 0 || row.source >= inputRows) {
    throw new UsageError(`${where} comes from input row ${row.source}, but the input has ${inputRows} rows (0-based indices 0..${inputRows - 1})`);
  }
  if (row.labels !== undefined) {
    let previous = -1;
    for (const id of row.labels) {
      if (!Number.isInteger(id) || id <= previous || id >= schema.labelNames.length) {
        throw new UsageError(`${where}: labels must be ascending label ids below ${schema.labelNames.length}, got [${row.labels.join(', ')}]`);
      }
      previous = id;
    }
  }
  if (row.kind === 'synthetic' && row.features?.length !== schema.features.length) {
    throw new UsageError(`${where}: a synthetic row needs ${schema.features.length} feature values (schema.features order), got ${row.features?.length ?? 'none'}`);
  }
}

/**
 * Writes `result` to `out` (and, for a MULAN ARFF, the label xml beside it as `<out name>.xml`).
 * Nothing is written when any output exists (unless `force`) or is the input.
 */
export async function writeResampled(
  input: string,
  schema: DatasetSchema,
  result: ResampleResult,
  out: string,
  options: WriteOptions = {},
): Promise<{ files: string[]; rows: number }> {
  const planned = await planOutputs(input, schema, [out], options.force === true);
  const rows = result.rows;
  const files = await writeOutputs(input, schema, planned, options, async (source, [file]) => {
    rows.forEach((row, k) => checkRow(row, k, source.count, schema));
    const encoder = createEncoder(schema, source, { markers: options.markRows ?? true });
    const tick = rowTicker(rows.length, options);
    await file.write(encoder.header());
    for (let k = 0; k < rows.length; k++) {
      const row = rows[k];
      const { content, ending } = await source.record(row.source);
      const spec: RowToEncode = { kind: row.kind, source: row.source, line: source.line(row.source) };
      if (row.labels !== undefined) spec.labels = row.labels;
      if (row.features !== undefined) spec.features = row.features;
      await file.write(encoder.encode(content, spec));
      await file.write(ending);
      tick(k + 1);
    }
  });
  return { files, rows: rows.length };
}
