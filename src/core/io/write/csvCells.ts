/**
 * CSV/TSV cell text for values the writer makes: RFC 4180 quoting, feature values, and label-list
 * cells in the style the column already uses (`a|b`, `a; b`, `['a', 'b']`, `["a","b"]`).
 */
import type { FeatureValue } from '../types.js';
import { numberText } from './recordEncoder.js';

export type ListStyle = '|' | ';' | ',' | '[]' | 'single';

/** The value as one field: quoted (quotes doubled) when it holds the delimiter, a quote or a line break (RFC 4180 2.6-2.7). */
export function csvField(value: string, delimiter: string): string {
  if (value.includes(delimiter) || value.includes('"') || value.includes('\n') || value.includes('\r')) return `"${value.replaceAll('"', '""')}"`;
  return value;
}

/** A feature value as a cell: numbers round-trip, a missing value is an empty cell. */
export function featureCell(value: FeatureValue, delimiter: string): string {
  if (value === null) return '';
  if (typeof value === 'number') return numberText(value) ?? '';
  return csvField(value, delimiter);
}

/** Python's repr of a str: single quotes unless it holds ' and no " (backslashes and the quote escaped). */
function pythonRepr(name: string): string {
  const quote = name.includes("'") && !name.includes('"') ? '"' : "'";
  return quote + name.replaceAll('\\', '\\\\').replaceAll(quote, `\\${quote}`) + quote;
}

/** A bracketed list like the old cell: JSON (`["a", "b"]`) when it used double quotes, else Python's repr (`['a', 'b']`). */
function bracketed(names: readonly string[], old: string): string {
  const oldText = old.trim();
  const json = oldText.startsWith('[') && oldText.includes('"') && !oldText.includes("'");
  const joiner = oldText.includes(', ') || !oldText.startsWith('[') || oldText === '[]' ? ', ' : ',';
  return `[${names.map((n) => (json ? JSON.stringify(n) : pythonRepr(n))).join(joiner)}]`;
}

/**
 * The label-list cell for `names` (ascending ids), spaced like the old cell. A one-label-per-cell
 * column that must hold several labels gets a bracketed list (the reader accepts one in any style).
 */
export function labelListCell(names: readonly string[], style: ListStyle, old: string): string {
  if (style === '[]' || (style === 'single' && names.length > 1)) return bracketed(names, old);
  if (style === 'single') return names[0] ?? '';
  const joiner = old.includes(`${style} `) ? `${style} ` : style;
  return names.join(joiner);
}
