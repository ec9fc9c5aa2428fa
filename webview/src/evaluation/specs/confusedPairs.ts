/**
 * "Predicted b instead of a": a heatmap of confusedMatrix over the top N labels by support (rows:
 * the true label that was missed, columns: the label wrongly predicted in the same row), or, when
 * the report has no matrix (more than 200 labels), the list of the most frequent pairs as bars.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { LabelEvaluation } from '../../../../src/core/metrics/computeMetrics.js';
import type { ConfusedPair } from '../../../../src/core/metrics/curves/confusedPairs.js';
import type { ChartTheme } from '../../types.js';
import { matchesFilter, selectLabels, type LabelSelection, type Selected } from '../labelSelection.js';
import { chartConfig, rampTextSwitch } from './chartTheme.js';

export interface ConfusedCell {
  trueLabel: string;
  predictedLabel: string;
  count: number;
  /** count / support of the true label. */
  rateOfTrue: number;
}

export interface ConfusedHeatmapData {
  selected: Selected<LabelEvaluation>;
  /** Non-zero cells only (empty cells are the background). */
  cells: ConfusedCell[];
}

/** The non-zero cells of the matrix among the selected labels, in row-major order of the selection. */
export function confusedHeatmapData(perLabel: readonly LabelEvaluation[], matrix: readonly (readonly number[])[], selection: LabelSelection): ConfusedHeatmapData {
  const indexOf = new Map(perLabel.map((l, i) => [l.name, i]));
  const selected = selectLabels(perLabel, selection);
  const cells: ConfusedCell[] = [];
  for (const a of selected.labels) {
    const row = matrix[indexOf.get(a.name) as number];
    for (const b of selected.labels) {
      const count = row[indexOf.get(b.name) as number];
      if (count > 0) cells.push({ trueLabel: a.name, predictedLabel: b.name, count, rateOfTrue: a.support === 0 ? 0 : count / a.support });
    }
  }
  return { selected, cells };
}

/** Pixels per heatmap cell for n labels, so the whole matrix stays within about 640 px. */
export function heatmapStep(n: number): number {
  return Math.max(12, Math.min(36, Math.floor(640 / Math.max(1, n))));
}

/** What a heatmap cell's shade shows: its rows, or their share of the missed label's positives. */
export type HeatmapShade = 'count' | 'rateOfTrue';

export function confusedHeatmapSpec(
  perLabel: readonly LabelEvaluation[],
  matrix: readonly (readonly number[])[],
  theme: ChartTheme,
  options: LabelSelection & { shade?: HeatmapShade },
): TopLevelSpec {
  const data = confusedHeatmapData(perLabel, matrix, options);
  const names = data.selected.labels.map((l) => l.name);
  const step = heatmapStep(names.length);
  const showCounts = step >= 22;
  const shade = options.shade ?? 'count';
  const maxShade = data.cells.reduce((m, c) => Math.max(m, c[shade]), 0) || 1;
  const tooltip = [
    { field: 'trueLabel', type: 'nominal' as const, title: 'True label (missed)' },
    { field: 'predictedLabel', type: 'nominal' as const, title: 'Predicted instead' },
    { field: 'count', type: 'quantitative' as const, title: 'Rows', format: ',d' },
    { field: 'rateOfTrue', type: 'quantitative' as const, title: 'Share of the true label', format: '.1%' },
  ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: 'Rows where the true label (row) was missed while the other label (column) was wrongly predicted.',
    config: chartConfig(theme),
    data: { values: data.cells },
    width: { step },
    height: { step },
    encoding: {
      x: {
        field: 'predictedLabel',
        type: 'nominal',
        scale: { domain: names },
        sort: null,
        axis: { title: 'Predicted instead (false positive)', orient: 'top', labelAngle: -50, labelAlign: 'left', labelLimit: 110, grid: true, tickBand: 'extent' },
      },
      y: {
        field: 'trueLabel',
        type: 'nominal',
        scale: { domain: names },
        sort: null,
        axis: { title: 'True label (missed)', labelLimit: 130, grid: true, tickBand: 'extent' },
      },
      tooltip,
    },
    layer: [
      {
        mark: { type: 'rect' },
        encoding: {
          color: {
            field: shade,
            type: 'quantitative',
            scale: { domain: [0, maxShade], range: [theme.heatLow, theme.heatHigh] },
            legend: shade === 'count' ? { title: 'Rows', gradientLength: 140 } : { title: 'Share of missed label', format: '.0%', gradientLength: 140 },
          },
        },
      },
      ...(showCounts
        ? [
            {
              mark: { type: 'text' as const, fontSize: theme.fontSize - 2 },
              encoding: {
                text: { field: 'count', type: 'quantitative' as const, format: ',d' },
                color: { condition: { test: `datum.${shade} >= ${rampTextSwitch(theme) * maxShade}`, value: theme.heatLow }, value: theme.foreground },
              },
            },
          ]
        : []),
    ],
  };
}

export interface ConfusedPairRow extends ConfusedPair {
  pair: string;
}

/** The listed pairs where either label matches the filter, most frequent first, at most topN. */
export function confusedPairsData(pairs: readonly ConfusedPair[], selection: Pick<LabelSelection, 'filter' | 'topN'>): ConfusedPairRow[] {
  return pairs
    .filter((p) => matchesFilter(p.trueLabel, selection.filter) || matchesFilter(p.predictedLabel, selection.filter))
    .slice(0, Math.max(0, Math.floor(selection.topN)))
    .map((p) => ({ ...p, pair: `${p.trueLabel} → ${p.predictedLabel}` }));
}

export function confusedPairsSpec(pairs: readonly ConfusedPair[], theme: ChartTheme, selection: Pick<LabelSelection, 'filter' | 'topN'>): TopLevelSpec {
  const rows = confusedPairsData(pairs, selection);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: 'The most frequent (missed label → wrongly predicted label) pairs.',
    config: chartConfig(theme),
    data: { values: rows },
    width: 'container',
    // A number, not { step }: vega-lite drops a fit-x autosize next to a discrete height.
    height: Math.max(18, rows.length * 18),
    autosize: { type: 'fit-x', contains: 'padding' },
    encoding: {
      y: { field: 'pair', type: 'nominal', sort: rows.map((r) => r.pair), axis: { title: 'Missed → predicted instead', labelLimit: 260 } },
      x: { field: 'count', type: 'quantitative', axis: { title: 'Rows', format: ',d', tickMinStep: 1 } },
      tooltip: [
        { field: 'trueLabel', type: 'nominal', title: 'True label (missed)' },
        { field: 'predictedLabel', type: 'nominal', title: 'Predicted instead' },
        { field: 'count', type: 'quantitative', title: 'Rows', format: ',d' },
        { field: 'rateOfTrue', type: 'quantitative', title: 'Share of the true label', format: '.1%' },
      ],
    },
    layer: [
      { mark: { type: 'bar', color: theme.categorical[0] } },
      {
        mark: { type: 'text', align: 'left', dx: 3, color: theme.descriptionForeground },
        encoding: { text: { field: 'rateOfTrue', type: 'quantitative', format: '.1%' } },
      },
    ],
  };
}
