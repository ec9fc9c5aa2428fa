/**
 * A sortable, filterable table that keeps only the rows in view in the DOM: a real <table>
 * (header buttons with aria-sort, aria-rowcount / aria-rowindex for the rows not rendered), a
 * spacer row above and below, fixed row height, re-rendered on scroll and resize. The scroll area
 * is focusable, so arrow keys, Page Up/Down, Home and End scroll it.
 */
import type { VirtualTableOptions } from '../viewContext.js';
import { formatCell } from '../format.js';
import { codicon, h, srOnly, uid } from './dom.js';
import { filterRows, nextSort, sortRows, visibleWindow, type Row, type SortState } from './tableModel.js';

/** Pixels per row; the stylesheet gives `.vtable tbody tr.vtable-row` the same height. */
export const ROW_HEIGHT = 26;

export function createVirtualTable(options: VirtualTableOptions): HTMLElement {
  const { columns, rows } = options;
  let sort: SortState | undefined = options.sort;
  let filter = options.filter ?? '';
  let order: number[] = [];
  let scheduled = false;
  let rendered = { start: -1, end: -1 };

  const tableId = uid('vtable');
  const root = h('div', { className: 'vtable' });
  const count = h('span', { className: 'vtable-count', attrs: { 'aria-live': 'polite' } });
  const toolbar = h('div', { className: 'vtable-toolbar' });

  if (options.filterKey) {
    const field = document.createElement('vscode-textfield');
    field.className = 'vtable-filter';
    field.placeholder = 'Filter by name';
    field.label = `Filter ${options.ariaLabel}`;
    field.value = filter;
    field.setAttribute('aria-controls', tableId);
    const icon = codicon('filter');
    icon.slot = 'content-before';
    field.append(icon);
    field.addEventListener('input', () => {
      filter = field.value;
      recompute();
      scroller.scrollTop = 0;
      render(true);
      options.onChange?.(sort ?? { key: '', descending: false }, filter);
    });
    toolbar.append(field);
  }
  toolbar.append(count);

  const scroller = h('div', {
    className: 'vtable-scroll',
    attrs: { tabindex: 0, role: 'region', 'aria-label': `${options.ariaLabel} (scrollable)` },
  });
  const table = h('table', { className: 'vtable-table', attrs: { id: tableId, 'aria-label': options.ariaLabel } });
  // fixed column widths (numbers 9.5em, the first text column at least 12em, others 9em); a narrow
  // panel scrolls the table sideways instead of squeezing the names to an ellipsis
  const minWidth = columns.reduce((sum, c, i) => sum + (c.numeric ? 9.5 : i === 0 ? 12 : 9), 0);
  table.style.minWidth = `${minWidth}em`;
  const colgroup = h('colgroup', {}, columns.map((c) => h('col', { className: c.numeric ? 'col-num' : 'col-text' })));
  const headRow = h('tr', { attrs: { 'aria-rowindex': 1 } });
  const headers = columns.map((column) => {
    const th = h('th', { attrs: { scope: 'col', title: column.tooltip }, className: column.numeric ? 'num' : '' });
    const sortButton = h('button', { className: 'sort-button', attrs: { type: 'button' } }, [
      h('span', { className: 'sort-title', text: column.title }),
      codicon('arrow-down', 'sort-icon'),
    ]);
    sortButton.addEventListener('click', () => {
      sort = nextSort(sort, column.key, column.numeric === true);
      recompute();
      updateHeaders();
      render(true);
      options.onChange?.(sort, filter);
    });
    th.append(sortButton);
    headRow.append(th);
    return { th, column };
  });
  const thead = h('thead', {}, [headRow]);
  const topSpacer = spacerRow(columns.length);
  const bottomSpacer = spacerRow(columns.length);
  const tbody = h('tbody');
  table.append(colgroup, thead, tbody);
  scroller.append(table);
  root.append(toolbar, scroller);

  scroller.addEventListener('scroll', () => schedule());
  new ResizeObserver(() => schedule()).observe(scroller);

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      render(false);
    });
  }

  function recompute(): void {
    const matching = filterRows(rows, options.filterKey, filter);
    order = sort ? sortRows(rows, matching, sort) : matching;
    table.setAttribute('aria-rowcount', String(order.length + 1));
    count.textContent = order.length === rows.length ? `${rows.length.toLocaleString('en-US')} rows` : `${order.length.toLocaleString('en-US')} of ${rows.length.toLocaleString('en-US')} rows`;
  }

  function updateHeaders(): void {
    for (const { th, column } of headers) {
      const active = sort?.key === column.key;
      if (active) th.setAttribute('aria-sort', sort!.descending ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
      th.classList.toggle('sorted', active);
      th.classList.toggle('ascending', active && !sort!.descending);
    }
  }

  function render(force: boolean): void {
    const viewport = Math.max(scroller.clientHeight - thead.offsetHeight, ROW_HEIGHT * 12);
    const range = visibleWindow(scroller.scrollTop, viewport, ROW_HEIGHT, order.length);
    if (!force && range.start === rendered.start && range.end === rendered.end) return;
    rendered = range;
    setSpacer(topSpacer, range.start * ROW_HEIGHT);
    setSpacer(bottomSpacer, (order.length - range.end) * ROW_HEIGHT);
    const body: HTMLTableRowElement[] = [topSpacer];
    if (order.length === 0) {
      body.push(h('tr', { className: 'vtable-empty' }, [h('td', { attrs: { colspan: columns.length }, text: filter ? `No rows match “${filter}”.` : 'No rows.' })]));
    }
    for (let i = range.start; i < range.end; i++) body.push(renderRow(rows[order[i]], i));
    body.push(bottomSpacer);
    tbody.replaceChildren(...body);
  }

  function renderRow(row: Row, position: number): HTMLTableRowElement {
    const flagged = options.highlight?.(row) === true;
    const tr = h('tr', { className: flagged ? 'vtable-row highlight' : 'vtable-row', attrs: { 'aria-rowindex': position + 2 } });
    columns.forEach((column, c) => {
      const value = row[column.key] ?? null;
      const td = h('td', { className: column.numeric ? 'num' : '' });
      if (c === 0 && flagged) td.append(codicon('warning', 'row-flag'), srOnly('Warning: '));
      const text = column.format ? column.format(value) : formatCell(value);
      td.append(text);
      if (c === 0) td.title = text;
      const tint = column.tint?.(value);
      if (tint) {
        td.style.backgroundColor = tint;
        td.classList.add('tinted');
      }
      tr.append(td);
    });
    return tr;
  }

  recompute();
  updateHeaders();
  render(true);
  return root;
}

function spacerRow(columns: number): HTMLTableRowElement {
  return h('tr', { className: 'vtable-spacer', attrs: { 'aria-hidden': 'true' } }, [h('td', { attrs: { colspan: columns } })]);
}

function setSpacer(row: HTMLTableRowElement, height: number): void {
  const cell = row.firstElementChild as HTMLTableCellElement;
  cell.style.height = `${height}px`;
  row.hidden = height === 0;
}
