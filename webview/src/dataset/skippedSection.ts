/** The Skipped rows tab: the malformed rows the reader skipped (skipBadRows), each with a link to its line. */
import type { AnalysisReport } from '../../../src/core/analysis/analyzeDataset.js';
import { h, sectionHeading } from '../components/dom.js';
import { formatInteger } from '../format.js';
import type { ViewContext } from '../viewContext.js';

export function skippedSection(report: AnalysisReport, ctx: ViewContext): HTMLElement {
  const listed = report.skippedRows.length;
  const more = report.skippedCount > listed ? ` The first ${formatInteger(listed)} are listed.` : '';
  const rows = report.skippedRows.map((row) => {
    const link = h('button', { className: 'link-button', attrs: { type: 'button', 'aria-label': `Go to line ${row.line}` }, text: `Go to line ${formatInteger(row.line)}` });
    link.addEventListener('click', () => ctx.post({ type: 'openFile', line: row.line }));
    return h('tr', {}, [h('td', { className: 'num', text: formatInteger(row.line) }), h('td', { text: row.reason }), h('td', {}, [link])]);
  });
  return h('div', { className: 'tab-content' }, [
    ...sectionHeading('h2', `Skipped rows (${formatInteger(report.skippedCount)})`, `Rows that could not be read and were left out of every measure.${more}`),
    h('div', { className: 'table-scroll' }, [
      h('table', { className: 'data-table skipped-table' }, [
        h('caption', { className: 'visually-hidden', text: 'Skipped rows' }),
        h('thead', {}, [h('tr', {}, [h('th', { className: 'num', attrs: { scope: 'col' }, text: 'Line' }), h('th', { attrs: { scope: 'col' }, text: 'Reason' }), h('th', { attrs: { scope: 'col' }, text: 'Open' })])]),
        h('tbody', {}, rows),
      ]),
    ]),
  ]);
}
