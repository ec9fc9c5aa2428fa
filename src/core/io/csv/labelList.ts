/**
 * Label-list cells: `cat|dog`, `cat;dog`, `cat,dog`, `['cat', 'dog']` (Python list repr) and
 * `["cat","dog"]` (JSON array). An empty cell or `[]` is an empty labelset.
 */

/** How a column separates labels: a separator character, bracketed lists, or one label per cell. */
export type ListStyle = '|' | ';' | ',' | '[]' | 'single';

function isBracketed(v: string): boolean {
  return v.length >= 2 && v.startsWith('[') && v.endsWith(']');
}

/** The style used by the sampled cells: bracketed lists, else the first of `|`, `;`, `,` that appears. */
export function detectListStyle(values: readonly string[]): ListStyle {
  const nonEmpty = values.map((v) => v.trim()).filter((v) => v !== '');
  if (nonEmpty.length > 0 && nonEmpty.every(isBracketed)) return '[]';
  for (const sep of ['|', ';', ','] as const) if (nonEmpty.some((v) => v.includes(sep))) return sep;
  return 'single';
}

/** True when every sampled non-empty cell is a bracketed list (a list column even without a telling name). */
export function looksLikeListColumn(values: readonly string[]): boolean {
  const nonEmpty = values.map((v) => v.trim()).filter((v) => v !== '');
  return nonEmpty.length > 0 && nonEmpty.every(isBracketed);
}

/** The label names in one cell, trimmed, empties dropped (duplicates are left to the caller). */
export function parseLabelList(cell: string, style: ListStyle): string[] {
  const v = cell.trim();
  if (v === '') return [];
  if (isBracketed(v)) return parseBracketed(v);
  if (style === 'single') return [v];
  const sep = style === '[]' ? ',' : style;
  return v.split(sep).map((s) => s.trim()).filter((s) => s !== '');
}

/** `['a', "b", c]`: items split on commas outside quotes; quotes stripped, `\` escapes honoured. */
function parseBracketed(v: string): string[] {
  const items: string[] = [];
  let current = '';
  let quote = '';
  let wasQuoted = false;
  for (let i = 1; i < v.length - 1; i++) {
    const ch = v[i];
    if (quote !== '') {
      if (ch === '\\' && i + 1 < v.length - 1) current += v[++i];
      else if (ch === quote) quote = '';
      else current += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      wasQuoted = true;
    } else if (ch.trim() === '' && (wasQuoted || current === '')) {
      continue;
    } else if (ch === ',') {
      pushItem(items, current, wasQuoted);
      current = '';
      wasQuoted = false;
    } else current += ch;
  }
  pushItem(items, current, wasQuoted);
  return items;
}

function pushItem(items: string[], raw: string, wasQuoted: boolean): void {
  const name = wasQuoted ? raw : raw.trim();
  if (name.trim() !== '') items.push(name);
}
