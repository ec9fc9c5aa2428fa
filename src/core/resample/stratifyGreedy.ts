/**
 * The greedy loop of iterative stratification (Sechidis, Tsoumakas & Vlahavas, ECML PKDD 2011,
 * Algorithm 1), over generic "items" (labels, or label pairs for the second-order variant).
 */
import { createRandom, randomInt } from './random.js';
import { DecreasingCountQueue } from './stratifyQueue.js';
import { transposeItems, type RowItems } from './stratifyItems.js';

export interface GreedyStratifyOptions {
  proportions: readonly number[];
  seed: number;
  signal?: AbortSignal;
  onProgress?: (assignedRows: number, totalRows: number) => void;
}

/** Desires closer than this are equal (they are proportion x count minus integers). */
const TIE_TOLERANCE = 1e-6;
/** Rows assigned between two checks of the AbortSignal / progress reports. */
const CHECK_EVERY = 4096;

/**
 * Assigns each row to a part. Repeatedly takes the item with the fewest unassigned rows (ties:
 * seeded random) and sends each of its unassigned rows to the part that most wants that item
 * (ties: the part with the most room left, then seeded random); rows without items go last, each
 * to the part with the most room left (ties: seeded random).
 */
export function greedyStratify(rowItems: RowItems, options: GreedyStratifyOptions): Int32Array {
  const { rows, itemCount, offsets, items } = rowItems;
  const { proportions, signal, onProgress } = options;
  const parts = proportions.length;
  const random = createRandom(options.seed);
  const itemRows = transposeItems(rowItems);

  // Sechidis et al.: c_j = r_j |D| rows wanted in part j, c_j^i = r_j |D^i| rows of item i
  const roomLeft = new Float64Array(parts);
  for (let j = 0; j < parts; j++) roomLeft[j] = proportions[j] * rows;
  const desire = new Float64Array(itemCount * parts);
  const unassigned = new Int32Array(itemCount);
  for (let t = 0; t < itemCount; t++) {
    const total = itemRows.offsets[t + 1] - itemRows.offsets[t];
    unassigned[t] = total;
    for (let j = 0; j < parts; j++) desire[t * parts + j] = proportions[j] * total;
  }
  const queue = new DecreasingCountQueue(unassigned);

  const assignment = new Int32Array(rows).fill(-1);
  const candidates = new Int32Array(parts);
  let assignedRows = 0;

  const checkpoint = (): void => {
    signal?.throwIfAborted();
    onProgress?.(assignedRows, rows);
  };

  const assign = (row: number, part: number): void => {
    assignment[row] = part;
    roomLeft[part] -= 1;
    for (let p = offsets[row]; p < offsets[row + 1]; p++) {
      const t = items[p];
      desire[t * parts + part] -= 1;
      queue.decrement(t);
    }
    if (++assignedRows % CHECK_EVERY === 0) checkpoint();
  };

  /** Among the `n` parts in `candidates`, the ones with the most room left, then a seeded random one. */
  const roomiestOf = (n: number): number => {
    let most = -Infinity;
    for (let c = 0; c < n; c++) if (roomLeft[candidates[c]] > most) most = roomLeft[candidates[c]];
    let kept = 0;
    for (let c = 0; c < n; c++) if (roomLeft[candidates[c]] >= most - TIE_TOLERANCE) candidates[kept++] = candidates[c];
    return kept === 1 ? candidates[0] : candidates[randomInt(random, kept)];
  };

  /** The part that most wants item t (Algorithm 1: argmax c_j^i, then argmax c_j, then random). */
  const partFor = (t: number): number => {
    const base = t * parts;
    let most = -Infinity;
    for (let j = 0; j < parts; j++) if (desire[base + j] > most) most = desire[base + j];
    let n = 0;
    for (let j = 0; j < parts; j++) if (desire[base + j] >= most - TIE_TOLERANCE) candidates[n++] = j;
    return n === 1 ? candidates[0] : roomiestOf(n);
  };

  checkpoint();
  for (let t = queue.pickSmallest(random); t >= 0; t = queue.pickSmallest(random)) {
    for (let p = itemRows.offsets[t]; p < itemRows.offsets[t + 1]; p++) {
      const row = itemRows.rows[p];
      if (assignment[row] < 0) assign(row, partFor(t));
    }
  }
  // rows with no item: each to the part with the most room left (Sechidis et al., Section 3)
  for (let row = 0; row < rows; row++) {
    if (assignment[row] >= 0) continue;
    for (let j = 0; j < parts; j++) candidates[j] = j;
    assign(row, roomiestOf(parts));
  }
  checkpoint();
  return assignment;
}
