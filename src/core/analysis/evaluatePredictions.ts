/**
 * The `evaluate` job: load the ground truth and the predictions, then compute every metric at the
 * thresholds in force (0.5, one given value, or a thresholds file), optionally tune per-label
 * thresholds for F1, and add what the dashboard draws (evaluateScores.ts). One plain JSON report.
 */
import { UsageError } from '../errors.js';
import { loadEvaluationData, readThresholds, type LoadEvaluationOptions, type ScoreKind } from '../io/predictions/index.js';
import type { Band, ConfusedPair, LabelCurves, ThresholdSweep } from '../metrics/curves/index.js';
import type { EvaluationMetrics } from '../metrics/index.js';
import type { EvaluationData, ZeroDivision } from '../metrics/types.js';
import { evaluateScores, type EvaluateScoresOptions } from './evaluateScores.js';

/** The report options evaluateScores takes as they are (the thresholds and where the data came from are decided here). */
type ReportOptions = Pick<EvaluateScoresOptions, 'tuneThresholds' | 'zeroDivision' | 'maxCurvePoints' | 'topConfusedPairs' | 'bands' | 'metricsWorkerScript' | 'threads' | 'parallelMinRows'>;

export interface EvaluateOptions extends LoadEvaluationOptions, ReportOptions {
  /** One threshold for every label (default 0.5). */
  threshold?: number;
  /** Per-label thresholds from a file (JSON or CSV); excludes `threshold`. */
  thresholdsFile?: string;
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
  return evaluateScores(data, {
    thresholds,
    thresholdSource: source,
    origin: { truthFile, predFile, scoreKind: loaded.scoreKind, joinedBy: loaded.joinedBy, notes: loaded.notes },
    tuneThresholds: options.tuneThresholds,
    zeroDivision: options.zeroDivision,
    maxCurvePoints: options.maxCurvePoints,
    topConfusedPairs: options.topConfusedPairs,
    bands: options.bands,
    metricsWorkerScript: options.metricsWorkerScript,
    threads: options.threads,
    parallelMinRows: options.parallelMinRows,
    loadMs,
    signal: options.signal,
  });
}

async function thresholdsInForce(data: EvaluationData, options: EvaluateOptions): Promise<{ thresholds: number[]; source: string }> {
  const labels = data.labelNames.length;
  if (options.thresholdsFile !== undefined) {
    return { thresholds: await readThresholds(options.thresholdsFile, data.labelNames), source: `per label, from ${options.thresholdsFile}` };
  }
  const t = options.threshold ?? 0.5;
  return { thresholds: new Array<number>(labels).fill(t), source: `${t} for every label (score >= ${t})` };
}

/** The tuned thresholds as the JSON that `--thresholds FILE` reads back. */
export function thresholdsJson(report: EvaluationReport): string {
  const thresholds = Object.fromEntries((report.tuning?.thresholds ?? []).map((t) => [t.name, t.threshold]));
  return JSON.stringify({ thresholds }, null, 2) + '\n';
}
