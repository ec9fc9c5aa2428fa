/** A plain accessible <table> of a chart's numbers (the chart's text alternative and its "Show data" view). */
import type { TableData } from '../types.js';
import { formatCell } from '../format.js';
import { h } from './dom.js';

export function dataTable(data: TableData, caption: string): HTMLTableElement {
  const head = h('tr', {}, data.columns.map((c) => h('th', { attrs: { scope: 'col' }, className: c.numeric ? 'num' : '', text: c.title })));
  const body = data.rows.map((row) =>
    h(
      'tr',
      {},
      data.columns.map((c, i) => {
        const text = formatCell(row[c.key] ?? null);
        return i === 0 ? h('th', { attrs: { scope: 'row' }, text }) : h('td', { className: c.numeric ? 'num' : '', text });
      }),
    ),
  );
  return h('table', { className: 'data-table' }, [h('caption', { text: caption }), h('thead', {}, [head]), h('tbody', {}, body)]);
}
