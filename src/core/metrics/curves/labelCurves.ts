import { UsageError } from '../../errors.js';
import type { RankedLabel } from '../rankedColumn.js';
import type { EvaluationData } from '../types.js';
import { bestF1Index, f1OptimalAt } from './bestF1.js';
import { prCandidates, rocCandidates } from './curveCandidates.js';
import { rankLabels } from './rankLabels.js';
import { simplifyPolyline } from './simplifyPolyline.js';
import type { LabelCurves, PrCurveJson, RocCurveJson } from './types.js';

export interface CurveOptions {
  /** Most points per curve after downsampling (default 200, at least 3). */
  maxPoints?: number;
}

export const DEFAULT_MAX_CURVE_POINTS = 200;

/** Curves up to this many points are simplified from every point; longer ones from a grid pre-aggregation. */
const SIMPLIFY_ALL_MAX = 4096;

const NO_POSITIVES_PR = 'No positives for this label: recall is undefined, so there is no precision-recall curve.';
const NO_POSITIVES_ROC = 'No positives for this label: the ROC curve is undefined with one class only.';
const NO_NEGATIVES_ROC = 'No negatives for this label: the ROC curve is undefined with one class only.';

/** Per-label PR and ROC curves for plotting, each downsampled to at most `maxPoints` points. */
export function labelCurves(
  data: EvaluationData,
  options: CurveOptions = {},
  ranked: RankedLabel[] = rankLabels(data),
): LabelCurves[] {
  return data.labelNames.map((name, l) => curvesOfLabel(name, ranked[l], options));
}

/**
 * One label's curves: the points of scikit-learn's curves (precision_recall_curve, and
 * roc_curve with drop_intermediate=False), downsampled in plot space keeping both endpoints and
 * the F1-optimal point (on the ROC curve too, so both charts can mark it). Curves that fit in
 * maxPoints are returned whole.
 */
export function curvesOfLabel(label: string, ranked: RankedLabel, options: CurveOptions = {}, best = bestF1Index(ranked)): LabelCurves {
  const maxPoints = options.maxPoints ?? DEFAULT_MAX_CURVE_POINTS;
  if (!Number.isInteger(maxPoints) || maxPoints < 3) {
    throw new UsageError(`maxPoints must be an integer of at least 3, got ${maxPoints}.`);
  }
  return {
    label,
    pr: prCurveJson(ranked, best, maxPoints),
    roc: rocCurveJson(ranked, best, maxPoints),
    f1Optimal: best < 0 ? null : f1OptimalAt(ranked, best),
  };
}

/**
 * The ranked indices to choose the plotted points from, ascending: all of them for a short
 * curve, else the grid pre-aggregation plus the F1-optimal point.
 */
function candidateIndices(
  ranked: RankedLabel,
  best: number,
  maxPoints: number,
  preAggregate: (ranked: RankedLabel, grid: number) => number[],
): number[] {
  const n = ranked.thresholds.length;
  if (n + 1 <= SIMPLIFY_ALL_MAX) return Array.from({ length: n }, (_, k) => k);
  const picked = preAggregate(ranked, Math.max(256, 2 * maxPoints));
  if (best >= 0 && !picked.includes(best)) {
    picked.push(best);
    picked.sort((a, b) => a - b);
  }
  return picked;
}

function prCurveJson(ranked: RankedLabel, best: number, maxPoints: number): PrCurveJson {
  const { thresholds, tp, fp, positives } = ranked;
  if (positives === 0) return { recall: [], precision: [], threshold: [], note: NO_POSITIVES_PR };
  // scikit-learn's order: thresholds ascending (ranked indices descending), then (recall 0, precision 1).
  const ks = candidateIndices(ranked, best, maxPoints, prCandidates).reverse();
  const recall = new Float64Array(ks.length + 1);
  const precision = new Float64Array(ks.length + 1);
  ks.forEach((k, i) => {
    recall[i] = tp[k] / positives;
    precision[i] = tp[k] / (tp[k] + fp[k]);
  });
  recall[ks.length] = 0;
  precision[ks.length] = 1;
  const keep = best < 0 ? [] : [ks.indexOf(best)];
  const json: PrCurveJson = { recall: [], precision: [], threshold: [] };
  for (const i of simplifyPolyline(recall, precision, maxPoints, keep)) {
    json.recall.push(recall[i]);
    json.precision.push(precision[i]);
    json.threshold.push(i < ks.length ? thresholds[ks[i]] : null);
  }
  return json;
}

function rocCurveJson(ranked: RankedLabel, best: number, maxPoints: number): RocCurveJson {
  const { thresholds, tp, fp, positives, negatives } = ranked;
  if (positives === 0 || negatives === 0) {
    return { fpr: [], tpr: [], threshold: [], note: positives === 0 ? NO_POSITIVES_ROC : NO_NEGATIVES_ROC };
  }
  // scikit-learn's order: (0, 0) for threshold +inf, then thresholds descending (ranked order).
  const ks = candidateIndices(ranked, best, maxPoints, rocCandidates);
  const fpr = new Float64Array(ks.length + 1);
  const tpr = new Float64Array(ks.length + 1);
  ks.forEach((k, i) => {
    fpr[i + 1] = fp[k] / negatives;
    tpr[i + 1] = tp[k] / positives;
  });
  const keep = best < 0 ? [] : [ks.indexOf(best) + 1];
  const json: RocCurveJson = { fpr: [], tpr: [], threshold: [] };
  for (const i of simplifyPolyline(fpr, tpr, maxPoints, keep)) {
    json.fpr.push(fpr[i]);
    json.tpr.push(tpr[i]);
    json.threshold.push(i === 0 ? null : thresholds[ks[i - 1]]);
  }
  return json;
}
