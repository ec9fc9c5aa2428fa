/**
 * The training curves: loss (training solid, validation dashed) and validation macro-F1 per
 * epoch for every strategy, and the per-class validation F1 of one strategy over the epochs as a
 * heatmap. In a cross-validated run the validation figures are out of fold: every training row
 * scored by the fold model that did not train on it. Redrawn as a live run moves on (the caller throttles); each card keeps its height while
 * its new chart draws, so the page does not jump.
 */
import type { TrainingView } from '../../../src/protocol/dashboard.js';
import { checkbox } from '../components/controls.js';
import { h, sectionHeading } from '../components/dom.js';
import { choiceField, controlRow } from '../evaluation/ui/controls.js';
import { baseName } from '../format.js';
import type { ViewContext } from '../viewContext.js';
import { heatmapCells, perClassHeatmapSpec } from './specs/perClassHeatmap.js';
import { lossCurvesSpec, lossPoints } from './specs/lossCurves.js';
import { validationF1Points, validationF1Spec } from './specs/validationF1.js';
import { chartMaxEpoch, heatmapStrategy } from './trainingModel.js';

export const UI = { lossLog: 'training.loss.log', heatmap: 'training.heatmap.strategy' } as const;

export interface CurvesSection {
  element: HTMLElement;
  /** Draw the charts again from the (updated) view. */
  redraw(): void;
}

/** Replaces a slot's card, holding the slot's height until the new chart has had time to draw. */
function refill(slot: HTMLElement, content: HTMLElement): void {
  const height = slot.offsetHeight;
  if (height > 0) {
    slot.style.minHeight = `${height}px`;
    setTimeout(() => (slot.style.minHeight = ''), 1500);
  }
  slot.replaceChildren(content);
}

export function curvesSection(view: TrainingView, ctx: ViewContext): CurvesSection {
  const fileBase = baseName(view.file);
  let log = ctx.ui(UI.lossLog, view.strategies.length > 1);
  let picked = ctx.ui<string>(UI.heatmap, '');
  const folds = view.summary.split.folds ?? 0;
  // What "validation" means in this run: the validation rows, or the out-of-fold scores of every training row.
  const validation = folds > 1 ? 'out-of-fold' : 'validation';
  const lossSlot = h('div', { className: 'chart-slot' });
  const f1Slot = h('div', { className: 'chart-slot' });
  const heatControls = h('div');
  const heatSlot = h('div', { className: 'chart-slot' });
  let heatStrategies = '';

  const noEpochYet = () => h('p', { className: 'empty-note', text: 'No epoch trained yet: the curves appear with the first one.' });

  const lossCard = () =>
    lossPoints(view.history).length === 0
      ? noEpochYet()
      : ctx.chartCard({
      title: 'Loss per epoch',
      description: `Training loss solid, ${folds > 1 ? `out-of-fold validation loss dashed (the ${folds} fold models' training losses averaged, their held-out losses pooled)` : 'validation loss dashed'}. Each loss function has its own scale, so compare shapes, not heights across losses: a validation loss that turns up while the training loss still falls is overfitting.`,
      spec: (theme) => lossCurvesSpec(view, theme, { log, maxEpoch: chartMaxEpoch(view) }),
      table: {
        columns: [
          { key: 'strategy', title: 'Strategy' },
          { key: 'split', title: 'Loss on' },
          { key: 'epoch', title: 'Epoch', numeric: true },
          { key: 'loss', title: 'Loss', numeric: true },
        ],
        rows: lossPoints(view.history),
      },
      fileName: `${fileBase}-loss`,
    });

  const f1Card = () => {
    const points = validationF1Points(view.history);
    if (view.history.every((x) => x.records.length === 0)) return noEpochYet();
    if (points.length === 0 && view.history.some((x) => x.records.length > 0)) {
      // Runs cross-validated before the pooled curve existed (their folds stopped one by one): folds.jsonl only.
      const text =
        folds > 1
          ? `This run cross-validated the training rows (${folds} folds) with an earlier version, which stopped each fold model on its own held-out fold and kept no pooled curve: the fold epochs are in folds.jsonl of each strategy's folder.`
          : 'No validation rows in this run (patience 0 on a dataset without a validation part), so there is no validation macro-F1 to draw.';
      return h('p', { className: 'empty-note', text });
    }
    return ctx.chartCard({
      title: folds > 1 ? 'Out-of-fold macro-F1 per epoch' : 'Validation macro-F1 per epoch',
      description:
        folds > 1
          ? `At the threshold 0.5, as early stopping measures it, on every training row scored by the one of the ${folds} fold models (trained side by side) that did not train on it. The ring marks each strategy’s best epoch: its final model trains that many epochs on every training row.`
          : 'At the threshold 0.5, as early stopping measures it; the ring marks each strategy’s best epoch, whose model is the one kept.',
      spec: (theme) => validationF1Spec({ strategies: view.strategies, history: view.history, results: view.summary.strategies }, theme, { maxEpoch: chartMaxEpoch(view), scoredOn: folds > 1 ? 'Out-of-fold' : 'Validation' }),
      table: {
        columns: [
          { key: 'strategy', title: 'Strategy' },
          { key: 'epoch', title: 'Epoch', numeric: true },
          { key: 'macroF1', title: folds > 1 ? 'Out-of-fold macro-F1' : 'Validation macro-F1', numeric: true },
        ],
        rows: points,
      },
      fileName: `${fileBase}-validation-macro-f1`,
    });
  };

  const heatCard = () => {
    const strategy = heatmapStrategy(view, picked);
    const records = view.history.find((x) => x.strategy === strategy)?.records ?? [];
    const cells = heatmapCells(records, view.summary.labelNames);
    if (cells.length === 0) {
      return h('p', { className: 'empty-note', text: strategy === undefined ? 'No strategy has trained an epoch yet.' : `No per-class ${validation} F1 for ${strategy} yet.` });
    }
    return ctx.chartCard({
      title: `Per-class ${validation} F1 over the epochs: ${strategy}`,
      description: 'One row per label, one column per epoch, darker where the label’s F1 (threshold 0.5) is higher: pale rows are labels the model learns late or not at all.',
      spec: (theme) => perClassHeatmapSpec(records, view.summary.labelNames, theme, folds > 1 ? 'Out-of-fold' : 'Validation'),
      table: {
        columns: [
          { key: 'label', title: 'Label' },
          { key: 'epoch', title: 'Epoch', numeric: true },
          { key: 'f1', title: folds > 1 ? 'Out-of-fold F1' : 'Validation F1', numeric: true },
        ],
        rows: cells,
      },
      fileName: `${fileBase}-${strategy}-per-class-f1`,
    });
  };

  /**
   * The strategy picker, rebuilt only when the run's strategies or the strategy shown change (so
   * an open select is not closed under the user, and it names what the heatmap shows).
   */
  const heatPicker = () => {
    const key = `${view.strategies.join('\n')}\n${heatmapStrategy(view, picked) ?? ''}`;
    if (key === heatStrategies) return;
    heatStrategies = key;
    if (view.strategies.length <= 1) {
      heatControls.replaceChildren();
      return;
    }
    const current = heatmapStrategy(view, picked) ?? view.strategies[0];
    heatControls.replaceChildren(
      controlRow('Heatmap options', [
        choiceField(
          'Strategy',
          view.strategies.map((s) => ({ value: s, title: s })),
          current,
          (value) => {
            picked = value;
            ctx.setUi(UI.heatmap, value);
            refill(heatSlot, heatCard());
          },
        ),
      ]),
    );
  };

  const logBox = checkbox('Log scale', log, (checked) => {
    log = checked;
    ctx.setUi(UI.lossLog, checked);
    refill(lossSlot, lossCard());
  });

  const redraw = () => {
    refill(lossSlot, lossCard());
    refill(f1Slot, f1Card());
    heatPicker();
    refill(heatSlot, heatCard());
  };
  redraw();

  const element = h('section', { className: 'ev-section', attrs: { 'aria-label': 'Training curves' } }, [
    ...sectionHeading('h2', 'Training curves', view.live ? 'Drawn as the run trains, epoch by epoch.' : `Up to ${view.epochs} epochs per strategy; early stopping may end one sooner.`),
    controlRow('Loss chart options', [logBox]),
    h('div', { className: 'chart-grid' }, [lossSlot, f1Slot]),
    heatControls,
    heatSlot,
  ]);
  return { element, redraw };
}
