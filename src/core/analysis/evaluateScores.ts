/**
 * The evaluation report of scores already in memory (read from files by evaluatePredictions, or
 * made by a model just trained): every metric at the thresholds in force, optionally per-label
 * thresholds tuned for F1, and what the dashboard draws: curves, the global threshold sweep, the
 * "predicted b instead of a" pairs and the head/medium/tail bands.
 */
import type { ScoreKind } from '../io/predictions/index.js';
import { confusedPairs, frequencyBands } from '../metrics/curves/index.js';
import { computeMetrics, type EvaluationMetrics } from '../metrics/index.js';
import { labelReports, type RankedLabelReports } from '../metrics/parallel/index.js';
import type { EvaluationData, ZeroDivision } from '../metrics/types.js';
import type { EvaluationReport, TuningReport } from './evaluatePredictions.js';

export interface EvaluateScoresOptions {
  /** Per label: predict the label when score >= threshold. */
  thresholds: number[];
  /** How the thresholds were chosen, in words (the report shows it). */
  thresholdSource: string;
  /** Where the truth and the scores came from. */
  origin: { truthFile: string; predFile: string; scoreKind: ScoreKind; joinedBy: 'id' | 'position'; notes: string[] };
  /** Also tune per-label thresholds for F1 on these rows and report the metrics with them. */
  tuneThresholds?: boolean;
  zeroDivision?: ZeroDivision;
  /** Most points per PR/ROC curve (default 200). */
  maxCurvePoints?: number;
  /** How many confused pairs to list (default 50). */
  topConfusedPairs?: number;
  /** Band cut-offs by support; default: thirds of the label frequency ranking. */
  bands?: { headMinSupport: number; tailMaxSupport: number };
  /**
   * Path of the bundled metrics worker (dist/metricsWorker.js): when given, the per-label work
   * (ranking, AP, ROC-AUC, curves, sweep, tuning) of inputs with 20,000 rows or more runs on up to
   * `threads` worker threads. The report is the same either way.
   */
  metricsWorkerScript?: string;
  /** Worker threads at most (default: available cores; 1 = no workers). */
  threads?: number;
  /** Fewer rows than this are evaluated on this thread (default 20,000: workers would cost more than they save). */
  parallelMinRows?: number;
  /** Milliseconds spent loading the data, for the report's timings. */
  loadMs?: number;
  signal?: AbortSignal;
}

export async function evaluateScores(data: EvaluationData, options: EvaluateScoresOptions): Promise<EvaluationReport> {
  const computeStarted = performance.now();
  const { thresholds } = options;
  const zeroDivision = options.zeroDivision ?? 0;
  // The workers (if any) run while this thread finds the confused pairs, which need no ranking.
  const pending = labelReports(
    data,
    { thresholds, maxCurvePoints: options.maxCurvePoints, tune: options.tuneThresholds === true },
    { workerScript: options.metricsWorkerScript, threads: options.threads, minRows: options.parallelMinRows, signal: options.signal },
  );
  pending.catch(() => undefined);
  const pairs = confusedPairs(data, thresholds, { topN: options.topConfusedPairs ?? 50 });
  const perLabel = await pending;
  const metrics = computeMetrics(data, { thresholds, zeroDivision, scores: perLabel.scores, counts: perLabel.counts });
  const { origin } = options;
  return {
    truthFile: origin.truthFile,
    predFile: origin.predFile,
    scoreKind: origin.scoreKind,
    joinedBy: origin.joinedBy,
    thresholdSource: options.thresholdSource,
    zeroDivision,
    notes: origin.notes,
    ...metrics,
    curves: perLabel.curves,
    sweep: perLabel.sweep,
    bands: frequencyBands(metrics.perLabel, options.bands),
    confusedPairs: pairs.confusedPairs,
    confusedMatrix: pairs.matrix,
    tuning: options.tuneThresholds ? tuningReport(data, metrics, zeroDivision, perLabel) : null,
    timings: { loadMs: Math.round(options.loadMs ?? 0), computeMs: Math.round(performance.now() - computeStarted) },
  };
}

function tuningReport(data: EvaluationData, before: EvaluationMetrics, zeroDivision: ZeroDivision, perLabel: RankedLabelReports): TuningReport {
  const tuned = perLabel.tuned;
  const after = computeMetrics(data, { thresholds: tuned.map((t) => t.threshold), zeroDivision, scores: perLabel.scores, counts: perLabel.tunedCounts ?? undefined });
  const macroBefore = before.averages.macro.f1;
  const macroAfter = after.averages.macro.f1;
  return {
    thresholds: data.labelNames.map((name, l) => ({
      name,
      threshold: tuned[l].threshold,
      f1Before: before.perLabel[l].f1,
      f1After: after.perLabel[l].f1,
      note: tuned[l].note,
    })),
    macroF1Before: macroBefore,
    macroF1After: macroAfter,
    macroF1Change: macroBefore === null || macroAfter === null ? null : macroAfter - macroBefore,
    microF1Before: before.averages.micro.f1 ?? 0,
    microF1After: after.averages.micro.f1 ?? 0,
    after,
    caveat: 'Thresholds tuned on the rows they are measured on are optimistic: apply them to a held-out split (save them with --save-thresholds FILE, apply them with --thresholds FILE).',
  };
}
