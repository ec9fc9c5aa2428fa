/**
 * From a trained model's scores to the numbers a run reports: the scores as the evaluation
 * engine's label-major EvaluationData, per-label thresholds tuned on validation, and the
 * headline metrics (macro/micro-F1, macro AP, tail-band F1) at a set of thresholds.
 */
import { frequencyBands, tuneThresholds } from '../../metrics/curves/index.js';
import { computeMetrics, thresholdFreeScores, type ThresholdFreeScores } from '../../metrics/index.js';
import type { EvaluationData } from '../../metrics/types.js';
import type { HeadlineMetrics } from '../../../protocol/training.js';
import { labelMajorScores } from '../evaluate.js';
import { predictLogits, type MlpModel } from '../model.js';
import type { TrainingSet } from '../types.js';

/** σ(logits) of the model on the set, with its 0/1 targets, label-major (column l is [l * rows, (l + 1) * rows)). */
export function scoreSet(model: MlpModel, set: TrainingSet, labelNames: string[]): EvaluationData {
  return labelMajorScores(predictLogits(model, set.x, set.rows), set.y, set.rows, labelNames);
}

/** Per-label F1-best thresholds on validation: the evaluation engine's tuning (ties to the lower threshold; 0.5 for a label without positives). */
export function tunedThresholds(validation: EvaluationData): number[] {
  return tuneThresholds(validation).thresholds;
}

/**
 * The tail band by training frequency: labels ranked by training positives, descending (ties by
 * label index), the last round(n/3) of them, exactly as frequencyBands cuts the ranking.
 */
export function tailLabels(trainPositives: ArrayLike<number>): number[] {
  const perLabel = Array.from(trainPositives, (support, l) => ({ name: String(l), tp: 0, fp: 0, fn: 0, support }));
  const tail = frequencyBands(perLabel).find((b) => b.band === 'tail');
  return (tail?.labels ?? []).map(Number);
}

/** Positive rows per label in a row-major 0/1 target matrix. */
export function positivesPerLabel(set: TrainingSet): Int32Array {
  const counts = new Int32Array(set.labels);
  for (let i = 0; i < set.y.length; i++) if (set.y[i]) counts[i % set.labels]++;
  return counts;
}

/** Test-split headline metrics at the thresholds (zero_division 0, as scikit-learn's default). */
export function headlineMetrics(data: EvaluationData, thresholds: ArrayLike<number>, tail: readonly number[], scores: ThresholdFreeScores = thresholdFreeScores(data)): HeadlineMetrics {
  const metrics = computeMetrics(data, { thresholds, zeroDivision: 0, scores });
  const tailF1 = tail.length === 0 ? 0 : tail.reduce((sum, l) => sum + (metrics.perLabel[l].f1 ?? 0), 0) / tail.length;
  return { macroF1: metrics.averages.macro.f1 ?? 0, microF1: metrics.averages.micro.f1 ?? 0, mAP: metrics.mAP.macro, tailF1 };
}
