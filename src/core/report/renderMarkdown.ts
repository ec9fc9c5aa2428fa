/** Renders a ReportDocument as GitHub-flavoured Markdown (the extension's read-only view). */
import type { Block, ReportDocument, TableBlock } from './document.js';

export function renderMarkdown(doc: ReportDocument): string {
  const out: string[] = [`# ${escapeInline(doc.title)}`, ''];
  for (const section of doc.sections) {
    out.push(`## ${escapeInline(section.title)}`, '');
    for (const block of section.blocks) out.push(...renderBlock(block), '');
  }
  return out.join('\n');
}

function renderBlock(block: Block): string[] {
  switch (block.kind) {
    case 'keyValues':
      return renderTable({
        kind: 'table',
        headers: ['Measure', 'Value', 'Meaning'],
        align: ['left', 'right', 'left'],
        rows: block.items.map((i) => [i.key, i.value, i.note ?? '']),
      });
    case 'table':
      return renderTable(block);
    case 'paragraph':
      return [escapeInline(block.text)];
    case 'code':
      return ['```' + block.language, block.text, '```'];
  }
}

function renderTable(table: TableBlock): string[] {
  const row = (cells: string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  const rule = `|${table.align.map((a) => (a === 'right' ? ' ---: ' : ' --- ')).join('|')}|`;
  return [row(table.headers), rule, ...table.rows.map(row)];
}

function escapeCell(text: string): string {
  return escapeInline(text).replace(/\|/g, '\\|');
}

function escapeInline(text: string): string {
  return text.replace(/([\\`*_<>[\]])/g, '\\$1');
}
