/**
 * The Thresholds tab: what per-label thresholds tuned for F1 change (headline, the caveat, every
 * metric before and after, a dumbbell per label, all thresholds in a table) and the export
 * buttons; or, when the evaluation was not tuned, how to get tuning.
 */
import type { TuningReport } from '../../../../src/core/analysis/evaluatePredictions.js';
import type { EvaluationView } from '../../../../src/protocol/dashboard.js';
import { dataTable } from '../../components/dataTable.js';
import { button, codicon, h, sectionHeading } from '../../components/dom.js';
import { formatInteger } from '../../format.js';
import type { ViewContext } from '../../viewContext.js';
import { formatChange, formatMetric, formatThreshold, MISSING } from '../format.js';
import { tuningData, tuningRows, tuningSpec, type TuningOrder } from '../specs/tuning.js';
import { beforeAfterRows, labelsImproved, macroHeadline } from '../tuningSummary.js';
import { chartBlock } from './chartBlock.js';
import { filterField, numberField } from '../../components/controls.js';
import { choiceField, controlRow, summaryLine } from './controls.js';
import { UI_KEYS, uiChoice, uiInteger, uiText } from './uiState.js';

export const TUNING_DEFAULT_TOP_N = 40;

type Report = EvaluationView['report'];

export function tuningPanel(view: EvaluationView, ctx: ViewContext, fileBase: string): HTMLElement[] {
  const tuning = view.report.tuning;
  if (tuning === null) return [notTuned(ctx)];
  return [headline(view.report, tuning, ctx), beforeAfter(view.report, tuning), dumbbell(view, tuning, ctx, fileBase), thresholdsTable(view, tuning, ctx)];
}

function notTuned(ctx: ViewContext): HTMLElement {
  return h('section', { className: 'ev-section ev-not-tuned' }, [
    ...sectionHeading('h2', 'Per-label thresholds were not tuned'),
    h('p', {
      text: 'This evaluation used the thresholds shown in the per-class table. To see, per label, the threshold that maximises F1 and what it would change, evaluate again with tuning:',
    }),
    h('ul', {}, [
      h('li', {}, ['In VS Code: turn on the setting ', h('code', { text: 'imbalanceLens.tuneThresholds' }), ' (Imbalance Lens: Tune Thresholds), then refresh this view.']),
      h('li', {}, ['On the command line: add ', h('code', { text: '--tune-thresholds' }), ' to ', h('code', { text: 'imbalance-lens evaluate' }), '.']),
    ]),
    h('div', { className: 'ev-actions' }, [button('Refresh', { icon: 'refresh', onClick: () => ctx.post({ type: 'refresh' }), title: 'Evaluate the files again with the current settings' })]),
  ]);
}

function headline(report: Report, tuning: TuningReport, ctx: ViewContext): HTMLElement {
  const improved = labelsImproved(tuning);
  return h('section', { className: 'ev-section' }, [
    ...sectionHeading('h2', 'Per-label thresholds tuned for F1'),
    h('p', { className: 'ev-headline' }, [
      h('strong', { text: macroHeadline(tuning) }),
      `; micro F1 ${formatMetric(tuning.microF1Before)} → ${formatMetric(tuning.microF1After)} (${formatChange(tuning.microF1After - tuning.microF1Before)}). `,
      `F1 rises for ${formatInteger(improved)} of ${formatInteger(report.labels)} labels.`,
    ]),
    h('p', { className: 'ev-caveat', attrs: { role: 'note' } }, [codicon('warning'), ' ', tuning.caveat]),
    h('div', { className: 'ev-actions' }, [
      button('Export thresholds (JSON)…', { icon: 'save', onClick: () => ctx.post({ type: 'exportThresholds' }), title: 'Save the tuned thresholds as a JSON file (read back with --thresholds FILE)' }),
      button('Copy as PyTorch', { icon: 'copy', secondary: true, onClick: () => ctx.post({ type: 'copyThresholds', format: 'pytorch' }), title: 'Copy the thresholds as a torch.tensor, in label order' }),
      button('Copy as JSON', { icon: 'copy', secondary: true, onClick: () => ctx.post({ type: 'copyThresholds', format: 'json' }), title: 'Copy the thresholds as JSON: { "thresholds": { label: value } }' }),
    ]),
  ]);
}

function beforeAfter(report: Report, tuning: TuningReport): HTMLElement {
  const rows = beforeAfterRows(report, tuning).map((r) => ({
    metric: r.lowerIsBetter ? `${r.metric} (lower is better)` : r.metric,
    before: formatMetric(r.before, 4),
    after: formatMetric(r.after, 4),
    change: r.before === null || r.after === null ? MISSING : formatChange(r.after - r.before, 4),
  }));
  const table = dataTable(
    {
      columns: [
        { key: 'metric', title: 'Metric' },
        { key: 'before', title: 'Thresholds in force', numeric: true },
        { key: 'after', title: 'Tuned thresholds', numeric: true },
        { key: 'change', title: 'Change', numeric: true },
      ],
      rows,
    },
    'Metrics before and after tuning',
  );
  table.classList.add('ev-before-after');
  return h('section', { className: 'ev-section' }, [h('div', { className: 'ev-table-wrap' }, [table])]);
}

function dumbbell(view: EvaluationView, tuning: TuningReport, ctx: ViewContext, fileBase: string): HTMLElement {
  const perLabel = view.report.perLabel;
  const state = {
    order: uiChoice<TuningOrder>(ctx, UI_KEYS.tuningOrder, ['support', 'change'], 'support'),
    topN: uiInteger(ctx, UI_KEYS.tuningTopN, TUNING_DEFAULT_TOP_N, 1, 200),
    filter: uiText(ctx, UI_KEYS.tuningFilter),
  };
  const summary = summaryLine();
  const controls = controlRow('Tuning chart options', [
    numberField('Labels', state.topN, 1, 200, (n) => {
      state.topN = n;
      ctx.setUi(UI_KEYS.tuningTopN, n);
      block.update();
    }),
    choiceField<TuningOrder>(
      'Order',
      [
        { value: 'support', title: 'most frequent first' },
        { value: 'change', title: 'largest change first' },
      ],
      state.order,
      (order) => {
        state.order = order;
        ctx.setUi(UI_KEYS.tuningOrder, order);
        block.update();
      },
    ),
    filterField('Filter labels', 'Filter the labels of the tuning chart', state.filter, (filter) => {
      state.filter = filter;
      ctx.setUi(UI_KEYS.tuningFilter, filter);
      block.update();
    }),
  ]);
  const block = chartBlock(controls, summary, () => {
    const data = tuningData(tuning, perLabel, state);
    const of = data.matching === data.total ? `${formatInteger(data.total)}` : `${formatInteger(data.matching)} matching`;
    summary.textContent = `${formatInteger(data.rows.length)} of ${of} labels`;
    return ctx.chartCard({
      title: 'F1 per label, before and after tuning',
      description: 'Hollow: F1 at the threshold in force; filled: F1 at the label’s tuned threshold. A red bar marks a label whose F1 fell.',
      spec: (theme) => tuningSpec(tuning, perLabel, theme, state),
      table: {
        columns: [
          { key: 'label', title: 'Label' },
          { key: 'support', title: 'Support', numeric: true },
          { key: 'thresholdBefore', title: 'Threshold in force', numeric: true },
          { key: 'threshold', title: 'Tuned threshold', numeric: true },
          { key: 'before', title: 'F1 before', numeric: true },
          { key: 'after', title: 'F1 after', numeric: true },
          { key: 'change', title: 'Change', numeric: true },
        ],
        rows: data.rows.map((r) => ({ label: r.label, support: r.support, thresholdBefore: r.thresholdBefore, threshold: r.threshold, before: r.before, after: r.after, change: r.change })),
      },
      fileName: `${fileBase}-tuning`,
    });
  });
  return block.element;
}

function thresholdsTable(view: EvaluationView, tuning: TuningReport, ctx: ViewContext): HTMLElement {
  const metric = (v: string | number | null) => (typeof v === 'number' ? formatMetric(v) : MISSING);
  const threshold = (v: string | number | null) => (typeof v === 'number' ? formatThreshold(v) : MISSING);
  const rows = tuningRows(tuning, view.report.perLabel).map((r) => ({
    label: r.label,
    support: r.support,
    thresholdBefore: r.thresholdBefore,
    threshold: r.threshold,
    before: r.before,
    after: r.after,
    change: r.change,
    note: r.note ?? '',
  }));
  return h('section', { className: 'ev-section' }, [
    ...sectionHeading('h3', 'All tuned thresholds'),
    ctx.virtualTable({
      columns: [
        { key: 'label', title: 'Label' },
        { key: 'support', title: 'Support', numeric: true, format: (v) => (typeof v === 'number' ? formatInteger(v) : MISSING) },
        { key: 'thresholdBefore', title: 'In force', numeric: true, format: threshold, tooltip: 'The threshold in force before tuning.' },
        { key: 'threshold', title: 'Tuned', numeric: true, format: threshold, tooltip: 'The threshold that maximises the label’s F1 on these rows.' },
        { key: 'before', title: 'F1 before', numeric: true, format: metric },
        { key: 'after', title: 'F1 after', numeric: true, format: metric },
        { key: 'change', title: 'Change', numeric: true, format: (v) => (typeof v === 'number' ? formatChange(v) : MISSING) },
        { key: 'note', title: 'Note' },
      ],
      rows,
      sort: { key: 'support', descending: true },
      filterKey: 'label',
      ariaLabel: 'Tuned thresholds per label',
    }),
  ]);
}
