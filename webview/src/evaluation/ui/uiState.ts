/**
 * The Evaluation view's persisted UI choices: every key in one place, and reads that check what
 * comes back (a state saved by an older version, or edited, falls back to the default).
 */

export const UI_KEYS = {
  tab: 'eval.tab',
  tableSort: 'eval.table.sort',
  tableFilter: 'eval.table.filter',
  barsTopN: 'eval.bars.topN',
  barsPick: 'eval.bars.pick',
  barsFilter: 'eval.bars.filter',
  gridTopN: 'eval.grid.topN',
  gridFilter: 'eval.grid.filter',
  pairsTopN: 'eval.pairs.topN',
  pairsFilter: 'eval.pairs.filter',
  pairsShade: 'eval.pairs.shade',
  curveLabels: 'eval.curves.labels',
  curveKind: 'eval.curves.kind',
  curveSearch: 'eval.curves.search',
  bandsAverage: 'eval.bands.average',
  tuningOrder: 'eval.tuning.order',
  tuningTopN: 'eval.tuning.topN',
  tuningFilter: 'eval.tuning.filter',
} as const;

/** The read half of ViewContext's UI state (declared here so node tests need no DOM types). */
export interface UiSource {
  ui<T extends string | number | boolean | string[]>(key: string, fallback: T): T;
}

/** A whole number in [min, max], or the fallback. */
export function uiInteger(ctx: UiSource, key: string, fallback: number, min: number, max: number): number {
  const v = ctx.ui<number>(key, fallback);
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : fallback;
}

/** One of the allowed values, or the fallback. */
export function uiChoice<T extends string>(ctx: UiSource, key: string, allowed: readonly T[], fallback: T): T {
  const v = ctx.ui<string>(key, fallback);
  return (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
}

export function uiText(ctx: UiSource, key: string, fallback = ''): string {
  const v = ctx.ui<string>(key, fallback);
  return typeof v === 'string' ? v : fallback;
}

/** A list of strings, or the fallback. */
export function uiStrings(ctx: UiSource, key: string, fallback: string[]): string[] {
  const v = ctx.ui<string[]>(key, fallback);
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : fallback;
}
