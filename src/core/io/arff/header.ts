/**
 * The ARFF header: `@relation`, `@attribute NAME TYPE` and `@data` (keywords case-insensitive,
 * names quoted with ' or " and backslash escapes, `%` comments and blank lines anywhere).
 * Fed line by line so the data part can keep streaming from the same read.
 */
import { atLineEnd, isBlankOrComment, readToken, skipSpaces, syntaxError, type LineContext } from './syntax.js';

export type ArffAttributeType = 'numeric' | 'nominal' | 'string' | 'date';

export interface ArffAttribute {
  name: string;
  type: ArffAttributeType;
  /** Declared values of a nominal attribute, in order. */
  values?: string[];
  /** 1-based line of the declaration. */
  line: number;
}

export interface ArffHeader {
  relation: string;
  /** 1-based line of `@relation` (0 when absent). */
  relationLine: number;
  attributes: ArffAttribute[];
  /** 1-based line of `@data`. */
  dataLine: number;
}

const NUMERIC_TYPES = new Set(['numeric', 'real', 'integer']);

export class ArffHeaderParser {
  private relation = '';
  private relationLine = 0;
  private readonly attributes: ArffAttribute[] = [];
  private readonly names = new Set<string>();
  private dataLine = 0;

  constructor(private readonly file: string) {}

  /** Parses one header line; returns true once `@data` has been read. */
  accept(text: string, line: number): boolean {
    if (isBlankOrComment(text)) return false;
    const ctx: LineContext = { file: this.file, line };
    const start = skipSpaces(text, 0);
    const keyword = readToken(text, start, '', ctx);
    switch (keyword.value.toLowerCase()) {
      case '@relation':
        this.relation = parseRelation(text, keyword.end, ctx);
        this.relationLine = line;
        return false;
      case '@attribute':
        this.addAttribute(parseAttribute(text, keyword.end, ctx));
        return false;
      case '@data':
        this.dataLine = line;
        return true;
      default:
        throw syntaxError(ctx, start + 1, `expected @relation, @attribute or @data in the ARFF header, found '${clip(keyword.value)}'`);
    }
  }

  result(): ArffHeader {
    return { relation: this.relation, relationLine: this.relationLine, attributes: this.attributes, dataLine: this.dataLine };
  }

  private addAttribute(attribute: ArffAttribute): void {
    // Weka rejects a header that declares the same attribute name twice
    if (this.names.has(attribute.name)) {
      throw syntaxError({ file: this.file, line: attribute.line }, undefined, `attribute '${attribute.name}' is declared twice`);
    }
    this.names.add(attribute.name);
    this.attributes.push(attribute);
  }
}

/** A quoted name, or (leniently, for MEKA files written by hand) the rest of the line. */
function parseRelation(text: string, pos: number, ctx: LineContext): string {
  const token = readToken(text, pos, '', ctx);
  if (token.quoted) return token.value;
  const comment = text.indexOf('%', token.start);
  return text.slice(token.start, comment < 0 ? text.length : comment).trim();
}

function parseAttribute(text: string, pos: number, ctx: LineContext): ArffAttribute {
  const name = readToken(text, pos, '{', ctx);
  if (name.value === '' && !name.quoted) throw syntaxError(ctx, name.start + 1, '@attribute needs a name and a type');
  const typeStart = skipSpaces(text, name.end);
  if (text[typeStart] === '{') {
    const values = parseNominalList(text, typeStart, ctx);
    return { name: name.value, type: 'nominal', values, line: ctx.line };
  }
  const typeToken = readToken(text, typeStart, '', ctx);
  const type = typeToken.value.toLowerCase();
  if (NUMERIC_TYPES.has(type)) return expectEnd(text, typeToken.end, ctx, { name: name.value, type: 'numeric', line: ctx.line });
  if (type === 'string') return expectEnd(text, typeToken.end, ctx, { name: name.value, type: 'string', line: ctx.line });
  // a date's optional format is not needed: dates are read as strings
  if (type === 'date') return { name: name.value, type: 'date', line: ctx.line };
  if (type === 'relational') throw syntaxError(ctx, typeStart + 1, `attribute '${name.value}': relational attributes are not supported`);
  const found = type === '' ? 'nothing' : `'${clip(typeToken.value)}'`;
  throw syntaxError(ctx, typeStart + 1, `attribute '${name.value}': unknown type ${found}; expected numeric, real, integer, string, date or {value1,value2,...}`);
}

function expectEnd(text: string, pos: number, ctx: LineContext, attribute: ArffAttribute): ArffAttribute {
  if (!atLineEnd(text, pos)) throw syntaxError(ctx, skipSpaces(text, pos) + 1, `unexpected text after the type of attribute '${attribute.name}'`);
  return attribute;
}

/** `{a, b, 'c d'}` starting at the `{`. */
function parseNominalList(text: string, open: number, ctx: LineContext): string[] {
  const values: string[] = [];
  let pos = open + 1;
  if (text[skipSpaces(text, pos)] === '}') throw syntaxError(ctx, open + 1, 'a nominal attribute needs at least one value: {} is empty');
  for (;;) {
    const token = readToken(text, pos, ',}', ctx, false);
    const after = skipSpaces(text, token.end);
    if (after >= text.length) throw syntaxError(ctx, text.length + 1, "unterminated nominal value list: expected '}'");
    values.push(token.value);
    if (text[after] === '}') {
      if (!atLineEnd(text, after + 1)) throw syntaxError(ctx, skipSpaces(text, after + 1) + 1, "unexpected text after '}'");
      return values;
    }
    if (text[after] !== ',') throw syntaxError(ctx, after + 1, "expected ',' or '}' in the nominal value list");
    pos = after + 1;
  }
}

export function clip(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max)}...` : s;
}
