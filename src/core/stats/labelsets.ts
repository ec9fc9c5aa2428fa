/**
 * Measures over the distinct labelsets (mldr: `measures`: num.labelsets, num.single.labelsets,
 * max.frequency; summary: TCS), and the most frequent labelsets for a report.
 */
import type { LabelsetTable } from './labelsetTable.js';

/** Labelsets occurring in exactly one row (mldr: `sum(labelsets == 1)`). */
export function singleLabelsets(table: LabelsetTable): number {
  let single = 0;
  for (let s = 0; s < table.size; s++) if (table.counts[s] === 1) single++;
  return single;
}

/** Rows carrying the most frequent labelset (mldr: `max(labelsets)`); 0 for no rows. */
export function maxLabelsetFrequency(table: LabelsetTable): number {
  let max = 0;
  for (let s = 0; s < table.size; s++) if (table.counts[s] > max) max = table.counts[s];
  return max;
}

/**
 * TCS = ln(inputs x labels x distinct labelsets) (Charte et al., "theoretical complexity
 * score"; mldr summary). 0 when any factor is 0, where the logarithm would be -Infinity.
 */
export function tcs(inputs: number, labels: number, labelsets: number): number {
  const product = inputs * labels * labelsets;
  return product > 0 ? Math.log(product) : 0;
}

/**
 * The `top` most frequent labelsets, most frequent first. Ties are ordered by the label ids,
 * compared element by element (a prefix before its extensions), so the order does not depend
 * on row order. The empty labelset, when present, appears with `labels: []`. Selection keeps a
 * sorted list of at most `top` entries, so hundreds of thousands of labelsets are never sorted.
 */
export function topLabelsets(table: LabelsetTable, labelNames: readonly string[], top: number): { labels: string[]; count: number }[] {
  const best: number[] = [];
  const before = (a: number, b: number): boolean => table.counts[a] > table.counts[b] || (table.counts[a] === table.counts[b] && compareIds(table, a, b) < 0);
  for (let s = 0; s < table.size && top > 0; s++) {
    if (best.length === top && !before(s, best[top - 1])) continue;
    let at = best.length;
    while (at > 0 && before(s, best[at - 1])) at--;
    best.splice(at, 0, s);
    if (best.length > top) best.pop();
  }
  return best.map((s) => ({
    labels: Array.from(table.ids.subarray(table.offsets[s], table.offsets[s + 1]), (id) => labelNames[id]),
    count: table.counts[s],
  }));
}

function compareIds(table: LabelsetTable, a: number, b: number): number {
  const lenA = table.offsets[a + 1] - table.offsets[a];
  const lenB = table.offsets[b + 1] - table.offsets[b];
  for (let k = 0; k < Math.min(lenA, lenB); k++) {
    const d = table.ids[table.offsets[a] + k] - table.ids[table.offsets[b] + k];
    if (d !== 0) return d;
  }
  return lenA - lenB;
}
