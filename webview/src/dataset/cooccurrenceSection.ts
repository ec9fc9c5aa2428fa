/** The Co-occurrence tab: which labels appear in the same rows, as a heatmap ordered by frequency or clustered. */
import type { AnalysisReport } from '../../../src/core/analysis/analyzeDataset.js';
import { checkbox, filterField, numberField } from '../components/controls.js';
import { h, sectionHeading } from '../components/dom.js';
import { formatInteger } from '../format.js';
import type { ViewContext } from '../viewContext.js';
import { clampTopN, DEFAULT_HEATMAP_TOP_N } from './labelSelection.js';
import { selectionText } from './labelsSection.js';
import { cooccurrencePairs, cooccurrenceSpec, selectCooccurrence, type CooccurrenceOptions } from './specs/cooccurrence.js';
import { cooccurrenceTable } from './tables.js';

const FEW_LABELS = 20;
/** Room the y-axis labels, the legend and the card's padding take beside the cells. */
const BESIDE_CELLS = 330;

function plotWidth(container: HTMLElement): number {
  return Math.min(720, Math.max(240, container.clientWidth - BESIDE_CELLS));
}

export function cooccurrenceSection(report: AnalysisReport, ctx: ViewContext): HTMLElement {
  const { cooccurrence } = report;
  const total = cooccurrence.labels.length;
  const options: CooccurrenceOptions = {
    order: ctx.ui('dataset.cooc.clustered', true) ? 'clustered' : 'frequency',
    topN: clampTopN(ctx.ui('dataset.cooc.topN', DEFAULT_HEATMAP_TOP_N), total, DEFAULT_HEATMAP_TOP_N),
    filter: ctx.ui('dataset.cooc.filter', ''),
  };
  const summary = h('p', { className: 'selection-summary', attrs: { 'aria-live': 'polite' } });
  const chart = h('div', { className: 'chart-single' });

  const redraw = (): void => {
    const selection = selectCooccurrence(cooccurrence, options);
    summary.textContent = selectionText(selection.labels.length, selection.matched, total, options.filter);
    if (selection.labels.length < 2) {
      chart.replaceChildren(h('p', { className: 'empty-note', text: 'A co-occurrence map needs at least two labels.' }));
      return;
    }
    const pairs = cooccurrencePairs(cooccurrence, selection.indices);
    const ordered = options.order === 'clustered' ? 'Labels that occur together are placed next to each other.' : 'Most frequent labels first.';
    chart.replaceChildren(
      ctx.chartCard({
        title: 'Label co-occurrence',
        description: `Rows carrying both labels of each pair: the stronger the colour, the more rows; blank cells never occur together (the diagonal is left blank). ${ordered}`,
        // drawn when the card has a width: the cells fit what is left beside the axis labels and the legend
        spec: (theme) => cooccurrenceSpec(report, theme, { ...options, plotWidth: plotWidth(chart) }),
        table: cooccurrenceTable(pairs.filter((p) => p.a < p.b)),
        fileName: 'label-cooccurrence',
      }),
    );
  };

  const controls = h('div', { className: 'controls', attrs: { role: 'group', 'aria-label': 'Co-occurrence options' } }, [
    checkbox('Cluster labels that occur together', options.order === 'clustered', (checked) => {
      options.order = checked ? 'clustered' : 'frequency';
      ctx.setUi('dataset.cooc.clustered', checked);
      redraw();
    }),
    total > FEW_LABELS
      ? numberField('Top', options.topN, 2, total, (n) => {
          options.topN = n;
          ctx.setUi('dataset.cooc.topN', n);
          redraw();
        })
      : null,
    total > FEW_LABELS
      ? filterField('Filter labels', 'Filter the labels in the co-occurrence map by name', options.filter, (text) => {
          options.filter = text;
          ctx.setUi('dataset.cooc.filter', text);
          redraw();
        })
      : null,
    summary,
  ]);
  redraw();

  const limited = total < report.labels
    ? ` The analysis keeps the ${formatInteger(total)} most frequent of ${formatInteger(report.labels)} labels here.`
    : '';
  return h('div', { className: 'tab-content' }, [
    ...sectionHeading('h2', 'Co-occurrence', `How often two labels are set on the same row.${limited}`),
    controls,
    chart,
  ]);
}
