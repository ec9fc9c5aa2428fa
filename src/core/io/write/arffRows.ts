/**
 * ARFF data rows as spans of their text, so a writer can replace some values, insert new ones
 * and keep the rest byte for byte: dense `v1,v2,...` (quoted values, a trailing weight `{w}` or
 * `%` comment), sparse `{i v, j w}`. Values written new are quoted as Weka quotes them.
 */
import { readToken, syntaxError, type LineContext } from '../arff/syntax.js';

/** Each value's span in a dense row, surrounding spaces excluded (a weight `{w}`, if any, is the last). */
export interface DenseSpans {
  starts: number[];
  ends: number[];
}

export function denseSpans(text: string, ctx: LineContext): DenseSpans {
  const starts: number[] = [];
  const ends: number[] = [];
  let pos = 0;
  for (;;) {
    const start = skipBlank(text, pos);
    let next: number;
    let end: number;
    if (text[start] === "'" || text[start] === '"') {
      end = readToken(text, start, ',%', ctx, false).end;
      next = skipBlank(text, end);
    } else {
      next = start;
      while (next < text.length && text[next] !== ',' && text[next] !== '%') next++;
      end = next;
      while (end > start && spaceAt(text, end - 1)) end--;
    }
    starts.push(start);
    ends.push(end);
    if (next >= text.length || text[next] === '%') return { starts, ends };
    if (text[next] !== ',') throw syntaxError(ctx, next + 1, "expected ',' after a value");
    pos = next + 1;
  }
}

export interface SparseEntry {
  index: number;
  /** Where the entry `index value` starts and ends (its value ends there too), and where its value starts. */
  start: number;
  end: number;
  valueStart: number;
}

export interface SparseSpans {
  entries: SparseEntry[];
  /** Index of the row's `{` and its closing `}`. */
  open: number;
  close: number;
  /** What separates entries in this row (`,` unless it writes `, `). */
  separator: string;
}

function spaceAt(s: string, p: number): boolean {
  const c = s.charCodeAt(p);
  return c === 32 || c === 9 || c === 13 || c === 12 || c === 11;
}

function skipBlank(s: string, p: number): number {
  while (p < s.length && spaceAt(s, p)) p++;
  return p;
}

export function sparseSpans(text: string, ctx: LineContext): SparseSpans {
  const open = skipBlank(text, 0);
  const entries: SparseEntry[] = [];
  let separator: string | undefined;
  let pos = skipBlank(text, open + 1);
  if (text[pos] === '}') return { entries, open, close: pos, separator: ',' };
  for (;;) {
    const start = pos;
    let p = pos;
    let index = 0;
    for (let c = text.charCodeAt(p); c >= 48 && c <= 57; c = text.charCodeAt(++p)) index = index * 10 + (c - 48);
    if (p === start) throw syntaxError(ctx, p + 1, 'expected an attribute index in the sparse row');
    const valueStart = skipBlank(text, p);
    let next: number;
    let end: number;
    if (text[valueStart] === "'" || text[valueStart] === '"') {
      end = readToken(text, valueStart, ',}', ctx, false).end;
      next = skipBlank(text, end);
    } else {
      next = valueStart;
      while (next < text.length && text[next] !== ',' && text[next] !== '}') next++;
      end = next;
      while (end > valueStart && spaceAt(text, end - 1)) end--;
    }
    entries.push({ index, start, end, valueStart });
    if (text[next] === '}') return { entries, open, close: next, separator: separator ?? ',' };
    if (text[next] !== ',') throw syntaxError(ctx, next + 1, "expected ',' or '}' in the sparse row");
    pos = skipBlank(text, next + 1);
    separator ??= text.slice(end, pos);
  }
}

/** A sparse entry to write: its (output) attribute index and its text. */
export interface NewEntry {
  index: number;
  text: string;
}

/**
 * The sparse row with some entries changed, dropped or added, copying unchanged runs of entries as
 * they are. `change(e)` gives an entry's new text, null to drop it, or undefined to keep it; `added`
 * (ascending output indices) go before the first entry whose output index (`outputIndex`) is larger.
 */
export function rewriteSparseRow(
  text: string,
  spans: SparseSpans,
  change: (e: SparseEntry) => string | null | undefined,
  added: readonly NewEntry[],
  outputIndex: (index: number) => number = (index) => index,
): string {
  const items: string[] = [];
  let runStart = -1;
  let runEnd = -1;
  let k = 0;
  const flush = (): void => {
    if (runStart >= 0) items.push(text.slice(runStart, runEnd));
    runStart = -1;
  };
  for (const e of spans.entries) {
    while (k < added.length && added[k].index < outputIndex(e.index)) {
      flush();
      items.push(added[k++].text);
    }
    const changed = change(e);
    if (changed === undefined) {
      if (runStart < 0) runStart = e.start;
      runEnd = e.end;
      continue;
    }
    flush();
    if (changed !== null) items.push(changed);
  }
  flush();
  while (k < added.length) items.push(added[k++].text);
  return text.slice(0, spans.open + 1) + items.join(spans.separator) + text.slice(spans.close);
}

const NEEDS_QUOTES = /[\s,{}%'"\\]/;

/** A nominal or string value as ARFF text: quoted with ' when it holds spaces or special characters (as Weka's Utils.quote). */
export function arffText(value: string): string {
  if (value !== '' && value !== '?' && !NEEDS_QUOTES.test(value)) return value;
  const escaped = value.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n').replaceAll('\r', '\\r').replaceAll('\t', '\\t');
  return `'${escaped}'`;
}

/** A replacement of a span of text. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** The text with the splices applied (they must not overlap). */
export function applySplices(text: string, splices: Splice[]): string {
  splices.sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const s of splices) {
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + text.slice(at);
}
