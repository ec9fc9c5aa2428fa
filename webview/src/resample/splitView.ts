/**
 * The Split view: which dataset was split into which parts and files, summary tiles (how close to
 * a perfect stratification, which labels a part lacks), each label's share per part against the
 * ideal as a chart, the measures of each part, and every label's count per part in a table.
 */
import type { SplitView } from '../../../src/protocol/dashboard.js';
import { dataTable } from '../components/dataTable.js';
import { h, sectionHeading } from '../components/dom.js';
import { formatSort, parseSort } from '../components/tableModel.js';
import { baseName, formatDecimal, formatInteger, formatPercent } from '../format.js';
import type { ViewContext } from '../viewContext.js';
import { absentSentence, partKey, partMeasuresTable, partsText, splitLabelRows, splitTiles } from './splitModel.js';
import { partSharesSpec, shareLabels, splitLabels } from './specs/partShares.js';
import { chooseLabels, type LabelChartOptions } from './labelChoice.js';
import { caveat, chartControls, chartOptions, restoredCaveat, shownText, tilesSection, writtenList } from './viewParts.js';

const COMMAND = 'Imbalance Lens: Create Stratified Split…';

export function renderSplitView(root: HTMLElement, view: SplitView, ctx: ViewContext): void {
  const { report } = view;
  root.replaceChildren(
    h('div', { className: 'dataset-view split-view' }, [
      header(view),
      restoredCaveat(view.restored, COMMAND),
      tilesSection(splitTiles(report), 'Split summary (hover or focus a tile for its meaning)'),
      report.absent.length > 0 ? caveat(absentSentence(report.absent)) : null,
      sharesSection(view, ctx),
      partsSection(view),
      labelTableSection(view, ctx),
    ]),
  );
}

function header(view: SplitView): HTMLElement {
  const { report } = view;
  const badge = document.createElement('vscode-badge');
  badge.textContent = report.format.toUpperCase();
  badge.title = 'File format';
  const how = `Iterative stratification${report.order === 2 ? ' of labels and label pairs' : ' of labels'} · ${partsText(report.parts)} · seed ${report.seed} · ${formatDecimal(report.elapsedMs / 1000, 1)} s`;
  return h('header', { className: 'dataset-header' }, [
    h('div', { className: 'title-row' }, [
      h('div', { className: 'title-block' }, [
        h('h1', {}, [h('span', { className: 'file-name', text: baseName(report.file) }), badge]),
        h('p', { className: 'file-path', text: report.file, attrs: { title: report.file } }),
        h('p', { className: 'label-source', text: how }),
        writtenList(report.written),
      ]),
    ]),
  ]);
}

function sharesSection(view: SplitView, ctx: ViewContext): HTMLElement {
  const { report } = view;
  const present = splitLabels(report).filter((l) => l.total > 0);
  const options = chartOptions(ctx, 'split.labels', present.length, false);
  const summary = h('p', { className: 'selection-summary', attrs: { 'aria-live': 'polite' } });
  const chart = h('div', { className: 'chart-single' });
  const redraw = (): void => {
    const chosen = chooseLabels(present, (l) => l.total, options);
    summary.textContent = shownText(chosen.items.length, chosen.matched, present.length, options.filter, options.rarest);
    chart.replaceChildren(chosen.items.length === 0 ? h('p', { className: 'empty-note', text: 'No label to draw.' }) : sharesCard(view, ctx, options));
  };
  const controls = chartControls(ctx, 'split.labels', options, present.length, false, redraw, summary);
  redraw();
  const without = report.labelNames.length - present.length;
  return h('section', { attrs: { 'aria-label': 'Label distribution per part' } }, [
    ...sectionHeading(
      'h2',
      'Label distribution per part',
      `How each label’s positives are shared among the parts.${without > 0 ? ` ${formatInteger(without)} label${without === 1 ? ' has' : 's have'} no positives and ${without === 1 ? 'is' : 'are'} not drawn.` : ''}`,
    ),
    controls,
    chart,
  ]);
}

function sharesCard(view: SplitView, ctx: ViewContext, options: LabelChartOptions): HTMLElement {
  const { report } = view;
  const labels = shareLabels(report, options);
  return ctx.chartCard({
    title: 'Share of each label’s positives per part',
    description: `Each bar is one label’s positives, split by part. The dashed lines mark where the parts would meet if every label were divided exactly by the part sizes (${report.parts.map((p) => `${p.name} ${formatPercent(p.proportion, 0)}`).join(', ')}).`,
    spec: (theme) => partSharesSpec(report, theme, { ...options }),
    table: {
      columns: [
        { key: 'label', title: 'Label' },
        { key: 'total', title: 'Positives', numeric: true },
        ...report.parts.map((p, j) => ({ key: partKey(j), title: `${p.name} (ideal ${formatPercent(p.proportion, 1)})`, numeric: true })),
      ],
      rows: labels.map((l) => {
        const row: Record<string, string | number> = { label: l.name, total: l.total };
        l.counts.forEach((c, j) => (row[partKey(j)] = `${formatInteger(c)} (${formatPercent(c / l.total, 1)})`));
        return row;
      }),
    },
    fileName: `${baseName(report.file)}-split-shares`,
  });
}

function partsSection(view: SplitView): HTMLElement {
  return h('section', { attrs: { 'aria-label': 'Measures per part' } }, [
    ...sectionHeading('h2', 'Measures per part', 'The imbalance measures of each part on its own: similar values mean the parts look alike.'),
    h('div', { className: 'table-scroll' }, [dataTable(partMeasuresTable(view.report), 'Imbalance measures of each part')]),
  ]);
}

function labelTableSection(view: SplitView, ctx: ViewContext): HTMLElement {
  const { report } = view;
  const keys = ['name', 'total', ...report.parts.map((_, j) => partKey(j)), 'maxDeviation', 'missing'];
  const table = ctx.virtualTable({
    ariaLabel: 'Labels per part',
    columns: [
      { key: 'name', title: 'Label' },
      { key: 'total', title: 'Positives', numeric: true, tooltip: 'Rows with the label in the whole dataset' },
      ...report.parts.map((p, j) => ({ key: partKey(j), title: p.name, numeric: true, tooltip: `Rows with the label in ${p.name} (ideal: ${formatPercent(p.proportion, 1)} of the positives)` })),
      { key: 'maxDeviation', title: 'Max miss', numeric: true, tooltip: 'Max |count − ideal|: the largest distance, in rows, between a part’s count and its ideal (part size × positives)', format: (v) => (typeof v === 'number' ? formatDecimal(v, 1) : '—') },
      { key: 'missing', title: 'Missing from', tooltip: 'Parts with none of the label’s positives' },
    ],
    rows: splitLabelRows(report),
    sort: parseSort(ctx.ui('split.table.sort', 'total:desc'), keys) ?? { key: 'total', descending: true },
    filter: ctx.ui('split.table.filter', ''),
    filterKey: 'name',
    highlight: (row) => typeof row.missing === 'string' && row.missing !== '',
    onChange: (sort, filter) => {
      if (sort.key) ctx.setUi('split.table.sort', formatSort(sort));
      ctx.setUi('split.table.filter', filter);
    },
  });
  return h('section', { attrs: { 'aria-label': 'All labels' } }, [
    ...sectionHeading('h2', 'All labels', 'Every label’s positives in each part; rows marked with a warning are labels that a part has none of.'),
    table,
  ]);
}
