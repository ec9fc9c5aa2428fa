/**
 * Per-class precision, recall and F1 as grouped bars, labels ordered by frequency (support
 * descending), above a strip of each label's support, so the fall-off on rare labels reads left to
 * right. Only the selected labels are drawn (top N, filtered).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { LabelEvaluation } from '../../../../src/core/metrics/computeMetrics.js';
import type { ChartTheme } from '../../types.js';
import { isRare, RARE_SUPPORT, selectLabels, type LabelSelection, type Selected } from '../labelSelection.js';
import { chartConfig, prfRange } from './chartTheme.js';

export const PRF_MEASURES = ['Precision', 'Recall', 'F1'] as const;
export type PrfMeasure = (typeof PRF_MEASURES)[number];

export interface PerClassBar {
  label: string;
  /** 1 = most frequent. */
  rank: number;
  support: number;
  measure: PrfMeasure;
  value: number;
}

export interface SupportTick {
  label: string;
  rank: number;
  support: number;
  rare: boolean;
}

export interface PerClassBarsData {
  selected: Selected<LabelEvaluation>;
  bars: PerClassBar[];
  support: SupportTick[];
}

/** The bars of the selected labels; undefined values (zero_division 'exclude') have no bar. */
export function perClassBarsData(perLabel: readonly LabelEvaluation[], selection: LabelSelection): PerClassBarsData {
  const selected = selectLabels(perLabel, selection);
  const bars: PerClassBar[] = [];
  const support: SupportTick[] = [];
  selected.labels.forEach((l, i) => {
    support.push({ label: l.name, rank: i + 1, support: l.support, rare: isRare(l) });
    const values: Record<PrfMeasure, number | null> = { Precision: l.precision, Recall: l.recall, F1: l.f1 };
    for (const measure of PRF_MEASURES) {
      const value = values[measure];
      if (value !== null) bars.push({ label: l.name, rank: i + 1, support: l.support, measure, value });
    }
  });
  return { selected, bars, support };
}

/** Width in pixels for n labels on a band axis: about `step` each, within [min, max]. */
export function bandWidth(n: number, step: number, min = 320, max = 1100): number {
  return Math.round(Math.min(max, Math.max(min, n * step)));
}

export function perClassBarsSpec(perLabel: readonly LabelEvaluation[], theme: ChartTheme, selection: LabelSelection): TopLevelSpec {
  const data = perClassBarsData(perLabel, selection);
  const names = data.selected.labels.map((l) => l.name);
  const width = bandWidth(names.length, 44, 520);
  const x = { field: 'label', type: 'nominal' as const, scale: { domain: names }, sort: null };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: 'Per-class precision, recall and F1, labels ordered by support (most frequent first).',
    config: chartConfig(theme),
    datasets: { support: data.support, bars: data.bars },
    spacing: 4,
    vconcat: [
      {
        data: { name: 'support' },
        width,
        height: 56,
        mark: { type: 'bar', tooltip: true },
        encoding: {
          x: { ...x, axis: null },
          y: {
            field: 'support',
            type: 'quantitative',
            scale: { type: 'symlog' },
            axis: { title: 'Support', tickCount: 3, grid: false },
          },
          color: {
            condition: { test: 'datum.rare', value: theme.warning },
            value: theme.descriptionForeground,
          },
          opacity: { value: 0.7 },
          tooltip: [
            { field: 'label', type: 'nominal', title: 'Label' },
            { field: 'rank', type: 'quantitative', title: 'Frequency rank' },
            { field: 'support', type: 'quantitative', title: 'Support', format: ',d' },
            { field: 'rare', type: 'nominal', title: `Rare (< ${RARE_SUPPORT} positives)` },
          ],
        },
      },
      {
        data: { name: 'bars' },
        width,
        height: 220,
        mark: { type: 'bar', tooltip: true },
        encoding: {
          x: { ...x, axis: { title: 'Label (most frequent first)', labelAngle: -55, labelAlign: 'right', labelBaseline: 'middle', labelLimit: 110, labelOverlap: false } },
          xOffset: { field: 'measure', type: 'nominal', scale: { domain: [...PRF_MEASURES] } },
          y: { field: 'value', type: 'quantitative', scale: { domain: [0, 1] }, axis: { title: null, format: '.1f' } },
          color: {
            field: 'measure',
            type: 'nominal',
            scale: { domain: [...PRF_MEASURES], range: prfRange(theme) },
            legend: { title: null, orient: 'top', direction: 'horizontal' },
          },
          tooltip: [
            { field: 'label', type: 'nominal', title: 'Label' },
            { field: 'measure', type: 'nominal', title: 'Measure' },
            { field: 'value', type: 'quantitative', title: 'Value', format: '.3f' },
            { field: 'support', type: 'quantitative', title: 'Support', format: ',d' },
            { field: 'rank', type: 'quantitative', title: 'Frequency rank' },
          ],
        },
      },
    ],
  };
}
