/**
 * The end of a run: the recommended strategy with its reason, the metrics of every finished
 * strategy as a table (validation macro-F1, which the recommendation is chosen on, then the test
 * metrics, fixed threshold 0.5 and tuned thresholds side by side; the recommended row starred),
 * and for a comparison the test numbers as grouped bars.
 */
import type { TrainingView } from '../../../src/protocol/dashboard.js';
import { crossValidated, heldOutRowsText, thresholdsInForce, thresholdsName, tunesThresholds } from '../../../src/protocol/training.js';
import { codicon, h, sectionHeading } from '../components/dom.js';
import { baseName } from '../format.js';
import { formatMetric } from '../evaluation/format.js';
import type { ViewContext } from '../viewContext.js';
import { strategyMetricBars, strategyMetricsSpec } from './specs/strategyMetrics.js';
import { comparisonRows, usesTuned, type ComparisonRow } from './trainingModel.js';

export function comparisonSection(view: TrainingView, ctx: ViewContext): HTMLElement | null {
  const rows = comparisonRows(view);
  const s = view.summary;
  if (rows.length === 0) {
    if (!(view.live && s.kind === 'compare')) return null;
    return h('section', { className: 'ev-section', attrs: { 'aria-label': 'Comparison' } }, [
      ...sectionHeading('h2', 'Test-split comparison', 'Each strategy’s test metrics appear here as it finishes.'),
    ]);
  }
  const tuned = usesTuned(view);
  const heldOut = tunesThresholds(s.split);
  const isCrossValidated = crossValidated(s.split);
  const outOfFold = isCrossValidated ? 'each fold scored at the thresholds tuned on the other folds' : 'each half of the validation rows scored at the thresholds tuned on the other half';
  const columns = isCrossValidated ? 'out-of-fold' : 'validation';
  const choice =
    s.kind === 'compare'
      ? `The recommendation is chosen on the ${columns} columns (there, tuned means ${outOfFold}), never on the test rows: thresholds are tuned when tuning raises the median strategy’s figure there, and then the best strategy in that column wins.`
      : `In the ${columns} columns, tuned means ${outOfFold}; the tuned thresholds are in force only when they beat 0.5 there.`;
  // Shaded test columns: the thresholds the run's predictions and headline use (none while training, or for a comparison stopped before its recommendation).
  const inForce = view.live ? undefined : thresholdsInForce(s);
  const shaded = inForce ? ` Shaded: the test columns at the thresholds in force (${thresholdsName(inForce === 'tuned')}).` : '';
  const thresholds = heldOut
    ? `Fixed: every label at 0.5. Tuned: per label, the threshold of highest F1 on ${heldOutRowsText(s.split)}, applied to the test rows. ${choice} mAP does not depend on thresholds.${shaded}`
    : `No validation rows, so no thresholds were tuned: every label stays at 0.5 (the tuned columns repeat the fixed ones). mAP does not depend on thresholds.${shaded}`;
  const title = s.kind === 'compare' ? 'Test-split comparison' : 'Test-split metrics';
  return h('section', { className: 'ev-section', attrs: { 'aria-label': title } }, [
    ...sectionHeading('h2', title, `${s.split.test.toLocaleString('en-US')} test rows (${s.split.source}).`),
    recommendation(view) ?? thresholdsNote(view),
    h('p', { className: 'card-description', text: thresholds }),
    metricsTable(rows, heldOut, isCrossValidated, inForce),
    s.kind === 'compare' && rows.length > 1
      ? ctx.chartCard({
          title: 'Test metrics by strategy',
          description: `At ${tuned ? 'the tuned thresholds' : 'the threshold 0.5'}; higher is better. Tail F1 is the macro-F1 of the rarest third of the labels.`,
          spec: (theme) => strategyMetricsSpec(s.strategies, s.recommendation?.strategy, tuned, theme),
          table: {
            columns: [
              { key: 'strategy', title: 'Strategy' },
              { key: 'metric', title: 'Metric' },
              { key: 'value', title: 'Value', numeric: true },
            ],
            rows: strategyMetricBars(s.strategies, tuned),
          },
          fileName: `${baseName(view.file)}-strategies`,
        })
      : null,
  ]);
}

function recommendation(view: TrainingView): HTMLElement | null {
  const r = view.summary.recommendation;
  if (!r) return null;
  return h('p', { className: 'ev-headline', attrs: { role: 'note' } }, [codicon('star-full'), ' ', h('strong', { text: `Recommended: ${r.strategy}. ` }), r.reason]);
}

/** A single strategy's thresholds in force and why (run.json's thresholdsReason), where a comparison gives its recommendation. */
function thresholdsNote(view: TrainingView): HTMLElement | null {
  const { thresholdsTuned, thresholdsReason } = view.summary;
  if (thresholdsTuned === undefined || !thresholdsReason) return null;
  const reason = thresholdsReason.charAt(0).toUpperCase() + thresholdsReason.slice(1);
  return h('p', { className: 'ev-headline', attrs: { role: 'note' } }, [codicon('settings'), ' ', h('strong', { text: `Thresholds in force: ${thresholdsName(thresholdsTuned)}. ` }), `${reason}.`]);
}

const GROUPS = [
  { title: 'Macro-F1', pick: (m: ComparisonRow['fixed']) => m.macroF1 },
  { title: 'Micro-F1', pick: (m: ComparisonRow['fixed']) => m.microF1 },
  { title: 'Tail F1', pick: (m: ComparisonRow['fixed']) => m.tailF1 },
];

/** Strategy | validation macro-F1 at 0.5 and tuned | test macro, micro, tail F1 each at 0.5 and tuned | mAP | epochs. The recommended row is starred and bold; the test columns at the thresholds in force are shaded. */
function metricsTable(rows: ComparisonRow[], hasValidation: boolean, isCrossValidated: boolean, inForce: 'tuned' | 'fixed' | undefined): HTMLElement {
  const th = (text: string, attrs: Record<string, string | number> = {}) => h('th', { text, attrs: { scope: 'col', ...attrs } });
  const IN_FORCE = 'The thresholds in force: the run’s predictions and headline are at these';
  const testHead = (side: 'fixed' | 'tuned', text: string, title: string) =>
    side === inForce ? h('th', { className: 'num in-force', attrs: { scope: 'col', title: `${title}. ${IN_FORCE}.` } }, [text, h('span', { className: 'visually-hidden', text: ' (in force)' })]) : th(text, { class: 'num', title });
  const head = h('thead', {}, [
    h('tr', {}, [
      th('Strategy', { rowspan: 2 }),
      ...(hasValidation ? [th(isCrossValidated ? 'Out-of-fold macro-F1' : 'Validation macro-F1', { colspan: 2, class: 'num', title: 'What the recommendation is chosen on' })] : []),
      ...GROUPS.map((g) => th(`Test ${g.title.charAt(0).toLowerCase()}${g.title.slice(1)}`, { colspan: 2, class: 'num' })),
      th('mAP', { rowspan: 2, class: 'num', title: 'Macro average precision: threshold-free' }),
      th('Epochs', { rowspan: 2, class: 'num', title: 'Epochs trained (the best one is the model kept)' }),
    ]),
    h('tr', {}, [
      ...(hasValidation ? [th('0.5', { class: 'num', title: 'Every label at the threshold 0.5' }), th('tuned', { class: 'num', title: isCrossValidated ? 'Each fold at the thresholds tuned on the other folds' : 'Each half of the validation rows at the thresholds tuned on the other half' })] : []),
      ...GROUPS.flatMap(() => [testHead('fixed', '0.5', 'Every label at the threshold 0.5'), testHead('tuned', hasValidation ? 'tuned' : 'tuned (= 0.5)', 'Per-label thresholds tuned on validation')]),
    ]),
  ]);
  const body = h(
    'tbody',
    {},
    rows.map((row) => {
      const cell = (text: string, side?: 'fixed' | 'tuned') => {
        const td = h('td', { className: side !== undefined && side === inForce ? 'num in-force' : 'num' });
        td.append(row.recommended ? h('strong', { text }) : text);
        return td;
      };
      const name = h('th', { attrs: { scope: 'row' } }, row.recommended ? [codicon('star-full'), ' ', h('strong', { text: row.strategy }), h('span', { className: 'visually-hidden', text: ' (recommended)' })] : [row.strategy]);
      return h('tr', { className: row.recommended ? 'recommended' : '' }, [
        name,
        ...(hasValidation ? [cell(row.validation ? formatMetric(row.validation.fixed.macroF1) : '–'), cell(row.validation ? formatMetric(row.validation.tuned.macroF1) : '–')] : []),
        ...GROUPS.flatMap((g) => [cell(formatMetric(g.pick(row.fixed)), 'fixed'), cell(formatMetric(g.pick(row.tuned)), 'tuned')]),
        cell(formatMetric(row.tuned.mAP)),
        cell(row.epochs),
      ]);
    }),
  );
  return h('div', { className: 'table-scroll' }, [h('table', { className: 'data-table training-comparison' }, [h('caption', { className: 'visually-hidden', text: 'Validation and test-split metrics per strategy' }), head, body])]);
}
