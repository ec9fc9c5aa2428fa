/**
 * A streaming line reader shared by the text formats: reads the file in large Buffers with
 * fs.open/read (never the whole file as one string), decodes UTF-8 only up to the last newline
 * of each buffer so multi-byte characters are never split, and hands out lines with their
 * 1-based line numbers. Handles LF and CRLF, a UTF-8 BOM, and a last line without a newline.
 */
import { open } from 'node:fs/promises';

export interface LineReadOptions {
  signal?: AbortSignal;
  /** Called after every read with bytes read so far and the file size. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Bytes per read; clamped to 1-4 MB unless a test asks for something smaller. Default 2 MB. */
  chunkBytes?: number;
}

/** The complete lines decoded from one read: lines[k] is line number firstLine + k. */
export interface LineChunk {
  lines: string[];
  firstLine: number;
}

export interface Line {
  text: string;
  /** 1-based line number. */
  line: number;
}

const DEFAULT_CHUNK = 2 * 1024 * 1024;
const MAX_CHUNK = 4 * 1024 * 1024;
const NEWLINE = 0x0a;

/** Yields every line of the file, chunk by chunk (cheaper than one await per line). */
export async function* readLineChunks(file: string, options: LineReadOptions = {}): AsyncGenerator<LineChunk> {
  const size = Math.min(MAX_CHUNK, Math.max(1, options.chunkBytes ?? DEFAULT_CHUNK));
  const handle = await open(file, 'r');
  try {
    const totalBytes = (await handle.stat()).size;
    let bytesRead = 0;
    let carry: Buffer = Buffer.alloc(0);
    let nextLine = 1;
    let first = true;
    const buffer = Buffer.allocUnsafe(size); // reused: nothing keeps a view of it across reads
    for (;;) {
      options.signal?.throwIfAborted();
      const { bytesRead: n } = await handle.read(buffer, 0, size, null);
      if (n === 0) break;
      bytesRead += n;
      options.onProgress?.(bytesRead, totalBytes);
      const data = carry.length > 0 ? Buffer.concat([carry, buffer.subarray(0, n)]) : buffer.subarray(0, n);
      const cut = data.lastIndexOf(NEWLINE);
      if (cut < 0) {
        carry = Buffer.from(data); // one line longer than a buffer: keep collecting
        continue;
      }
      carry = Buffer.from(data.subarray(cut + 1));
      const lines = splitLines(decode(data, cut, first));
      first = false;
      yield { lines, firstLine: nextLine };
      nextLine += lines.length;
    }
    options.signal?.throwIfAborted();
    if (carry.length > 0) yield { lines: splitLines(decode(carry, carry.length, first)), firstLine: nextLine };
  } finally {
    await handle.close();
  }
}

/** Yields every line with its number; convenient where per-line awaits do not matter. */
export async function* readLines(file: string, options: LineReadOptions = {}): AsyncGenerator<Line> {
  for await (const chunk of readLineChunks(file, options)) {
    for (let k = 0; k < chunk.lines.length; k++) {
      options.signal?.throwIfAborted();
      yield { text: chunk.lines[k], line: chunk.firstLine + k };
    }
  }
}

function decode(data: Buffer, end: number, first: boolean): string {
  const text = data.toString('utf8', 0, end);
  return first && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Splits on LF and drops the CR of a CRLF ending. */
function splitLines(text: string): string[] {
  const lines = text.split('\n');
  for (let k = 0; k < lines.length; k++) {
    const s = lines[k];
    if (s.length > 0 && s.charCodeAt(s.length - 1) === 13) lines[k] = s.slice(0, -1);
  }
  return lines;
}
