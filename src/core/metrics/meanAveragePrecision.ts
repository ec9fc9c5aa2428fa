import type { NegativeSink } from './countedColumn.js';
import type { RankedLabel } from './rankedColumn.js';
import { detectScoreKeys, type ScoreKeys } from './scoreKeys.js';
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
  forEachNonZero(truth, () => positives++);
  const sorted = new Float64Array(positives);
  let k = 0;
  forEachNonZero(truth, (i) => (sorted[k++] = scores[i]));
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

/** Call `visit(i)` for each i, ascending, where values[i] !== 0; skips four zero bytes at a time (truth matrices are mostly 0). */
function forEachNonZero(values: Uint8Array, visit: (i: number) => void): void {
  const n = values.length;
  const head = Math.min(n, (4 - (values.byteOffset & 3)) & 3);
  const words = new Uint32Array(values.buffer, values.byteOffset + head, (n - head) >>> 2);
  for (let i = 0; i < head; i++) if (values[i] !== 0) visit(i);
  for (let w = 0; w < words.length; w++) {
    if (words[w] === 0) continue;
    for (let i = head + 4 * w, end = i + 4; i < end; i++) if (values[i] !== 0) visit(i);
  }
  for (let i = head + 4 * words.length; i < n; i++) if (values[i] !== 0) visit(i);
}

/** The key-to-bin table of ascending distinct thresholds, when they are short decimals over a small key range. */
export function keyBinsOf(thresholds: Float64Array): KeyBins | undefined {
  const encoding = detectScoreKeys(thresholds);
  if (encoding === null || encoding.kind !== 'decimal' || encoding.range >= KEY_BINS_MAX) return undefined;
  const { scale, offset } = encoding;
  const bins = new Int32Array(encoding.range + 1);
  // Threshold m owns the keys from its own (the first is 0) up to the next threshold's, exclusive.
  let from = 0;
  for (let m = 0; m < thresholds.length; m++) {
    const to = m + 1 < thresholds.length ? Math.round(thresholds[m + 1] * scale) - offset : bins.length;
    bins.fill(m, from, to);
    from = to;
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

/**
 * The tally's bins as a sink for a column counted by key (countedColumn.ts) under `encoding`, when
 * its keys map to the bins' keys exactly (decimal, with a scale dividing the bins' scale S): column
 * key k is the score (k + offset) / scale, which is ((k + offset) * S / scale) / S, so its bins' key
 * is (k + offset) * (S / scale) - bins offset, an integer computed exactly while below 2^53.
 */
export function negativeSink(tally: MicroAveragePrecisionTally, encoding: Pick<ScoreKeys, 'kind' | 'scale' | 'offset'>): NegativeSink | undefined {
  const { keyBins } = tally;
  if (!keyBins || tally.thresholds.length === 0 || encoding.kind !== 'decimal' || keyBins.scale % encoding.scale !== 0) return undefined;
  const factor = keyBins.scale / encoding.scale;
  return { bins: keyBins.bins, negativesAt: tally.negativesAt, factor, shift: encoding.offset * factor - keyBins.offset };
}

/**
 * addNegatives for a label ranked without sorting its negatives (countedColumn.ts): its negatives
 * are the steps of `ranked.fp`, fp[m] - fp[m - 1] of them scoring exactly thresholds[m] (descending);
 * each step lands in one bin, by key when `scale` allows (as in addNegatives), else by a merge from the top.
 */
export function addNegativeSteps(tally: MicroAveragePrecisionTally, ranked: RankedLabel, scale?: number): void {
  const { thresholds, negativesAt, keyBins } = tally;
  const last = thresholds.length - 1;
  if (last < 0) return;
  const values = ranked.thresholds;
  const { fp } = ranked;
  let previous = 0;
  if (keyBins && scale !== undefined && keyBins.scale % scale === 0) {
    const { bins, offset } = keyBins;
    const S = keyBins.scale;
    const top = bins.length - 1;
    for (let m = 0; m < values.length; m++) {
      const count = fp[m] - previous;
      previous = fp[m];
      if (count === 0) continue;
      const k = Math.round(values[m] * S) - offset;
      if (k < 0) break; // below the lowest threshold, as is every later (lower) value
      negativesAt[k > top ? last : bins[k]] += count;
    }
    return;
  }
  let t = last;
  for (let m = 0; m < values.length; m++) {
    const count = fp[m] - previous;
    previous = fp[m];
    if (count === 0) continue;
    const v = values[m];
    while (t >= 0 && thresholds[t] > v) t--;
    if (t < 0) break;
    negativesAt[t] += count;
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
