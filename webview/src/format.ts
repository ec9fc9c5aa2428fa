/** Number formatting for tiles, tables and chart data tables. Pure; fixed en-US separators so tests can read them. */

const integerFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 12,345 */
export function formatInteger(n: number): string {
  return integerFormat.format(n);
}

/** A fixed number of decimals, with thousands separators: 1,234.568 */
export function formatDecimal(n: number, decimals = 3): string {
  return new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(n);
}

/** A ratio such as MeanIR: 3 decimals below 100, 2 below 1,000, then 1 (none for a whole number): 1.478, 384.74, 1,982. */
export function formatRatio(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1000) return Number.isInteger(n) ? formatInteger(n) : formatDecimal(n, 1);
  return formatDecimal(n, abs >= 100 ? 2 : 3);
}

/** 0.2917 -> "29.2%" */
export function formatPercent(fraction: number, decimals = 1): string {
  return `${formatDecimal(fraction * 100, decimals)}%`;
}

/** A table cell: null as an em dash, integers as integers, other numbers with 3 decimals, strings as they are. */
export function formatCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return String(value);
  return Number.isInteger(value) ? formatInteger(value) : formatDecimal(value, 3);
}

/** The last path segment of a file path (either separator). */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}
