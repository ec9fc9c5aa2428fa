/**
 * Dense ARFF data rows `v1,v2,...`: values separated by commas, optionally quoted, `?` missing,
 * an optional trailing instance weight `{w}` (ignored).
 */
import { clip } from './header.js';
import { readToken, skipSpaces, syntaxError, type LineContext } from './syntax.js';

/** A value as written: a string, or null for an unquoted `?` (missing). */
export type RawValue = string | null;

/** True when the row has no quotes or comments, so a plain split on commas is exact. */
export function isPlainLine(text: string): boolean {
  return text.indexOf("'") < 0 && text.indexOf('"') < 0 && text.indexOf('%') < 0;
}

/** Splits a dense row into its raw values (the weight `{w}`, if any, is still the last one). */
export function splitDense(text: string, ctx: LineContext): RawValue[] {
  if (!isPlainLine(text)) return splitDenseQuoted(text, ctx).values;
  const parts = text.split(',');
  const values: RawValue[] = new Array<RawValue>(parts.length);
  for (let k = 0; k < parts.length; k++) values[k] = plainValue(parts[k].trim());
  return values;
}

export function plainValue(trimmed: string): RawValue {
  return trimmed === '?' ? null : trimmed;
}

/** The general path: quotes with escapes, a trailing `%` comment; also reports each value's start. */
export function splitDenseQuoted(text: string, ctx: LineContext): { values: RawValue[]; starts: number[] } {
  const values: RawValue[] = [];
  const starts: number[] = [];
  let pos = 0;
  for (;;) {
    const token = readToken(text, pos, ',%', ctx, false);
    values.push(token.quoted ? token.value : plainValue(token.value));
    starts.push(token.start);
    const after = skipSpaces(text, token.end);
    if (after >= text.length || text[after] === '%') return { values, starts };
    if (text[after] !== ',') throw syntaxError(ctx, after + 1, `expected ',' after the value ${clip(text.slice(token.start, token.end))}`);
    pos = after + 1;
  }
}

/**
 * Checks the value count against the number of attributes: a row with one extra value that
 * is a weight `{w}` passes (weighted instances, Weka ArffLoader), anything else is an error.
 */
export function checkDenseCount(values: readonly RawValue[], expected: number, text: string, ctx: LineContext): void {
  const found = values.length;
  if (found === expected) return;
  const last = values[found - 1];
  if (found === expected + 1 && last !== null && last.startsWith('{')) return;
  throw wrongCount(text, ctx, expected, found);
}

export function wrongCount(text: string, ctx: LineContext, expected: number, found: number): Error {
  const column = found > expected ? valueColumn(text, expected, ctx) : text.length + 1;
  return syntaxError(ctx, column, `expected ${expected} values (one per @attribute), found ${found}`);
}

/** 1-based column where the k-th (0-based) value of a dense row starts, or the end of the line. */
export function valueColumn(text: string, k: number, ctx: LineContext): number {
  const { starts } = splitDenseQuoted(text, ctx);
  return k < starts.length ? skipSpaces(text, starts[k]) + 1 : text.length + 1;
}

/**
 * For a plain line: records the positions of the first `commas.length` commas and returns the
 * number of values on the line, without creating any strings.
 */
export function locateCommas(text: string, commas: Int32Array): number {
  let count = 0;
  let p = text.indexOf(',');
  while (p >= 0) {
    if (count < commas.length) commas[count] = p;
    count++;
    p = text.indexOf(',', p + 1);
  }
  return count + 1;
}

/** The trimmed k-th value of a plain line whose comma positions were located (k < values). */
export function plainValueAt(text: string, commas: Int32Array, valueCount: number, k: number): RawValue {
  const start = k === 0 ? 0 : commas[k - 1] + 1;
  const end = k === valueCount - 1 ? text.length : commas[k];
  return plainValue(text.slice(start, end).trim());
}
