/**
 * JSON shapes of the curve and threshold reports. Plain numbers, strings and nulls only, so a
 * report can be posted to the webview or printed by the CLI as it is. An infinite threshold
 * (the ROC curve's "predict nothing" start, the PR curve's final point) is `null`.
 */

/** Points of a precision-recall curve, in scikit-learn's order: thresholds ascending, recall non-increasing. */
export interface PrCurveJson {
  recall: number[];
  precision: number[];
  /** The last point, (recall 0, precision 1), has no threshold: `null`. */
  threshold: (number | null)[];
  /** Why the curve is empty, when it is. */
  note?: string;
}

/** Points of a ROC curve, in scikit-learn's order: thresholds descending, fpr and tpr non-decreasing. */
export interface RocCurveJson {
  fpr: number[];
  tpr: number[];
  /** The first point, (0, 0), stands for threshold +inf: `null`. */
  threshold: (number | null)[];
  /** Why the curve is empty, when it is. */
  note?: string;
}

/** The operating point of highest F1 (predict score >= threshold); ties go to the lower threshold. */
export interface F1Optimal {
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface LabelCurves {
  label: string;
  pr: PrCurveJson;
  roc: RocCurveJson;
  /** `null` when the label has no positives (every threshold has F1 0). */
  f1Optimal: F1Optimal | null;
}
