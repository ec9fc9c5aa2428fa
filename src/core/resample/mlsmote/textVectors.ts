/**
 * Text as hashed bag-of-words vectors (the hashing trick, Weinberger et al., ICML 2009, without
 * the sign hash): the words of all text columns of a row, lower-cased runs of letters and
 * digits, counted into 2^12 buckets by FNV-1a of the word, then scaled to unit L2 norm, so that
 * cosine similarity is a dot product. Stored sparse, bucket indices ascending per row.
 */
export const HASH_BUCKETS = 4096;

export interface SparseVectors {
  readonly rows: number;
  /** rows + 1 entries into `indices` / `values`. */
  readonly offsets: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float64Array;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** 32-bit FNV-1a over the UTF-16 code units of a word. */
export function fnv1a(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The bucket of a word. */
export function wordBucket(word: string): number {
  return fnv1a(word) & (HASH_BUCKETS - 1);
}

/** One unit vector per given row (a row with no word gets the zero vector), from its texts. */
export function hashedBagOfWords(texts: readonly (readonly (string | null)[])[], rows: ArrayLike<number>): SparseVectors {
  const counts = new Float64Array(HASH_BUCKETS);
  const touched: number[] = [];
  const offsets = new Int32Array(rows.length + 1);
  const indices: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    for (const column of texts) {
      const text = column[rows[i]];
      if (!text) continue;
      for (const match of text.toLowerCase().matchAll(WORD)) {
        const b = wordBucket(match[0]);
        if (counts[b] === 0) touched.push(b);
        counts[b]++;
      }
    }
    touched.sort((a, b) => a - b);
    let norm = 0;
    for (const b of touched) norm += counts[b] * counts[b];
    norm = Math.sqrt(norm);
    for (const b of touched) {
      indices.push(b);
      values.push(counts[b] / norm);
      counts[b] = 0;
    }
    touched.length = 0;
    offsets[i + 1] = indices.length;
  }
  return { rows: rows.length, offsets, indices: Int32Array.from(indices), values: Float64Array.from(values) };
}
