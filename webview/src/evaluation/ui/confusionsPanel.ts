/**
 * The Confusions tab: which label gets predicted when another is missed. A heatmap of the pair
 * matrix over the top N labels when the report has the matrix (up to 200 labels), else the list
 * of the most frequent pairs as bars, with the full list in a table either way.
 */
import type { EvaluationView } from '../../../../src/protocol/dashboard.js';
import { h, sectionHeading } from '../../components/dom.js';
import { formatInteger, formatPercent } from '../../format.js';
import type { ViewContext } from '../../viewContext.js';
import { MISSING } from '../format.js';
import { selectionSummary } from '../labelSelection.js';
import { confusedHeatmapData, confusedHeatmapSpec, confusedPairsData, confusedPairsSpec, type HeatmapShade } from '../specs/confusedPairs.js';
import { chartBlock } from './chartBlock.js';
import { filterField, numberField } from '../../components/controls.js';
import { choiceField, controlRow, summaryLine } from './controls.js';
import { UI_KEYS, uiChoice, uiInteger, uiText } from './uiState.js';

export const HEATMAP_DEFAULT_TOP_N = 20;
export const PAIRS_DEFAULT_TOP_N = 25;

export function confusionsPanel(view: EvaluationView, ctx: ViewContext, fileBase: string): HTMLElement[] {
  const r = view.report;
  const intro = h('section', { className: 'ev-section' }, [
    ...sectionHeading(
      'h2',
      'Predicted b instead of a',
      'Rows where label a is true but missed while label b is predicted but not true: the labels the model mixes up.',
    ),
  ]);
  if (r.confusedPairs.length === 0) {
    intro.append(h('p', { className: 'ev-empty', text: 'No such rows: whenever a label was missed, no other label was wrongly predicted in the same row.' }));
    return [intro];
  }
  const chart = r.confusedMatrix === null ? pairsBars(view, ctx, fileBase) : heatmap(view, r.confusedMatrix, ctx, fileBase);
  return [intro, chart, pairsTable(view, ctx)];
}

function heatmap(view: EvaluationView, matrix: number[][], ctx: ViewContext, fileBase: string): HTMLElement {
  const perLabel = view.report.perLabel;
  const state = {
    topN: uiInteger(ctx, UI_KEYS.pairsTopN, Math.min(HEATMAP_DEFAULT_TOP_N, perLabel.length), 2, 60),
    filter: uiText(ctx, UI_KEYS.pairsFilter),
    shade: uiChoice<HeatmapShade>(ctx, UI_KEYS.pairsShade, ['count', 'rateOfTrue'], 'count'),
  };
  const summary = summaryLine();
  const controls = controlRow('Heatmap options', [
    numberField('Labels', state.topN, 2, 60, (n) => {
      state.topN = n;
      ctx.setUi(UI_KEYS.pairsTopN, n);
      block.update();
    }),
    choiceField<HeatmapShade>(
      'Shade by',
      [
        { value: 'count', title: 'rows' },
        { value: 'rateOfTrue', title: 'share of the missed label' },
      ],
      state.shade,
      (shade) => {
        state.shade = shade;
        ctx.setUi(UI_KEYS.pairsShade, shade);
        block.update();
      },
    ),
    filterField('Filter labels', 'Filter the labels of the heatmap', state.filter, (filter) => {
      state.filter = filter;
      ctx.setUi(UI_KEYS.pairsFilter, filter);
      block.update();
    }),
  ]);
  const block = chartBlock(controls, summary, () => {
    const data = confusedHeatmapData(perLabel, matrix, state);
    summary.textContent = `${selectionSummary(data.selected)}, most frequent first`;
    return ctx.chartCard({
      title: 'Missed label (row) and the label predicted instead (column)',
      description: 'Each cell counts rows where the row label was missed while the column label was wrongly predicted; shaded by rows, or by their share of the row label’s positives (which lets rare labels stand out).',
      spec: (theme) => confusedHeatmapSpec(perLabel, matrix, theme, state),
      table: {
        columns: [
          { key: 'trueLabel', title: 'True label (missed)' },
          { key: 'predictedLabel', title: 'Predicted instead' },
          { key: 'count', title: 'Rows', numeric: true },
          { key: 'rateOfTrue', title: 'Share of true label', numeric: true },
        ],
        rows: data.cells.map((c) => ({ ...c })),
      },
      fileName: `${fileBase}-confused-heatmap`,
    });
  });
  return block.element;
}

function pairsBars(view: EvaluationView, ctx: ViewContext, fileBase: string): HTMLElement {
  const pairs = view.report.confusedPairs;
  const state = {
    topN: uiInteger(ctx, UI_KEYS.pairsTopN, Math.min(PAIRS_DEFAULT_TOP_N, pairs.length), 1, Math.max(1, pairs.length)),
    filter: uiText(ctx, UI_KEYS.pairsFilter),
  };
  const summary = summaryLine();
  const controls = controlRow('Confused pairs options', [
    numberField('Pairs', state.topN, 1, Math.max(1, pairs.length), (n) => {
      state.topN = n;
      ctx.setUi(UI_KEYS.pairsTopN, n);
      block.update();
    }),
    filterField('Filter labels', 'Filter the pairs by either label', state.filter, (filter) => {
      state.filter = filter;
      ctx.setUi(UI_KEYS.pairsFilter, filter);
      block.update();
    }),
  ]);
  const block = chartBlock(controls, summary, () => {
    const rows = confusedPairsData(pairs, state);
    summary.textContent = `${rows.length} of the ${pairs.length} most frequent pairs (the report lists no more; ${view.report.labels.toLocaleString('en-US')} labels are too many for the full matrix)`;
    return ctx.chartCard({
      title: 'Most frequent confusions',
      description: 'Missed label → label predicted instead, by number of rows; the percentage is the share of the missed label’s positives.',
      spec: (theme) => confusedPairsSpec(pairs, theme, state),
      table: {
        columns: [
          { key: 'trueLabel', title: 'True label (missed)' },
          { key: 'predictedLabel', title: 'Predicted instead' },
          { key: 'count', title: 'Rows', numeric: true },
          { key: 'rateOfTrue', title: 'Share of true label', numeric: true },
        ],
        rows: rows.map((p) => ({ trueLabel: p.trueLabel, predictedLabel: p.predictedLabel, count: p.count, rateOfTrue: p.rateOfTrue })),
      },
      fileName: `${fileBase}-confused-pairs`,
    });
  });
  return block.element;
}

function pairsTable(view: EvaluationView, ctx: ViewContext): HTMLElement {
  const pairs = view.report.confusedPairs;
  return h('section', { className: 'ev-section' }, [
    ...sectionHeading('h3', `The ${pairs.length} most frequent pairs`),
    ctx.virtualTable({
      columns: [
        { key: 'trueLabel', title: 'True label (missed)' },
        { key: 'predictedLabel', title: 'Predicted instead' },
        { key: 'count', title: 'Rows', numeric: true, format: (v) => (typeof v === 'number' ? formatInteger(v) : MISSING) },
        { key: 'rateOfTrue', title: 'Share', numeric: true, format: (v) => (typeof v === 'number' ? formatPercent(v) : MISSING), tooltip: 'Rows of the pair as a share of the positives of the true label.' },
      ],
      rows: pairs.map((p) => ({ trueLabel: p.trueLabel, predictedLabel: p.predictedLabel, count: p.count, rateOfTrue: p.rateOfTrue })),
      sort: { key: 'count', descending: true },
      filterKey: 'trueLabel',
      ariaLabel: 'Confused label pairs',
    }),
  ]);
}
