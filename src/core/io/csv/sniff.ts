/**
 * Which delimiter a file uses: the caller's choice, else the extension (.csv comma, .tsv/.tab tab),
 * else whichever of comma and tab the header line holds more of.
 */
import * as path from 'node:path';
import { COMMA, LF, TAB } from './bytes.js';

export type Delimiter = ',' | '\t';

export interface DelimiterChoice {
  delimiter: Delimiter;
  /** Set when the header contradicted the requested/extension delimiter and we switched. */
  note?: string;
}

function countByte(buf: Uint8Array, start: number, end: number, byte: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (buf[i] === byte) n++;
  return n;
}

/** Picks the delimiter from the option, the extension and the header line at buf[start..]. */
export function chooseDelimiter(file: string, requested: Delimiter | undefined, buf: Uint8Array, start: number, end: number): DelimiterChoice {
  let lineEnd = start;
  while (lineEnd < end && buf[lineEnd] !== LF) lineEnd++;
  const commas = countByte(buf, start, lineEnd, COMMA);
  const tabs = countByte(buf, start, lineEnd, TAB);
  const ext = path.extname(file).toLowerCase();
  const byName: Delimiter | undefined = ext === '.csv' ? ',' : ext === '.tsv' || ext === '.tab' ? '\t' : undefined;
  const wanted = requested ?? byName;
  if (wanted === undefined) return { delimiter: tabs > commas ? '\t' : ',' };
  // a header with none of the wanted delimiter but some of the other: the extension was wrong
  const wantedCount = wanted === ',' ? commas : tabs;
  const otherCount = wanted === ',' ? tabs : commas;
  if (wantedCount === 0 && otherCount > 0) {
    const other: Delimiter = wanted === ',' ? '\t' : ',';
    return { delimiter: other, note: `the header has no ${describeDelimiter(wanted)} but ${otherCount} ${describeDelimiter(other)}; read as ${other === '\t' ? 'tab' : 'comma'}-separated` };
  }
  return { delimiter: wanted };
}

export function describeDelimiter(d: Delimiter): string {
  return d === ',' ? 'commas' : 'tabs';
}
