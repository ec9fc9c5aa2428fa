/** The words and numbers of the tuning headline and the before/after table, as pure functions. */
import type { TuningReport } from '../../../src/core/analysis/evaluatePredictions.js';
import type { EvaluationView } from '../../../src/protocol/dashboard.js';
import { formatChange, formatMetric } from './format.js';

type Report = EvaluationView['report'];

/** "Macro F1 0.716 → 0.752 (+0.036)". */
export function macroHeadline(tuning: TuningReport): string {
  return `Macro F1 ${formatMetric(tuning.macroF1Before)} → ${formatMetric(tuning.macroF1After)} (${formatChange(tuning.macroF1Change)})`;
}

/** Labels whose F1 rose with their tuned threshold. */
export function labelsImproved(tuning: TuningReport): number {
  return tuning.thresholds.filter((t) => t.f1Before !== null && t.f1After !== null && t.f1After > t.f1Before).length;
}

export interface BeforeAfterRow {
  metric: string;
  before: number | null;
  after: number | null;
  lowerIsBetter: boolean;
}

/** Every summary metric at the thresholds in force and at the tuned ones. */
export function beforeAfterRows(report: Report, tuning: TuningReport): BeforeAfterRow[] {
  const a = tuning.after;
  return [
    { metric: 'Micro F1', before: report.averages.micro.f1, after: a.averages.micro.f1, lowerIsBetter: false },
    { metric: 'Macro F1', before: report.averages.macro.f1, after: a.averages.macro.f1, lowerIsBetter: false },
    { metric: 'Weighted F1', before: report.averages.weighted.f1, after: a.averages.weighted.f1, lowerIsBetter: false },
    { metric: 'Samples F1', before: report.averages.samples.f1, after: a.averages.samples.f1, lowerIsBetter: false },
    { metric: 'Macro precision', before: report.averages.macro.precision, after: a.averages.macro.precision, lowerIsBetter: false },
    { metric: 'Macro recall', before: report.averages.macro.recall, after: a.averages.macro.recall, lowerIsBetter: false },
    { metric: 'Hamming loss', before: report.hammingLoss, after: a.hammingLoss, lowerIsBetter: true },
    { metric: 'Subset accuracy', before: report.subsetAccuracy, after: a.subsetAccuracy, lowerIsBetter: false },
    { metric: 'Jaccard (samples)', before: report.jaccard.samples, after: a.jaccard.samples, lowerIsBetter: false },
  ];
}
