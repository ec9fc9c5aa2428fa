/**
 * The virtual table's logic without the DOM: filtering, stable sorting with nulls last, the sort a
 * header click leads to, and which rows a scroll position shows. Node tests call these directly.
 */

export type Cell = string | number | null;
export type Row = Record<string, Cell>;

export interface SortState {
  key: string;
  descending: boolean;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Indices of the rows whose `key` column contains `filter` (case-insensitive, trimmed); all rows for an empty filter. */
export function filterRows(rows: readonly Row[], key: string | undefined, filter: string): number[] {
  const needle = filter.trim().toLowerCase();
  const all = rows.map((_, i) => i);
  if (!key || needle === '') return all;
  return all.filter((i) => {
    const v = rows[i][key];
    return v !== null && v !== undefined && String(v).toLowerCase().includes(needle);
  });
}

/** Compare two cells ascending: numbers numerically, text naturally (label2 before label10); null and undefined compare as equal here. */
function compareCells(a: Cell | undefined, b: Cell | undefined): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** The indices sorted by one column, stable (ties keep their order), empty cells last in both directions. */
export function sortRows(rows: readonly Row[], indices: readonly number[], sort: SortState): number[] {
  const sign = sort.descending ? -1 : 1;
  const isEmpty = (v: Cell | undefined): boolean => v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
  return indices
    .map((index, order) => ({ index, order }))
    .sort((x, y) => {
      const a = rows[x.index][sort.key];
      const b = rows[y.index][sort.key];
      const ea = isEmpty(a);
      const eb = isEmpty(b);
      if (ea || eb) return ea && eb ? x.order - y.order : ea ? 1 : -1;
      return sign * compareCells(a, b) || x.order - y.order;
    })
    .map((e) => e.index);
}

/** A header click: the same column flips direction; another column starts descending for numbers, ascending for text. */
export function nextSort(current: SortState | undefined, key: string, numeric: boolean): SortState {
  if (current && current.key === key) return { key, descending: !current.descending };
  return { key, descending: numeric };
}

/** "count:desc" <-> { key: 'count', descending: true }, for persisting a sort as one UI string. */
export function formatSort(sort: SortState): string {
  return `${sort.key}:${sort.descending ? 'desc' : 'asc'}`;
}

export function parseSort(text: string, validKeys: readonly string[]): SortState | undefined {
  const cut = text.lastIndexOf(':');
  if (cut <= 0) return undefined;
  const key = text.slice(0, cut);
  const dir = text.slice(cut + 1);
  if (!validKeys.includes(key) || (dir !== 'asc' && dir !== 'desc')) return undefined;
  return { key, descending: dir === 'desc' };
}

export interface RowWindow {
  /** First row to render (inclusive). */
  start: number;
  /** Row after the last one to render. */
  end: number;
}

/**
 * The rows a viewport shows at `scrollTop` (pixels scrolled past the first row), plus `overscan`
 * rows either side so that fast scrolling does not flash blank rows.
 */
export function visibleWindow(scrollTop: number, viewportHeight: number, rowHeight: number, total: number, overscan = 8): RowWindow {
  if (total <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const count = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.min(Math.max(0, first - overscan), total);
  const end = Math.min(total, first + count + overscan);
  return { start, end: Math.max(start, end) };
}
