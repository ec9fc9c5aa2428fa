/**
 * Macro- and micro-F1 when one threshold is applied to every label, over the sweep grid, with the
 * threshold in force marked (when it is one value for all labels), each series' best threshold,
 * and, when tuned, the macro-F1 that per-label thresholds reach, for comparison.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { LabelEvaluation } from '../../../../src/core/metrics/computeMetrics.js';
import type { ThresholdSweep } from '../../../../src/core/metrics/curves/thresholdSweep.js';
import type { ChartTheme } from '../../types.js';
import { chartConfig } from './chartTheme.js';

export const SWEEP_SERIES = ['Macro F1', 'Micro F1'] as const;
export type SweepSeries = (typeof SWEEP_SERIES)[number];

export interface SweepPoint {
  threshold: number;
  series: SweepSeries;
  f1: number;
}

export interface SweepMark {
  series: SweepSeries;
  threshold: number;
  f1: number;
  what: 'best' | 'current';
}

export interface SweepData {
  points: SweepPoint[];
  /** The best threshold of each series (ties: the lowest threshold), and each series at the current threshold. */
  marks: SweepMark[];
  /** The one threshold every label uses, or null when the thresholds differ per label. */
  current: number | null;
}

/** The single threshold all labels share, or null (per-label thresholds, or no labels). */
export function uniformThreshold(perLabel: readonly Pick<LabelEvaluation, 'threshold'>[]): number | null {
  if (perLabel.length === 0) return null;
  const t = perLabel[0].threshold;
  return perLabel.every((l) => l.threshold === t) ? t : null;
}

/** Index of the grid point nearest to t (the first on a tie). */
function nearestIndex(grid: readonly number[], t: number): number {
  let best = 0;
  for (let i = 1; i < grid.length; i++) if (Math.abs(grid[i] - t) < Math.abs(grid[best] - t)) best = i;
  return best;
}

export function sweepData(sweep: ThresholdSweep, perLabel: readonly Pick<LabelEvaluation, 'threshold'>[]): SweepData {
  const points: SweepPoint[] = [];
  const marks: SweepMark[] = [];
  const current = uniformThreshold(perLabel);
  const series: [SweepSeries, number[]][] = [
    ['Macro F1', sweep.macroF1],
    ['Micro F1', sweep.microF1],
  ];
  for (const [name, values] of series) {
    sweep.threshold.forEach((threshold, i) => points.push({ threshold, series: name, f1: values[i] }));
    if (values.length === 0) continue;
    let best = 0;
    for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
    marks.push({ series: name, threshold: sweep.threshold[best], f1: values[best], what: 'best' });
    if (current !== null) {
      const i = nearestIndex(sweep.threshold, current);
      marks.push({ series: name, threshold: sweep.threshold[i], f1: values[i], what: 'current' });
    }
  }
  return { points, marks, current };
}

export interface SweepOptions {
  /** Macro-F1 with per-label tuned thresholds (a horizontal reference), when tuned. */
  tunedMacroF1?: number | null;
}

export function thresholdSweepSpec(
  sweep: ThresholdSweep,
  perLabel: readonly Pick<LabelEvaluation, 'threshold'>[],
  theme: ChartTheme,
  options: SweepOptions = {},
): TopLevelSpec {
  const data = sweepData(sweep, perLabel);
  const colours = [theme.categorical[0], theme.categorical[1]];
  const x = { field: 'threshold', type: 'quantitative' as const, scale: { domain: [0, 1] }, axis: { title: 'Threshold (the same for every label)', tickCount: 10 } };
  const y = { field: 'f1', type: 'quantitative' as const, scale: { domain: [0, 1] }, axis: { title: 'F1', tickCount: 5 } };
  const colour = { field: 'series', type: 'nominal' as const, scale: { domain: [...SWEEP_SERIES], range: colours }, legend: { title: null, orient: 'top' as const, direction: 'horizontal' as const } };
  const tuned = options.tunedMacroF1;
  const ruleLayers = [
    ...(data.current === null
      ? []
      : [
          {
            data: { values: [{ threshold: data.current, text: `in force: ${data.current}` }] },
            mark: { type: 'rule' as const, color: theme.warning, strokeDash: [4, 3], strokeWidth: 1.5 },
            encoding: { x },
          },
          {
            data: { values: [{ threshold: data.current, text: `in force: ${data.current}` }] },
            mark: { type: 'text' as const, align: 'left' as const, dx: 4, y: 8, color: theme.warning, fontSize: theme.fontSize - 1 },
            encoding: { x, text: { field: 'text', type: 'nominal' as const } },
          },
        ]),
    ...(tuned === undefined || tuned === null
      ? []
      : [
          {
            data: { values: [{ f1: tuned, text: `per-label tuned thresholds: macro F1 ${tuned.toFixed(3)}` }] },
            mark: { type: 'rule' as const, color: colours[0], strokeDash: [2, 2], strokeWidth: 1, opacity: 0.8 },
            encoding: { y },
          },
          {
            data: { values: [{ f1: tuned, text: `per-label tuned thresholds: macro F1 ${tuned.toFixed(3)}` }] },
            mark: { type: 'text' as const, align: 'right' as const, baseline: 'bottom' as const, x: 'width' as const, dy: -3, color: colours[0], fontSize: theme.fontSize - 1 },
            encoding: { y, text: { field: 'text', type: 'nominal' as const } },
          },
        ]),
  ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: 'Macro and micro F1 when one threshold is used for every label.',
    config: chartConfig(theme),
    datasets: { points: data.points, marks: data.marks },
    width: 'container',
    height: 260,
    autosize: { type: 'fit-x', contains: 'padding' },
    layer: [
      ...ruleLayers,
      {
        data: { name: 'points' },
        mark: { type: 'line', strokeWidth: 2 },
        encoding: { x, y, color: colour },
      },
      {
        data: { name: 'points' },
        params: [{ name: 'hover', select: { type: 'point', on: 'pointermove', nearest: true, clear: 'pointerout' } }],
        mark: { type: 'point', filled: true, size: 40 },
        encoding: {
          x,
          y,
          color: colour,
          opacity: { condition: { param: 'hover', empty: false, value: 1 }, value: 0 },
          tooltip: [
            { field: 'series', type: 'nominal', title: 'Series' },
            { field: 'threshold', type: 'quantitative', title: 'Threshold', format: '.2f' },
            { field: 'f1', type: 'quantitative', title: 'F1', format: '.3f' },
          ],
        },
      },
      {
        data: { name: 'marks' },
        mark: { type: 'point', size: 80, strokeWidth: 2 },
        encoding: {
          x,
          y,
          color: colour,
          shape: {
            field: 'what',
            type: 'nominal',
            scale: { domain: ['best', 'current'], range: ['circle', 'diamond'] },
            legend: {
              title: null,
              orient: 'top',
              direction: 'horizontal',
              labelExpr: "datum.value === 'best' ? 'best threshold' : 'threshold in force'",
              symbolFillColor: theme.descriptionForeground,
              symbolStrokeColor: theme.descriptionForeground,
            },
          },
          fill: { field: 'series', type: 'nominal', scale: { domain: [...SWEEP_SERIES], range: colours } },
          tooltip: [
            { field: 'series', type: 'nominal', title: 'Series' },
            { field: 'what', type: 'nominal', title: 'Point' },
            { field: 'threshold', type: 'quantitative', title: 'Threshold', format: '.2f' },
            { field: 'f1', type: 'quantitative', title: 'F1', format: '.3f' },
          ],
        },
      },
    ],
  };
}
