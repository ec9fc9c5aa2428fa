/**
 * A text column as hashed TF-IDF of word unigrams and bigrams, L2-normalised per row:
 * tokens as scikit-learn's default token_pattern (runs of 2+ word characters, lower-cased), each
 * term hashed (FNV-1a, 32-bit) into `dims` buckets, tf = raw count, idf = ln((1 + n) / (1 + df)) + 1
 * over the training rows (TfidfTransformer, smooth_idf=True), then the row scaled to unit L2 norm.
 */
import type { TextColumn } from '../../data/datasetTable.js';

export interface TfidfEncoding {
  kind: 'tfidf';
  column: string;
  dims: number;
  /** One idf per bucket (buckets never seen in training keep ln(1 + n) + 1). */
  idf: number[];
}

const TOKEN = /[\p{L}\p{N}_]{2,}/gu;

/** Lower-cased tokens, then the text's unigrams and bigrams ("a b"). */
export function terms(text: string): string[] {
  const tokens = text.toLowerCase().match(TOKEN) ?? [];
  const out = [...tokens];
  for (let i = 0; i + 1 < tokens.length; i++) out.push(`${tokens[i]} ${tokens[i + 1]}`);
  return out;
}

/** FNV-1a (32-bit) of the UTF-16 code units, reduced to a bucket. */
export function bucketOf(term: string, dims: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % dims;
}

export function fitTfidf(column: TextColumn, dims: number, rows?: ArrayLike<number>): TfidfEncoding {
  const df = new Float64Array(dims);
  const n = rows ? rows.length : column.values.length;
  const inRow = new Set<number>();
  for (let r = 0; r < n; r++) {
    const text = column.values[rows ? rows[r] : r];
    if (!text) continue;
    inRow.clear();
    for (const t of terms(text)) inRow.add(bucketOf(t, dims));
    for (const b of inRow) df[b]++;
  }
  return { kind: 'tfidf', column: column.name, dims, idf: Array.from(df, (d) => Math.log((1 + n) / (1 + d)) + 1) };
}

/** The row's non-zero buckets, ascending, and their TF-IDF values (unit L2 norm); none for a missing or empty text. */
export function tfidfEntries(encoding: TfidfEncoding, text: string | null): { buckets: Int32Array; values: Float64Array } {
  const { dims, idf } = encoding;
  const counts = new Map<number, number>();
  if (text) {
    for (const t of terms(text)) {
      const b = bucketOf(t, dims);
      counts.set(b, (counts.get(b) ?? 0) + 1);
    }
  }
  let norm = 0;
  for (const [b, c] of counts) norm += (c * idf[b]) ** 2;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  const buckets = Int32Array.from(counts.keys()).sort();
  const values = Float64Array.from(buckets, (b) => (counts.get(b) ?? 0) * idf[b] * scale);
  return { buckets, values };
}

/** Writes the row's dims values at out[offset..]; a missing or empty text is all zeros. */
export function encodeTfidf(encoding: TfidfEncoding, text: string | null, out: Float32Array, offset: number): void {
  out.fill(0, offset, offset + encoding.dims);
  const { buckets, values } = tfidfEntries(encoding, text);
  for (let i = 0; i < buckets.length; i++) out[offset + buckets[i]] = values[i];
}
