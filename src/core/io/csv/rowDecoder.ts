/**
 * One tokenized record to a DatasetRow: feature values by column kind, positive label ids, id and
 * split. A bad cell leaves its 1-based column and message in `errorColumn` / `message`.
 */
import type { DatasetRow, FeatureKind, FeatureValue } from '../types.js';
import { binaryOfField, decodeField, isMissingToken } from './bytes.js';
import { parseLabelList } from './labelList.js';
import { parseNumberBytes } from './numbers.js';
import type { CsvPlan } from './plan.js';
import type { CsvTokenizer } from './tokenizer.js';

export class RowDecoder {
  message = '';
  errorColumn = 0;
  private readonly kinds: FeatureKind[];
  private readonly labelIdOf: Map<string, number>;

  constructor(private readonly plan: CsvPlan, labelNames: readonly string[]) {
    this.kinds = plan.features.map((f) => f.kind);
    this.labelIdOf = new Map(labelNames.map((n, i) => [n, i]));
  }

  /** The row, or undefined when a cell is bad (see message / errorColumn). */
  decode(buf: Uint8Array, tok: CsvTokenizer): DatasetRow | undefined {
    const labels = this.labels(buf, tok);
    if (labels === undefined) return undefined;
    const features: FeatureValue[] = new Array<FeatureValue>(this.kinds.length);
    for (let f = 0; f < this.kinds.length; f++) {
      const value = this.feature(buf, tok, f);
      if (value === undefined) return undefined;
      features[f] = value;
    }
    const row: DatasetRow = { line: tok.recordLine, features, labels };
    const { idIndex, splitIndex } = this.plan.header;
    if (idIndex >= 0) row.id = cell(buf, tok, idIndex);
    if (splitIndex >= 0) row.split = cell(buf, tok, splitIndex);
    return row;
  }

  private feature(buf: Uint8Array, tok: CsvTokenizer, f: number): FeatureValue | undefined {
    const c = this.plan.featureIndex[f];
    if (this.kinds[f] === 'numeric') {
      const x = tok.fieldFlags[c] === 0 ? parseNumberBytes(buf, tok.fieldStart[c], tok.fieldEnd[c]) : Number(cell(buf, tok, c).trim() || NaN);
      if (!Number.isNaN(x)) return x;
      const text = cell(buf, tok, c);
      if (isMissingToken(text)) return null;
      return this.fail(c + 1, `expected a number in column "${this.plan.header.names[c]}" (numeric in the first rows), found "${text.slice(0, 40)}"`);
    }
    const text = cell(buf, tok, c);
    return text === '' ? null : text;
  }

  private labels(buf: Uint8Array, tok: CsvTokenizer): number[] | undefined {
    const layout = this.plan.layout;
    const names = this.plan.header.names;
    if (layout.kind === 'list') {
      const ids = parseLabelList(cell(buf, tok, layout.column), layout.style).map((n) => this.labelIdOf.get(n) ?? -1);
      if (ids.includes(-1)) return this.fail(layout.column + 1, `label list in column "${names[layout.column]}" changed while reading`);
      return [...new Set(ids)].sort((a, b) => a - b);
    }
    const ids: number[] = [];
    for (let j = 0; j < layout.columns.length; j++) {
      const c = layout.columns[j];
      const v = binaryOfField(buf, tok.fieldStart[c], tok.fieldEnd[c], tok.fieldFlags[c]);
      if (v === 1) ids.push(j);
      else if (v < 0) return this.fail(c + 1, `expected 0 or 1 in label column "${names[c]}", found "${cell(buf, tok, c).slice(0, 40)}"`);
    }
    return ids.sort((a, b) => a - b);
  }

  private fail(column: number, message: string): undefined {
    this.errorColumn = column;
    this.message = message;
    return undefined;
  }
}

function cell(buf: Uint8Array, tok: CsvTokenizer, c: number): string {
  return decodeField(buf, tok.fieldStart[c], tok.fieldEnd[c], tok.fieldFlags[c]);
}
