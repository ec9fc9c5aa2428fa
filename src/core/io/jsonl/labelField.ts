/**
 * The labels of a JSONL row: which field holds them, and the label names a value gives.
 * Accepted: an array of names (strings, or numbers used as names), an object of 0/1 or
 * booleans (`{"cat": 1, "dog": 0}`: every key enters the label space), a single name, or null.
 */
import { DatasetError } from '../../errors.js';
import { jsonType, type JsonObject, type LineContext } from './parseLine.js';

/** Field names tried in order when no label field is given. */
export const LABEL_FIELD_CANDIDATES = ['labels', 'tags', 'categories', 'label', 'classes', 'target'];

export type LabelForm = 'list' | 'object' | 'single';

export interface RowLabels {
  positive: string[];
  /** Names seen with 0/false (object form): they belong to the label space too. */
  negative: string[];
  form: LabelForm | undefined;
}

/** The label field: the option, else the first candidate present in the first object (exact name, then any case). */
export function detectLabelField(first: JsonObject, labelColumn: string | undefined, ctx: LineContext): string {
  const keys = Object.keys(first);
  if (labelColumn !== undefined) {
    if (labelColumn in first) return labelColumn;
    throw new DatasetError(ctx, `the label field "${labelColumn}" is not in the first object`, `fields there: ${listKeys(keys)}`);
  }
  for (const name of LABEL_FIELD_CANDIDATES) if (name in first) return name;
  for (const name of LABEL_FIELD_CANDIDATES) {
    const match = keys.find((k) => k.toLowerCase() === name);
    if (match !== undefined) return match;
  }
  throw new DatasetError(
    ctx,
    `no labels field found: looked for ${LABEL_FIELD_CANDIDATES.map((n) => `"${n}"`).join(', ')}`,
    `name the field with --label-column NAME (fields in the first object: ${listKeys(keys)})`,
  );
}

export function rowLabels(row: JsonObject, field: string, ctx: LineContext): RowLabels {
  if (!(field in row)) throw new DatasetError(ctx, `this row has no "${field}" field`, 'write "field": [] for a row without labels');
  const value = row[field];
  if (value === null) return { positive: [], negative: [], form: undefined };
  if (Array.isArray(value)) return { positive: value.map((v, k) => nameOf(v, field, k, ctx)), negative: [], form: 'list' };
  if (typeof value === 'string') return { positive: value === '' ? [] : [value], negative: [], form: 'single' };
  if (typeof value === 'number' && Number.isFinite(value)) return { positive: [String(value)], negative: [], form: 'single' };
  if (typeof value === 'object') return objectLabels(value as JsonObject, field, ctx);
  throw wrongType(field, jsonType(value), ctx);
}

function nameOf(item: unknown, field: string, k: number, ctx: LineContext): string {
  if (typeof item === 'string') return item;
  if (typeof item === 'number' && Number.isFinite(item)) return String(item);
  throw new DatasetError(ctx, `"${field}"[${k}] is ${jsonType(item)}; a label list holds strings or numbers`);
}

function objectLabels(value: JsonObject, field: string, ctx: LineContext): RowLabels {
  const positive: string[] = [];
  const negative: string[] = [];
  for (const [name, v] of Object.entries(value)) {
    if (v === true || v === 1) positive.push(name);
    else if (v === false || v === 0 || v === null) negative.push(name);
    else throw new DatasetError(ctx, `"${field}"."${name}" is ${describe(v)}; a label object maps names to 0/1 or true/false`);
  }
  return { positive, negative, form: 'object' };
}

function wrongType(field: string, found: string, ctx: LineContext): DatasetError {
  return new DatasetError(ctx, `"${field}" is ${found}; expected an array of label names, an object of 0/1 or true/false, or a single name`);
}

function describe(v: unknown): string {
  return typeof v === 'number' ? String(v) : jsonType(v);
}

function listKeys(keys: readonly string[]): string {
  return keys.length === 0 ? '(none)' : keys.slice(0, 20).map((k) => `"${k}"`).join(', ');
}
