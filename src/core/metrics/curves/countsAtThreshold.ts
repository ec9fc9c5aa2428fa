import type { RankedLabel } from '../rankedColumn.js';
import { lastAtLeast } from './gallop.js';

/**
 * The index of a label's last ranked threshold >= t (its tp/fp there are the counts when
 * predicting score >= t), or -1 when no row scores >= t. Searching from `from` (a known index
 * whose threshold is >= t, or 0) lets a descending sweep of t reuse the previous position.
 */
export function rankIndexAt(ranked: RankedLabel, t: number, from = 0): number {
  const k = lastAtLeast(ranked.thresholds, from, t);
  return k < from ? from - 1 : k;
}
