/**
 * ARFF lexical pieces shared by the header and data parsers: where we are (for errors), quoted
 * strings with backslash escapes, bare tokens, and `%` comments.
 */
import { DatasetError } from '../../errors.js';

/** The file and 1-based line being parsed; errors add a 1-based column. */
export interface LineContext {
  file: string;
  line: number;
}

export function syntaxError(ctx: LineContext, column: number | undefined, message: string, hint?: string): DatasetError {
  return new DatasetError({ file: ctx.file, line: ctx.line, column }, message, hint);
}

export interface Token {
  value: string;
  /** 0-based index of the token's first character (its quote, when quoted). */
  start: number;
  /** 0-based index just after the token (after its closing quote, when quoted). */
  end: number;
  quoted: boolean;
}

const SINGLE = 39; // '
const DOUBLE = 34; // "
const BACKSLASH = 92;

export function isQuote(code: number): boolean {
  return code === SINGLE || code === DOUBLE;
}

export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 12 || code === 11;
}

export function skipSpaces(s: string, pos: number): number {
  while (pos < s.length && isSpace(s.charCodeAt(pos))) pos++;
  return pos;
}

/** True for a line that is blank or a `%` comment: skipped anywhere in an ARFF file. */
export function isBlankOrComment(s: string): boolean {
  const p = skipSpaces(s, 0);
  return p === s.length || s.charCodeAt(p) === 37;
}

// Weka's ArffLoader: backslash escapes inside quotes (\' \" \\ \n \r \t \%); others keep the char.
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t' };

/** Reads the quoted string whose opening quote is at s[start]. */
export function readQuoted(s: string, start: number, ctx: LineContext): Token {
  const quote = s.charCodeAt(start);
  let value = '';
  let from = start + 1;
  for (let p = from; p < s.length; p++) {
    const c = s.charCodeAt(p);
    if (c === BACKSLASH && p + 1 < s.length) {
      const next = s[p + 1];
      value += s.slice(from, p) + (ESCAPES[next] ?? next);
      from = p + 2;
      p++;
    } else if (c === quote) {
      return { value: value + s.slice(from, p), start, end: p + 1, quoted: true };
    }
  }
  throw syntaxError(ctx, start + 1, `unterminated quoted string: no closing ${s[start]}`);
}

/**
 * Reads a quoted token, or a bare one running until one of `stops` (e.g. ",}") and, when
 * `stopAtSpace`, whitespace. A bare token is returned without surrounding whitespace.
 */
export function readToken(s: string, pos: number, stops: string, ctx: LineContext, stopAtSpace = true): Token {
  const start = skipSpaces(s, pos);
  if (start < s.length && isQuote(s.charCodeAt(start))) return readQuoted(s, start, ctx);
  let end = start;
  while (end < s.length && !stops.includes(s[end]) && !(stopAtSpace && isSpace(s.charCodeAt(end)))) end++;
  let last = end;
  while (last > start && isSpace(s.charCodeAt(last - 1))) last--;
  return { value: s.slice(start, last), start, end, quoted: false };
}

/** True when only whitespace or a `%` comment follows `pos`. */
export function atLineEnd(s: string, pos: number): boolean {
  const p = skipSpaces(s, pos);
  return p === s.length || s.charCodeAt(p) === 37;
}
