/**
 * Per-label threshold tuning, before and after: a dumbbell per label from F1 at the threshold in
 * force to F1 at the tuned threshold, labels by support (or by the size of the change), top N.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { TuningReport } from '../../../../src/core/analysis/evaluatePredictions.js';
import type { LabelEvaluation } from '../../../../src/core/metrics/computeMetrics.js';
import type { ChartTheme } from '../../types.js';
import { matchesFilter, orderBySupport } from '../labelSelection.js';
import { chartConfig } from './chartTheme.js';

export type TuningOrder = 'support' | 'change';

export interface TuningOptions {
  order: TuningOrder;
  topN: number;
  filter: string;
}

export interface TuningRow {
  label: string;
  support: number;
  before: number | null;
  after: number | null;
  /** after - before, null when either is undefined. */
  change: number | null;
  /** The threshold in force before tuning, and the tuned one. */
  thresholdBefore: number;
  threshold: number;
  note: string | null;
}

export interface TuningPoint {
  label: string;
  when: 'Before' | 'After';
  f1: number;
  threshold: number;
}

export interface TuningData {
  rows: TuningRow[];
  points: TuningPoint[];
  matching: number;
  total: number;
}

/** Every label's before/after row, in label order. */
export function tuningRows(tuning: TuningReport, perLabel: readonly LabelEvaluation[]): TuningRow[] {
  const byName = new Map(perLabel.map((l) => [l.name, l]));
  return tuning.thresholds.map((t) => {
    const l = byName.get(t.name);
    return {
      label: t.name,
      support: l?.support ?? 0,
      before: t.f1Before,
      after: t.f1After,
      change: t.f1Before === null || t.f1After === null ? null : t.f1After - t.f1Before,
      thresholdBefore: l?.threshold ?? Number.NaN,
      threshold: t.threshold,
      note: t.note,
    };
  });
}

/** The rows to draw: filtered, ordered by support or by |change| descending (ties: support order), top N. */
export function tuningData(tuning: TuningReport, perLabel: readonly LabelEvaluation[], options: TuningOptions): TuningData {
  const all = tuningRows(tuning, perLabel);
  const matching = orderBySupport(all.filter((r) => matchesFilter(r.label, options.filter)));
  const ordered =
    options.order === 'support'
      ? matching
      : matching
          .map((r, i) => ({ r, i }))
          .sort((p, q) => Math.abs(q.r.change ?? 0) - Math.abs(p.r.change ?? 0) || p.i - q.i)
          .map(({ r }) => r);
  const rows = ordered.slice(0, Math.max(0, Math.floor(options.topN)));
  const points: TuningPoint[] = [];
  for (const r of rows) {
    if (r.before !== null) points.push({ label: r.label, when: 'Before', f1: r.before, threshold: r.thresholdBefore });
    if (r.after !== null) points.push({ label: r.label, when: 'After', f1: r.after, threshold: r.threshold });
  }
  return { rows, points, matching: matching.length, total: all.length };
}

export function tuningSpec(tuning: TuningReport, perLabel: readonly LabelEvaluation[], theme: ChartTheme, options: TuningOptions): TopLevelSpec {
  const data = tuningData(tuning, perLabel, options);
  const names = data.rows.map((r) => r.label);
  const y = { field: 'label', type: 'nominal' as const, scale: { domain: names }, sort: null, axis: { title: null, labelLimit: 180 } };
  // Zoomed to the values drawn (F1 of the head labels often sits within a few hundredths).
  const x = { type: 'quantitative' as const, scale: { zero: false, nice: true } };
  const colours = [theme.descriptionForeground, theme.f1];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: 'F1 per label at the threshold in force (before) and at its tuned threshold (after).',
    config: chartConfig(theme),
    datasets: { rows: data.rows.filter((r) => r.before !== null && r.after !== null), points: data.points },
    width: 'container',
    height: Math.max(16, names.length * 16),
    autosize: { type: 'fit-x', contains: 'padding' },
    layer: [
      {
        data: { name: 'rows' },
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: {
          y,
          x: { ...x, field: 'before', axis: { title: 'F1', orient: 'top', tickCount: 10 } },
          x2: { field: 'after' },
          color: { condition: { test: 'datum.change < 0', value: theme.error }, value: theme.gridColor },
        },
      },
      {
        data: { name: 'points' },
        mark: { type: 'point', size: 60, strokeWidth: 2 },
        encoding: {
          y,
          x: { ...x, field: 'f1' },
          color: { field: 'when', type: 'nominal', scale: { domain: ['Before', 'After'], range: colours }, legend: { title: null, orient: 'bottom', direction: 'horizontal' } },
          fill: { field: 'when', type: 'nominal', scale: { domain: ['Before', 'After'], range: [theme.background, theme.f1] } },
          tooltip: [
            { field: 'label', type: 'nominal', title: 'Label' },
            { field: 'when', type: 'nominal', title: 'Thresholds' },
            { field: 'threshold', type: 'quantitative', title: 'Threshold', format: '.4~f' },
            { field: 'f1', type: 'quantitative', title: 'F1', format: '.3f' },
          ],
        },
      },
    ],
  };
}
