/**
 * What the evaluation engine works on: ground truth and scores for the same rows and labels,
 * stored label-major so that each label's column is one contiguous run (column l occupies
 * [l * rows, (l + 1) * rows)), which is what per-label sorting and counting want.
 */
export interface EvaluationData {
  rows: number;
  labelNames: string[];
  /** 0/1, label-major, length rows * labelNames.length. */
  truth: Uint8Array;
  /** Scores in [0, 1] (probabilities, logits already through a sigmoid, or hard 0/1), label-major. */
  scores: Float64Array;
}

/**
 * scikit-learn's `zero_division`: the value of a precision/recall/F1 whose denominator is 0,
 * or 'exclude' to leave such a label out of the macro/weighted averages (and such a row out of
 * the samples average).
 */
export type ZeroDivision = 0 | 1 | 'exclude';

/** The column of label l: a view, not a copy. */
export function labelColumn<T extends Uint8Array | Float64Array>(values: T, rows: number, label: number): T {
  return values.subarray(label * rows, (label + 1) * rows) as T;
}
