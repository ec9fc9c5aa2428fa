/** Validation of a model on a labelled set: loss, and F1 at a threshold through src/core/metrics. */
import { averagedPrecisionRecallF1, confusionCounts, perLabelPrecisionRecallF1 } from '../metrics/index.js';
import type { EvaluationData } from '../metrics/index.js';
import { sigmoid, type LossKernel } from './lossKernels.js';
import { predictLogits, type MlpModel } from './model.js';
import type { TrainingSet } from './types.js';

export interface ValidationResult {
  loss: number;
  macroF1: number;
  microF1: number;
  perLabelF1: number[];
}

/** The set's loss (the training loss, dropout off) and macro / micro / per-label F1 with scikit-learn's zero_division=0. */
export function evaluateModel(model: MlpModel, set: TrainingSet, loss: LossKernel, threshold: number): ValidationResult {
  const logits = predictLogits(model, set.x, set.rows);
  const lossValue = loss(logits, set.y, set.rows, set.labels, null);
  const f1 = f1AtThreshold(logits, set.y, set.rows, set.labels, threshold);
  return { loss: lossValue, ...f1 };
}

/** F1 of the predictions σ(logit) >= threshold against 0/1 targets (both row-major rows x labels). */
export function f1AtThreshold(logits: Float32Array, y: Uint8Array, rows: number, labels: number, threshold: number): Omit<ValidationResult, 'loss'> {
  return f1OfScores(labelMajorScores(logits, y, rows, Array.from({ length: labels }, (_, l) => String(l))), threshold);
}

/** σ(logits) and the 0/1 targets (both row-major rows x labels) as the evaluation engine's label-major data (column l is [l * rows, (l + 1) * rows)). */
export function labelMajorScores(logits: Float32Array, y: Uint8Array, rows: number, labelNames: string[]): EvaluationData {
  const labels = labelNames.length;
  const data: EvaluationData = { rows, labelNames, truth: new Uint8Array(rows * labels), scores: new Float64Array(rows * labels) };
  for (let i = 0; i < rows; i++) {
    for (let l = 0; l < labels; l++) {
      data.truth[l * rows + i] = y[i * labels + l];
      data.scores[l * rows + i] = sigmoid(logits[i * labels + l]);
    }
  }
  return data;
}

/** Macro / micro / per-label F1 (zero_division 0) of label-major scores at one threshold for every label. */
export function f1OfScores(data: EvaluationData, threshold: number): Omit<ValidationResult, 'loss'> {
  const labels = data.labelNames.length;
  const counts = confusionCounts(data, new Float64Array(labels).fill(threshold));
  const perLabel = perLabelPrecisionRecallF1(counts, 0);
  const averages = averagedPrecisionRecallF1(counts, perLabel, 0);
  return { macroF1: averages.macro.f1 ?? 0, microF1: averages.micro.f1 ?? 0, perLabelF1: perLabel.map((m) => m.f1 ?? 0) };
}
