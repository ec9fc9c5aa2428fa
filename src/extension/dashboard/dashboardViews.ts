/**
 * What the host posts as a `view`: a dataset analysis as it is, an evaluation without most of its
 * per-label curves (they are most of its size), which the webview asks for by label, and a
 * resampling or split report as it is. Pure.
 */
import type { AnalysisReport } from '../../core/analysis/analyzeDataset.js';
import type { EvaluationReport } from '../../core/analysis/evaluatePredictions.js';
import type { ResampleReport } from '../../core/analysis/resampleDataset.js';
import type { SplitReport } from '../../core/analysis/splitDataset.js';
import type { LabelCurves } from '../../core/metrics/curves/types.js';
import { INITIAL_CURVE_LABELS, type DatasetView, type EvaluationView, type ResampleView, type RestoredNote, type SplitView } from '../../protocol/dashboard.js';

export function datasetView(report: AnalysisReport, focus?: string): DatasetView {
  return focus === undefined ? { kind: 'analysis', file: report.file, report } : { kind: 'analysis', file: report.file, report, focus };
}

/** The evaluation without its curves, plus the curves of the INITIAL_CURVE_LABELS labels of highest support (ties: label order). */
export function evaluationView(report: EvaluationReport): EvaluationView {
  const { curves: _allCurves, ...rest } = report;
  const bySupport = report.perLabel
    .map((label, index) => ({ name: label.name, support: label.support, index }))
    .sort((a, b) => b.support - a.support || a.index - b.index)
    .slice(0, INITIAL_CURVE_LABELS);
  return { kind: 'evaluation', file: report.predFile, report: rest, curves: curvesOf(report, bySupport.map((l) => l.name)) };
}

/** The curves of the labels named, in the order asked; names the report does not have are skipped. */
export function curvesOf(report: EvaluationReport, labels: readonly string[]): LabelCurves[] {
  const byName = new Map(report.curves.map((c) => [c.label, c]));
  return labels.flatMap((name) => {
    const curves = byName.get(name);
    return curves ? [curves] : [];
  });
}

/** A resampling, identified by the file it wrote. */
export function resampleView(report: ResampleReport, restored?: RestoredNote): ResampleView {
  return restored ? { kind: 'resample', file: report.out, report, restored } : { kind: 'resample', file: report.out, report };
}

/** A split, identified by the dataset it split. */
export function splitView(report: SplitReport, restored?: RestoredNote): SplitView {
  return restored ? { kind: 'split', file: report.file, report, restored } : { kind: 'split', file: report.file, report };
}
