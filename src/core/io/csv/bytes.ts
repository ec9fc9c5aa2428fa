/**
 * Byte constants and the few byte-level helpers shared by the CSV tokenizer and its consumers:
 * decoding one field to a string, and recognising 0/1 spellings without decoding.
 */
export const LF = 10;
export const CR = 13;
export const QUOTE = 34;
export const COMMA = 44;
export const TAB = 9;

/** Field flags set by the tokenizer: how the field's bytes map to its value. */
export const FIELD_PLAIN = 0;
/** Quoted, no doubled quotes inside: the bytes between the quotes are the value. */
export const FIELD_QUOTED = 1;
/** Quoted with doubled quotes (`""`) inside: un-double them when decoding (RFC 4180, 2.7). */
export const FIELD_ESCAPED = 2;

const utf8 = new TextDecoder('utf-8');

/** The field's value as a string (UTF-8), un-doubling quotes when the tokenizer flagged them. */
export function decodeField(buf: Uint8Array, start: number, end: number, flag: number): string {
  const text = utf8.decode(buf.subarray(start, end));
  return flag === FIELD_ESCAPED ? text.replaceAll('""', '"') : text;
}

/** Binary label spellings accepted in a one-hot column (case-insensitive). */
const TRUE_SPELLINGS = new Set(['1', 'true', 'yes', '1.0']);
const FALSE_SPELLINGS = new Set(['0', 'false', 'no', '0.0']);

/** 1 / 0 for a 0/1-like string (`1`, `true`, `yes`, `1.0`, ...), -1 for anything else. */
export function binaryOfString(value: string): number {
  const v = value.trim().toLowerCase();
  if (TRUE_SPELLINGS.has(v)) return 1;
  if (FALSE_SPELLINGS.has(v)) return 0;
  return -1;
}

/** 1 / 0 / -1 as binaryOfString, testing the single bytes `0` and `1` before decoding anything. */
export function binaryOfField(buf: Uint8Array, start: number, end: number, flag: number): number {
  if (end - start === 1) {
    const b = buf[start];
    if (b === 49) return 1;
    if (b === 48) return 0;
  }
  return binaryOfString(decodeField(buf, start, end, flag));
}

/** Missing-value spellings in numeric columns (ARFF `?`, R/pandas `NA`/`NaN`, empty). */
const MISSING = new Set(['', '?', 'na', 'nan', 'n/a', 'null', 'none']);

export function isMissingToken(value: string): boolean {
  return MISSING.has(value.trim().toLowerCase());
}
