/**
 * From a raw ARFF value to what a reader hands out: a feature value checked against its
 * attribute's type, or a label bit.
 */
import type { FeatureValue } from '../types.js';
import type { RawValue } from './denseLine.js';
import { clip, type ArffAttribute } from './header.js';
import { syntaxError, type LineContext } from './syntax.js';

/** A nominal attribute's declared values as a set, for membership checks. */
export type NominalSets = (ReadonlySet<string> | undefined)[];

export function nominalSets(attributes: readonly ArffAttribute[]): NominalSets {
  return attributes.map((a) => (a.values ? new Set(a.values) : undefined));
}

/**
 * Where a value sits, computed only when there is an error to report: `columnOf(at)` turns a
 * value number (dense rows) or a column (sparse rows, with the identity) into a 1-based column.
 */
export type ColumnOf = (at: number) => number;

export const identityColumn: ColumnOf = (at) => at;

export function decodeFeature(attribute: ArffAttribute, declared: ReadonlySet<string> | undefined, raw: RawValue, ctx: LineContext, at: number, columnOf: ColumnOf): FeatureValue {
  if (raw === null) return null;
  if (attribute.type === 'numeric') {
    const value = raw === '' ? Number.NaN : Number(raw);
    if (!Number.isFinite(value)) throw syntaxError(ctx, columnOf(at), `expected a number for attribute '${attribute.name}', found '${clip(raw)}'`);
    return value;
  }
  if (declared && !declared.has(raw)) {
    throw syntaxError(ctx, columnOf(at), `'${clip(raw)}' is not a declared value of attribute '${attribute.name}' ${describeValues(attribute.values ?? [])}`);
  }
  return raw;
}

/** A label value: 0 or 1 (nominal {0,1}, or numeric written as e.g. 1.0). */
export function labelBit(attribute: ArffAttribute, raw: RawValue, ctx: LineContext, at: number, columnOf: ColumnOf): 0 | 1 {
  if (raw === '1') return 1;
  if (raw === '0') return 0;
  const value = raw === null || raw === '' ? Number.NaN : Number(raw);
  if (value === 1 || value === 0) return value;
  const found = raw === null ? "'?' (missing)" : `'${clip(raw)}'`;
  throw syntaxError(ctx, columnOf(at), `label '${attribute.name}' must be 0 or 1, found ${found}`);
}

/**
 * The value a sparse row gives an attribute it omits (Weka: internal value 0): 0 for numeric,
 * the first declared value for nominal, the empty string for string and date.
 */
export function sparseDefault(attribute: ArffAttribute): FeatureValue {
  if (attribute.type === 'numeric') return 0;
  if (attribute.type === 'nominal') return attribute.values?.[0] ?? null;
  return '';
}

function describeValues(values: readonly string[]): string {
  const shown = values.slice(0, 12).join(',');
  return `{${shown}${values.length > 12 ? ',...' : ''}}`;
}
