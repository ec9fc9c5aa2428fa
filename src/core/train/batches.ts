/** Mini-batches: a seeded reshuffle of the row order every epoch, and rows gathered into batch buffers. */
import { gatherRows } from './featureRows.js';
import { shuffleInPlace } from './random.js';
import type { TrainingSet } from './types.js';

/** 0 .. rows-1, the order an epoch reshuffles. */
export function identityOrder(rows: number): Int32Array {
  const order = new Int32Array(rows);
  for (let i = 0; i < rows; i++) order[i] = i;
  return order;
}

/** Reshuffles the order for the next epoch (each epoch continues the same seeded stream). */
export function reshuffle(order: Int32Array, random: () => number): void {
  shuffleInPlace(order, random);
}

/** Copies rows order[start .. start+count) of the set into x (count x features, densified when the set is CSR) and y (count x labels). */
export function gatherBatch(set: TrainingSet, order: Int32Array, start: number, count: number, x: Float32Array, y: Uint8Array): void {
  gatherRows(set.x, set.features, order, start, count, x);
  gatherTargets(set, order, start, count, y);
}

/** Copies the targets of rows order[start .. start+count) of the set into y (count x labels). */
export function gatherTargets(set: TrainingSet, order: Int32Array, start: number, count: number, y: Uint8Array): void {
  const { labels } = set;
  for (let b = 0; b < count; b++) {
    const row = order[start + b];
    y.set(set.y.subarray(row * labels, (row + 1) * labels), b * labels);
  }
}

/** The number of batches of an epoch: the last one may be smaller (PyTorch DataLoader, drop_last=False). */
export function batchCount(rows: number, batchSize: number): number {
  return Math.ceil(rows / batchSize);
}
