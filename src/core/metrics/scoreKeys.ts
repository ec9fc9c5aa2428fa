/**
 * Exact small-integer keys for columns of scores, so they can be sorted as unsigned integers.
 *
 * Decimal: a score written with at most d decimals (d = 1..9), parsed to the nearest double,
 * satisfies `Math.round(s * 10**d) / 10**d === s` (the quotient is correctly rounded, so it is the
 * same nearest double), and conversely any s passing that test is that quotient. So
 * k = Math.round(s * 10**d) is an order-preserving, injective map to integers and k / 10**d gives
 * s back bit for bit. Float32: a score that is a float32 value (`Math.fround(s) === s`) and not
 * negative orders like its float32 bit pattern read as an unsigned integer, and converts back
 * exactly. Keys are stored minus the smallest one, so they span [0, range] with range < 2^32.
 * A column with NaN, -0, or values neither form covers has no keys (the caller falls back).
 */
export interface ScoreKeys {
  kind: 'decimal' | 'float32';
  /** decimal: 10**d; float32: 1 (unused). */
  scale: number;
  /** The smallest key, subtracted from every stored key. */
  offset: number;
  /** Largest stored key (largest key - offset). */
  range: number;
}

const MAX_DECIMALS = 9;
const KEY_LIMIT = 2 ** 31;

/** How values[start, end) map to exact keys, or null when they do not (NaN, -0, long decimals, out of range). */
export function detectScoreKeys(values: Float64Array, start = 0, end = values.length): ScoreKeys | null {
  if (end <= start) return null;
  let min = Infinity;
  let max = -Infinity;
  let decimals = 1;
  let scale = 10;
  let decimal = true;
  for (let i = start; i < end; i++) {
    const s = values[i];
    if (s < min) min = s;
    if (s > max) max = s;
    if (s === 0 && 1 / s < 0) return null;
    // Passing with d decimals implies passing with d + 1, so earlier values stay valid when d grows.
    if (decimal && Math.round(s * scale) / scale !== s) {
      while (decimals < MAX_DECIMALS) {
        decimals++;
        scale *= 10;
        if (Math.round(s * scale) / scale === s) break;
      }
      if (Math.round(s * scale) / scale !== s) decimal = false;
    }
  }
  if (!(min <= max)) return null;
  if (decimal && Math.abs(min) * scale < KEY_LIMIT && Math.abs(max) * scale < KEY_LIMIT) {
    const offset = Math.round(min * scale);
    return { kind: 'decimal', scale, offset, range: Math.round(max * scale) - offset };
  }
  if (min < 0) return null;
  for (let i = start; i < end; i++) if (Math.fround(values[i]) !== values[i]) return null;
  const bits = new Uint32Array(new Float32Array([min, max]).buffer);
  return { kind: 'float32', scale: 1, offset: bits[0], range: bits[1] - bits[0] };
}

/**
 * Write the keys of values[i] for i in [start, end) to keys[at + i - start]; `keys` must not share
 * memory with `values`.
 */
export function encodeScoreKeys(encoding: ScoreKeys, values: Float64Array, start: number, end: number, keys: Uint32Array, at: number): void {
  const { offset } = encoding;
  if (encoding.kind === 'decimal') {
    const { scale } = encoding;
    for (let i = start, k = at; i < end; i++, k++) keys[k] = Math.round(values[i] * scale) - offset;
    return;
  }
  const floats = new Float32Array(keys.buffer, keys.byteOffset + 4 * at, end - start);
  floats.set(values.subarray(start, end));
  const words = keys.subarray(at, at + end - start);
  for (let k = 0; k < words.length; k++) words[k] -= offset;
}

/** Write the scores of keys[0, n) to out[0, n); may add the offset back into `keys` in place. */
export function decodeScoreKeys(encoding: ScoreKeys, keys: Uint32Array, out: Float64Array): void {
  const n = out.length;
  const { offset } = encoding;
  if (encoding.kind === 'decimal') {
    const { scale } = encoding;
    for (let k = 0; k < n; k++) out[k] = (keys[k] + offset) / scale;
    return;
  }
  for (let k = 0; k < n; k++) keys[k] += offset;
  out.set(new Float32Array(keys.buffer, keys.byteOffset, n));
}

const MAX_DIGIT_BITS = 11;
const NATIVE_MAX = 256;

/**
 * Sort keys[0, n) ascending (every key <= range), using scratch[0, n) (not overlapping keys).
 * Least-significant-digit radix sort with up to 11-bit digits; digits that are the same for every
 * key are skipped. Returns whichever of the two buffers holds the sorted keys.
 */
export function sortKeys(keys: Uint32Array, scratch: Uint32Array, range: number): Uint32Array {
  const n = keys.length;
  if (n < 2 || range === 0) return keys;
  if (n <= NATIVE_MAX) return keys.sort();
  const bits = 32 - Math.clz32(range);
  const passes = Math.ceil(bits / MAX_DIGIT_BITS);
  const width = Math.ceil(bits / passes);
  const buckets = 1 << width;
  const mask = buckets - 1;
  const counts = new Int32Array(passes * buckets);
  if (passes === 1) {
    for (let i = 0; i < n; i++) counts[keys[i]]++;
  } else if (passes === 2) {
    for (let i = 0; i < n; i++) {
      const k = keys[i];
      counts[k & mask]++;
      counts[buckets + (k >>> width)]++;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const k = keys[i];
      for (let pass = 0; pass < passes; pass++) counts[pass * buckets + ((k >>> (pass * width)) & mask)]++;
    }
  }
  let src = keys;
  let dst = scratch.subarray(0, n);
  for (let pass = 0; pass < passes; pass++) {
    const base = pass * buckets;
    let sum = 0;
    let single = false;
    for (let d = 0; d < buckets; d++) {
      const c = counts[base + d];
      if (c === n) single = true;
      counts[base + d] = sum;
      sum += c;
    }
    if (single) continue;
    const shift = pass * width;
    if (shift === 0) {
      for (let i = 0; i < n; i++) {
        const k = src[i];
        dst[counts[k & mask]++] = k;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const k = src[i];
        dst[counts[base + ((k >>> shift) & mask)]++] = k;
      }
    }
    const swap = src;
    src = dst;
    dst = swap;
  }
  return src;
}

/**
 * Encode a column split by truth: the keys of scores whose truth is non-zero go to keys[0, p) and
 * the others to keys[p, n) (each part in no particular order). Returns p.
 */
export function encodeSplitKeys(encoding: ScoreKeys, truth: Uint8Array, values: Float64Array, keys: Uint32Array): number {
  const n = truth.length;
  let p = 0;
  let q = n;
  if (encoding.kind === 'decimal') {
    const { scale, offset } = encoding;
    for (let i = 0; i < n; i++) {
      const k = Math.round(values[i] * scale) - offset;
      if (truth[i] !== 0) keys[p++] = k;
      else keys[--q] = k;
    }
    return p;
  }
  const floats = new Float32Array(keys.buffer, keys.byteOffset, n);
  for (let i = 0; i < n; i++) {
    if (truth[i] !== 0) floats[p++] = values[i];
    else floats[--q] = values[i];
  }
  const { offset } = encoding;
  for (let k = 0; k < n; k++) keys[k] -= offset;
  return p;
}

const SAMPLE = 256;

/**
 * The fewest decimals (1..9) that a sample of up to 256 evenly spaced values of values[0, n) is
 * written with, or -1 when some sampled value has more (or is NaN, infinite, or huge). A guess: the
 * caller checks every value.
 */
export function guessDecimals(values: Float64Array, n: number): number {
  if (n === 0) return -1;
  const step = Math.max(1, Math.floor(n / SAMPLE));
  let decimals = 1;
  let scale = 10;
  for (let i = 0; i < n; i += step) {
    const s = values[i];
    while (Math.round(s * scale) / scale !== s) {
      if (decimals === MAX_DECIMALS) return -1;
      decimals++;
      scale *= 10;
    }
  }
  return decimals;
}
