/**
 * Distinct labelsets (label combinations) with their row counts. mldr pastes each row's 0/1
 * label columns into a string and tables them, so the all-zero row is a labelset too: rows
 * with no label form one distinct "empty labelset".
 */
import type { LabelMatrix } from '../data/labelMatrix.js';

/** The distinct labelsets of a matrix in order of first appearance, each with its row count. */
export interface LabelsetTable {
  /** Number of distinct labelsets. */
  readonly size: number;
  /** size + 1 entries: labelset s holds ids[offsets[s]] .. ids[offsets[s+1]-1], ascending. */
  readonly offsets: Int32Array;
  readonly ids: Int32Array;
  /** Rows carrying exactly labelset s. */
  readonly counts: Int32Array;
}

/**
 * Counts rows per distinct labelset in one pass: each row's label-id sequence is hashed into an
 * open-addressing table (no string per row, so hundreds of thousands of distinct labelsets stay
 * fast). A slot holds the hash beside the labelset number, and each labelset's ids are copied
 * into one growing buffer, so a look-up touches few cache lines; equal hashes are confirmed by
 * comparing the ids.
 */
export function countLabelsets(matrix: LabelMatrix): LabelsetTable {
  const { offsets, labels } = matrix;
  let slots: Int32Array = new Int32Array(2048); // pairs (hash, labelset number + 1); 0 = free
  let setOffsets: Int32Array = new Int32Array(257);
  let setIds: Int32Array = new Int32Array(1024);
  let counts: Int32Array = new Int32Array(256);
  let size = 0;
  for (let r = 0; r < matrix.rows; r++) {
    const start = offsets[r];
    const end = offsets[r + 1];
    const hash = hashIds(labels, start, end);
    const mask = (slots.length >> 1) - 1;
    let slot = hash & mask;
    let found = -1;
    for (;;) {
      const entry = slots[2 * slot + 1];
      if (entry === 0) break;
      if (slots[2 * slot] === hash && sameIds(labels, start, end, setIds, setOffsets[entry - 1], setOffsets[entry])) {
        found = entry - 1;
        break;
      }
      slot = (slot + 1) & mask;
    }
    if (found >= 0) {
      counts[found]++;
      continue;
    }
    if (size === counts.length) {
      counts = grown(counts, size * 2);
      setOffsets = grown(setOffsets, size * 2 + 1);
    }
    const at = setOffsets[size];
    if (at + end - start > setIds.length) setIds = grown(setIds, Math.max(setIds.length * 2, at + end - start));
    for (let k = start; k < end; k++) setIds[at + k - start] = labels[k];
    setOffsets[size + 1] = at + end - start;
    counts[size] = 1;
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = ++size;
    if (size * 4 > slots.length) slots = rehashed(slots);
  }
  return { size, offsets: setOffsets.slice(0, size + 1), ids: setIds.slice(0, setOffsets[size]), counts: counts.slice(0, size) };
}

/** FNV-1a over the ids, finished with murmur3's fmix32 so that the low bits spread. */
function hashIds(ids: Int32Array, start: number, end: number): number {
  let h = 0x811c9dc5 ^ (end - start);
  for (let k = start; k < end; k++) h = Math.imul(h ^ ids[k], 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function sameIds(a: Int32Array, aStart: number, aEnd: number, b: Int32Array, bStart: number, bEnd: number): boolean {
  if (aEnd - aStart !== bEnd - bStart) return false;
  for (let i = aStart, j = bStart; i < aEnd; i++, j++) if (a[i] !== b[j]) return false;
  return true;
}

/** The table at twice the capacity, every (hash, number) pair re-inserted. */
function rehashed(old: Int32Array): Int32Array {
  const slots = new Int32Array(old.length * 2);
  const mask = (slots.length >> 1) - 1;
  for (let k = 0; k < old.length; k += 2) {
    if (old[k + 1] === 0) continue;
    let slot = old[k] & mask;
    while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    slots[2 * slot] = old[k];
    slots[2 * slot + 1] = old[k + 1];
  }
  return slots;
}

function grown(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}
