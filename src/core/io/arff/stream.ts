/**
 * Opens an ARFF file for streaming: reads the header up to `@data` and hands back the rest of
 * the file as line chunks from the same read.
 */
import { DatasetError } from '../../errors.js';
import { readLineChunks, type LineChunk } from '../lineReader.js';
import type { ReadOptions } from '../types.js';
import { ArffHeaderParser, type ArffHeader } from './header.js';
import { isBlankOrComment } from './syntax.js';

export interface ArffStream {
  header: ArffHeader;
  /** The lines after `@data`. */
  data: AsyncGenerator<LineChunk>;
  /** Closes the file; needed only when `data` is abandoned before being iterated. */
  close(): Promise<void>;
}

export async function openArffStream(file: string, options: ReadOptions): Promise<ArffStream> {
  const chunks = readLineChunks(file, { signal: options.signal, onProgress: options.onProgress });
  const close = async (): Promise<void> => void (await chunks.return(undefined));
  try {
    const parser = new ArffHeaderParser(file);
    let sawContent = false;
    let lastLine = 0;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      const { lines, firstLine } = next.value;
      for (let k = 0; k < lines.length; k++) {
        sawContent ||= !isBlankOrComment(lines[k]);
        if (parser.accept(lines[k], firstLine + k)) {
          const rest = { lines: lines.slice(k + 1), firstLine: firstLine + k + 1 };
          return { header: parser.result(), data: continueWith(rest, chunks), close };
        }
      }
      lastLine = firstLine + lines.length - 1;
    }
    if (!sawContent) throw new DatasetError({ file }, 'the file is empty: expected an ARFF header (@relation, @attribute lines, then @data)');
    throw new DatasetError({ file, line: lastLine }, 'no @data line: the ARFF header must end with @data, followed by one row per line');
  } catch (error) {
    await close();
    throw error;
  }
}

async function* continueWith(first: LineChunk, rest: AsyncGenerator<LineChunk>): AsyncGenerator<LineChunk> {
  try {
    yield first;
    yield* rest;
  } finally {
    await rest.return(undefined);
  }
}
