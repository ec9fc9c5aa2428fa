import type { RankedLabel } from '../rankedColumn.js';
import { lastAtMost } from './gallop.js';

/**
 * Pre-aggregation of long curves before simplifying them, in the spirit of M4 (Jugel et al.,
 * VLDB 2014): cut the plot into `grid` columns (and rows) and keep, per cell, only the points
 * that decide what the line looks like at that resolution. Works on the ranked counts directly,
 * skipping runs by galloping search, so a label costs about (cells + runs) x log(rows) rather
 * than one step per distinct score. Indices returned are ranked indices (into
 * ranked.thresholds), ascending.
 */

/** The grid cell of a count v out of total (v = total falls in the last cell). */
function cellOf(v: number, total: number, grid: number): number {
  return v >= total ? grid - 1 : Math.floor((v * grid) / total);
}

/** The largest count in cell c: v <= that <=> v * grid < (c + 1) * total. */
function cellMax(c: number, total: number, grid: number): number {
  return c >= grid - 1 ? total : Math.floor(((c + 1) * total - 1) / grid);
}

/**
 * Precision-recall: recall (tp) is non-decreasing along the ranking, so each recall column is a
 * contiguous range; within a run of equal tp the precision only falls (fp grows), so its highest
 * point is the run's first and its lowest the run's last. Per column: first, last, highest and
 * lowest point.
 */
export function prCandidates(ranked: RankedLabel, grid: number): number[] {
  const { tp, fp, positives } = ranked;
  const n = tp.length;
  const picked: number[] = [];
  let column = -1;
  let first = 0;
  let last = 0;
  let highest = 0;
  let highestPrecision = -1;
  let lowest = 0;
  let lowestPrecision = 2;
  const flush = (): void => {
    if (column >= 0) picked.push(first, highest, lowest, last);
  };
  for (let k = 0; k < n; ) {
    const t = tp[k];
    const end = lastAtMost(tp, k, t);
    const c = cellOf(t, positives, grid);
    if (c !== column) {
      flush();
      column = c;
      first = k;
      highestPrecision = -1;
      lowestPrecision = 2;
    }
    const startPrecision = t / (t + fp[k]);
    const endPrecision = t / (t + fp[end]);
    if (startPrecision > highestPrecision) {
      highestPrecision = startPrecision;
      highest = k;
    }
    if (endPrecision < lowestPrecision) {
      lowestPrecision = endPrecision;
      lowest = end;
    }
    last = end;
    k = end + 1;
  }
  flush();
  return sortedUnique(picked);
}

/**
 * ROC: both fpr and tpr are non-decreasing along the ranking, so the points in one grid cell
 * are a contiguous range and the line stays inside the cell between them: keep each cell's
 * first and last point.
 */
export function rocCandidates(ranked: RankedLabel, grid: number): number[] {
  const { tp, fp, positives, negatives } = ranked;
  const n = tp.length;
  const picked: number[] = [];
  for (let k = 0; k < n; ) {
    const fpLimit = cellMax(cellOf(fp[k], negatives, grid), negatives, grid);
    const tpLimit = cellMax(cellOf(tp[k], positives, grid), positives, grid);
    const end = Math.min(lastAtMost(fp, k, fpLimit), lastAtMost(tp, k, tpLimit));
    picked.push(k, end);
    k = end + 1;
  }
  return sortedUnique(picked);
}

function sortedUnique(values: number[]): number[] {
  values.sort((a, b) => a - b);
  let j = 0;
  for (let i = 0; i < values.length; i++) if (i === 0 || values[i] !== values[j - 1]) values[j++] = values[i];
  values.length = j;
  return values;
}
