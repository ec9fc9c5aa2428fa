/**
 * The protocol validator checks a view's top-level shape only; the fields the dataset view draws
 * are checked here, so that a report of another version fails with one clear sentence instead of a
 * TypeError halfway through the page.
 */
import type { AnalysisReport } from '../../../src/core/analysis/analyzeDataset.js';

const NUMBERS = ['instances', 'labels', 'cardinality', 'density', 'meanIR', 'maxIR', 'cvIR', 'scumble', 'tcs', 'emptyRows', 'rareThreshold', 'skippedCount'] as const;
const ARRAYS = ['perLabel', 'topLabelsets', 'rareLabels', 'absentLabels', 'skippedRows', 'notes'] as const;

/** The names of missing or mistyped fields; empty when the report can be drawn. */
export function reportProblems(report: AnalysisReport): string[] {
  const r = report as unknown as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of NUMBERS) if (typeof r[key] !== 'number') problems.push(key);
  for (const key of ARRAYS) if (!Array.isArray(r[key])) problems.push(key);
  for (const key of ['file', 'format', 'labelSource'] as const) if (typeof r[key] !== 'string') problems.push(key);
  const cooc = r.cooccurrence as { labels?: unknown; counts?: unknown } | undefined;
  if (!cooc || !Array.isArray(cooc.labels) || !Array.isArray(cooc.counts) || cooc.counts.length !== cooc.labels.length) problems.push('cooccurrence');
  const weights = r.weights as { schemes?: unknown; labels?: unknown; counts?: unknown; warnings?: unknown } | undefined;
  if (!weights || typeof weights.schemes !== 'object' || !Array.isArray(weights.labels) || !Array.isArray(weights.counts) || !Array.isArray(weights.warnings)) {
    problems.push('weights');
  }
  return problems;
}

export function assertDrawableReport(report: AnalysisReport): void {
  const problems = reportProblems(report);
  if (problems.length > 0) throw new Error(`the analysis report lacks or mistypes ${problems.join(', ')} (was it made by another version of Imbalance Lens?)`);
}
