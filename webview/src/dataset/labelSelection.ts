/**
 * Which labels a dataset chart shows: those whose name contains the filter text, most frequent
 * first, the top N of them. Pure; the same rules for the label charts and the co-occurrence heatmap.
 */
import type { PerLabelReport } from '../../../src/core/analysis/analyzeDataset.js';

/** Labels shown by default in the frequency charts. */
export const DEFAULT_TOP_N = 50;
/** Labels shown by default in the co-occurrence heatmap (up to the engine's 200). */
export const DEFAULT_HEATMAP_TOP_N = 40;

/** Most positives first; ties by name (code-unit order, the same in every locale). */
export function byCountDescending(a: { name: string; count: number }, b: { name: string; count: number }): number {
  return b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** A whole number in [1, max] (max at least 1); a value below 1 or unreadable becomes `fallback`, clamped the same way. */
export function clampTopN(value: number, max: number, fallback: number): number {
  const n = Number.isFinite(value) && value >= 1 ? Math.floor(value) : Math.floor(fallback);
  return Math.min(Math.max(1, max), Math.max(1, n));
}

/** Case-insensitive substring match; an empty (or blank) filter matches every name. */
export function matchesFilter(name: string, filter: string): boolean {
  const needle = filter.trim().toLowerCase();
  return needle === '' || name.toLowerCase().includes(needle);
}

export interface LabelSelection {
  /** The labels to draw, most frequent first (least frequent first with `rarest`). */
  labels: PerLabelReport[];
  /** How many labels matched the filter (before the top N cut). */
  matched: number;
  total: number;
}

/** Fewest positives first; ties by name. */
export function byCountAscending(a: { name: string; count: number }, b: { name: string; count: number }): number {
  return a.count - b.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** The top N labels matching the filter: the most frequent, or with `rarest` the least frequent, in that order. */
export function selectLabels(perLabel: readonly PerLabelReport[], options: { topN: number; filter: string; rarest?: boolean }): LabelSelection {
  const matching = perLabel.filter((l) => matchesFilter(l.name, options.filter)).sort(options.rarest ? byCountAscending : byCountDescending);
  const topN = clampTopN(options.topN, perLabel.length, DEFAULT_TOP_N);
  return { labels: matching.slice(0, topN), matched: matching.length, total: perLabel.length };
}
