/**
 * The sort-free path of ranking one label's column: when every score has an exact integer key
 * (scoreKeys.ts) below 2^24 and the keys span a range not much wider than the column is long,
 * the keys are spread once into buckets by their high bits (a counting sort's scatter, Knuth
 * TAOCP vol. 3, 5.2), and each bucket, from the top, is counted per key in a small table that stays
 * in cache and walked down, emitting rankSplit's arrays (distinct thresholds descending,
 * cumulative tp and fp). No comparisons and no second radix pass or merge. Keys are exact and
 * order-preserving, so the result is the sorted path's, bit for bit.
 */
import type { RankedLabel } from './rankedColumn.js';
import type { ScoreKeys } from './scoreKeys.js';

/** Columns whose keys span at most this many times their length are counted, not sorted. */
export const COUNT_RANGE_FACTOR = 8;
/** Keys must be below this (so a bucket's table has at most 2^13 keys). */
const COUNT_KEY_LIMIT = 1 << 24;
const BUCKET_BITS = 11;
const BUCKETS = 1 << BUCKET_BITS;

/** The most distinct keys (range + 1) a column of `rows` scores is counted over. */
export function countingLimit(rows: number): number {
  return Math.min(COUNT_RANGE_FACTOR * rows, COUNT_KEY_LIMIT);
}

/**
 * A column's keys, tagged 2k + 1 for a positive and 2k for a negative, in words[0, n), with the
 * histogram of their buckets (key >>> shift) in `buckets`.
 */
export interface TaggedKeys {
  words: Uint32Array;
  n: number;
  shift: number;
  buckets: Int32Array;
  /** The largest key. */
  max: number;
}

/** The bucket shift for keys below `limit`: the high (up to) 11 bits pick the bucket. */
function bucketShift(limit: number): number {
  return Math.max(0, 32 - Math.clz32(Math.max(1, limit - 1)) - BUCKET_BITS);
}

/**
 * Tag a column of non-negative short decimals: key k = Math.round(s * scale) for every score s
 * (scoreKeys.ts shows k / scale === s again). Null when some score is not such a decimal (NaN, -0,
 * negative, more decimals) or has a key >= limit (limit <= countingLimit).
 */
export function tagDecimalKeys(truth: Uint8Array, scores: Float64Array, scale: number, limit: number, words: Uint32Array): TaggedKeys | null {
  const n = truth.length;
  const shift = bucketShift(limit);
  const buckets = new Int32Array(BUCKETS);
  let max = 0;
  for (let i = 0; i < n; i++) {
    const s = scores[i];
    const k = Math.round(s * scale);
    if (k / scale !== s || !(k >= 0 && k < limit) || (k === 0 && 1 / s < 0)) return null;
    words[i] = 2 * k + (truth[i] !== 0 ? 1 : 0);
    buckets[k >>> shift]++;
    if (k > max) max = k;
  }
  return { words, n, shift, buckets, max };
}

/** Tag keys written by encodeSplitKeys (positives' in keys[0, positives), negatives' after; all <= range < countingLimit) in place. */
export function tagSplitKeys(keys: Uint32Array, positives: number, n: number, range: number): TaggedKeys {
  const shift = bucketShift(range + 1);
  const buckets = new Int32Array(BUCKETS);
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    keys[i] = 2 * k + (i < positives ? 1 : 0);
    buckets[k >>> shift]++;
  }
  return { words: keys, n, shift, buckets, max: range };
}

/** Where the counting walk writes: arrays of at least `rows` entries. */
export interface RankedOutput {
  thresholds: Float64Array;
  tp: Int32Array;
  fp: Int32Array;
}

/**
 * Bucket the tagged keys into `scratch` (n uint32, not overlapping `tagged.words`), then count and
 * walk each bucket from the top, emitting every key that occurs: its score (`encoding` maps key k
 * to the score of key k + offset) and the cumulative positives and negatives at or above it. The
 * result's arrays are views into `out`. With a `sink`, each key's negatives are also added to it.
 */
/**
 * Where the walk adds each key's negatives: the micro-AP tally's bins by key (meanAveragePrecision.ts).
 * Key k of the column goes to negativesAt[bins[t]] with t = k * factor + shift when 0 <= t < bins.length,
 * to the last bin when t is larger, and nowhere when t < 0 (below the lowest threshold).
 */
export interface NegativeSink {
  bins: Int32Array;
  negativesAt: Int32Array;
  factor: number;
  shift: number;
}

export function rankTaggedKeys(tagged: TaggedKeys, scratch: Uint32Array, encoding: Pick<ScoreKeys, 'kind' | 'scale' | 'offset'>, out: RankedOutput, sink?: NegativeSink): RankedLabel {
  const { words, n, shift, buckets, max } = tagged;
  const ends = buckets;
  let sum = 0;
  for (let d = 0; d < BUCKETS; d++) {
    const c = ends[d];
    ends[d] = sum;
    sum += c;
  }
  // One bucket holding every key (short decimals) needs no scatter.
  const bucketed = max >>> shift === 0 ? words : scratch;
  if (bucketed === words) ends[0] = n;
  else {
    const tagShift = shift + 1;
    for (let i = 0; i < n; i++) {
      const w = words[i];
      scratch[ends[w >>> tagShift]++] = w;
    }
  }
  // ends[h] is now where bucket h ends (and h + 1 starts).
  const keys = 1 << shift;
  const lowMask = 2 * keys - 1;
  const table = new Int32Array(2 * keys);
  const occupied = new Uint32Array((keys + 31) >>> 5);
  const { thresholds, tp, fp } = out;
  const decimal = encoding.kind === 'decimal';
  const { scale, offset } = encoding;
  const bits32 = new Uint32Array(1);
  const float32 = new Float32Array(bits32.buffer);
  const bins = sink ? sink.bins : new Int32Array(0);
  const negativesAt = sink ? sink.negativesAt : new Int32Array(0);
  const factor = sink ? sink.factor : 0;
  const binShift = sink ? sink.shift : 0;
  const top = bins.length - 1;
  const last = negativesAt.length - 1;
  let positives = 0;
  let negatives = 0;
  let m = 0;
  for (let h = max >>> shift; h >= 0; h--) {
    const start = h === 0 ? 0 : ends[h - 1];
    const end = ends[h];
    if (start === end) continue;
    for (let i = start; i < end; i++) {
      const low = bucketed[i] & lowMask;
      table[low]++;
      occupied[low >>> 6] |= 1 << ((low >>> 1) & 31);
    }
    const base = h << shift;
    for (let w = occupied.length - 1; w >= 0; w--) {
      let bits = occupied[w];
      if (bits === 0) continue;
      occupied[w] = 0;
      while (bits !== 0) {
        const b = 31 - Math.clz32(bits);
        bits ^= 1 << b;
        const low = (w << 5) | b;
        const negativesHere = table[2 * low];
        negatives += negativesHere;
        positives += table[2 * low + 1];
        table[2 * low] = 0;
        table[2 * low + 1] = 0;
        const k = base + low;
        if (negativesHere !== 0 && last >= 0) {
          const t = k * factor + binShift;
          if (t >= 0) negativesAt[t > top ? last : bins[t]] += negativesHere;
        }
        if (decimal) thresholds[m] = (k + offset) / scale;
        else {
          bits32[0] = k + offset;
          thresholds[m] = float32[0];
        }
        tp[m] = positives;
        fp[m] = negatives;
        m++;
      }
    }
  }
  return { thresholds: thresholds.subarray(0, m), tp: tp.subarray(0, m), fp: fp.subarray(0, m), positives, negatives };
}
