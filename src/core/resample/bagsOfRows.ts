/**
 * Bags of row indices, the unit the random resampling methods draw from (Charte et al.,
 * Neurocomputing 2015): one bag per label (the rows carrying it) for ML-ROS/ML-RUS, one bag per
 * distinct labelset (the rows carrying exactly it) for LP-ROS/LP-RUS. All bags share one array.
 */
import type { LabelMatrix } from '../data/labelMatrix.js';
import { randomInt } from './random.js';

/** Bag b holds rows[offsets[b]] .. rows[offsets[b] + sizes[b] - 1], ascending until drawn from. */
export interface RowBags {
  readonly count: number;
  /** count + 1 entries. */
  readonly offsets: Int32Array;
  readonly rows: Int32Array;
  /** Rows still in each bag (drawing without replacement shrinks it). */
  readonly sizes: Int32Array;
}

/** One bag per label of `labelIds` (in that order) with the rows carrying it, leaving out rows with exclude[r] = 1. */
export function labelBags(matrix: LabelMatrix, labelIds: readonly number[], exclude?: Uint8Array): RowBags {
  const bagOfLabel = new Int32Array(matrix.labelCount).fill(-1);
  labelIds.forEach((l, b) => (bagOfLabel[l] = b));
  const sizes = new Int32Array(labelIds.length);
  forEachMember(matrix, bagOfLabel, exclude, (b) => sizes[b]++);
  const offsets = prefixSums(sizes);
  const rows = new Int32Array(offsets[labelIds.length]);
  const filled = offsets.slice(0, labelIds.length);
  forEachMember(matrix, bagOfLabel, exclude, (b, r) => (rows[filled[b]++] = r));
  return { count: labelIds.length, offsets, rows, sizes };
}

function forEachMember(matrix: LabelMatrix, bagOfLabel: Int32Array, exclude: Uint8Array | undefined, visit: (bag: number, row: number) => void): void {
  for (let r = 0; r < matrix.rows; r++) {
    if (exclude !== undefined && exclude[r] === 1) continue;
    for (let k = matrix.offsets[r]; k < matrix.offsets[r + 1]; k++) {
      const b = bagOfLabel[matrix.labels[k]];
      if (b >= 0) visit(b, r);
    }
  }
}

/**
 * One bag per distinct labelset, in order of first appearance; rows without labels form the
 * empty labelset's bag (mldr counts the empty labelset as a labelset too).
 */
export function labelsetBags(matrix: LabelMatrix): RowBags {
  const labelsetOfRow = labelsetIdsOfRows(matrix);
  let count = 0;
  for (let r = 0; r < matrix.rows; r++) if (labelsetOfRow[r] + 1 > count) count = labelsetOfRow[r] + 1;
  const sizes = new Int32Array(count);
  for (let r = 0; r < matrix.rows; r++) sizes[labelsetOfRow[r]]++;
  const offsets = prefixSums(sizes);
  const rows = new Int32Array(matrix.rows);
  const filled = offsets.slice(0, count);
  for (let r = 0; r < matrix.rows; r++) rows[filled[labelsetOfRow[r]]++] = r;
  return { count, offsets, rows, sizes };
}

/**
 * The number of each row's labelset (0, 1, ... in order of first appearance). An open-addressing
 * table keyed by a hash of the row's label ids holds, per labelset, its first row, so equal hashes
 * are confirmed against the matrix itself and no key is built per row.
 */
export function labelsetIdsOfRows(matrix: LabelMatrix): Int32Array {
  const { offsets, labels } = matrix;
  let capacity = 2;
  while (capacity < matrix.rows * 2) capacity *= 2; // at most half full: no rehashing
  const mask = capacity - 1;
  const slots = new Int32Array(capacity); // labelset number + 1; 0 = free
  const firstRow = new Int32Array(matrix.rows);
  const hashOf = new Int32Array(matrix.rows);
  const labelsetOfRow = new Int32Array(matrix.rows);
  let size = 0;
  for (let r = 0; r < matrix.rows; r++) {
    const hash = hashIds(labels, offsets[r], offsets[r + 1]);
    let slot = hash & mask;
    for (;;) {
      const entry = slots[slot];
      if (entry === 0) {
        firstRow[size] = r;
        hashOf[size] = hash;
        slots[slot] = ++size;
        labelsetOfRow[r] = size - 1;
        break;
      }
      if (hashOf[entry - 1] === hash && sameLabels(matrix, firstRow[entry - 1], r)) {
        labelsetOfRow[r] = entry - 1;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return labelsetOfRow;
}

/** FNV-1a over the ids, finished with murmur3's fmix32 so that the low bits spread. */
function hashIds(ids: Int32Array, start: number, end: number): number {
  let h = 0x811c9dc5 ^ (end - start);
  for (let k = start; k < end; k++) h = Math.imul(h ^ ids[k], 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function sameLabels(matrix: LabelMatrix, a: number, b: number): boolean {
  const { offsets, labels } = matrix;
  if (offsets[a + 1] - offsets[a] !== offsets[b + 1] - offsets[b]) return false;
  for (let i = offsets[a], j = offsets[b]; i < offsets[a + 1]; i++, j++) if (labels[i] !== labels[j]) return false;
  return true;
}

function prefixSums(sizes: Int32Array): Int32Array {
  const offsets = new Int32Array(sizes.length + 1);
  for (let b = 0; b < sizes.length; b++) offsets[b + 1] = offsets[b] + sizes[b];
  return offsets;
}

/** A uniformly drawn row of bag b, with replacement. The bag must not be empty. */
export function drawWithReplacement(bags: RowBags, b: number, random: () => number): number {
  return bags.rows[bags.offsets[b] + randomInt(random, bags.sizes[b])];
}

/**
 * A uniformly drawn row of bag b, removed from the bag (swapped with the bag's last row), or -1
 * when the bag is empty. Rows with gone[r] = 1 (deleted through another bag) are dropped on the
 * way, so the draw is uniform over the rows still present.
 */
export function drawWithoutReplacement(bags: RowBags, b: number, random: () => number, gone?: Uint8Array): number {
  const start = bags.offsets[b];
  while (bags.sizes[b] > 0) {
    const last = start + bags.sizes[b] - 1;
    const at = start + randomInt(random, bags.sizes[b]);
    const row = bags.rows[at];
    bags.rows[at] = bags.rows[last];
    bags.rows[last] = row;
    bags.sizes[b]--;
    if (gone === undefined || gone[row] === 0) return row;
  }
  return -1;
}
