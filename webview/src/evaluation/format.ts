/**
 * How the Evaluation view writes numbers, beside the shell's format.ts: metrics with three
 * decimals, small shares as readable percentages, changes with their sign, thresholds as given.
 * A missing value is an em dash.
 */

export const MISSING = '—';

/** A metric in [0, 1] (or any real) with `digits` decimals; null, undefined and NaN as an em dash. */
export function formatMetric(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  return value.toFixed(digits);
}

/** A share as a percentage with enough decimals that small prevalences do not read as 0% (0.05%, 31.5%). */
export function formatShare(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const pct = value * 100;
  if (pct === 0) return '0%';
  const abs = Math.abs(pct);
  const digits = abs >= 10 ? 1 : abs >= 1 ? 2 : abs >= 0.01 ? 3 : 4;
  return `${pct.toFixed(digits).replace(/\.?0+$/, '')}%`;
}

/** A change with its sign (+0.034, −0.012, ±0.000). */
export function formatChange(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return `±${text}`;
  return value > 0 ? `+${text}` : `−${text}`;
}

/** A threshold: up to four decimals, without trailing zeros (0.5, 0.2541). */
export function formatThreshold(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  return String(Number(value.toFixed(4)));
}

/** The default base name of saved chart images: the predictions file's name without extension, plus "-eval". */
export function imageFileBase(file: string): string {
  const parts = file.split(/[\\/]/);
  const name = (parts[parts.length - 1] || '').replace(/\.[^.]+$/, '');
  return (name.replace(/[^\w.-]+/g, '-') || 'evaluation') + '-eval';
}
