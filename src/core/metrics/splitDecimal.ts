/**
 * The fast path of splitSorted for columns of short decimals (the usual case: probabilities read from
 * a CSV): one pass checks every score against a guessed number of decimals d, converts it to its
 * exact integer key k = Math.round(s * 10**d) (see scoreKeys.ts for why k / 10**d is s again, bit
 * for bit), writes the positives' and the negatives' keys apart and counts both radix digits; then
 * two stable scatter passes on 11-bit digits sort each part, the second one writing the doubles.
 */
import { guessDecimals } from './scoreKeys.js';

const DIGIT_BITS = 11;
const BUCKETS = 1 << DIGIT_BITS;
const MASK = BUCKETS - 1;
/** Keys must fit two digits. */
const KEY_LIMIT = 1 << (2 * DIGIT_BITS);

/**
 * Split scores[0, n) (n = truth.length) by truth and sort each part ascending into out[0, p) and
 * out[p, n); `words` holds at least 2n uint32 of scratch. Returns p and the scale 10**d that every
 * score is an exact multiple of 1/scale of, or null (nothing useful written to `out`) when some
 * score is not a short decimal with keys below 2^22 (NaN, -0, negative, long).
 */
export function splitSortedDecimal(truth: Uint8Array, scores: Float64Array, words: Uint32Array, out: Float64Array): { positives: number; scale: number } | null {
  const n = truth.length;
  const decimals = guessDecimals(scores, n);
  if (decimals < 0) return null;
  const scale = 10 ** decimals;
  const counts = new Int32Array(4 * BUCKETS);
  let p = 0;
  let q = n;
  for (let i = 0; i < n; i++) {
    const s = scores[i];
    const k = Math.round(s * scale);
    if (k / scale !== s || !(k >= 0 && k < KEY_LIMIT)) return null;
    if (k === 0 && 1 / s < 0) return null;
    if (truth[i] !== 0) {
      words[p++] = k;
      counts[k & MASK]++;
      counts[BUCKETS + (k >>> DIGIT_BITS)]++;
    } else {
      words[--q] = k;
      counts[2 * BUCKETS + (k & MASK)]++;
      counts[3 * BUCKETS + (k >>> DIGIT_BITS)]++;
    }
  }
  sortPart(words, 0, p, counts, 0, words.subarray(n), out.subarray(0, p), scale);
  sortPart(words, p, n - p, counts, 2 * BUCKETS, words.subarray(n), out.subarray(p, n), scale);
  return { positives: p, scale };
}

/** LSD radix sort of words[start, start + length) by its two digits (counts at `at`), decoded into `out`. */
function sortPart(words: Uint32Array, start: number, length: number, counts: Int32Array, at: number, scratch: Uint32Array, out: Float64Array, scale: number): void {
  if (length === 0) return;
  const lowSingle = prefixSums(counts, at, length);
  prefixSums(counts, at + BUCKETS, length);
  const end = start + length;
  let src = words;
  let from = start;
  if (!lowSingle) {
    for (let i = start; i < end; i++) {
      const k = words[i];
      scratch[counts[at + (k & MASK)]++] = k;
    }
    src = scratch;
    from = 0;
  }
  const high = at + BUCKETS;
  for (let i = from, stop = from + length; i < stop; i++) {
    const k = src[i];
    out[counts[high + (k >>> DIGIT_BITS)]++] = k / scale;
  }
}

/** Turn counts[at, at + BUCKETS) into starting offsets; true when one bucket holds all `total`. */
function prefixSums(counts: Int32Array, at: number, total: number): boolean {
  let sum = 0;
  let single = false;
  for (let d = at, end = at + BUCKETS; d < end; d++) {
    const c = counts[d];
    if (c === total) single = true;
    counts[d] = sum;
    sum += c;
  }
  return single;
}
