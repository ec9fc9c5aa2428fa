/**
 * A categorical column as one-hot over its K most frequent categories in the training rows, plus
 * one "other" column for every other category (rarer, or unseen in training), like scikit-learn's
 * OneHotEncoder(max_categories=K + 1, handle_unknown='infrequent_if_exist'). A missing value is all zeros.
 */
import type { CategoricalColumn } from '../../data/datasetTable.js';

export interface OneHotEncoding {
  kind: 'oneHot';
  column: string;
  /** The kept categories, most frequent first (ties: first declared or seen). */
  categories: string[];
}

/** How many of the given rows (all when omitted) hold each code of the column (missing not counted). */
export function categoryCounts(column: CategoricalColumn, rows?: ArrayLike<number>): Float64Array {
  const counts = new Float64Array(column.categories.length);
  const n = rows ? rows.length : column.codes.length;
  for (let r = 0; r < n; r++) {
    const code = column.codes[rows ? rows[r] : r];
    if (code >= 0) counts[code]++;
  }
  return counts;
}

/** Fits on the training rows' per-code counts (categoryCounts). */
export function fitOneHot(column: CategoricalColumn, topK: number, counts: Float64Array): OneHotEncoding {
  const seen = Array.from(counts.keys()).filter((c) => counts[c] > 0);
  seen.sort((a, b) => counts[b] - counts[a] || a - b);
  return { kind: 'oneHot', column: column.name, categories: seen.slice(0, topK).map((c) => column.categories[c]) };
}

/** The kept categories and "other". */
export function oneHotWidth(encoding: OneHotEncoding): number {
  return encoding.categories.length + 1;
}

/** Column index within the encoding of each code of the table's column: position among the kept ones, else "other". */
export function oneHotSlots(encoding: OneHotEncoding, column: CategoricalColumn): Int32Array {
  const position = new Map(encoding.categories.map((c, i) => [c, i]));
  return Int32Array.from(column.categories, (c) => position.get(c) ?? encoding.categories.length);
}

export function encodeOneHot(slots: Int32Array, code: number, out: Float32Array, offset: number, width: number): void {
  out.fill(0, offset, offset + width);
  if (code >= 0) out[offset + slots[code]] = 1;
}
