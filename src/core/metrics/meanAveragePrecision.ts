import { detectScoreKeys } from './scoreKeys.js';
import { sortAscending } from './sortScores.js';
import type { EvaluationData } from './types.js';

/** Mean average precision three ways (scikit-learn `average_precision_score` averages). */
export interface MeanAveragePrecision {
  macro: number;
  micro: number;
  weighted: number;
}

/** average='macro': the plain mean of the per-label APs (labels without positives count as 0). */
export function macroAveragePrecision(perLabel: ArrayLike<number>): number {
  let sum = 0;
  for (let l = 0; l < perLabel.length; l++) sum += perLabel[l];
  return perLabel.length === 0 ? 0 : sum / perLabel.length;
}

/** average='weighted': the mean weighted by support; 0 when no label has a positive (sklearn returns 0). */
export function weightedAveragePrecision(perLabel: ArrayLike<number>, support: ArrayLike<number>): number {
  let sum = 0;
  let total = 0;
  for (let l = 0; l < perLabel.length; l++) {
    sum += support[l] === 0 ? 0 : support[l] * perLabel[l];
    total += support[l];
  }
  return total === 0 ? 0 : sum / total;
}

/**
 * average='micro': the AP of all (row, label) cells flattened into one binary problem. Only the
 * distinct scores of positive cells change recall, so the curve is tallied on those thresholds:
 * how many positive and how many negative cells score in [u_m, u_{m+1}). Negatives arrive one
 * label at a time, already sorted, and are merged into the tally.
 */
export interface MicroAveragePrecisionTally {
  /** Distinct positive-cell scores, ascending. */
  thresholds: Float64Array;
  positivesAt: Int32Array;
  negativesAt: Int32Array;
  positives: number;
  /**
   * When every threshold is a short decimal K / scale: bins[k] is the bin of key offset + k (the
   * highest threshold whose key is <= it), for k in [0, bins.length); higher keys go to the last bin.
   * Negatives known to be exact multiples of 1 / scale are then binned by key, not by merging.
   */
  keyBins?: KeyBins;
}

export interface KeyBins {
  scale: number;
  offset: number;
  bins: Int32Array;
}

/** Largest key range binned by key (4 M int32, 16 MB); wider ranges merge. */
const KEY_BINS_MAX = 1 << 22;

/** Start the tally from the positive cells of the whole matrix. */
export function startMicroTally(data: EvaluationData): MicroAveragePrecisionTally {
  const { truth, scores } = data;
  let positives = 0;
  for (let i = 0; i < truth.length; i++) positives += truth[i] !== 0 ? 1 : 0;
  const sorted = new Float64Array(positives);
  let k = 0;
  for (let i = 0; i < truth.length; i++) if (truth[i] !== 0) sorted[k++] = scores[i];
  sortAscending(sorted);
  const thresholds = new Float64Array(positives);
  const positivesAt = new Int32Array(positives);
  let m = -1;
  for (let i = 0; i < positives; i++) {
    if (m < 0 || sorted[i] !== thresholds[m]) thresholds[++m] = sorted[i];
    positivesAt[m]++;
  }
  const distinct = thresholds.slice(0, m + 1);
  const tally: MicroAveragePrecisionTally = { thresholds: distinct, positivesAt: positivesAt.slice(0, m + 1), negativesAt: new Int32Array(m + 1), positives };
  const keyBins = keyBinsOf(distinct);
  if (keyBins) tally.keyBins = keyBins;
  return tally;
}

/** The key-to-bin table of ascending distinct thresholds, when they are short decimals over a small key range. */
export function keyBinsOf(thresholds: Float64Array): KeyBins | undefined {
  const encoding = detectScoreKeys(thresholds);
  if (encoding === null || encoding.kind !== 'decimal' || encoding.range >= KEY_BINS_MAX) return undefined;
  const { scale, offset } = encoding;
  const bins = new Int32Array(encoding.range + 1);
  let m = 0;
  for (let k = 0; k < bins.length; k++) {
    while (m + 1 < thresholds.length && Math.round(thresholds[m + 1] * scale) - offset <= k) m++;
    bins[k] = m;
  }
  return { scale, offset, bins };
}

/**
 * Add one label's negative scores (sorted ascending): each lands in the bin of the highest
 * threshold <= it. `scale`: every negative is an exact multiple of 1 / scale (scale a power of 10),
 * so when the tally's thresholds are decimals too, with a scale that is a multiple of it, each
 * negative's bin is looked up by its exact key (k / S === v and t / S === u, so k <= K iff v <= u).
 */
export function addNegatives(tally: MicroAveragePrecisionTally, negative: Float64Array, scale?: number): void {
  const { thresholds, negativesAt, keyBins } = tally;
  const last = thresholds.length - 1;
  if (last < 0) return;
  if (keyBins && scale !== undefined && keyBins.scale % scale === 0) {
    const { bins, offset } = keyBins;
    const S = keyBins.scale;
    const top = bins.length - 1;
    for (let j = 0; j < negative.length; j++) {
      const k = Math.round(negative[j] * S) - offset;
      if (k >= 0) negativesAt[k > top ? last : bins[k]]++;
    }
    return;
  }
  let m = 0;
  for (let j = 0; j < negative.length; j++) {
    const v = negative[j];
    if (v < thresholds[0]) continue;
    while (m < last && thresholds[m + 1] <= v) m++;
    negativesAt[m]++;
  }
}

/** The step-wise sum (R_n - R_{n-1}) P_n from the top threshold down; 0 without positives, as sklearn. */
export function microAveragePrecision(tally: MicroAveragePrecisionTally): number {
  const { positivesAt, negativesAt, positives } = tally;
  if (positives === 0) return 0;
  let tp = 0;
  let fp = 0;
  let previousRecall = 0;
  let sum = 0;
  for (let m = positivesAt.length - 1; m >= 0; m--) {
    tp += positivesAt[m];
    fp += negativesAt[m];
    const recall = tp / positives;
    sum += (recall - previousRecall) * (tp / (tp + fp));
    previousRecall = recall;
  }
  return sum;
}
