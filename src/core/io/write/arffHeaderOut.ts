/**
 * The ARFF header of an output: the input's header lines as they are, with `@attribute` lines
 * for the added columns inserted where they do not move the labels: before the labels when the
 * relation says MEKA `-C -N` (labels are the last N attributes), else after the last attribute.
 */
import { ArffHeaderParser, type ArffHeader } from '../arff/header.js';
import { mekaLabelCount } from '../arff/mekaOption.js';
import { readToken } from '../arff/syntax.js';
import { arffText } from './arffRows.js';

export interface AddedAttribute {
  name: string;
  /** `{0,1}`, `numeric`, or a nominal list. */
  type: string;
}

export interface ParsedHead {
  header: ArffHeader;
  /** The head split into lines, each with its own line ending. */
  lines: Buffer[];
}

const utf8 = new TextDecoder('utf-8');

/** Parses the header part of the head (everything through `@data`) line by line, as the reader does. */
export function parseHead(file: string, head: Buffer): ParsedHead {
  const lines: Buffer[] = [];
  for (let start = 0; start < head.length; ) {
    const lf = head.indexOf(10, start);
    const end = lf < 0 ? head.length : lf + 1;
    lines.push(head.subarray(start, end));
    start = end;
  }
  const parser = new ArffHeaderParser(file);
  for (let k = 0; k < lines.length; k++) {
    let text = utf8.decode(lines[k]).replace(/\r?\n$/, '');
    if (k === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (parser.accept(text, k + 1)) break;
  }
  return { header: parser.result(), lines };
}

/** Attribute index where added attributes go: before MEKA's last-N labels, else at the end. */
export function insertionPoint(header: ArffHeader): number {
  const n = header.attributes.length;
  const meka = mekaLabelCount(header.relation);
  return meka !== undefined && meka < 0 && -meka <= n ? n + meka : n;
}

/** The declared type of a nominal attribute with these values. */
export function nominalType(values: readonly string[]): string {
  return `{${values.map(arffText).join(',')}}`;
}

/** The head with one `@attribute` line per added attribute, spelled like the file's own declarations. */
export function headWithAttributes(parsed: ParsedHead, added: readonly AddedAttribute[], insertAt: number, eol: Buffer): Buffer {
  const { header, lines } = parsed;
  if (added.length === 0) return Buffer.concat(lines);
  const attrs = header.attributes;
  const firstLine = utf8.decode(lines[attrs[0].line - 1]);
  const keyword = readToken(firstLine, 0, '', { file: '', line: attrs[0].line }).value;
  const upper = keyword === keyword.toUpperCase();
  const declarations = added.map((a) => {
    const type = a.type === 'numeric' && upper ? 'NUMERIC' : a.type;
    return Buffer.concat([Buffer.from(`${keyword} ${arffText(a.name)} ${type}`, 'utf8'), eol]);
  });
  // lines are 1-based: insert before the declaration of attribute insertAt, or after the last one
  const at = insertAt < attrs.length ? attrs[insertAt].line - 1 : attrs[attrs.length - 1].line;
  return Buffer.concat([...lines.slice(0, at), ...declarations, ...lines.slice(at)]);
}
