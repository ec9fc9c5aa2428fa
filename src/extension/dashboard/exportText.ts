/**
 * The text the dashboard's copy and insert buttons produce: loss weights (PyTorch snippet or a
 * JSON object) and tuned thresholds (a PyTorch tensor or the JSON `--thresholds FILE` reads). Pure.
 */
import * as path from 'node:path';
import { thresholdsJson, type EvaluationReport } from '../../core/analysis/evaluatePredictions.js';
import { formatWeightsPytorch, type WeightScheme, type WeightSuggestions } from '../../core/weights/index.js';
import type { ExportFormat } from '../../protocol/dashboard.js';

export function weightsText(weights: WeightSuggestions, scheme: WeightScheme, format: ExportFormat): string {
  return format === 'pytorch' ? formatWeightsPytorch(weights, scheme) : weightsJson(weights, scheme);
}

/** One scheme's weights as a JSON object label -> weight, in label order; null for a label without positives. */
export function weightsJson(weights: WeightSuggestions, scheme: WeightScheme): string {
  const values = weights.schemes[scheme];
  return JSON.stringify(Object.fromEntries(weights.labels.map((name, l) => [name, values[l]])), null, 2) + '\n';
}

/** The tuned thresholds, or undefined when the evaluation did not tune any. */
export function thresholdsText(report: EvaluationReport, format: ExportFormat): string | undefined {
  if (!report.tuning) return undefined;
  return format === 'pytorch' ? thresholdsPytorch(report) : thresholdsJson(report);
}

/**
 * A `thresholds` tensor in label order (the model's output columns), one commented line per label,
 * and the line that applies it. Values are printed in full (shortest round-trip form), because a
 * rounded threshold can fall on the other side of a score and change a prediction.
 */
export function thresholdsPytorch(report: EvaluationReport): string {
  const tuned = report.tuning?.thresholds ?? [];
  const lines = [
    `# Imbalance Lens: F1-tuned thresholds for ${tuned.length} labels, from ${path.basename(report.predFile)} against ${path.basename(report.truthFile)}.`,
    '# Tuned on the rows they were measured on, so optimistic: check them on a held-out split.',
    'import torch',
    '',
    "# One threshold per label, in this order (the model's output columns):",
    'thresholds = torch.tensor([',
    ...tuned.map((t, l) => `    ${pythonFloat(t.threshold)},  # ${l} ${commentSafe(t.name)}${t.note ? `: ${commentSafe(t.note)}` : ''}`),
    '], dtype=torch.float32)',
    '',
    '# To apply: a label is predicted when its probability reaches its threshold. With the',
    "# model's raw outputs `logits` of shape [N, num_labels], on the logits' device:",
    '#     thresholds = thresholds.to(logits.device)',
    '#     predictions = (torch.sigmoid(logits) >= thresholds)',
  ];
  return lines.join('\n') + '\n';
}

/** A Python float literal that reads back as the same double: 0.5 -> 0.5, 1 -> 1.0. */
function pythonFloat(x: number): string {
  const text = String(x);
  return /^-?\d+$/.test(text) ? `${text}.0` : text;
}

/** A label name or note on one comment line: control characters and line breaks become spaces. */
function commentSafe(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ');
}
