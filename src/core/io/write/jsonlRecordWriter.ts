/**
 * JSONL output records. A kept row is its source line with the added fields inserted before the
 * closing `}`; an edited row has only its label value rewritten, in the form it had (array of
 * names, object of 0/1 or booleans, single name); a synthetic row follows its seed's fields in
 * order, with new feature and label values and a null id (it is no input row).
 */
import { DatasetError } from '../../errors.js';
import { ROW_MARKER_NAMES } from '../columnRoles.js';
import type { DatasetSchema, FeatureValue } from '../types.js';
import { scanObjectMembers, type JsonObjectSpans } from './jsonMembers.js';
import { numberText, type AddedColumns, type RecordEncoder, type RowToEncode } from './recordEncoder.js';
import type { SourceRecords } from './sourceRecords.js';

/** A name written as a JSON number when the old value held numbers and the name is one (`7`, not `07`). */
function isNumberName(name: string): boolean {
  return name.trim() !== '' && String(Number(name)) === name;
}

/** The label value for `names`, in the form of the old value (RFC 8259 text). */
export function jsonLabelValue(oldText: string, names: readonly string[], colon: string, comma: string): string {
  let old: unknown;
  try {
    old = JSON.parse(oldText);
  } catch {
    old = [];
  }
  if (old !== null && typeof old === 'object' && !Array.isArray(old)) {
    const entries = Object.entries(old as Record<string, unknown>);
    const booleans = entries.some(([, v]) => typeof v === 'boolean');
    const positive = new Set(names);
    const keys = [...entries.map(([k]) => k), ...names.filter((n) => !(n in (old as object)))];
    const value = (on: boolean): string => (booleans ? String(on) : on ? '1' : '0');
    return `{${keys.map((k) => JSON.stringify(k) + colon + value(positive.has(k))).join(comma)}}`;
  }
  const numbers = Array.isArray(old) ? old.length > 0 && old.every((v) => typeof v === 'number') : typeof old === 'number';
  const item = (n: string): string => (numbers && isNumberName(n) ? n : JSON.stringify(n));
  if (!Array.isArray(old) && names.length <= 1) {
    if (names.length === 1) return item(names[0]);
    return typeof old === 'string' ? '""' : 'null';
  }
  return `[${names.map(item).join(comma)}]`;
}

function isJsonSpace(b: number): boolean {
  return b === 32 || b === 9 || b === 13 || b === 10;
}

/**
 * A kept line with members appended before its closing `}`, done on bytes; spaced like the line's
 * first member (`"k": v` -> `, "k": v`). Undefined when the line does not end in `}` or already
 * names one of the members (then the full scan replaces it in place).
 */
function appendMembers(content: Buffer, members: readonly (readonly [string, string])[]): Buffer | undefined {
  for (const [key] of members) if (content.includes(JSON.stringify(key))) return undefined;
  let end = content.length;
  while (end > 0 && isJsonSpace(content[end - 1])) end--;
  if (end === 0 || content[end - 1] !== 125) return undefined;
  let last = end - 1;
  while (last > 0 && isJsonSpace(content[last - 1])) last--;
  const empty = content[last - 1] === 123;
  let spaced = false;
  if (!empty) {
    let q = content.indexOf(34) + 1;
    if (q === 0) return undefined;
    while (q < content.length && content[q] !== 34) q += content[q] === 92 ? 2 : 1;
    spaced = content[q + 1] === 58 && content[q + 2] === 32;
  }
  const colon = spaced ? ': ' : ':';
  const comma = spaced ? ', ' : ',';
  const text = (empty ? '' : comma) + members.map(([key, value]) => JSON.stringify(key) + colon + value).join(comma);
  return Buffer.concat([content.subarray(0, last), Buffer.from(text, 'utf8'), content.subarray(last)]);
}

/** A feature value as JSON: numbers round-trip, missing is null. */
function featureJson(value: FeatureValue): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return numberText(value) ?? 'null';
  return JSON.stringify(value);
}

export class JsonlRecordWriter implements RecordEncoder {
  private readonly labelField: string;
  private readonly featureOf: Map<string, number>;

  constructor(
    private readonly schema: DatasetSchema,
    private readonly source: SourceRecords,
    private readonly added: AddedColumns,
  ) {
    if (schema.labelColumn === undefined) {
      throw new DatasetError({ file: source.file }, 'the schema does not name the label field', 'open the dataset again (openDataset) and pass its schema');
    }
    this.labelField = schema.labelColumn;
    this.featureOf = new Map(schema.features.map((f, k) => [f.name, k]));
  }

  header(): Buffer {
    return this.source.head;
  }

  encode(content: Buffer, row: RowToEncode): Buffer {
    const plain = row.kind !== 'edited' && row.kind !== 'synthetic';
    if (plain && !this.added.markers && !this.added.split) return content;
    if (plain) {
      const members: [string, string][] = [];
      if (this.added.split) members.push(['split', JSON.stringify(row.split ?? '')]);
      if (this.added.markers) members.push([ROW_MARKER_NAMES[0], 'false'], [ROW_MARKER_NAMES[1], String(row.source + 1)]);
      const appended = appendMembers(content, members);
      if (appended) return appended;
    }
    const text = content.toString('utf8');
    const spans = scanObjectMembers(text);
    if (!spans) throw new DatasetError({ file: this.source.file, line: row.line }, 'this line no longer holds one JSON object (was the file changed?)');
    const values = new Map<string, string>();
    if (this.added.split) values.set('split', JSON.stringify(row.split ?? ''));
    if (this.added.markers) {
      values.set(ROW_MARKER_NAMES[0], String(row.kind === 'synthetic'));
      values.set(ROW_MARKER_NAMES[1], String(row.source + 1));
    }
    if (!plain && row.labels !== undefined) this.setLabels(text, spans, row.labels, values);
    if (row.kind === 'synthetic') this.setFeatures(spans, row, values);
    return Buffer.from(rewrite(text, spans, values), 'utf8');
  }

  private setLabels(text: string, spans: JsonObjectSpans, labels: readonly number[], values: Map<string, string>): void {
    const member = spans.members.find((m) => m.key === this.labelField);
    const old = member ? text.slice(member.valueStart, member.valueEnd) : '[]';
    const names = labels.map((id) => this.schema.labelNames[id]);
    values.set(this.labelField, jsonLabelValue(old, names, spans.colon, spans.comma));
  }

  private setFeatures(spans: JsonObjectSpans, row: RowToEncode, values: Map<string, string>): void {
    const features = row.features ?? [];
    const present = new Set(spans.members.map((m) => m.key));
    for (const [name, f] of this.featureOf) {
      const value = features[f] ?? null;
      // a field the seed lacks is added only when the synthetic row has a value for it
      if (present.has(name) || value !== null) values.set(name, featureJson(value));
    }
    if (this.schema.idColumn !== undefined && present.has(this.schema.idColumn)) values.set(this.schema.idColumn, 'null');
  }
}

/** The line with each member named in `values` given that value, and the others appended before `}`. */
function rewrite(text: string, spans: JsonObjectSpans, values: ReadonlyMap<string, string>): string {
  const present = new Set(spans.members.map((m) => m.key));
  const appended = [...values].filter(([key]) => !present.has(key)).map(([key, value]) => JSON.stringify(key) + spans.colon + value);
  const last = spans.members[spans.members.length - 1];
  const insertAt = last ? last.valueEnd : spans.open + 1;
  let out = text;
  if (appended.length > 0) out = out.slice(0, insertAt) + (last ? spans.comma : '') + appended.join(spans.comma) + out.slice(insertAt);
  for (let k = spans.members.length - 1; k >= 0; k--) {
    const m = spans.members[k];
    const value = values.get(m.key);
    if (value !== undefined) out = out.slice(0, m.valueStart) + value + out.slice(m.valueEnd);
  }
  return out;
}
