/**
 * Ascending sort of a column of scores. Non-negative doubles (scores in [0, 1]) order like their
 * raw IEEE-754 bit patterns read as unsigned integers. The sort is a two-pass least-significant-digit
 * radix sort on a 22-bit key taken from the high 32-bit word (sign, exponent and the top 20 mantissa
 * bits, minus the smallest high word, shifted right until the range fits), which orders the values
 * up to ties of the key, followed by a pass that orders each run of equal keys by full value (such
 * runs are short unless scores tie, and tied runs are already in order). Columns with a negative or -0 score, or short columns, go to
 * the native typed-array sort, which orders doubles the same way.
 */
import { decodeScoreKeys, detectScoreKeys, encodeScoreKeys, sortKeys } from './scoreKeys.js';

const BITS = 11;
const BUCKETS = 1 << BITS;
const MASK = BUCKETS - 1;
const RADIX_MIN_LENGTH = 1 << 12;
const INSERTION_MAX = 24;

/**
 * Sort a Float64Array ascending in place and return it; `scratch` (at least as long) avoids an allocation.
 * Columns with exact small-integer keys (few decimals, or float32 values; see scoreKeys.ts) are sorted
 * as unsigned integer keys and converted back, which gives the same doubles in the same order.
 */
export function sortAscending(values: Float64Array, scratch?: Float64Array): Float64Array {
  if (values.length < RADIX_MIN_LENGTH) return values.sort();
  const encoding = detectScoreKeys(values);
  if (encoding !== null) {
    const n = values.length;
    const words = scratch && scratch.length >= n ? new Uint32Array(scratch.buffer, scratch.byteOffset, 2 * n) : new Uint32Array(2 * n);
    const keys = words.subarray(0, n);
    encodeScoreKeys(encoding, values, 0, n, keys, 0);
    decodeScoreKeys(encoding, sortKeys(keys, words.subarray(n), encoding.range), values);
    return values;
  }
  return sortDoubles(values, scratch);
}

/** The float64 path: radix on the high words, then runs of equal keys by full value. */
export function sortDoubles(values: Float64Array, scratch?: Float64Array): Float64Array {
  if (values.length < RADIX_MIN_LENGTH) return values.sort();
  const words = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
  let low = 0xffffffff;
  let high = 0;
  for (let i = 1; i < words.length; i += 2) {
    const hi = words[i];
    if (hi < low) low = hi;
    if (hi > high) high = hi;
  }
  if (high >>> 31 !== 0) return values.sort();
  const rangeBits = 32 - Math.clz32(high - low);
  const shift = Math.max(0, rangeBits - 2 * BITS);
  const passes = Math.ceil((rangeBits - shift) / BITS);
  if (passes > 0) radixPasses(values, low, shift, passes, scratch);
  orderEqualKeys(values, low, shift);
  return values;
}

/** Stable scatter passes over the digits of (high word - low), lowest digit first. */
function radixPasses(values: Float64Array, low: number, shift: number, passes: number, scratch: Float64Array | undefined): void {
  const n = values.length;
  const counts = digitCounts(values, low, shift, passes);
  const starts = new Int32Array(BUCKETS);
  let src: Float64Array = values;
  let dst: Float64Array = scratch && scratch.length >= n ? scratch.subarray(0, n) : new Float64Array(n);
  for (let pass = 0; pass < passes; pass++) {
    let sum = 0;
    for (let d = 0; d < BUCKETS; d++) {
      starts[d] = sum;
      sum += counts[pass * BUCKETS + d];
    }
    scatter(src, dst, starts, low, shift + pass * BITS);
    const swap = src;
    src = dst;
    dst = swap;
  }
  if (src !== values) values.set(src);
}

function digitCounts(values: Float64Array, low: number, shift: number, passes: number): Int32Array {
  const words = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
  const counts = new Int32Array(passes * BUCKETS);
  for (let i = 1; i < words.length; i += 2) {
    const key = (words[i] - low) >>> shift;
    for (let pass = 0; pass < passes; pass++) counts[pass * BUCKETS + ((key >>> (pass * BITS)) & MASK)]++;
  }
  return counts;
}

function scatter(src: Float64Array, dst: Float64Array, starts: Int32Array, low: number, shift: number): void {
  const words = new Uint32Array(src.buffer, src.byteOffset, 2 * src.length);
  for (let i = 0; i < src.length; i++) {
    const d = (((words[2 * i + 1] - low) >>> 0) >>> shift) & MASK;
    dst[starts[d]++] = src[i];
  }
}

/** Sort every run of values that share a key by full value. */
function orderEqualKeys(values: Float64Array, low: number, shift: number): void {
  const words = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
  let start = 0;
  let key = (words[1] - low) >>> shift;
  for (let i = 1; i <= values.length; i++) {
    const next = i < values.length ? (words[2 * i + 1] - low) >>> shift : -1;
    if (next === key) continue;
    key = next;
    if (i - start > 1) sortRun(values, start, i);
    start = i;
  }
}

function sortRun(values: Float64Array, start: number, end: number): void {
  if (end - start > INSERTION_MAX) {
    values.subarray(start, end).sort();
    return;
  }
  for (let i = start + 1; i < end; i++) {
    const v = values[i];
    let j = i - 1;
    while (j >= start && values[j] > v) {
      values[j + 1] = values[j];
      j--;
    }
    values[j + 1] = v;
  }
}
