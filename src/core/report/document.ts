/**
 * A tiny document model for human-readable reports: sections holding key/value lists, tables
 * and paragraphs. One model, two renderers (terminal text and Markdown), so the CLI table and
 * the extension's Markdown view never drift apart.
 */
export type Align = 'left' | 'right';

export interface KeyValueBlock {
  kind: 'keyValues';
  items: { key: string; value: string; note?: string }[];
}

export interface TableBlock {
  kind: 'table';
  headers: string[];
  align: Align[];
  rows: string[][];
}

export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
}

export interface CodeBlock {
  kind: 'code';
  language: string;
  text: string;
}

export type Block = KeyValueBlock | TableBlock | ParagraphBlock | CodeBlock;

export interface Section {
  title: string;
  blocks: Block[];
}

export interface ReportDocument {
  title: string;
  sections: Section[];
}

/** Fixed decimals without "-0.0000", and integers with thousands separators. */
export function formatNumber(x: number, decimals = 4): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x) && decimals === 0) return x.toLocaleString('en-US');
  const s = x.toFixed(decimals);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
