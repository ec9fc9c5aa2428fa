/**
 * Writes a split of a dataset in its own format: one file per part (`name.train.ext`, ...) with
 * the header copied and the part's rows byte for byte in input order, or one file that is the
 * input with a `split` column added.
 */
import { UsageError } from '../../errors.js';
import type { DatasetSchema } from '../types.js';
import { splitPartPath } from './outputNames.js';
import { createEncoder, planOutputs, rowTicker, writeOutputs, type WriteOptions } from './writeRows.js';

export interface SplitWriteOptions extends WriteOptions {
  /** Folder for the part files (default: beside the input). */
  outDir?: string;
  /** Write this one file (the input with a `split` column) instead of one file per part. */
  singleFile?: string;
}

function checkSplit(input: string, schema: DatasetSchema, assignment: Int32Array, partNames: readonly string[], singleFile: boolean): void {
  if (partNames.length === 0) throw new UsageError('a split needs at least one part name');
  if (new Set(partNames).size !== partNames.length) throw new UsageError(`part names must differ, got ${partNames.join(', ')}`);
  if (singleFile && schema.splitColumn !== undefined) {
    throw new UsageError(`${input} already has a split column "${schema.splitColumn}"; write one file per part instead, or remove that column first`);
  }
  for (let i = 0; i < assignment.length; i++) {
    const part = assignment[i];
    if (part < 0 || part >= partNames.length) throw new UsageError(`input row ${i} is assigned to part ${part}, but there are ${partNames.length} parts (0..${partNames.length - 1})`);
  }
}

/**
 * Splits: one file per part, or one file with a `split` column when `singleFile` is given. Rows
 * are copied unchanged; `markRows` (default false here) adds is_synthetic and source_row.
 */
export async function writeSplit(
  input: string,
  schema: DatasetSchema,
  assignment: Int32Array,
  partNames: readonly string[],
  options: SplitWriteOptions,
): Promise<{ files: string[] }> {
  const single = options.singleFile !== undefined;
  checkSplit(input, schema, assignment, partNames, single);
  const targets = options.singleFile !== undefined ? [options.singleFile] : partNames.map((p) => splitPartPath(input, p, options.outDir));
  const planned = await planOutputs(input, schema, targets, options.force === true);
  const files = await writeOutputs(input, schema, planned, options, async (source, outputs) => {
    if (source.count !== assignment.length) {
      throw new UsageError(`the split assigns ${assignment.length} rows, but ${input} has ${source.count} data rows`);
    }
    const added = single ? { split: partNames, markers: options.markRows === true } : { markers: options.markRows === true };
    const encoder = createEncoder(schema, source, added);
    const header = encoder.header();
    for (const out of outputs) await out.write(header);
    const tick = rowTicker(assignment.length, options);
    for (let i = 0; i < assignment.length; i++) {
      const part = assignment[i];
      const out = outputs[single ? 0 : part];
      const { content, ending } = await source.record(i);
      await out.write(encoder.encode(content, { kind: 'original', source: i, line: source.line(i), split: partNames[part] }));
      await out.write(ending);
      tick(i + 1);
    }
  });
  return { files };
}
