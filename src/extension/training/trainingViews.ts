/**
 * The training and run-comparison views of runs on disk: run.json plus each strategy's
 * metrics.jsonl make a training view (its evaluation sent as the evaluation view sends one), and
 * two run.json files make a comparison of their evaluated strategies, label by label.
 */
import type { EvaluationReport } from '../../core/analysis/evaluatePredictions.js';
import { UsageError } from '../../core/errors.js';
import type { RunComparisonView, RunDigest, TrainingView } from '../../protocol/dashboard.js';
import type { RunSummary } from '../../protocol/training.js';
import { evaluationView } from '../dashboard/dashboardViews.js';
import { readRunHistory, readRunSummary, type RunHistory } from './runFiles.js';

/** A training view and the full evaluation behind it (the host answers curve requests from it). */
export interface LoadedTraining {
  view: TrainingView;
  evaluation?: EvaluationReport;
}

/** The view of a run from its summary and history; `live` only for the run this window trains. */
export function trainingViewOf(summary: RunSummary, history: RunHistory, live = false): LoadedTraining {
  const { evaluation, ...rest } = summary;
  const view: TrainingView = {
    kind: 'training',
    file: summary.runDir,
    summary: rest,
    strategies: history.strategies,
    epochs: history.epochs,
    history: history.history,
    live,
    current: null,
  };
  if (evaluation) view.evaluation = evaluationView(evaluation);
  return evaluation ? { view, evaluation } : { view };
}

/** The training view of the run in `runDir`, read from its files. */
export async function loadTrainingView(runDir: string): Promise<LoadedTraining> {
  const summary = await readRunSummary(runDir);
  if (!summary) throw new UsageError(`${runDir} holds no readable run.json (was the run deleted?)`);
  return trainingViewOf(summary, await readRunHistory(summary));
}

/** The strategy a run is judged by: a comparison's recommended one, else the first (only) one. */
export function evaluatedStrategy(summary: RunSummary): RunSummary['strategies'][number] | undefined {
  const name = summary.recommendation?.strategy;
  return summary.strategies.find((s) => s.strategy === name) ?? summary.strategies[0];
}

/** One side of a comparison: the evaluated strategy's headline metrics and its test F1 per label. */
export function runDigest(summary: RunSummary): RunDigest {
  const chosen = evaluatedStrategy(summary);
  const evaluation = summary.evaluation;
  return {
    runDir: summary.runDir,
    name: summary.name,
    file: summary.file,
    kind: summary.kind,
    status: summary.status,
    startedAt: summary.startedAt,
    strategy: chosen?.strategy ?? null,
    fixed: chosen?.fixed ?? null,
    tuned: chosen?.tuned ?? null,
    thresholdSource: evaluation?.thresholdSource ?? null,
    perLabel: evaluation ? evaluation.perLabel.map((l) => ({ name: l.name, f1: l.f1, support: l.support })) : [],
  };
}

export function runComparisonView(a: RunSummary, b: RunSummary): RunComparisonView {
  return { kind: 'runComparison', file: a.runDir, otherFile: b.runDir, runs: [runDigest(a), runDigest(b)] };
}

export async function loadRunComparison(runDirA: string, runDirB: string): Promise<RunComparisonView> {
  const [a, b] = await Promise.all([readRunSummary(runDirA), readRunSummary(runDirB)]);
  const missing = !a ? runDirA : !b ? runDirB : undefined;
  if (missing !== undefined || !a || !b) throw new UsageError(`${missing} holds no readable run.json (was the run deleted?)`);
  return runComparisonView(a, b);
}
