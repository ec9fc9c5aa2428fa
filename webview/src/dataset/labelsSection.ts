/**
 * The Labels tab: how often each label occurs and how imbalanced it is (two bar charts sharing one
 * label order and one set of options: log scale, top N, filter), then every label in a sortable table.
 */
import type { AnalysisReport } from '../../../src/core/analysis/analyzeDataset.js';
import { checkbox, filterField, numberField } from '../components/controls.js';
import { h, sectionHeading } from '../components/dom.js';
import { formatSort, parseSort } from '../components/tableModel.js';
import { formatDecimal, formatInteger, formatPercent } from '../format.js';
import type { ViewContext } from '../viewContext.js';
import { clampTopN, DEFAULT_TOP_N, selectLabels } from './labelSelection.js';
import { meanIRThreshold } from './specs/common.js';
import { irLblSpec } from './specs/irLbl.js';
import { labelFrequencySpec, type LabelChartOptions } from './specs/labelFrequency.js';
import { labelFrequencyTable, perLabelRows } from './tables.js';

/** With this many labels or fewer, the top-N and filter boxes would only be noise. */
const FEW_LABELS = 20;
/** With a MaxIR this large the charts open on a log scale (until the user says otherwise). */
const LOG_BY_DEFAULT_MAX_IR = 10;

export function labelsSection(report: AnalysisReport, ctx: ViewContext): HTMLElement {
  const total = report.perLabel.length;
  const options: LabelChartOptions = {
    // counts spanning orders of magnitude read better on a log scale
    log: ctx.ui('dataset.labels.log', report.maxIR >= LOG_BY_DEFAULT_MAX_IR),
    topN: clampTopN(ctx.ui('dataset.labels.topN', DEFAULT_TOP_N), total, DEFAULT_TOP_N),
    filter: ctx.ui('dataset.labels.filter', ''),
    rarest: ctx.ui('dataset.labels.rarest', false),
  };
  const summary = h('p', { className: 'selection-summary', attrs: { 'aria-live': 'polite' } });
  const charts = h('div', { className: 'chart-grid' });

  const redraw = (): void => {
    const selection = selectLabels(report.perLabel, options);
    summary.textContent = selectionText(selection.labels.length, selection.matched, total, options.filter, options.rarest);
    charts.replaceChildren(...labelCharts(report, ctx, options));
  };

  const controls = h('div', { className: 'controls', attrs: { role: 'group', 'aria-label': 'Label chart options' } }, [
    checkbox('Log scale', options.log, (checked) => {
      options.log = checked;
      ctx.setUi('dataset.labels.log', checked);
      redraw();
    }),
    total > FEW_LABELS
      ? checkbox('Rarest first', options.rarest === true, (checked) => {
          options.rarest = checked;
          ctx.setUi('dataset.labels.rarest', checked);
          redraw();
        })
      : null,
    total > FEW_LABELS
      ? numberField('Top', options.topN, 1, total, (n) => {
          options.topN = n;
          ctx.setUi('dataset.labels.topN', n);
          redraw();
        })
      : null,
    total > FEW_LABELS
      ? filterField('Filter labels', 'Filter the labels in the charts by name', options.filter, (text) => {
          options.filter = text;
          ctx.setUi('dataset.labels.filter', text);
          redraw();
        })
      : null,
    summary,
  ]);
  redraw();

  return h('div', { className: 'tab-content' }, [
    ...sectionHeading('h2', 'Label frequency and imbalance', 'How many rows carry each label, and each label’s imbalance ratio.'),
    controls,
    charts,
    ...sectionHeading('h2', 'All labels', `Every label with its measures; ${report.rareLabels.length > 0 ? 'rows marked with a warning are rare labels.' : 'click a column header to sort.'}`),
    labelTable(report, ctx),
  ]);
}

/** What the charts show, in one sentence (shared with the co-occurrence tab). */
export function selectionText(shown: number, matched: number, total: number, filter: string, rarest = false): string {
  const f = filter.trim();
  const which = rarest ? 'least' : 'most';
  if (shown === 0) return `No label matches “${f}”.`;
  if (!f) return shown === total ? `Showing all ${formatInteger(total)} labels.` : `Showing the ${formatInteger(shown)} ${which} frequent of ${formatInteger(total)} labels.`;
  const part = shown === matched ? `all ${formatInteger(matched)}` : `the ${formatInteger(shown)} ${which} frequent of ${formatInteger(matched)}`;
  return `Showing ${part} labels matching “${f}” (${formatInteger(total)} labels in all).`;
}

function labelCharts(report: AnalysisReport, ctx: ViewContext, options: LabelChartOptions): HTMLElement[] {
  const { labels } = selectLabels(report.perLabel, options);
  if (labels.length === 0) return [h('p', { className: 'empty-note', text: 'No label to draw.' })];
  const table = labelFrequencyTable(labels, report);
  const threshold = meanIRThreshold(report);
  const logNote = options.log && labels.some((l) => l.count === 0) ? ' Labels with no positives are left out on a log scale.' : '';
  const frequency = ctx.chartCard({
    title: 'Label frequency',
    description:
      (threshold === undefined
        ? `Rows carrying each label, ${options.rarest ? 'least' : 'most'} frequent first.`
        : `Rows carrying each label, ${options.rarest ? 'least' : 'most'} frequent first. Labels left of the dashed line (${formatDecimal(threshold, 1)} rows, the count at which IRLbl equals MeanIR) are minority labels.`) + logNote,
    spec: (theme) => labelFrequencySpec(report, theme, { ...options }),
    table,
    fileName: 'label-frequency',
  });
  const imbalance = ctx.chartCard({
    title: 'Imbalance ratio per label (IRLbl)',
    description: `The most frequent label’s count over each label’s count: 1 for the most frequent label. The dashed line is MeanIR (${formatDecimal(report.meanIR, 2)}); rare labels have fewer than ${report.rareThreshold} positives.${logNote}`,
    spec: (theme) => irLblSpec(report, theme, { ...options }),
    table,
    fileName: 'label-imbalance-ratio',
  });
  return [frequency, imbalance];
}

const LABEL_COLUMNS = ['name', 'count', 'frequency', 'irLbl', 'scumble', 'posWeight', 'status'];

function labelTable(report: AnalysisReport, ctx: ViewContext): HTMLElement {
  const rare = new Set(report.rareLabels.map((l) => l.name));
  return ctx.virtualTable({
    ariaLabel: 'All labels',
    columns: [
      { key: 'name', title: 'Label' },
      { key: 'count', title: 'Rows', numeric: true, tooltip: 'Rows carrying the label' },
      { key: 'frequency', title: 'Share', numeric: true, tooltip: 'Share of rows carrying the label', format: (v) => (typeof v === 'number' ? formatPercent(v, 2) : '—') },
      { key: 'irLbl', title: 'IRLbl', numeric: true, tooltip: 'Imbalance ratio: max count / this label’s count (0 for an absent label, as mldr)' },
      { key: 'scumble', title: 'SCUMBLE', numeric: true, tooltip: 'Mean SCUMBLE of the rows carrying the label', format: (v) => (typeof v === 'number' ? formatDecimal(v, 4) : '—') },
      { key: 'posWeight', title: 'pos_weight', numeric: true, tooltip: '(N − n) / n for BCEWithLogitsLoss; none for an absent label' },
      { key: 'status', title: 'Status' },
    ],
    rows: perLabelRows(report),
    sort: parseSort(ctx.ui('dataset.labelTable.sort', 'count:desc'), LABEL_COLUMNS) ?? { key: 'count', descending: true },
    filter: ctx.ui('dataset.labelTable.filter', ''),
    filterKey: 'name',
    highlight: (row) => typeof row.name === 'string' && rare.has(row.name),
    onChange: (sort, filter) => {
      if (sort.key) ctx.setUi('dataset.labelTable.sort', formatSort(sort));
      ctx.setUi('dataset.labelTable.filter', filter);
    },
  });
}
