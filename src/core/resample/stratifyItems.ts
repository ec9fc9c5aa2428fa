/**
 * The "items" that iterative stratification balances across parts, as a row -> items matrix
 * (CSR) and its transpose item -> rows (CSC): labels for the first-order algorithm, label pairs
 * for the second-order one.
 */
import type { LabelMatrix } from '../data/labelMatrix.js';
import { UsageError } from '../errors.js';

/** Which items each row carries: row i holds items[offsets[i]] .. items[offsets[i+1]-1]. */
export interface RowItems {
  readonly rows: number;
  readonly itemCount: number;
  readonly offsets: Int32Array;
  readonly items: Int32Array;
}

/** The rows that carry each item: item t is in rows[offsets[t]] .. rows[offsets[t+1]-1], ascending. */
export interface ItemRows {
  readonly offsets: Int32Array;
  readonly rows: Int32Array;
}

/** Room for the pair incidences of a second-order split; beyond it a typed array cannot hold them. */
const MAX_PAIR_INCIDENCES = 1 << 30;

/** First order: the items are the labels themselves (no copy). */
export function labelItems(labels: LabelMatrix): RowItems {
  return { rows: labels.rows, itemCount: labels.labelCount, offsets: labels.offsets, items: labels.labels };
}

/**
 * Second order: each unordered pair {a, b} with a <= b of a row's labels is an item, the pair
 * {a, a} standing for label a itself (scikit-multilearn's IterativeStratification, order=2:
 * itertools.combinations_with_replacement of the row's labels), so single-label rows count too.
 */
export function labelPairItems(labels: LabelMatrix): RowItems {
  const { rows, offsets, labels: ids, labelCount } = labels;
  const itemOffsets = new Int32Array(rows + 1);
  let total = 0;
  for (let r = 0; r < rows; r++) {
    const n = offsets[r + 1] - offsets[r];
    total += (n * (n + 1)) / 2;
    if (total > MAX_PAIR_INCIDENCES) {
      throw new UsageError(
        `Second-order stratification would track more than ${MAX_PAIR_INCIDENCES} (row, label pair) incidences; the rows carry too many labels each. Use first-order stratification (order 1).`,
      );
    }
    itemOffsets[r + 1] = total;
  }
  const items = new Int32Array(total);
  const idOfPair = new Map<number, number>();
  let out = 0;
  for (let r = 0; r < rows; r++) {
    const end = offsets[r + 1];
    for (let i = offsets[r]; i < end; i++) {
      const rowKey = ids[i] * labelCount;
      for (let j = i; j < end; j++) {
        const key = rowKey + ids[j];
        let id = idOfPair.get(key);
        if (id === undefined) {
          id = idOfPair.size;
          idOfPair.set(key, id);
        }
        items[out++] = id;
      }
    }
  }
  return { rows, itemCount: idOfPair.size, offsets: itemOffsets, items };
}

/** The item -> rows transpose of a row -> items matrix (a counting sort by item). */
export function transposeItems(rowItems: RowItems): ItemRows {
  const { rows, itemCount, offsets, items } = rowItems;
  const itemOffsets = new Int32Array(itemCount + 1);
  for (let p = 0; p < items.length; p++) itemOffsets[items[p] + 1]++;
  for (let t = 0; t < itemCount; t++) itemOffsets[t + 1] += itemOffsets[t];
  const next = itemOffsets.slice(0, itemCount);
  const itemRows = new Int32Array(items.length);
  for (let r = 0; r < rows; r++) {
    for (let p = offsets[r]; p < offsets[r + 1]; p++) itemRows[next[items[p]]++] = r;
  }
  return { offsets: itemOffsets, rows: itemRows };
}
