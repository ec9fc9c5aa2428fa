/**
 * The Per class tab: the per-class table (every label, virtualised), precision / recall / F1 bars
 * by frequency, and the small-multiple 2x2 confusion matrices; each chart draws the top N labels
 * of a filter, so 1,000 labels cost no more than 50.
 */
import type { EvaluationView } from '../../../../src/protocol/dashboard.js';
import { h, sectionHeading } from '../../components/dom.js';
import { formatSort, parseSort } from '../../components/tableModel.js';
import { formatInteger } from '../../format.js';
import type { ViewContext, VirtualTableOptions } from '../../viewContext.js';
import { formatMetric, formatShare, formatThreshold, MISSING } from '../format.js';
import { LABEL_PICKS, RARE_SUPPORT, selectionSummary, type LabelPick } from '../labelSelection.js';
import { metricTint, perClassRows } from '../perClassRows.js';
import { confusionGridData, confusionGridSpec } from '../specs/confusionGrid.js';
import { perClassBarsData, perClassBarsSpec } from '../specs/perClassBars.js';
import { chartBlock } from './chartBlock.js';
import { filterField, numberField } from '../../components/controls.js';
import { choiceField, controlRow, summaryLine } from './controls.js';
import { UI_KEYS, uiChoice, uiInteger, uiText } from './uiState.js';

export const BARS_DEFAULT_TOP_N = 50;
export const GRID_DEFAULT_TOP_N = 24;

export function perClassPanel(view: EvaluationView, ctx: ViewContext, fileBase: string): HTMLElement[] {
  return [perClassTable(view, ctx), perClassBars(view, ctx, fileBase), confusionGrid(view, ctx, fileBase)];
}

const count = (v: string | number | null) => (typeof v === 'number' ? formatInteger(v) : MISSING);
const metric = (v: string | number | null) => (typeof v === 'number' ? formatMetric(v) : MISSING);

function perClassTable(view: EvaluationView, ctx: ViewContext): HTMLElement {
  const tint = metricTint;
  const columns: VirtualTableOptions['columns'] = [
    { key: 'label', title: 'Label', tooltip: `Label name; a warning sign marks rare labels (fewer than ${RARE_SUPPORT} positives), whose metrics rest on few rows.` },
    { key: 'band', title: 'Band', tooltip: 'Frequency band: head, medium or tail by support.' },
    { key: 'support', title: 'Support', numeric: true, format: count, tooltip: 'Positives in the truth (TP + FN).' },
    { key: 'prevalence', title: 'Prevalence', numeric: true, format: (v) => (typeof v === 'number' ? formatShare(v) : MISSING), tooltip: 'Share of rows that have the label.' },
    { key: 'tp', title: 'TP', numeric: true, format: count, tooltip: 'True positives at the threshold in force.' },
    { key: 'fp', title: 'FP', numeric: true, format: count, tooltip: 'False positives.' },
    { key: 'fn', title: 'FN', numeric: true, format: count, tooltip: 'False negatives (missed).' },
    { key: 'tn', title: 'TN', numeric: true, format: count, tooltip: 'True negatives.' },
    { key: 'precision', title: 'Precision', numeric: true, format: metric, tint, tooltip: 'TP / (TP + FP).' },
    { key: 'recall', title: 'Recall', numeric: true, format: metric, tint, tooltip: 'TP / (TP + FN).' },
    { key: 'f1', title: 'F1', numeric: true, format: metric, tint, tooltip: 'Harmonic mean of precision and recall.' },
    { key: 'ap', title: 'AP', numeric: true, format: metric, tooltip: 'Average precision: the area under the label’s PR curve (threshold-free).' },
    { key: 'rocAuc', title: 'ROC-AUC', numeric: true, format: metric, tooltip: 'Area under the ROC curve; — when the truth has only one class for the label (see Note).' },
    { key: 'threshold', title: 'Threshold', numeric: true, format: (v) => (typeof v === 'number' ? formatThreshold(v) : MISSING), tooltip: 'Threshold in force: predicted when score ≥ threshold.' },
    { key: 'note', title: 'Note', tooltip: 'Why a value is undefined or a default was kept.' },
  ];
  const keys = columns.map((c) => c.key);
  const sort = parseSort(uiText(ctx, UI_KEYS.tableSort, 'support:desc'), keys) ?? { key: 'support', descending: true };
  return h2Section('Per-class metrics', `Every label at the thresholds in force. Click a header to sort; precision, recall and F1 are shaded from low to high.`, [
    h('div', { className: 'ev-per-class-table' }, [ctx.virtualTable({
      columns,
      rows: perClassRows(view.report),
      sort,
      filterKey: 'label',
      filter: uiText(ctx, UI_KEYS.tableFilter),
      onChange: (s, filter) => {
        if (s.key !== '') ctx.setUi(UI_KEYS.tableSort, formatSort(s));
        ctx.setUi(UI_KEYS.tableFilter, filter);
      },
      highlight: (row) => row.rare === 1,
      ariaLabel: 'Per-class metrics',
    })]),
  ]);
}

function h2Section(title: string, description: string, children: HTMLElement[]): HTMLElement {
  return h('section', { className: 'ev-section' }, [...sectionHeading('h2', title, description), ...children]);
}

function perClassBars(view: EvaluationView, ctx: ViewContext, fileBase: string): HTMLElement {
  const perLabel = view.report.perLabel;
  const labels = perLabel.length;
  const state = {
    topN: uiInteger(ctx, UI_KEYS.barsTopN, BARS_DEFAULT_TOP_N, 1, 200),
    // Past the top N, the most frequent labels alone would hide the fall-off: spread them over the ranking.
    pick: uiChoice<LabelPick>(ctx, UI_KEYS.barsPick, ['head', 'tail', 'spread'], labels > BARS_DEFAULT_TOP_N ? 'spread' : 'head'),
    filter: uiText(ctx, UI_KEYS.barsFilter),
  };
  const summary = summaryLine();
  const controls = controlRow('Per-class bar chart options', [
    numberField('Labels', state.topN, 1, 200, (n) => {
      state.topN = n;
      ctx.setUi(UI_KEYS.barsTopN, n);
      block.update();
    }),
    choiceField<LabelPick>('Which', LABEL_PICKS, state.pick, (pick) => {
      state.pick = pick;
      ctx.setUi(UI_KEYS.barsPick, pick);
      block.update();
    }),
    filterField('Filter labels', 'Filter the labels of the bar chart', state.filter, (filter) => {
      state.filter = filter;
      ctx.setUi(UI_KEYS.barsFilter, filter);
      block.update();
    }),
  ]);
  const block = chartBlock(labels > 1 ? controls : null, summary, () => {
    const data = perClassBarsData(perLabel, state);
    const how = { head: 'the most frequent', tail: 'the rarest', spread: 'spread evenly over the frequency ranking' }[state.pick];
    summary.textContent = `${selectionSummary(data.selected)}: ${how}, most frequent first`;
    return ctx.chartCard({
      title: 'Precision, recall and F1 by label frequency',
      description: 'Labels from the most to the least frequent (support above, log scale; rare labels in the warning colour). The drop on the right is what class imbalance costs.',
      spec: (theme) => perClassBarsSpec(perLabel, theme, state),
      table: {
        columns: [
          { key: 'label', title: 'Label' },
          { key: 'support', title: 'Support', numeric: true },
          { key: 'Precision', title: 'Precision', numeric: true },
          { key: 'Recall', title: 'Recall', numeric: true },
          { key: 'F1', title: 'F1', numeric: true },
        ],
        rows: data.selected.labels.map((l) => ({ label: l.name, support: l.support, Precision: l.precision, Recall: l.recall, F1: l.f1 })),
      },
      fileName: `${fileBase}-per-class-prf`,
    });
  });
  return block.element;
}

function confusionGrid(view: EvaluationView, ctx: ViewContext, fileBase: string): HTMLElement {
  const perLabel = view.report.perLabel;
  const state = {
    topN: uiInteger(ctx, UI_KEYS.gridTopN, GRID_DEFAULT_TOP_N, 1, 60),
    filter: uiText(ctx, UI_KEYS.gridFilter),
  };
  const summary = summaryLine();
  const controls = controlRow('Confusion matrix options', [
    numberField('Labels', state.topN, 1, 60, (n) => {
      state.topN = n;
      ctx.setUi(UI_KEYS.gridTopN, n);
      block.update();
    }),
    filterField('Filter labels', 'Filter the labels of the confusion matrices', state.filter, (filter) => {
      state.filter = filter;
      ctx.setUi(UI_KEYS.gridFilter, filter);
      block.update();
    }),
  ]);
  const block = chartBlock(perLabel.length > 1 ? controls : null, summary, () => {
    const data = confusionGridData(perLabel, state);
    summary.textContent = `${selectionSummary(data.selected)}, most frequent first`;
    return ctx.chartCard({
      title: 'Confusion matrix per label',
      description: 'Rows: the truth (1 = has the label); columns: the prediction. Shading is the share of the actual class, so the TP cell shows recall and the FP cell the false-positive rate.',
      spec: (theme) => confusionGridSpec(perLabel, theme, state),
      table: {
        columns: [
          { key: 'label', title: 'Label' },
          { key: 'TP', title: 'TP', numeric: true },
          { key: 'FN', title: 'FN', numeric: true },
          { key: 'FP', title: 'FP', numeric: true },
          { key: 'TN', title: 'TN', numeric: true },
        ],
        rows: data.selected.labels.map((l) => ({ label: l.name, TP: l.tp, FN: l.fn, FP: l.fp, TN: l.tn })),
      },
      fileName: `${fileBase}-confusion-per-label`,
    });
  });
  return block.element;
}
