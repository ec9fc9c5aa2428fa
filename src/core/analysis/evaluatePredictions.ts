/**
 * The `evaluate` job: load the ground truth and the predictions, compute every metric at the
 * thresholds in force (0.5, one given value, or a thresholds file), optionally tune per-label
 * thresholds for F1, and add what the dashboard draws: curves, the global threshold sweep, the
 * "predicted b instead of a" pairs and the head/medium/tail bands. One plain JSON report.
 */
import { UsageError } from '../errors.js';
import { loadEvaluationData, readThresholds, type LoadEvaluationOptions, type ScoreKind } from '../io/predictions/index.js';
import { confusedPairs, frequencyBands, type Band, type ConfusedPair, type LabelCurves, type ThresholdSweep } from '../metrics/curves/index.js';
import { computeMetrics, type EvaluationMetrics } from '../metrics/index.js';
import { labelReports, type RankedLabelReports } from '../metrics/parallel/index.js';
import type { EvaluationData, ZeroDivision } from '../metrics/types.js';

export interface EvaluateOptions extends LoadEvaluationOptions {
  /** One threshold for every label (default 0.5). */
  threshold?: number;
  /** Per-label thresholds from a file (JSON or CSV); excludes `threshold`. */
  thresholdsFile?: string;
  /** Also tune per-label thresholds for F1 and report the metrics with them. */
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
}

/** Per-label thresholds tuned for F1 on the evaluated rows, and what they change. */
export interface TuningReport {
  thresholds: { name: string; threshold: number; f1Before: number | null; f1After: number | null; note: string | null }[];
  macroF1Before: number | null;
  macroF1After: number | null;
  /** macroF1After - macroF1Before. */
  macroF1Change: number | null;
  microF1Before: number;
  microF1After: number;
  /** Every metric again, with the tuned thresholds. */
  after: EvaluationMetrics;
  caveat: string;
}

export interface EvaluationReport extends EvaluationMetrics {
  truthFile: string;
  predFile: string;
  scoreKind: ScoreKind;
  joinedBy: 'id' | 'position';
  thresholdSource: string;
  zeroDivision: ZeroDivision;
  notes: string[];
  curves: LabelCurves[];
  sweep: ThresholdSweep;
  bands: Band[];
  confusedPairs: ConfusedPair[];
  /** confusion[a][b]: rows where a is missed while b is wrongly predicted; null above 200 labels. */
  confusedMatrix: number[][] | null;
  tuning: TuningReport | null;
  timings: { loadMs: number; computeMs: number };
}

export async function evaluatePredictions(truthFile: string, predFile: string, options: EvaluateOptions = {}): Promise<EvaluationReport> {
  if (options.threshold !== undefined && options.thresholdsFile !== undefined) {
    throw new UsageError('give either one threshold or a thresholds file, not both');
  }
  const loadStarted = performance.now();
  const loaded = await loadEvaluationData(truthFile, predFile, options);
  const { data } = loaded;
  const { thresholds, source } = await thresholdsInForce(data, options);
  const loadMs = performance.now() - loadStarted;

  const computeStarted = performance.now();
  const zeroDivision = options.zeroDivision ?? 0;
  // The workers (if any) run while this thread finds the confused pairs, which need no ranking.
  const pending = rankedLabelReports(data, thresholds, options);
  pending.catch(() => undefined);
  const pairs = confusedPairs(data, thresholds, { topN: options.topConfusedPairs ?? 50 });
  const perLabel = await pending;
  const metrics = computeMetrics(data, { thresholds, zeroDivision, scores: perLabel.scores, counts: perLabel.counts });
  const report: EvaluationReport = {
    truthFile,
    predFile,
    scoreKind: loaded.scoreKind,
    joinedBy: loaded.joinedBy,
    thresholdSource: source,
    zeroDivision,
    notes: loaded.notes,
    ...metrics,
    curves: perLabel.curves,
    sweep: perLabel.sweep,
    bands: frequencyBands(metrics.perLabel, options.bands),
    confusedPairs: pairs.confusedPairs,
    confusedMatrix: pairs.matrix,
    tuning: options.tuneThresholds ? tuningReport(data, metrics, zeroDivision, perLabel) : null,
    timings: { loadMs: 0, computeMs: 0 },
  };
  report.timings = { loadMs: Math.round(loadMs), computeMs: Math.round(performance.now() - computeStarted) };
  return report;
}

/** Everything read off each label's ranking, ranking every label exactly once (on worker threads when worthwhile). */
function rankedLabelReports(data: EvaluationData, thresholds: number[], options: EvaluateOptions): Promise<RankedLabelReports> {
  return labelReports(
    data,
    { thresholds, maxCurvePoints: options.maxCurvePoints, tune: options.tuneThresholds === true },
    { workerScript: options.metricsWorkerScript, threads: options.threads, minRows: options.parallelMinRows, signal: options.signal },
  );
}

async function thresholdsInForce(data: EvaluationData, options: EvaluateOptions): Promise<{ thresholds: number[]; source: string }> {
  const labels = data.labelNames.length;
  if (options.thresholdsFile !== undefined) {
    return { thresholds: await readThresholds(options.thresholdsFile, data.labelNames), source: `per label, from ${options.thresholdsFile}` };
  }
  const t = options.threshold ?? 0.5;
  return { thresholds: new Array<number>(labels).fill(t), source: `${t} for every label (score >= ${t})` };
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

/** The tuned thresholds as the JSON that `--thresholds FILE` reads back. */
export function thresholdsJson(report: EvaluationReport): string {
  const thresholds = Object.fromEntries((report.tuning?.thresholds ?? []).map((t) => [t.name, t.threshold]));
  return JSON.stringify({ thresholds }, null, 2) + '\n';
}
