/**
 * The Training view: a run (Train Baseline or Compare) as it trains and after. A header (name,
 * dataset, status, split, where a live run is), a note when it failed, was cancelled or was
 * interrupted, the test-split comparison (with the recommendation) as strategies finish, the
 * training curves, and at the end the evaluation view of the evaluated strategy's test
 * predictions. A live view gets `trainingProgress` events through the returned controller and
 * redraws at most about twice a second.
 */
import { applyTrainingEvent, type TrainingEvent, type TrainingView } from '../../../src/protocol/dashboard.js';
import { heldOutRowsText, splitRowsText } from '../../../src/protocol/training.js';
import { button, codicon, h, sectionHeading } from '../components/dom.js';
import { renderEvaluationView } from '../evaluation/evaluationView.js';
import { baseName } from '../format.js';
import { caveat } from '../resample/viewParts.js';
import type { ViewContext } from '../viewContext.js';
import { comparisonSection } from './comparisonSection.js';
import { curvesSection } from './curvesSection.js';
import { progressSentence, statusNote, timesText, usesTuned } from './trainingModel.js';

/** How often a live view redraws at most (epochs of a small dataset arrive every few milliseconds). */
export const REDRAW_MS = 500;

export interface TrainingController {
  /** The run folder the view shows. */
  readonly file: string;
  /** An event of the live run: added to the view, drawn at the next redraw. */
  apply(event: TrainingEvent): void;
  dispose(): void;
}

const STATUS_TEXT: Record<TrainingView['summary']['status'], string> = { running: 'running', completed: 'completed', cancelled: 'cancelled', failed: 'failed' };

export function renderTrainingView(root: HTMLElement, view: TrainingView, ctx: ViewContext): TrainingController {
  const progress = h('p', { className: 'label-source', attrs: { role: 'status', 'aria-live': 'polite' }, text: progressSentence(view) });
  const comparisonSlot = h('div');
  const curves = curvesSection(view, ctx);
  const fillComparison = () => comparisonSlot.replaceChildren(...[comparisonSection(view, ctx)].filter((e): e is HTMLElement => e !== null));
  fillComparison();
  const note = statusNote(view);
  root.replaceChildren(
    h('div', { className: 'dataset-view training-view' }, [
      header(view, ctx, progress),
      note ? caveat(note.text, note.icon) : null,
      comparisonSlot,
      curves.element,
      view.live ? null : evaluationSection(view, ctx),
    ]),
  );

  let timer: ReturnType<typeof setTimeout> | undefined;
  let comparisonStale = false;
  let disposed = false;
  const flush = () => {
    timer = undefined;
    if (disposed) return;
    progress.textContent = progressSentence(view);
    if (comparisonStale) fillComparison();
    comparisonStale = false;
    curves.redraw();
  };
  return {
    file: view.file,
    apply(event) {
      if (disposed) return;
      applyTrainingEvent(view, event);
      if (event.kind === 'strategyDone') comparisonStale = true;
      timer ??= setTimeout(flush, REDRAW_MS);
    },
    dispose() {
      disposed = true;
      clearTimeout(timer);
    },
  };
}

function header(view: TrainingView, ctx: ViewContext, progress: HTMLElement): HTMLElement {
  const s = view.summary;
  const badge = document.createElement('vscode-badge');
  badge.textContent = view.live ? 'training' : STATUS_TEXT[s.status];
  badge.title = 'Status of the run';
  const what = s.kind === 'compare' ? `Comparison of ${view.strategies.length} strateg${view.strategies.length === 1 ? 'y' : 'ies'}` : `Baseline: ${view.strategies[0] ?? 'one strategy'}`;
  const members = Math.max(1, ...s.strategies.map((r) => r.ensemble ?? 1));
  // a cross-validated run's final model: the best epoch of the out-of-fold curve on every training row, averaged over seeds
  const finalModel = members > 1 ? `; ${s.strategies.length > 1 ? 'each' : 'the'} final model is the mean of ${members} models with their own seeds, trained on every training row for the best epoch of the out-of-fold curve` : '';
  const split = `${s.split.source}: ${splitRowsText(s.split)}${finalModel}`;
  const absent = s.split.absent.length > 0 ? h('p', { className: 'label-source' }, [codicon('warning'), ` Labels without positives in a part: ${s.split.absent.join(', ')}.`]) : null;
  return h('header', { className: 'dataset-header' }, [
    h('div', { className: 'title-row' }, [
      h('div', { className: 'title-block' }, [
        h('h1', {}, [h('span', { className: 'file-name', text: s.name }), badge]),
        h('p', { className: 'file-path', text: s.file, attrs: { title: `Dataset: ${s.file}` } }),
        h('p', { className: 'label-source', text: `${what} · ${s.labelNames.length} labels · up to ${view.epochs} epochs · computed with ${s.backend}` }),
        h('p', { className: 'label-source', text: split }),
        absent,
        h('p', { className: 'label-source', text: `${timesText(s.startedAt, s.finishedAt)} · folder ${baseName(view.file)}` }),
        progress,
      ]),
      h('div', { className: 'header-actions' }, [
        view.live
          ? null
          : button('Refresh', { icon: 'refresh', secondary: true, title: 'Read the run folder again', onClick: () => ctx.post({ type: 'refresh' }) }),
      ]),
    ]),
  ]);
}

/** The evaluation view of the evaluated strategy's test predictions, drawn by the Evaluation view itself. */
function evaluationSection(view: TrainingView, ctx: ViewContext): HTMLElement | null {
  const s = view.summary;
  const evaluation = view.evaluation;
  if (!evaluation) {
    if (s.strategies.length === 0) return null;
    return h('section', { className: 'ev-section' }, [
      ...sectionHeading('h2', 'Test-split evaluation'),
      h('p', { className: 'empty-note', text: 'This run has no test-split evaluation: it is written when a run completes, and this one did not.' }),
    ]);
  }
  const strategy = s.recommendation?.strategy ?? s.strategies[0]?.strategy ?? '';
  const container = h('div', { className: 'training-evaluation' });
  try {
    renderEvaluationView(container, evaluation, ctx);
  } catch (error) {
    // The rest of the run stays readable when its evaluation cannot be drawn.
    console.error('Imbalance Lens dashboard: the test-split evaluation could not be drawn', error);
    container.replaceChildren(caveat(`The test-split evaluation could not be drawn: ${error instanceof Error ? error.message : String(error)}`, 'error'));
  }
  // the caveat is for tuned thresholds in force (a recommendation or a single strategy may keep 0.5)
  const tuned = usesTuned(view);
  return h('section', { className: 'ev-section', attrs: { 'aria-label': 'Test-split evaluation' } }, [
    ...sectionHeading(
      'h2',
      `Test-split evaluation${strategy ? ` of ${strategy}` : ''}`,
      `The Evaluation view of ${baseName(evaluation.report.predFile)} (the test rows’ scores) against the test split, with the thresholds in force: ${evaluation.report.thresholdSource}.`,
    ),
    tuned
      ? caveat(`The thresholds were tuned on ${heldOutRowsText(s.split)} and saved in thresholds.json. The Thresholds tab below would tune them again on these test rows, which flatters, so this run does not: that tab shows no tuning.`, 'info')
      : null,
    container,
  ]);
}
