/**
 * Per-label decision thresholds from a file: JSON `{"thresholds": {label: t}}` (what the tool
 * exports), a plain object `{label: t}`, or an array in label order; or CSV/TSV rows
 * `label,threshold` (a header row is optional). Every label exactly once, each t in [0, 1].
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DatasetError } from '../../errors.js';
import { readCsvRecords } from '../csv/index.js';
import { jsonType } from '../jsonl/parseLine.js';
import { listSome } from './listing.js';
import { scoreFromText } from './scoreValues.js';

export async function readThresholds(file: string, labelNames: string[]): Promise<number[]> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch {
    throw new DatasetError({ file }, 'file not found');
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new DatasetError({ file }, 'file is empty');
  const ext = path.extname(file).toLowerCase();
  const isJson = ext === '.json' || (ext !== '.csv' && ext !== '.tsv' && /^\s*[[{]/.test(text));
  const entries = isJson ? jsonEntries(file, text, labelNames) : await csvEntries(file, ext === '.tsv' || ext === '.tab' || (!text.split('\n', 1)[0].includes(',') && text.includes('\t')) ? '\t' : ',');
  return byLabel(file, entries, labelNames);
}

/** One threshold as read: the label (arrays: the label at its position), the value, its line. */
interface Entry {
  label: string;
  value: number;
  line?: number;
}

function jsonEntries(file: string, text: string, labelNames: readonly string[]): Entry[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new DatasetError({ file }, `invalid JSON: ${(e as Error).message}`);
  }
  const wrapped = isObject(doc) && 'thresholds' in doc && !labelNames.includes('thresholds') ? doc.thresholds : doc;
  if (Array.isArray(wrapped)) {
    if (wrapped.length !== labelNames.length) {
      throw new DatasetError({ file }, `the thresholds array has ${wrapped.length} value${wrapped.length === 1 ? '' : 's'} but there are ${labelNames.length} labels`, 'an array gives one threshold per label, in the truth\'s label order; an object {label: threshold} names them');
    }
    return wrapped.map((v, l) => ({ label: labelNames[l], value: jsonNumber(file, v, `item ${l} (label "${labelNames[l]}")`) }));
  }
  if (!isObject(wrapped)) throw new DatasetError({ file }, `expected {"thresholds": {label: threshold}}, {label: threshold} or an array of numbers, found ${jsonType(wrapped)}`);
  return Object.entries(wrapped).map(([label, v]) => ({ label, value: jsonNumber(file, v, `label "${label}"`) }));
}

function jsonNumber(file: string, v: unknown, what: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && !Number.isNaN(scoreFromText(v))) return scoreFromText(v);
  throw new DatasetError({ file }, `the threshold of ${what} is ${v === null ? 'null' : jsonType(v)}; expected a number in [0, 1]`);
}

async function csvEntries(file: string, delimiter: ',' | '\t'): Promise<Entry[]> {
  const entries: Entry[] = [];
  let first = true;
  for await (const { line, fields } of readCsvRecords(file, { delimiter })) {
    const header = first;
    first = false;
    if (fields.length !== 2) throw new DatasetError({ file, line }, `expected 2 fields (label${delimiter === ',' ? ',' : '<tab>'}threshold), found ${fields.length}`);
    const value = scoreFromText(fields[1]);
    if (Number.isNaN(value)) {
      if (header) continue; // a header row such as label,threshold
      throw new DatasetError({ file, line, column: 2 }, `the threshold of label "${fields[0]}" is not a number: "${fields[1].slice(0, 40)}"`);
    }
    entries.push({ label: fields[0].trim(), value, line });
  }
  return entries;
}

function byLabel(file: string, entries: readonly Entry[], labelNames: readonly string[]): number[] {
  const index = new Map(labelNames.map((n, i) => [n, i]));
  const values = new Array<number>(labelNames.length).fill(NaN);
  const extra: string[] = [];
  const duplicate: string[] = [];
  const outside: string[] = [];
  for (const e of entries) {
    const l = index.get(e.label);
    if (l === undefined) extra.push(e.label);
    else if (!Number.isNaN(values[l])) duplicate.push(e.label);
    else values[l] = e.value;
    if (!(e.value >= 0 && e.value <= 1)) outside.push(`${e.label} = ${e.value}`);
  }
  const missing = labelNames.filter((_, l) => Number.isNaN(values[l]));
  const parts: string[] = [];
  if (missing.length > 0) parts.push(`labels without a threshold: ${listSome(missing)}`);
  if (extra.length > 0) parts.push(`thresholds for labels the data does not have: ${listSome(extra)}`);
  if (duplicate.length > 0) parts.push(`labels given more than once: ${listSome(duplicate)}`);
  if (outside.length > 0) parts.push(`thresholds outside [0, 1]: ${outside.slice(0, 10).join(', ')}${outside.length > 10 ? ` and ${outside.length - 10} more` : ''}`);
  if (parts.length > 0) throw new DatasetError({ file }, `thresholds do not fit the labels: ${parts.join('; ')}`, 'give one threshold in [0, 1] for every label, by its exact name');
  return values;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
