/**
 * The training view's words and table rows, from the view alone (no DOM): where a live run is,
 * what its status means, whether its headline numbers use tuned thresholds, the comparison table
 * and which strategy the per-class heatmap shows.
 */
import type { RunDigest, StrategyHistory, TrainingView } from '../../../src/protocol/dashboard.js';
import { crossValidated, usesTunedThresholds, type HeadlineMetrics, type StrategyResult } from '../../../src/protocol/training.js';
import { baseName } from '../format.js';

/** Whether the test metrics to read are at tuned thresholds (usesTunedThresholds). */
export function usesTuned(view: Pick<TrainingView, 'summary'>): boolean {
  return usesTunedThresholds(view.summary);
}

/** The highest epoch the charts' x axis shows: the cap while training (the axis then stays put), else the last epoch run. */
export function chartMaxEpoch(view: Pick<TrainingView, 'live' | 'epochs' | 'history'>): number {
  const seen = view.history.reduce((m, h) => Math.max(m, ...h.records.map((r) => r.epoch)), 1);
  return view.live ? Math.max(view.epochs, seen) : seen;
}

/** The last epoch of a strategy's history, if any. */
export function lastRecord(history: StrategyHistory | undefined): StrategyHistory['records'][number] | undefined {
  return history?.records[history.records.length - 1];
}

/** Where a live run is: `Training focal (strategy 3 of 7) · epoch 12 of 60 · validation macro-F1 0.512`, or `… · final model 2 of 3: 36 epochs on every training row`. */
export function progressSentence(view: TrainingView): string {
  if (!view.live) return '';
  const current = view.current;
  if (current === null) {
    const done = view.summary.strategies.length;
    return done === 0 ? 'Preparing to train…' : `${done} of ${view.strategies.length} strategies done; starting the next…`;
  }
  const index = view.strategies.indexOf(current);
  const parts = [view.strategies.length > 1 ? `Training ${current} (strategy ${index + 1} of ${view.strategies.length})` : `Training ${current}`];
  const last = lastRecord(view.history.find((h) => h.strategy === current));
  if (view.finalModel) {
    // after cross-validation the final models train on every training row, without epochs to report
    const { member, of, epochs } = view.finalModel;
    parts.push(`${of > 1 ? `final model ${member} of ${of}` : 'final model'}: ${epochs} epoch${epochs === 1 ? '' : 's'} on every training row`);
  } else if (last) {
    parts.push(`epoch ${last.epoch} of ${view.epochs}`);
    // a cross-validated run's epochs are the fold models' pooled, out-of-fold scores
    const scoredOn = crossValidated(view.summary.split) ? 'out-of-fold' : 'validation';
    if (last.macroF1 !== null) parts.push(`${scoredOn} macro-F1 ${last.macroF1.toFixed(3)}`);
  } else parts.push('first epoch…');
  return parts.join(' · ');
}

export type StatusNote = { icon: string; text: string } | null;

/** What the run's status means for what is shown, when it needs saying. */
export function statusNote(view: TrainingView): StatusNote {
  const s = view.summary;
  switch (s.status) {
    case 'failed':
      return { icon: 'error', text: `The run failed: ${s.error ?? 'no reason was recorded'}. What finished before is shown below.` };
    case 'cancelled': {
      const done = s.strategies.length;
      const of = view.strategies.length;
      const what = s.kind === 'compare' ? `${done} of the ${of} strateg${of === 1 ? 'y' : 'ies'} that started finished` : done > 0 ? 'its strategy finished' : 'nothing finished';
      return { icon: 'circle-slash', text: `The run was cancelled: ${what}. Finished strategies keep their models and metrics; a cancelled one keeps its epochs so far.` };
    }
    case 'running':
      return view.live
        ? null
        : {
            icon: 'debug-disconnect',
            text: 'run.json says this run is training, but this window is not training it: it was interrupted (VS Code closed or the window reloaded), or it runs elsewhere (another window, the command line). Refresh to read its folder again.',
          };
    case 'completed':
      return null;
  }
}

export interface ComparisonRow {
  strategy: string;
  recommended: boolean;
  fixed: HeadlineMetrics;
  tuned: HeadlineMetrics;
  /** On the validation rows (what the recommendation is chosen on), when the run has them. */
  validation: { fixed: HeadlineMetrics; tuned: HeadlineMetrics } | null;
  /** `23 (best 13, stopped early)`. */
  epochs: string;
}

/** One row per finished strategy, in training order. */
export function comparisonRows(view: Pick<TrainingView, 'summary'>): ComparisonRow[] {
  const recommended = view.summary.recommendation?.strategy;
  return view.summary.strategies.map((r: StrategyResult) => ({
    strategy: r.strategy,
    recommended: r.strategy === recommended,
    fixed: r.fixed,
    tuned: r.tuned,
    validation: r.validation ?? null,
    epochs: `${r.epochsRun} (best ${r.bestEpoch}${r.stoppedEarly ? ', stopped early' : ''})`,
  }));
}

/**
 * The strategy whose per-class F1 the heatmap shows: the one the user picked (if the run has it),
 * else while live the one training now once it has an epoch to show, else the recommended one,
 * else the last with epochs.
 */
export function heatmapStrategy(view: TrainingView, picked: string): string | undefined {
  const withEpochs = view.history.filter((h) => h.records.some((r) => r.perLabelF1 !== null)).map((h) => h.strategy);
  if (picked !== '' && view.strategies.includes(picked)) return picked;
  if (view.live && view.current !== null && withEpochs.includes(view.current)) return view.current;
  const recommended = view.summary.recommendation?.strategy;
  if (recommended !== undefined && withEpochs.includes(recommended)) return recommended;
  return withEpochs[withEpochs.length - 1] ?? view.strategies[0];
}

/** `Started 2024-01-31 23:59 · ended 00:04 (5 min)`: local times of the ISO stamps. */
export function timesText(startedAt: string, finishedAt?: string): string {
  const start = new Date(startedAt);
  if (Number.isNaN(start.getTime())) return '';
  const two = (n: number) => String(n).padStart(2, '0');
  const day = (d: Date) => `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
  const time = (d: Date) => `${two(d.getHours())}:${two(d.getMinutes())}`;
  let text = `Started ${day(start)} ${time(start)}`;
  const end = finishedAt ? new Date(finishedAt) : undefined;
  if (end && !Number.isNaN(end.getTime())) {
    const seconds = Math.max(0, Math.round((end.getTime() - start.getTime()) / 1000));
    const took = seconds < 90 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
    text += ` · ended ${day(end) === day(start) ? time(end) : `${day(end)} ${time(end)}`} (${took})`;
  }
  return text;
}

/** Why two compared runs may not compare label by label (Compare Runs says so above its charts). */
export function comparisonCaveats(a: RunDigest, b: RunDigest): string[] {
  const out: string[] = [];
  if (a.file !== b.file) out.push(`The runs trained on different datasets (${baseName(a.file)} and ${baseName(b.file)}): their test rows differ, so the per-label differences compare different rows.`);
  for (const [letter, run] of [['A', a], ['B', b]] as const) {
    if (run.perLabel.length === 0) out.push(`Run ${letter} (${run.name}) has no test-split evaluation (it did not complete), so there is nothing to compare label by label.`);
  }
  // One run's thresholds tuned on validation and the other's not: its F1 has had help the other's has not.
  if (a.thresholdSource !== null && b.thresholdSource !== null && /tuned/.test(a.thresholdSource) !== /tuned/.test(b.thresholdSource)) {
    out.push(`Only one run tuned its thresholds: A ${a.thresholdSource}; B ${b.thresholdSource}.`);
  }
  return out;
}
