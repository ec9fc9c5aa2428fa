/**
 * Precision-recall (or ROC) curves of a few chosen labels overlaid, each with its F1-optimal
 * point (filled) and the operating point at the thresholds in force (hollow), over iso-F1
 * contours (PR) or the chance diagonal (ROC). Hovering shows the nearest point's threshold.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { LabelEvaluation } from '../../../../src/core/metrics/computeMetrics.js';
import type { LabelCurves } from '../../../../src/core/metrics/curves/types.js';
import type { ChartTheme } from '../../types.js';
import { categoricalColour, chartConfig } from './chartTheme.js';

export type CurveKind = 'pr' | 'roc';

/** One vertex of a curve; x/y are recall/precision (PR) or FPR/TPR (ROC). */
export interface CurvePoint {
  label: string;
  /** Position along the curve, in the curve's own order. */
  order: number;
  x: number;
  y: number;
  threshold: number | null;
}

export interface MarkedPoint {
  label: string;
  point: 'F1-optimal' | 'Current threshold';
  x: number;
  y: number;
  threshold: number;
  f1: number | null;
}

export interface CurvesData {
  points: CurvePoint[];
  marked: MarkedPoint[];
  /** Labels drawn (in the order given), and labels whose curve is empty with the reason. */
  labels: string[];
  empty: { label: string; note: string }[];
}

export const ISO_F1 = [0.2, 0.4, 0.6, 0.8] as const;

/** The points of the given curves, their F1-optimal points, and the operating points from perLabel. */
export function curvesData(curves: readonly LabelCurves[], perLabel: readonly LabelEvaluation[], kind: CurveKind): CurvesData {
  const byName = new Map(perLabel.map((l) => [l.name, l]));
  const points: CurvePoint[] = [];
  const marked: MarkedPoint[] = [];
  const labels: string[] = [];
  const empty: { label: string; note: string }[] = [];
  for (const c of curves) {
    const xs = kind === 'pr' ? c.pr.recall : c.roc.fpr;
    const ys = kind === 'pr' ? c.pr.precision : c.roc.tpr;
    const ts = kind === 'pr' ? c.pr.threshold : c.roc.threshold;
    const note = kind === 'pr' ? c.pr.note : c.roc.note;
    if (xs.length === 0) {
      empty.push({ label: c.label, note: note ?? 'no points' });
      continue;
    }
    labels.push(c.label);
    for (let i = 0; i < xs.length; i++) points.push({ label: c.label, order: i, x: xs[i], y: ys[i], threshold: ts[i] });
    if (kind === 'pr' && c.f1Optimal !== null) {
      const o = c.f1Optimal;
      marked.push({ label: c.label, point: 'F1-optimal', x: o.recall, y: o.precision, threshold: o.threshold, f1: o.f1 });
    }
    const l = byName.get(c.label);
    if (l !== undefined) {
      const current = operatingPoint(l, kind);
      if (current !== null) marked.push({ label: c.label, point: 'Current threshold', ...current, threshold: l.threshold, f1: l.f1 });
    }
  }
  return { points, marked, labels, empty };
}

/** The stroke dash of the i-th curve: solid for the first round of categorical colours, then dashed, then dotted. */
export function curveDash(theme: Pick<ChartTheme, 'categorical'>, index: number): number[] {
  const round = Math.floor(index / theme.categorical.length);
  return round === 0 ? [1, 0] : round === 1 ? [6, 3] : [2, 2];
}

/** The label's point at its threshold in force: (recall, precision) or (FPR, TPR); null when undefined. */
export function operatingPoint(l: LabelEvaluation, kind: CurveKind): { x: number; y: number } | null {
  const positives = l.tp + l.fn;
  const negatives = l.fp + l.tn;
  const predicted = l.tp + l.fp;
  if (kind === 'pr') {
    if (positives === 0 || predicted === 0) return null;
    return { x: l.tp / positives, y: l.tp / predicted };
  }
  if (positives === 0 || negatives === 0) return null;
  return { x: l.fp / negatives, y: l.tp / positives };
}

/** Iso-F1 contours: precision = f·r / (2r − f), from the recall where precision reaches 1 to recall 1. */
export function isoF1Lines(levels: readonly number[] = ISO_F1, steps = 40): { f1: number; order: number; x: number; y: number }[] {
  const out: { f1: number; order: number; x: number; y: number }[] = [];
  for (const f of levels) {
    const r0 = f / (2 - f);
    for (let i = 0; i <= steps; i++) {
      const r = r0 + ((1 - r0) * i) / steps;
      out.push({ f1: f, order: i, x: r, y: (f * r) / (2 * r - f) });
    }
  }
  return out;
}

export function curvesSpec(
  curves: readonly LabelCurves[],
  perLabel: readonly LabelEvaluation[],
  theme: ChartTheme,
  options: { kind: CurveKind },
): TopLevelSpec {
  const { kind } = options;
  const data = curvesData(curves, perLabel, kind);
  const xTitle = kind === 'pr' ? 'Recall' : 'False positive rate';
  const yTitle = kind === 'pr' ? 'Precision' : 'True positive rate (recall)';
  const colour = {
    field: 'label',
    type: 'nominal' as const,
    scale: { domain: data.labels, range: data.labels.map((_, i) => categoricalColour(theme, i)) },
    legend: { title: null, orient: 'right' as const, labelLimit: 180, symbolType: 'stroke' },
  };
  // Past the categorical colours, the colours repeat with a dashed line, so no two curves look alike.
  const dash = {
    field: 'label',
    type: 'nominal' as const,
    scale: { domain: data.labels, range: data.labels.map((_, i) => curveDash(theme, i)) },
    legend: { title: null, orient: 'right' as const, labelLimit: 180, symbolType: 'stroke' },
  };
  const x = { field: 'x', type: 'quantitative' as const, scale: { domain: [0, 1] }, axis: { title: xTitle, tickCount: 5 } };
  const y = { field: 'y', type: 'quantitative' as const, scale: { domain: [0, 1] }, axis: { title: yTitle, tickCount: 5 } };
  const reference =
    kind === 'pr'
      ? [
          {
            data: { values: isoF1Lines() },
            mark: { type: 'line' as const, strokeDash: [3, 3], strokeWidth: 1, color: theme.gridColor, clip: true },
            encoding: { x, y, detail: { field: 'f1', type: 'nominal' as const }, order: { field: 'order', type: 'quantitative' as const } },
          },
          {
            data: { values: ISO_F1.map((f) => ({ f1: f, x: 1, y: f / (2 - f), text: `F1 = ${f}` })) },
            mark: { type: 'text' as const, align: 'right' as const, baseline: 'bottom' as const, dx: -2, dy: -2, color: theme.descriptionForeground, fontSize: theme.fontSize - 2 },
            encoding: { x, y, text: { field: 'text', type: 'nominal' as const } },
          },
        ]
      : [
          {
            data: { values: [{ x: 0, y: 0, order: 0 }, { x: 1, y: 1, order: 1 }] },
            mark: { type: 'line' as const, strokeDash: [3, 3], strokeWidth: 1, color: theme.gridColor },
            encoding: { x, y, order: { field: 'order', type: 'quantitative' as const } },
          },
        ];
  const pointTooltip = [
    { field: 'label', type: 'nominal' as const, title: 'Label' },
    { field: 'threshold', type: 'quantitative' as const, title: 'Threshold', format: '.4~f' },
    { field: 'x', type: 'quantitative' as const, title: xTitle, format: '.3f' },
    { field: 'y', type: 'quantitative' as const, title: yTitle, format: '.3f' },
  ];
  const markedLayer = (point: MarkedPoint['point'], filled: boolean) => ({
    data: { name: 'marked' },
    transform: [{ filter: { field: 'point', equal: point } }],
    mark: { type: 'point' as const, size: 90, strokeWidth: 2, filled, opacity: 1 },
    encoding: {
      x,
      y,
      color: colour,
      shape: {
        field: 'point',
        type: 'nominal' as const,
        scale: { domain: ['F1-optimal', 'Current threshold'], range: ['circle', 'diamond'] },
        legend: { title: null, orient: 'bottom' as const, direction: 'horizontal' as const, symbolFillColor: theme.descriptionForeground, symbolStrokeColor: theme.descriptionForeground },
      },
      tooltip: [
        { field: 'label', type: 'nominal' as const, title: 'Label' },
        { field: 'point', type: 'nominal' as const, title: 'Point' },
        { field: 'threshold', type: 'quantitative' as const, title: 'Threshold', format: '.4~f' },
        { field: 'f1', type: 'quantitative' as const, title: 'F1', format: '.3f' },
        { field: 'x', type: 'quantitative' as const, title: xTitle, format: '.3f' },
        { field: 'y', type: 'quantitative' as const, title: yTitle, format: '.3f' },
      ],
    },
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: kind === 'pr' ? 'Precision-recall curves of the chosen labels.' : 'ROC curves of the chosen labels.',
    config: chartConfig(theme),
    datasets: { points: data.points, marked: data.marked },
    width: 'container',
    height: 340,
    autosize: { type: 'fit-x', contains: 'padding' },
    layer: [
      ...reference,
      {
        data: { name: 'points' },
        mark: { type: 'line', strokeWidth: 1.8, interpolate: kind === 'pr' ? 'step-after' : 'linear' },
        encoding: { x, y, color: colour, strokeDash: dash, order: { field: 'order', type: 'quantitative' } },
      },
      {
        data: { name: 'points' },
        params: [{ name: 'nearest', select: { type: 'point', on: 'pointermove', nearest: true, clear: 'pointerout' } }],
        mark: { type: 'point', filled: true, size: 50 },
        encoding: {
          x,
          y,
          color: colour,
          opacity: { condition: { param: 'nearest', empty: false, value: 1 }, value: 0 },
          tooltip: pointTooltip,
        },
      },
      markedLayer('F1-optimal', true),
      markedLayer('Current threshold', false),
    ],
  };
}
