/**
 * Where a CSV/TSV file's header row is and where each of its column names sits on that line, for
 * pointing at a label column. Reads only the bytes up to the end of the header line.
 */
import { open } from 'node:fs/promises';

export interface HeaderLine {
  /** 1-based line of the header row: blank lines before it are skipped, as the reader does. */
  line: number;
  /** The header line's text (without BOM and line break), cut at MAX_HEADER_BYTES. */
  text: string;
}

export interface HeaderField {
  /** The column name as the reader sees it: unquoted, `column<N>` for an empty cell. */
  name: string;
  /** 0-based UTF-16 offsets of the cell on the header line, quotes included. */
  start: number;
  end: number;
}

const LF = 0x0a;
const CR = 0x0d;
const CHUNK = 64 * 1024;
/** A header line longer than this (tens of thousands of columns) is cut; later columns get no place. */
export const MAX_HEADER_BYTES = 4 * 1024 * 1024;

/**
 * The header row's line and text. Line breaks are LF, CRLF or a lone CR, and fully blank lines
 * before the header are skipped, as in the CSV tokenizer; undefined for a file of blank lines.
 */
export async function readHeaderLine(file: string): Promise<HeaderLine | undefined> {
  const handle = await open(file, 'r');
  try {
    let line = 1;
    let position = 0;
    const pending: Buffer[] = [];
    let pendingBytes = 0;
    let inHeader = false;
    let previousCR = false;
    let first = true;
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      let i = 0;
      if (first && bytesRead >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) i = 3;
      first = false;
      if (!inHeader) {
        for (; i < bytesRead; i++) {
          const c = buffer[i];
          if (c === LF) {
            if (!previousCR) line++;
            previousCR = false;
          } else if (c === CR) {
            line++;
            previousCR = true;
          } else break;
        }
        if (i === bytesRead) continue;
        inHeader = true;
      }
      let end = i;
      while (end < bytesRead && buffer[end] !== LF && buffer[end] !== CR) end++;
      const take = Math.min(end - i, MAX_HEADER_BYTES - pendingBytes);
      pending.push(Buffer.from(buffer.subarray(i, i + take)));
      pendingBytes += take;
      if (end < bytesRead || pendingBytes >= MAX_HEADER_BYTES) break;
    }
    if (!inHeader) return undefined;
    return { line, text: Buffer.concat(pending).toString('utf8') };
  } finally {
    await handle.close();
  }
}

/**
 * The cells of a header line with their offsets: RFC 4180 quoting (a quoted cell may hold the
 * delimiter and doubled quotes). Stops at a cell it cannot read whole (a quote left open, e.g. a
 * name spanning lines, or text after a closing quote): later cells get no place.
 */
export function headerFieldSpans(text: string, delimiter: string): HeaderField[] {
  const fields: HeaderField[] = [];
  let pos = 0;
  for (;;) {
    const start = pos;
    let name: string;
    if (text[pos] === '"') {
      let value = '';
      let from = pos + 1;
      let close = -1;
      for (let q = from; q < text.length; q++) {
        if (text[q] !== '"') continue;
        if (text[q + 1] === '"') {
          value += text.slice(from, q + 1);
          from = q + 2;
          q++;
          continue;
        }
        close = q;
        break;
      }
      if (close < 0) return fields;
      name = value + text.slice(from, close);
      pos = close + 1;
      if (pos < text.length && text[pos] !== delimiter) return fields;
    } else {
      const next = text.indexOf(delimiter, pos);
      pos = next < 0 ? text.length : next;
      name = text.slice(start, pos);
    }
    fields.push({ name: name.trim() === '' ? `column${fields.length + 1}` : name, start, end: pos });
    if (pos >= text.length) return fields;
    pos++; // past the delimiter
  }
}
