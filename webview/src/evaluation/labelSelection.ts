/**
 * Which labels a chart draws: labels ordered by frequency (support descending, ties by label
 * index, the order of the core's frequency bands), narrowed by a name filter and cut to the top N,
 * so that no chart ever has more marks than it needs, whatever the label count.
 */
import type { Band, BandName } from '../../../src/core/metrics/curves/frequencyBands.js';

/** Labels with fewer positives than this are flagged as rare: their P/R/F1 rest on a handful of rows. */
export const RARE_SUPPORT = 10;

/** Which N of the matching labels: the most frequent, the rarest, or N spread evenly over the frequency ranking. */
export type LabelPick = 'head' | 'tail' | 'spread';

export const LABEL_PICKS: readonly { value: LabelPick; title: string }[] = [
  { value: 'head', title: 'most frequent' },
  { value: 'spread', title: 'spread over all' },
  { value: 'tail', title: 'rarest' },
];

export interface LabelSelection {
  /** Case-insensitive substring of the label name; commas separate alternatives ("cat, dog"). */
  filter: string;
  topN: number;
  pick?: LabelPick;
}

export interface Selected<T> {
  /** The labels to draw, most frequent first. */
  labels: T[];
  /** How many labels match the filter. */
  matching: number;
  total: number;
}

interface Named {
  name: string;
  support: number;
}

/** The labels most frequent first; equal supports keep their label order. */
export function orderBySupport<T extends { support: number }>(labels: readonly T[]): T[] {
  return labels
    .map((label, index) => ({ label, index }))
    .sort((p, q) => q.label.support - p.label.support || p.index - q.index)
    .map(({ label }) => label);
}

/** Whether a label name matches the filter text (empty matches everything). */
export function matchesFilter(name: string, filter: string): boolean {
  const terms = filter
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t !== '');
  if (terms.length === 0) return true;
  const lower = name.toLowerCase();
  return terms.some((t) => lower.includes(t));
}

/** Indices of `n` items spread evenly over `m` (first and last included), ascending. */
export function spreadIndices(m: number, n: number): number[] {
  if (n >= m) return Array.from({ length: m }, (_, i) => i);
  if (n <= 0) return [];
  if (n === 1) return [0];
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const index = Math.round((i * (m - 1)) / (n - 1));
    if (out[out.length - 1] !== index) out.push(index);
  }
  return out;
}

/** The labels a chart draws: filter, order by support, take N by the pick rule; always most frequent first. */
export function selectLabels<T extends Named>(labels: readonly T[], selection: LabelSelection): Selected<T> {
  const ordered = orderBySupport(labels.filter((l) => matchesFilter(l.name, selection.filter)));
  const n = Math.max(0, Math.floor(selection.topN));
  let chosen: T[];
  switch (selection.pick ?? 'head') {
    case 'head':
      chosen = ordered.slice(0, n);
      break;
    case 'tail':
      chosen = ordered.slice(Math.max(0, ordered.length - n));
      break;
    case 'spread':
      chosen = spreadIndices(ordered.length, n).map((i) => ordered[i]);
      break;
  }
  return { labels: chosen, matching: ordered.length, total: labels.length };
}

export function isRare(label: { support: number }): boolean {
  return label.support < RARE_SUPPORT;
}

/** Each label's frequency band (head / medium / tail) by name. */
export function bandByLabel(bands: readonly Band[]): Map<string, BandName> {
  const out = new Map<string, BandName>();
  for (const band of bands) for (const name of band.labels) out.set(name, band.band);
  return out;
}

/** "12 of 1,000 labels" style summary of a selection, for the line under a chart's controls. */
export function selectionSummary(selected: Selected<unknown>, noun = 'labels'): string {
  const shown = selected.labels.length;
  const fmt = (n: number) => n.toLocaleString('en-US');
  if (selected.matching === selected.total) return `${fmt(shown)} of ${fmt(selected.total)} ${noun}`;
  return `${fmt(shown)} of ${fmt(selected.matching)} matching (${fmt(selected.total)} ${noun} in all)`;
}
