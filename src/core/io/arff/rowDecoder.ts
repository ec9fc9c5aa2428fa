/**
 * Decodes ARFF data lines, dense or sparse: whole rows (features and labels) for the reader,
 * and labels only for the scan, which on dense rows slices just the label positions and on
 * sparse rows decodes just the label entries.
 */
import type { FeatureValue, SparseNumericEntries } from '../types.js';
import { checkDenseCount, isPlainLine, locateCommas, plainValueAt, splitDense, valueColumn, wrongCount } from './denseLine.js';
import type { ArffLayout } from './layout.js';
import { isSparseLine, scanSparse } from './sparseLine.js';
import type { LineContext } from './syntax.js';
import { decodeFeature, identityColumn, labelBit, type ColumnOf } from './values.js';

export interface DecodedRow {
  features: FeatureValue[];
  /** Positive label ids, unsorted. */
  labels: number[];
  /** The value of the `split` attribute, when the layout has one and the row gives it. */
  split?: string;
  /** A sparse row decoded with `sparseNumeric`: its numeric features (the others in `features`). */
  sparseNumeric?: SparseNumericEntries;
}

/** With `sparseNumeric`, a sparse row's numeric features come as entries instead of dense values (see DatasetRow.sparseNumeric). */
export function decodeRow(layout: ArffLayout, text: string, ctx: LineContext, sparseNumeric = false): DecodedRow {
  if (!isSparseLine(text)) return decodeDenseRow(layout, text, ctx);
  return sparseNumeric ? decodeSparseEntriesRow(layout, text, ctx) : decodeSparseRow(layout, text, ctx);
}

function decodeDenseRow(layout: ArffLayout, text: string, ctx: LineContext): DecodedRow {
  const { attributes, labelOf, featureOf, nominal } = layout;
  const values = splitDense(text, ctx);
  checkDenseCount(values, attributes.length, text, ctx);
  const columnOf: ColumnOf = (k) => valueColumn(text, k, ctx);
  const features = new Array<FeatureValue>(layout.featureAttributes.length);
  const labels: number[] = [];
  for (let k = 0; k < attributes.length; k++) {
    const id = labelOf[k];
    if (id >= 0) {
      if (labelBit(attributes[k], values[k], ctx, k, columnOf) === 1) labels.push(id);
    } else if (featureOf[k] >= 0) {
      features[featureOf[k]] = decodeFeature(attributes[k], nominal[k], values[k], ctx, k, columnOf);
    }
  }
  const split = layout.splitAttribute >= 0 ? values[layout.splitAttribute] : null;
  return split === null ? { features, labels } : { features, labels, split };
}

function decodeSparseRow(layout: ArffLayout, text: string, ctx: LineContext): DecodedRow {
  const { attributes, labelOf, featureOf, nominal } = layout;
  const features = layout.sparseDefaults.slice();
  const bits = new Uint8Array(layout.labelAttributes.length);
  for (const id of layout.sparseDefaultPositives) bits[id] = 1;
  let split = layout.splitAttribute >= 0 ? layout.attributes[layout.splitAttribute].values?.[0] : undefined;
  scanSparse(text, ctx, attributes.length, () => true, (k, raw, column) => {
    const id = labelOf[k];
    if (id >= 0) bits[id] = labelBit(attributes[k], raw, ctx, column, identityColumn);
    else if (featureOf[k] >= 0) features[featureOf[k]] = decodeFeature(attributes[k], nominal[k], raw, ctx, column, identityColumn);
    else if (k === layout.splitAttribute) split = raw ?? undefined;
  });
  return split === undefined ? { features, labels: positives(bits) } : { features, labels: positives(bits), split };
}

/** A sparse row with its numeric features as entries; the non-numeric features keep their sparse defaults. */
function decodeSparseEntriesRow(layout: ArffLayout, text: string, ctx: LineContext): DecodedRow {
  const { attributes, labelOf, featureOf, nominal } = layout;
  const features = layout.hasNonNumericFeatures ? layout.sparseDefaults.slice() : [];
  const bits = new Uint8Array(layout.labelAttributes.length);
  for (const id of layout.sparseDefaultPositives) bits[id] = 1;
  let split = layout.splitAttribute >= 0 ? layout.attributes[layout.splitAttribute].values?.[0] : undefined;
  const positions: number[] = [];
  const values: number[] = [];
  let ascending = true;
  scanSparse(text, ctx, attributes.length, () => true, (k, raw, column) => {
    const id = labelOf[k];
    const f = featureOf[k];
    if (id >= 0) bits[id] = labelBit(attributes[k], raw, ctx, column, identityColumn);
    else if (f >= 0 && attributes[k].type === 'numeric') {
      const value = decodeFeature(attributes[k], nominal[k], raw, ctx, column, identityColumn);
      if (positions.length > 0 && f <= positions[positions.length - 1]) ascending = false;
      positions.push(f);
      values.push(typeof value === 'number' ? value : Number.NaN);
    } else if (f >= 0) features[f] = decodeFeature(attributes[k], nominal[k], raw, ctx, column, identityColumn);
    else if (k === layout.splitAttribute) split = raw ?? undefined;
  });
  const sparseNumeric = ascending ? withoutZeros(positions, values) : lastOfEach(positions, values);
  const row: DecodedRow = { features, labels: positives(bits), sparseNumeric };
  if (split !== undefined) row.split = split;
  return row;
}

function withoutZeros(positions: number[], values: number[]): SparseNumericEntries {
  if (!values.includes(0)) return { positions, values };
  const keep = values.flatMap((v, i) => (v === 0 ? [] : [i]));
  return { positions: keep.map((i) => positions[i]), values: keep.map((i) => values[i]) };
}

/** Entries given out of order or twice: ascending, the last value given for a position wins (as in the dense decoding). */
function lastOfEach(positions: number[], values: number[]): SparseNumericEntries {
  const last = new Map<number, number>();
  positions.forEach((p, i) => last.set(p, values[i]));
  const sorted = [...last.keys()].sort((a, b) => a - b);
  return withoutZeros(sorted, sorted.map((p) => last.get(p) ?? 0));
}

function positives(bits: Uint8Array): number[] {
  const ids: number[] = [];
  for (let id = 0; id < bits.length; id++) if (bits[id] === 1) ids.push(id);
  return ids;
}

/** Reads only the labels of data lines, reusing its buffers from row to row. */
export class LabelDecoder {
  private readonly commas: Int32Array;
  private readonly bits: Uint8Array;
  private readonly isLabel: (k: number) => boolean;

  constructor(private readonly layout: ArffLayout) {
    this.commas = new Int32Array(layout.attributes.length + 1);
    this.bits = new Uint8Array(layout.labelAttributes.length);
    this.isLabel = (k) => layout.labelOf[k] >= 0;
  }

  /** Writes the row's positive label ids into `out` and returns how many there are. */
  labels(text: string, ctx: LineContext, out: Int32Array): number {
    if (isSparseLine(text)) return this.sparseLabels(text, ctx, out);
    if (!isPlainLine(text)) return this.quotedLabels(text, ctx, out);
    const { attributes, labelAttributes } = this.layout;
    const count = locateCommas(text, this.commas);
    if (count !== attributes.length) {
      const last = count === attributes.length + 1 ? plainValueAt(text, this.commas, count, count - 1) : null;
      if (last === null || !last.startsWith('{')) throw wrongCount(text, ctx, attributes.length, count);
    }
    const columnOf: ColumnOf = (k) => valueColumn(text, k, ctx);
    let n = 0;
    for (let id = 0; id < labelAttributes.length; id++) {
      const k = labelAttributes[id];
      if (labelBit(attributes[k], plainValueAt(text, this.commas, count, k), ctx, k, columnOf) === 1) out[n++] = id;
    }
    return n;
  }

  private sparseLabels(text: string, ctx: LineContext, out: Int32Array): number {
    const { attributes, labelOf } = this.layout;
    const bits = this.bits;
    bits.fill(0);
    for (const id of this.layout.sparseDefaultPositives) bits[id] = 1;
    scanSparse(text, ctx, attributes.length, this.isLabel, (k, raw, column) => {
      bits[labelOf[k]] = labelBit(attributes[k], raw, ctx, column, identityColumn);
    });
    let n = 0;
    for (let id = 0; id < bits.length; id++) if (bits[id] === 1) out[n++] = id;
    return n;
  }

  /** Rows with quotes or comments: a full split, but still only the label values are decoded. */
  private quotedLabels(text: string, ctx: LineContext, out: Int32Array): number {
    const { attributes, labelAttributes } = this.layout;
    const values = splitDense(text, ctx);
    checkDenseCount(values, attributes.length, text, ctx);
    const columnOf: ColumnOf = (k) => valueColumn(text, k, ctx);
    let n = 0;
    for (let id = 0; id < labelAttributes.length; id++) {
      const k = labelAttributes[id];
      if (labelBit(attributes[k], values[k], ctx, k, columnOf) === 1) out[n++] = id;
    }
    return n;
  }
}
