/**
 * The `analyze` job: scan a dataset's labels, compute the mldr imbalance measures and the
 * loss-weight suggestions, and return one plain JSON-serialisable report that the CLI prints
 * and the extension shows (and, later, the dashboard draws) as is.
 */
import { scanLabels } from '../io/open.js';
import { rowLimitNote } from '../io/rowLimit.js';
import type { DatasetFormat, LabelReadOptions, SkippedRow } from '../io/types.js';
import { computeMeasures, type ImbalanceMeasures } from '../stats/index.js';
import { suggestWeights, type WeightSuggestions } from '../weights/index.js';

export interface AnalyzeOptions extends LabelReadOptions {
  /** Labels with fewer positives than this are flagged as rare (default 10). */
  rareThreshold?: number;
  /** How many of the most frequent labelsets to list (default 20). */
  topLabelsets?: number;
  /** Class-balanced weights' beta (default 0.999). */
  beta?: number;
  /** Clamp for pos_weight (default 1000). */
  maxPosWeight?: number;
}

export interface PerLabelReport {
  name: string;
  count: number;
  frequency: number;
  irLbl: number;
  scumble: number;
  /** (N - n) / n, PyTorch's BCEWithLogitsLoss pos_weight; null for a label with no positives. */
  posWeight: number | null;
  /** IRLbl > MeanIR: the label counts as a minority label (Charte et al.). */
  minority: boolean;
}

export interface AnalysisReport extends Omit<ImbalanceMeasures, 'perLabel'> {
  file: string;
  format: DatasetFormat;
  /** How the labels were found, in one sentence. */
  labelSource: string;
  /** Detection notes, and when `maxRows` left rows unread, a note that the analysis is partial. */
  notes: string[];
  /** The analysis read only this many data rows of a longer file (`maxRows`); null when it read every row. */
  rowLimit: number | null;
  perLabel: PerLabelReport[];
  weights: WeightSuggestions;
  skippedRows: SkippedRow[];
  skippedCount: number;
  rareThreshold: number;
  elapsedMs: number;
}

export async function analyzeDataset(file: string, options: AnalyzeOptions = {}): Promise<AnalysisReport> {
  const started = performance.now();
  const scan = await scanLabels(file, options);
  const { schema, matrix } = scan;
  const rareThreshold = options.rareThreshold ?? 10;
  const measures = computeMeasures(matrix, schema.labelNames, schema.features.length, {
    rareThreshold,
    topLabelsets: options.topLabelsets ?? 20,
  });
  const weights = suggestWeights(
    measures.perLabel.map((l) => l.count), // the counts computeMeasures already made
    matrix.rows, schema.labelNames, {
    beta: options.beta,
    maxPosWeight: options.maxPosWeight,
  });
  const perLabel = measures.perLabel.map((label, i) => ({
    ...label,
    posWeight: weights.schemes.pos[i],
    minority: label.irLbl > measures.meanIR,
  }));
  return {
    file,
    format: schema.format,
    labelSource: schema.labelSource,
    notes: scan.moreRows && options.maxRows ? [...schema.notes, rowLimitNote(options.maxRows)] : schema.notes,
    rowLimit: scan.moreRows && options.maxRows ? options.maxRows : null,
    ...measures,
    perLabel,
    weights,
    skippedRows: scan.skipped,
    skippedCount: scan.skippedCount,
    rareThreshold,
    elapsedMs: Math.round(performance.now() - started),
  };
}
