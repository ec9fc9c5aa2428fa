/**
 * Sparse ARFF data rows `{index value, index value, ...}` (0-based attribute indices; omitted
 * attributes take their default), optionally followed by an instance weight `,{w}` (ignored).
 */
import { plainValue, type RawValue } from './denseLine.js';
import { atLineEnd, readQuoted, readToken, skipSpaces, syntaxError, isQuote, type LineContext } from './syntax.js';

export type SparseVisitor = (index: number, value: RawValue, column: number) => void;

/** True when the row is sparse: its first non-blank character is `{`. */
export function isSparseLine(text: string): boolean {
  return text[skipSpaces(text, 0)] === '{';
}

/**
 * Visits each entry of a sparse row. Entries whose index `wanted` rejects are stepped over
 * without decoding their value (the label scan only reads label indices).
 */
export function scanSparse(text: string, ctx: LineContext, attributeCount: number, wanted: (index: number) => boolean, visit: SparseVisitor): void {
  let pos = skipSpaces(text, 0) + 1;
  if (text[skipSpaces(text, pos)] === '}') return checkAfterRow(text, skipSpaces(text, pos) + 1, ctx);
  for (;;) {
    const indexStart = skipSpaces(text, pos);
    const index = readIndex(text, indexStart, attributeCount, ctx);
    const valueStart = skipSpaces(text, index.end);
    if (valueStart === index.end) throw syntaxError(ctx, valueStart + 1, `expected a space and a value after the sparse index ${index.value}`);
    let valueEnd: number;
    if (wanted(index.value)) {
      const token = readToken(text, valueStart, ',}', ctx, false);
      visit(index.value, token.quoted ? token.value : plainValue(token.value), valueStart + 1);
      valueEnd = token.end;
    } else {
      valueEnd = skipValue(text, valueStart, ctx);
    }
    const after = skipSpaces(text, valueEnd);
    if (after >= text.length) throw syntaxError(ctx, text.length + 1, "unterminated sparse row: expected '}'");
    if (text[after] === '}') return checkAfterRow(text, after + 1, ctx);
    if (text[after] !== ',') throw syntaxError(ctx, after + 1, "expected ',' or '}' after a sparse value");
    pos = after + 1;
  }
}

function readIndex(text: string, start: number, attributeCount: number, ctx: LineContext): { value: number; end: number } {
  let end = start;
  let value = 0;
  for (let c = text.charCodeAt(end); c >= 48 && c <= 57; c = text.charCodeAt(++end)) value = value * 10 + (c - 48);
  if (end === start) throw syntaxError(ctx, start + 1, 'expected a 0-based attribute index in the sparse row');
  if (value >= attributeCount) {
    throw syntaxError(ctx, start + 1, `sparse index ${value} is out of range: the header declares ${attributeCount} attributes (indices 0..${attributeCount - 1})`);
  }
  return { value, end };
}

/** Index just after a value, without building it. */
function skipValue(text: string, start: number, ctx: LineContext): number {
  if (isQuote(text.charCodeAt(start))) return readQuoted(text, start, ctx).end;
  let p = start;
  while (p < text.length && text[p] !== ',' && text[p] !== '}') p++;
  return p;
}

/** After the closing `}`: nothing, a comment, or a weight `,{w}`. */
function checkAfterRow(text: string, pos: number, ctx: LineContext): void {
  if (atLineEnd(text, pos)) return;
  const p = skipSpaces(text, pos);
  if (text[p] === ',' && text[skipSpaces(text, p + 1)] === '{') return;
  throw syntaxError(ctx, p + 1, "unexpected text after the closing '}' of a sparse row");
}
