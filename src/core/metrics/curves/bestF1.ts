import type { RankedLabel } from '../rankedColumn.js';
import { lastAtMost } from './gallop.js';
import type { F1Optimal } from './types.js';

/** F1 from counts with zero_division 0 (scikit-learn: F1 = 2tp / (2tp + fp + fn), 0 when that denominator is 0). */
export function f1FromCounts(tp: number, fp: number, fn: number): number {
  const denominator = 2 * tp + fp + fn;
  return denominator === 0 ? 0 : (2 * tp) / denominator;
}

/**
 * Index into `ranked.thresholds` of the threshold of highest F1 when predicting score >= threshold,
 * or -1 when the label has no positives (F1 is 0 everywhere). Ties go to the lower threshold (the
 * higher index). F1 at index k is 2tp / (tp + fp + positives); candidates are compared as exact
 * integer cross-products, so equal F1 values tie exactly rather than by rounding.
 */
export function bestF1Index(ranked: RankedLabel): number {
  const { tp, fp, positives } = ranked;
  if (positives === 0) return -1;
  let best = -1;
  let bestNumerator = 0;
  let bestDenominator = 1;
  // With tp fixed F1 only falls as fp grows, so only the first index of each run of equal tp can win.
  for (let k = 0; k < tp.length; k = lastAtMost(tp, k, tp[k]) + 1) {
    const numerator = 2 * tp[k];
    const denominator = tp[k] + fp[k] + positives;
    if (numerator * bestDenominator >= bestNumerator * denominator) {
      best = k;
      bestNumerator = numerator;
      bestDenominator = denominator;
    }
  }
  return bestNumerator === 0 ? -1 : best;
}

/** The F1-optimal operating point of a label, or null when it has no positives. */
export function f1OptimalPoint(ranked: RankedLabel): F1Optimal | null {
  const k = bestF1Index(ranked);
  return k < 0 ? null : f1OptimalAt(ranked, k);
}

/** The operating point at ranked index k (predict score >= thresholds[k]). */
export function f1OptimalAt(ranked: RankedLabel, k: number): F1Optimal {
  const tp = ranked.tp[k];
  const fp = ranked.fp[k];
  return {
    threshold: ranked.thresholds[k],
    precision: tp / (tp + fp),
    recall: tp / ranked.positives,
    f1: f1FromCounts(tp, fp, ranked.positives - tp),
  };
}
