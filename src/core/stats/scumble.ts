/**
 * SCUMBLE: concurrence of frequent and rare labels in the same rows (Charte et al., HAIS 2014;
 * mldr: `dataset_measures`). Rows with the same labelset have the same SCUMBLE, so it is
 * computed once per distinct labelset and weighted by the labelset's row count.
 */
import { coefficientOfVariation } from './descriptive.js';
import type { LabelsetTable } from './labelsetTable.js';

/**
 * SCUMBLE of one row = 1 - (prod IRLbl)^(1/k) / mean IRLbl over its k labels (mldr: 1 - geometric
 * / arithmetic mean, 0 for a row with no labels). The geometric mean is taken as exp(mean(log)),
 * which equals mldr's product form but cannot overflow.
 */
export function rowScumble(ir: ArrayLike<number>, ids: ArrayLike<number>): number {
  return scumbleOf(ir, ids, 0, ids.length);
}

/** rowScumble over ids[start] .. ids[end-1]. */
function scumbleOf(ir: ArrayLike<number>, ids: ArrayLike<number>, start: number, end: number): number {
  const k = end - start;
  if (k === 0) return 0;
  let sum = 0;
  let logSum = 0;
  for (let j = start; j < end; j++) {
    sum += ir[ids[j]];
    logSum += Math.log(ir[ids[j]]);
  }
  const arithmetic = sum / k;
  if (!(arithmetic > 0)) return 0; // only an absent label has IRLbl 0, and no row carries one
  return 1 - Math.exp(logSum / k) / arithmetic;
}

/** The row SCUMBLE of each distinct labelset. */
export function labelsetScumbles(table: LabelsetTable, ir: ArrayLike<number>): Float64Array {
  const values = new Float64Array(table.size);
  for (let s = 0; s < table.size; s++) values[s] = scumbleOf(ir, table.ids, table.offsets[s], table.offsets[s + 1]);
  return values;
}

/** Dataset SCUMBLE = mean of the row SCUMBLEs over all rows, empty rows included as 0 (mldr: `mean(.SCUMBLE)`); 0 for no rows. */
export function scumble(table: LabelsetTable, values: ArrayLike<number>): number {
  let rows = 0;
  let sum = 0;
  for (let s = 0; s < table.size; s++) {
    rows += table.counts[s];
    sum += table.counts[s] * values[s];
  }
  return rows === 0 ? 0 : sum / rows;
}

/**
 * SCUMBLE.CV = sample sd / mean of the row SCUMBLEs (mldr: `sd(.SCUMBLE) / mean(.SCUMBLE)`, R's
 * sd with denominator rows - 1; the published emotions/yeast/enron values confirm n - 1).
 * 0 for fewer than two rows or a mean of 0.
 */
export function scumbleCV(table: LabelsetTable, values: ArrayLike<number>): number {
  let rows = 0;
  for (let s = 0; s < table.size; s++) rows += table.counts[s];
  if (rows < 2) return 0;
  const m = scumble(table, values);
  let squares = 0;
  for (let s = 0; s < table.size; s++) squares += table.counts[s] * (values[s] - m) ** 2;
  return coefficientOfVariation(Math.sqrt(squares / (rows - 1)), m);
}

/**
 * Per-label SCUMBLE = mean row SCUMBLE over the rows carrying the label (mldr:
 * `colSums(labels * .SCUMBLE) / colSums(labels)`, which is NaN for an absent label: here 0).
 */
export function labelScumbles(table: LabelsetTable, values: ArrayLike<number>, counts: ArrayLike<number>): Float64Array {
  const sums = new Float64Array(counts.length);
  for (let s = 0; s < table.size; s++) {
    const weighted = table.counts[s] * values[s];
    for (let k = table.offsets[s]; k < table.offsets[s + 1]; k++) sums[table.ids[k]] += weighted;
  }
  for (let l = 0; l < counts.length; l++) sums[l] = counts[l] === 0 ? 0 : sums[l] / counts[l];
  return sums;
}
