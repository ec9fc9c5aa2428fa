/**
 * Where an ARFF file declares each attribute: the `@attribute` lines of the header, read with the
 * streaming line reader up to `@data` and no further, so a label can be pointed at by name.
 */
import { readLines } from '../../core/io/lineReader.js';
import { isBlankOrComment, readToken, skipSpaces, type LineContext } from '../../core/io/arff/syntax.js';
import type { Span } from './findings.js';

export interface ArffDeclarations {
  /** Each attribute's name on its `@attribute` line (quotes included), by attribute name. */
  attributes: Map<string, Span>;
  /** The `@data` line, whole; undefined when the header never reaches one. */
  data?: Span;
}

/** Reads the header of `file` up to `@data`. Lines that do not parse are passed over. */
export async function findArffDeclarations(file: string, signal?: AbortSignal): Promise<ArffDeclarations> {
  const attributes = new Map<string, Span>();
  for await (const { text, line } of readLines(file, signal ? { signal } : {})) {
    if (isBlankOrComment(text)) continue;
    const ctx: LineContext = { file, line };
    try {
      const keyword = readToken(text, skipSpaces(text, 0), '', ctx);
      const word = keyword.value.toLowerCase();
      if (word === '@data') return { attributes, data: { line, start: 0, end: text.length } };
      if (word !== '@attribute') continue;
      const name = readToken(text, keyword.end, '{', ctx);
      if (!attributes.has(name.value)) attributes.set(name.value, { line, start: name.start, end: name.end });
    } catch {
      // a line the reader would have rejected: the analysis succeeded, so it cannot matter here
    }
  }
  return { attributes };
}
