/**
 * One label's column ranked by score: the arrays of scikit-learn's `_binary_clf_curve`
 * (thresholds = distinct scores descending; tp/fp = how many positives/negatives score >= each
 * threshold), computed without index arrays or a comparator sort: by counting exact integer keys
 * when the scores have them over a small range (countedColumn.ts), else by sorting the positives'
 * and negatives' scores separately and merging from the top.
 */
import { countingLimit, rankTaggedKeys, tagDecimalKeys, tagSplitKeys, type RankedOutput, type TaggedKeys } from './countedColumn.js';
import { addNegatives, addNegativeSteps, negativeSink, type MicroAveragePrecisionTally } from './meanAveragePrecision.js';
import { decodeScoreKeys, detectScoreKeys, encodeSplitKeys, guessDecimals, sortKeys, type ScoreKeys } from './scoreKeys.js';
import { sortDoubles } from './sortScores.js';
import { splitSortedDecimal } from './splitDecimal.js';

/** Columns at least this long try the exact integer-key sort (scoreKeys.ts). */
const KEY_MIN_LENGTH = 1024;

export interface RankedLabel {
  /** Distinct scores, descending. */
  thresholds: Float64Array;
  /** Cumulative true positives at each threshold (predicting score >= threshold). */
  tp: Int32Array;
  /** Cumulative false positives at each threshold. */
  fp: Int32Array;
  positives: number;
  negatives: number;
}

/** The positives' and the negatives' scores of one column, each sorted ascending. */
export interface SplitScores {
  positive: Float64Array;
  negative: Float64Array;
  /** When known: every score of the column is an exact multiple of 1 / scale (scale = 10**d); see scoreKeys.ts. */
  scale?: number;
}

/**
 * Reusable memory for ranking many columns of the same length: two buffers of `rows` doubles
 * and two of `rows` int32. Results built in a workspace are views into it, valid until its next use.
 */
export interface RankWorkspace {
  split: Float64Array;
  scratch: Float64Array;
  thresholds: Float64Array;
  tp: Int32Array;
  fp: Int32Array;
}

export function rankWorkspace(rows: number): RankWorkspace {
  return { split: new Float64Array(rows), scratch: new Float64Array(rows), thresholds: new Float64Array(rows), tp: new Int32Array(rows), fp: new Int32Array(rows) };
}

/** Split a column's scores by truth and sort each part ascending (into `workspace` when given). */
export function splitSorted(truth: Uint8Array, scores: Float64Array, workspace?: RankWorkspace): SplitScores {
  const n = truth.length;
  if (n < KEY_MIN_LENGTH) return splitSortedDoubles(truth, scores, workspace);
  const words = workspace ? new Uint32Array(workspace.scratch.buffer, workspace.scratch.byteOffset, 2 * n) : new Uint32Array(2 * n);
  const buffer = workspace ? workspace.split.subarray(0, n) : new Float64Array(n);
  const split = splitSortedDecimal(truth, scores, words, buffer);
  if (split !== null) return { positive: buffer.subarray(0, split.positives), negative: buffer.subarray(split.positives), scale: split.scale };
  const encoding = detectScoreKeys(scores, 0, n);
  if (encoding === null) return splitSortedDoubles(truth, scores, workspace);
  return splitSortedKeys(encoding, truth, scores, words, buffer);
}

/** Split and sort a column by its exact keys (`words`: 2n uint32 of scratch; `buffer`: n doubles). */
function splitSortedKeys(encoding: ScoreKeys, truth: Uint8Array, scores: Float64Array, words: Uint32Array, buffer: Float64Array): SplitScores {
  const n = truth.length;
  const positives = encodeSplitKeys(encoding, truth, scores, words);
  const positive = buffer.subarray(0, positives);
  const negative = buffer.subarray(positives);
  decodeScoreKeys(encoding, sortKeys(words.subarray(0, positives), words.subarray(n, n + positives), encoding.range), positive);
  decodeScoreKeys(encoding, sortKeys(words.subarray(positives, n), words.subarray(n), encoding.range), negative);
  return { positive, negative };
}

/** The float64 path of splitSorted (any scores; NaN rejected). */
function splitSortedDoubles(truth: Uint8Array, scores: Float64Array, workspace?: RankWorkspace): SplitScores {
  let positives = 0;
  for (let i = 0; i < truth.length; i++) positives += truth[i] !== 0 ? 1 : 0;
  const buffer = workspace ? workspace.split.subarray(0, truth.length) : new Float64Array(truth.length);
  const positive = buffer.subarray(0, positives);
  const negative = buffer.subarray(positives);
  let p = 0;
  let n = 0;
  for (let i = 0; i < truth.length; i++) {
    const s = scores[i];
    if (s !== s) throw new RangeError(`score ${i} is NaN`);
    if (truth[i] !== 0) positive[p++] = s;
    else negative[n++] = s;
  }
  const scratch = workspace?.scratch;
  return { positive: sortDoubles(positive, scratch), negative: sortDoubles(negative, scratch) };
}

/** sklearn `_binary_clf_curve` (no sample weights, pos_label 1) for one label's column. */
export function rankLabel(truth: Uint8Array, scores: Float64Array): RankedLabel {
  return rankColumn(truth, scores).ranked;
}

/** A ranked column, and how: by counting keys (countedColumn.ts) or by sorting. */
export interface RankedColumn {
  ranked: RankedLabel;
  counted: boolean;
}

/**
 * Rank a column: by counting keys (countedColumn.ts) when its scores have exact integer keys over
 * a small enough range, else by splitSorted and rankSplit (both give the same arrays, bit for bit);
 * and add its negatives to `tally` (whose thresholds are those of the whole matrix) when given.
 */
export function rankColumn(truth: Uint8Array, scores: Float64Array, workspace?: RankWorkspace, tally?: MicroAveragePrecisionTally | null): RankedColumn {
  const n = truth.length;
  if (n < KEY_MIN_LENGTH) return sortedColumn(splitSortedDoubles(truth, scores, workspace), workspace, tally);
  const limit = countingLimit(n);
  const words = workspace ? new Uint32Array(workspace.scratch.buffer, workspace.scratch.byteOffset, 2 * n) : new Uint32Array(2 * n);
  const decimals = guessDecimals(scores, n);
  if (decimals >= 0) {
    const scale = 10 ** decimals;
    const tagged = tagDecimalKeys(truth, scores, scale, limit, words);
    if (tagged) return countedColumn(tagged, { kind: 'decimal', scale, offset: 0 }, workspace, tally);
  }
  const buffer = workspace ? workspace.split.subarray(0, n) : new Float64Array(n);
  const split = decimals >= 0 ? splitSortedDecimal(truth, scores, words, buffer) : null;
  if (split !== null) return sortedColumn({ positive: buffer.subarray(0, split.positives), negative: buffer.subarray(split.positives), scale: split.scale }, workspace, tally);
  const encoding = detectScoreKeys(scores, 0, n);
  if (encoding === null) return sortedColumn(splitSortedDoubles(truth, scores, workspace), workspace, tally);
  if (encoding.range >= limit) return sortedColumn(splitSortedKeys(encoding, truth, scores, words, buffer), workspace, tally);
  return countedColumn(tagSplitKeys(words, encodeSplitKeys(encoding, truth, scores, words), n, encoding.range), encoding, workspace, tally);
}

function countedColumn(tagged: TaggedKeys, encoding: Pick<ScoreKeys, 'kind' | 'scale' | 'offset'>, workspace: RankWorkspace | undefined, tally: MicroAveragePrecisionTally | null | undefined): RankedColumn {
  const sink = tally ? negativeSink(tally, encoding) : undefined;
  const walked = rankTaggedKeys(tagged, tagged.words.subarray(tagged.n, 2 * tagged.n), encoding, rankedOutput(tagged.n, workspace), sink);
  if (tally && !sink) addNegativeSteps(tally, walked, encoding.kind === 'decimal' ? encoding.scale : undefined);
  // Without a workspace the result is kept: exact-length copies, not views of column-length arrays.
  const ranked = workspace ? walked : { ...walked, thresholds: walked.thresholds.slice(), tp: walked.tp.slice(), fp: walked.fp.slice() };
  return { ranked, counted: true };
}

function sortedColumn(split: SplitScores, workspace: RankWorkspace | undefined, tally: MicroAveragePrecisionTally | null | undefined): RankedColumn {
  if (tally) addNegatives(tally, split.negative, split.scale);
  return { ranked: rankSplit(split, workspace), counted: false };
}

function rankedOutput(n: number, workspace: RankWorkspace | undefined): RankedOutput {
  return workspace ?? { thresholds: new Float64Array(n), tp: new Int32Array(n), fp: new Int32Array(n) };
}

/** Merge the two ascending runs from the top into the `_binary_clf_curve` arrays (views into `workspace` when given). */
export function rankSplit({ positive, negative }: SplitScores, workspace?: RankWorkspace): RankedLabel {
  const size = positive.length + negative.length;
  const thresholds = workspace ? workspace.thresholds : new Float64Array(size);
  const tp = workspace ? workspace.tp : new Int32Array(size);
  const fp = workspace ? workspace.fp : new Int32Array(size);
  let i = positive.length - 1;
  let j = negative.length - 1;
  let k = 0;
  while (i >= 0 || j >= 0) {
    const top = i < 0 ? negative[j] : j < 0 ? positive[i] : positive[i] > negative[j] ? positive[i] : negative[j];
    while (i >= 0 && positive[i] === top) i--;
    while (j >= 0 && negative[j] === top) j--;
    thresholds[k] = top;
    tp[k] = positive.length - 1 - i;
    fp[k] = negative.length - 1 - j;
    k++;
  }
  return {
    thresholds: workspace ? thresholds.subarray(0, k) : k === size ? thresholds : thresholds.slice(0, k),
    tp: workspace ? tp.subarray(0, k) : k === size ? tp : tp.slice(0, k),
    fp: workspace ? fp.subarray(0, k) : k === size ? fp : fp.slice(0, k),
    positives: positive.length,
    negatives: negative.length,
  };
}
