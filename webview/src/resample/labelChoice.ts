/**
 * Which labels the resample and split charts show: those whose name contains the filter text, by
 * count (before resampling; in the whole dataset for a split), most first or rarest first, the top
 * N of them. The same rules as the dataset view's label charts (dataset/labelSelection.ts).
 */
import { clampTopN, DEFAULT_TOP_N, matchesFilter } from '../dataset/labelSelection.js';

export interface LabelChartOptions {
  log: boolean;
  topN: number;
  filter: string;
  rarest: boolean;
}

export interface Chosen<T> {
  items: T[];
  /** How many matched the filter (before the top N cut). */
  matched: number;
  total: number;
}

/** Most (or, with `rarest`, fewest) first; ties by name in code-unit order, the same in every locale. */
export function chooseLabels<T extends { name: string }>(items: readonly T[], countOf: (item: T) => number, options: Pick<LabelChartOptions, 'topN' | 'filter' | 'rarest'>): Chosen<T> {
  const sign = options.rarest ? 1 : -1;
  const matching = items
    .filter((item) => matchesFilter(item.name, options.filter))
    .sort((a, b) => sign * (countOf(a) - countOf(b)) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const topN = clampTopN(options.topN, items.length, DEFAULT_TOP_N);
  return { items: matching.slice(0, topN), matched: matching.length, total: items.length };
}
