/**
 * The Resample view: which file was resampled into which, how (method, parameters, what happened
 * to the rows), the measures before and after as tiles, the per-label counts before and after as
 * a grouped bar chart (minority labels marked), and every label in a sortable table.
 */
import type { ResampleView } from '../../../src/protocol/dashboard.js';
import { button, codicon, h, sectionHeading } from '../components/dom.js';
import { formatSort, parseSort } from '../components/tableModel.js';
import { baseName, formatDecimal, formatInteger, formatPercent } from '../format.js';
import type { ViewContext } from '../viewContext.js';
import { chooseLabels } from './labelChoice.js';
import { METHOD_TITLES, parametersText } from './methods.js';
import { changeTiles, resampleLabelRows, rowChanges } from './resampleModel.js';
import { chartLabels, countsBeforeAfterSpec } from './specs/countsBeforeAfter.js';
import { caveat, chartControls, chartOptions, restoredCaveat, shownText, tilesSection, writtenList } from './viewParts.js';

const COMMAND = 'Imbalance Lens: Resample Dataset…';
/** With a MaxIR this large before resampling the chart opens on a log scale. */
const LOG_BY_DEFAULT_MAX_IR = 10;

export function renderResampleView(root: HTMLElement, view: ResampleView, ctx: ViewContext): void {
  const { report } = view;
  root.replaceChildren(
    h('div', { className: 'dataset-view resample-view' }, [
      header(view, ctx),
      restoredCaveat(view.restored, COMMAND),
      tilesSection(changeTiles(report), 'Measures before and after resampling (hover or focus a tile for its meaning)'),
      ...(report.rows.after === report.rows.before && report.rows.edited === 0 ? [caveat('No row was added, removed or changed: the output is a copy of the input (see the notes).', 'info')] : []),
      countsSection(view, ctx),
      labelTableSection(view, ctx),
    ]),
  );
}

function header(view: ResampleView, ctx: ViewContext): HTMLElement {
  const { report } = view;
  const method = METHOD_TITLES[report.method];
  const badge = document.createElement('vscode-badge');
  badge.textContent = report.format.toUpperCase();
  badge.title = 'File format';
  const notes = report.notes.length > 0
    ? h('ul', { className: 'notes', attrs: { 'aria-label': 'Notes' } }, report.notes.map((note) => h('li', {}, [codicon('info'), h('span', { text: note })])))
    : null;
  return h('header', { className: 'dataset-header' }, [
    h('div', { className: 'title-row' }, [
      h('div', { className: 'title-block' }, [
        h('h1', {}, [h('span', { className: 'file-name', text: baseName(report.out) }), badge]),
        h('p', { className: 'file-path', text: `from ${report.file}`, attrs: { title: `Input: ${report.file}` } }),
        h('p', { className: 'label-source', text: `${method.name}, ${method.what} · ${parametersText(report.parameters)} · ${formatDecimal(report.elapsedMs / 1000, 1)} s` }),
        h('p', { className: 'label-source', text: `${formatInteger(report.rows.before)} → ${formatInteger(report.rows.after)} rows: ${rowChanges(report.rows)}` }),
        writtenList(report.written),
      ]),
      h('div', { className: 'header-actions' }, [
        button('Open resampled file', { icon: 'go-to-file', secondary: true, title: `Open ${report.out} in an editor`, onClick: () => ctx.post({ type: 'openFile' }) }),
      ]),
    ]),
    notes,
  ]);
}

function countsSection(view: ResampleView, ctx: ViewContext): HTMLElement {
  const { report } = view;
  const total = report.perLabel.length;
  const options = chartOptions(ctx, 'resample.labels', total, report.before.maxIR >= LOG_BY_DEFAULT_MAX_IR);
  const summary = h('p', { className: 'selection-summary', attrs: { 'aria-live': 'polite' } });
  const chart = h('div', { className: 'chart-single' });
  const redraw = (): void => {
    const chosen = chooseLabels(report.perLabel, (l) => l.before, options);
    summary.textContent = shownText(chosen.items.length, chosen.matched, total, options.filter, options.rarest);
    chart.replaceChildren(chosen.items.length === 0 ? h('p', { className: 'empty-note', text: 'No label to draw.' }) : countsCard(view, ctx, options));
  };
  const controls = chartControls(ctx, 'resample.labels', options, total, true, redraw, summary);
  redraw();
  return h('section', { attrs: { 'aria-label': 'Label counts before and after' } }, [
    ...sectionHeading('h2', 'Label counts before and after', 'Rows carrying each label in the input and in the resampled file.'),
    controls,
    chart,
  ]);
}

function countsCard(view: ResampleView, ctx: ViewContext, options: ReturnType<typeof chartOptions>): HTMLElement {
  const { report } = view;
  const labels = chartLabels(report, options);
  const minority = report.perLabel.filter((l) => l.minority).length;
  const logNote = options.log && labels.some((l) => l.before === 0 || l.after === 0) ? ' Counts of 0 are left out on a log scale.' : '';
  return ctx.chartCard({
    title: 'Rows per label, before and after',
    description:
      (minority > 0
        ? `Minority labels (IRLbl above MeanIR in the input; ${formatInteger(minority)} of ${formatInteger(report.perLabel.length)}) are named in bold in the warning colour.`
        : 'No label is a minority label (IRLbl above MeanIR in the input).') + logNote,
    spec: (theme) => countsBeforeAfterSpec(report, theme, { ...options }),
    table: {
      columns: [
        { key: 'label', title: 'Label' },
        { key: 'minority', title: 'Minority' },
        { key: 'before', title: 'Before', numeric: true },
        { key: 'after', title: 'After', numeric: true },
        { key: 'change', title: 'Change', numeric: true },
      ],
      rows: labels.map((l) => ({ label: l.name, minority: l.minority ? 'yes' : 'no', before: l.before, after: l.after, change: signed(l.after - l.before) })),
    },
    fileName: `${baseName(report.out)}-label-counts`,
  });
}

function signed(n: number): string {
  return n > 0 ? `+${formatInteger(n)}` : n < 0 ? `−${formatInteger(-n)}` : '0';
}

const TABLE_COLUMNS = ['name', 'minority', 'before', 'after', 'change', 'changeShare', 'irBefore', 'irAfter'];

function labelTableSection(view: ResampleView, ctx: ViewContext): HTMLElement {
  const { report } = view;
  const table = ctx.virtualTable({
    ariaLabel: 'Labels before and after resampling',
    columns: [
      { key: 'name', title: 'Label' },
      { key: 'minority', title: 'Status', tooltip: 'Minority: IRLbl above MeanIR in the input' },
      { key: 'before', title: 'Before', numeric: true, tooltip: 'Rows with the label in the input' },
      { key: 'after', title: 'After', numeric: true, tooltip: 'Rows with the label in the resampled file' },
      { key: 'change', title: 'Change', numeric: true, format: (v) => (typeof v === 'number' ? signed(v) : '—') },
      { key: 'changeShare', title: 'Change %', numeric: true, format: (v) => (typeof v === 'number' ? `${v > 0 ? '+' : v < 0 ? '−' : ''}${formatPercent(Math.abs(v), 1)}` : '—') },
      { key: 'irBefore', title: 'IR before', numeric: true, tooltip: 'IRLbl, the imbalance ratio, in the input: max count / this label’s count (0 for an absent label)' },
      { key: 'irAfter', title: 'IR after', numeric: true, tooltip: 'IRLbl, the imbalance ratio, in the resampled file' },
    ],
    rows: resampleLabelRows(report),
    sort: parseSort(ctx.ui('resample.table.sort', 'before:desc'), TABLE_COLUMNS) ?? { key: 'before', descending: true },
    filter: ctx.ui('resample.table.filter', ''),
    filterKey: 'name',
    highlight: (row) => row.minority === 'minority',
    onChange: (sort, filter) => {
      if (sort.key) ctx.setUi('resample.table.sort', formatSort(sort));
      ctx.setUi('resample.table.filter', filter);
    },
  });
  return h('section', { attrs: { 'aria-label': 'All labels' } }, [
    ...sectionHeading('h2', 'All labels', 'Every label’s count and imbalance ratio before and after; minority labels are marked.'),
    table,
  ]);
}
