/**
 * ARFF output records, dense or sparse like their source row. A kept row is its source line with
 * the added values inserted (sparse: added entries, later indices renumbered when the insertion
 * is before MEKA's last labels); an edited row has only its label values rewritten; a synthetic
 * row is written whole from its features and labels (its seed gives the split value).
 */
import { DatasetError, UsageError } from '../../errors.js';
import type { ArffAttribute } from '../arff/header.js';
import { isSparseLine } from '../arff/sparseLine.js';
import type { LineContext } from '../arff/syntax.js';
import { isRowMarkerName, isSplitName } from '../columnRoles.js';
import type { DatasetSchema, FeatureValue } from '../types.js';
import { headWithAttributes, insertionPoint, nominalType, parseHead, type AddedAttribute, type ParsedHead } from './arffHeaderOut.js';
import { applySplices, arffText, denseSpans, rewriteSparseRow, sparseSpans, type DenseSpans, type NewEntry, type SparseEntry, type SparseSpans, type Splice } from './arffRows.js';
import { flipSpelling, labelBits, numberText, type AddedColumns, type RecordEncoder, type RowToEncode } from './recordEncoder.js';
import type { SourceRecords } from './sourceRecords.js';

/** New values by attribute index; null removes a sparse entry (the attribute takes its default). */
type ValueSets = Map<number, string | null>;

function bitOf(raw: string): 0 | 1 {
  return Number(raw.replace(/^['"]|['"]$/g, '')) === 1 ? 1 : 0;
}

/**
 * A kept row with values appended at the end, done on bytes when the row has no quotes or
 * comments: after the last value of a dense row, before the `}` of a sparse one. Else undefined.
 */
function appendPlain(content: Buffer, values: readonly string[], firstIndex: number): Buffer | undefined {
  if (content.indexOf(39) >= 0 || content.indexOf(34) >= 0 || content.indexOf(37) >= 0) return undefined;
  let open = 0;
  while (open < content.length && (content[open] === 32 || content[open] === 9)) open++;
  if (content[open] !== 123) {
    if (content.indexOf(123) >= 0) return undefined; // a dense row with a weight {w}
    return Buffer.concat([content, Buffer.from(`,${values.join(',')}`, 'utf8')]);
  }
  const close = content.indexOf(125, open);
  if (close < 0) return undefined;
  let last = close;
  while (last > open + 1 && (content[last - 1] === 32 || content[last - 1] === 9)) last--;
  const comma = content.indexOf(44, open);
  const separator = comma >= 0 && comma < close && content[comma + 1] === 32 ? ', ' : ',';
  const entries = values.map((v, i) => `${firstIndex + i} ${v}`).join(separator);
  return Buffer.concat([content.subarray(0, last), Buffer.from((last > open + 1 ? separator : '') + entries, 'utf8'), content.subarray(last)]);
}

export class ArffRecordWriter implements RecordEncoder {
  private readonly head: ParsedHead;
  private readonly attrs: ArffAttribute[];
  private readonly labelAttrs: number[];
  /** Label id of each attribute, or -1. */
  private readonly labelOf: Int32Array;
  /** Each label's value in a sparse row that omits it: 1 only for a nominal declared {1,0}. */
  private readonly sparseDefaultBits: Uint8Array;
  private readonly featureAttrs: number[];
  private readonly insertAt: number;
  private readonly addedAttrs: AddedAttribute[] = [];
  private readonly isSyntheticAttr: number;
  private readonly sourceRowAttr: number;

  constructor(
    schema: DatasetSchema,
    private readonly source: SourceRecords,
    private readonly added: AddedColumns,
  ) {
    this.head = parseHead(source.file, source.head);
    this.attrs = this.head.header.attributes;
    const indexOf = new Map(this.attrs.map((a, k) => [a.name, k]));
    const attrOf = (name: string, what: string): number => {
      const k = indexOf.get(name);
      if (k === undefined) throw new DatasetError({ file: source.file }, `the schema's ${what} '${name}' is not an attribute of this file`, 'open the dataset again (openDataset) and pass its schema');
      return k;
    };
    this.labelAttrs = schema.labelNames.map((n) => attrOf(n, 'label'));
    this.featureAttrs = schema.features.map((f) => attrOf(f.name, 'feature'));
    this.labelOf = new Int32Array(this.attrs.length).fill(-1);
    this.labelAttrs.forEach((k, id) => (this.labelOf[k] = id));
    this.sparseDefaultBits = Uint8Array.from(this.labelAttrs, (k) => (this.attrs[k].type === 'nominal' && this.attrs[k].values?.[0] === '1' ? 1 : 0));
    const isLabel = new Set(this.labelAttrs);
    const marker = (name: string): number => this.attrs.findIndex((a, k) => !isLabel.has(k) && isRowMarkerName(a.name) && a.name.trim().toLowerCase() === name);
    this.isSyntheticAttr = marker('is_synthetic');
    this.sourceRowAttr = marker('source_row');
    this.insertAt = insertionPoint(this.head.header);
    if (added.split) {
      const existing = this.attrs.findIndex((a, k) => !isLabel.has(k) && a.type !== 'numeric' && isSplitName(a.name));
      if (existing >= 0) throw new UsageError(`${source.file} already has a split attribute '${this.attrs[existing].name}'`);
      this.addedAttrs.push({ name: 'split', type: nominalType(added.split) });
    }
    if (added.markers && this.isSyntheticAttr < 0) this.addedAttrs.push({ name: 'is_synthetic', type: '{0,1}' });
    if (added.markers && this.sourceRowAttr < 0) this.addedAttrs.push({ name: 'source_row', type: 'numeric' });
  }

  header(): Buffer {
    return headWithAttributes(this.head, this.addedAttrs, this.insertAt, this.source.eol);
  }

  encode(content: Buffer, row: RowToEncode): Buffer {
    const n = this.attrs.length;
    const addedValues = this.addedValues(row);
    const sets: ValueSets = new Map();
    if (this.added.markers) {
      if (this.isSyntheticAttr >= 0) sets.set(this.isSyntheticAttr, row.kind === 'synthetic' ? '1' : '0');
      if (this.sourceRowAttr >= 0) sets.set(this.sourceRowAttr, String(row.source + 1));
    }
    const kept = row.kind !== 'edited' && row.kind !== 'synthetic';
    if (kept && sets.size === 0 && this.insertAt === n) {
      if (addedValues.length === 0) return content;
      const appended = appendPlain(content, addedValues, n);
      if (appended) return appended;
    }
    const text = content.toString('utf8');
    const ctx: LineContext = { file: this.source.file, line: row.line };
    if (isSparseLine(text)) {
      const spans = sparseSpans(text, ctx);
      if (row.kind === 'synthetic') {
        const raw = new Array<string | null>(n).fill(null);
        for (const e of spans.entries) raw[e.index] = text.slice(e.valueStart, e.end);
        return Buffer.from(this.synthetic(raw, spans.separator, row, sets, addedValues), 'utf8');
      }
      if (row.kind === 'edited' && row.labels !== undefined) {
        const labelRaw = new Array<string | null>(this.labelAttrs.length).fill(null);
        for (const e of spans.entries) if (this.labelOf[e.index] >= 0) labelRaw[this.labelOf[e.index]] = text.slice(e.valueStart, e.end);
        this.setLabels(labelRaw, true, row.labels, sets);
      }
      return Buffer.from(this.rewriteSparse(text, spans, sets, addedValues), 'utf8');
    }
    const spans = denseSpans(text, ctx);
    if (spans.starts.length < n) throw new DatasetError(ctx, 'this row no longer reads as it did (was the file changed?)');
    const valueAt = (k: number): string => text.slice(spans.starts[k], spans.ends[k]);
    if (row.kind === 'synthetic') return Buffer.from(this.synthetic(this.attrs.map((_, k) => valueAt(k)), undefined, row, sets, addedValues), 'utf8');
    if (row.kind === 'edited' && row.labels !== undefined) this.setLabels(this.labelAttrs.map(valueAt), false, row.labels, sets);
    return Buffer.from(this.rewriteDense(text, spans, sets, addedValues), 'utf8');
  }

  private addedValues(row: RowToEncode): string[] {
    return this.addedAttrs.map((a) => (a.name === 'split' ? arffText(row.split ?? '') : a.name === 'is_synthetic' ? (row.kind === 'synthetic' ? '1' : '0') : String(row.source + 1)));
  }

  /** Label values that change (`raw`: each label's value as written, null where a sparse row omits it): 0/1 spelled like the old value; in a sparse row, a label at its default is dropped. */
  private setLabels(raw: readonly (string | null)[], sparse: boolean, labels: readonly number[], sets: ValueSets): void {
    const bits = labelBits(labels, this.labelAttrs.length);
    this.labelAttrs.forEach((k, id) => {
      const want = bits[id] as 0 | 1;
      const old = raw[id];
      const fallback = this.sparseDefaultBits[id] as 0 | 1;
      const current = old === null ? fallback : bitOf(old);
      if (current === want) return;
      if (sparse && want === fallback) sets.set(k, null);
      else sets.set(k, old === null ? String(want) : flipSpelling(old, want));
    });
  }

  private rewriteDense(text: string, spans: DenseSpans, sets: ValueSets, addedValues: string[]): string {
    const { starts, ends } = spans;
    const splices: Splice[] = [];
    for (const [k, value] of sets) splices.push({ start: starts[k], end: ends[k], text: value ?? '0' });
    if (addedValues.length > 0) {
      const n = this.attrs.length;
      if (this.insertAt < n) splices.push({ start: starts[this.insertAt], end: starts[this.insertAt], text: `${addedValues.join(',')},` });
      else splices.push({ start: ends[n - 1], end: ends[n - 1], text: `,${addedValues.join(',')}` });
    }
    return applySplices(text, splices);
  }

  private shifted(index: number): number {
    return index >= this.insertAt ? index + this.addedAttrs.length : index;
  }

  /** Entries set or dropped, indices at or after the insertion point renumbered, added entries in their place. */
  private rewriteSparse(text: string, spans: SparseSpans, sets: ValueSets, addedValues: string[]): string {
    const present = new Set<number>();
    for (const e of spans.entries) if (sets.has(e.index)) present.add(e.index);
    const added: NewEntry[] = addedValues.map((v, i) => ({ index: this.insertAt + i, text: `${this.insertAt + i} ${v}` }));
    for (const [k, value] of sets) if (!present.has(k) && value !== null) added.push({ index: this.shifted(k), text: `${this.shifted(k)} ${value}` });
    added.sort((a, b) => a.index - b.index);
    const change = (e: SparseEntry): string | null | undefined => {
      const value = sets.get(e.index);
      if (value === null) return null;
      const index = this.shifted(e.index);
      if (value !== undefined) return `${index} ${value}`;
      return index === e.index ? undefined : `${index} ${text.slice(e.valueStart, e.end)}`;
    };
    return rewriteSparseRow(text, spans, change, added, (index) => this.shifted(index));
  }

  private synthetic(values: (string | null)[], separator: string | undefined, row: RowToEncode, sets: ValueSets, addedValues: string[]): string {
    if (row.labels !== undefined) {
      const bits = labelBits(row.labels, this.labelAttrs.length);
      this.labelAttrs.forEach((k, id) => (values[k] = String(bits[id])));
    }
    const features = row.features ?? [];
    this.featureAttrs.forEach((k, f) => (values[k] = this.valueText(features[f] ?? null, k)));
    for (const [k, value] of sets) values[k] = value;
    const n = this.attrs.length;
    if (separator === undefined) return [...values.slice(0, this.insertAt), ...addedValues, ...values.slice(this.insertAt, n)].join(',');
    const entries: string[] = [];
    for (let k = 0; k < n; k++) {
      if (k === this.insertAt) addedValues.forEach((v, i) => entries.push(`${this.insertAt + i} ${v}`));
      const v = values[k];
      if (v !== null && !this.isSparseDefault(k, v)) entries.push(`${this.shifted(k)} ${v}`);
    }
    if (this.insertAt === n) addedValues.forEach((v, i) => entries.push(`${n + i} ${v}`));
    return `{${entries.join(separator)}}`;
  }

  private isSparseDefault(k: number, text: string): boolean {
    const a = this.attrs[k];
    if (a.type === 'numeric') return text !== '?' && Number(text) === 0;
    if (a.type === 'nominal') return text === arffText(a.values?.[0] ?? '');
    return text === "''";
  }

  /** A synthetic feature value as ARFF text, checked against a nominal attribute's declared values. */
  private valueText(value: FeatureValue, k: number): string {
    if (value === null) return '?';
    const a = this.attrs[k];
    if (a.type === 'numeric') return (typeof value === 'number' ? numberText(value) : numberText(Number(value))) ?? '?';
    const text = String(value);
    if (a.type === 'nominal' && !(a.values ?? []).includes(text)) {
      throw new UsageError(`synthetic value '${text}' is not a declared value of attribute '${a.name}' in ${this.source.file}`);
    }
    return arffText(text);
  }
}
