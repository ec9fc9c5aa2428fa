/** Renders a ReportDocument as plain text for a terminal: aligned columns, no colour codes. */
import type { Block, ReportDocument, TableBlock } from './document.js';

export function renderText(doc: ReportDocument): string {
  const out: string[] = [doc.title, '='.repeat(Math.min(doc.title.length, 100)), ''];
  for (const section of doc.sections) {
    out.push(section.title, '-'.repeat(section.title.length));
    for (const block of section.blocks) out.push(...renderBlock(block), '');
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

function renderBlock(block: Block): string[] {
  switch (block.kind) {
    case 'keyValues': {
      const width = Math.max(...block.items.map((i) => i.key.length));
      const valueWidth = Math.max(...block.items.map((i) => i.value.length));
      return block.items.map((i) =>
        `  ${i.key.padEnd(width)}  ${i.note ? i.value.padStart(valueWidth) + '  ' + i.note : i.value.padStart(valueWidth)}`.trimEnd(),
      );
    }
    case 'table':
      return renderTable(block);
    case 'paragraph':
      return wrap(block.text, 96).map((line) => `  ${line}`);
    case 'code':
      return block.text.split('\n').map((line) => `    ${line}`.trimEnd());
  }
}

function renderTable(table: TableBlock): string[] {
  const widths = table.headers.map((h, c) => Math.max(h.length, ...table.rows.map((r) => (r[c] ?? '').length)));
  const cell = (text: string, c: number) =>
    table.align[c] === 'right' ? text.padStart(widths[c]) : text.padEnd(widths[c]);
  const line = (cells: string[]) => `  ${cells.map(cell).join('  ')}`.trimEnd();
  return [line(table.headers), line(widths.map((w) => '-'.repeat(w))), ...table.rows.map(line)];
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  if (current) lines.push(current);
  return lines;
}
