/**
 * One 2x2 confusion matrix per label as small multiples (top N labels by support), each cell
 * labelled with its count and shaded by its share of the actual class (so TP shade = recall and
 * FP shade = false-positive rate, whatever the label's frequency).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { LabelEvaluation } from '../../../../src/core/metrics/computeMetrics.js';
import type { ChartTheme } from '../../types.js';
import { selectLabels, type LabelSelection, type Selected } from '../labelSelection.js';
import { chartConfig, rampTextSwitch } from './chartTheme.js';

export type CellKind = 'TP' | 'FN' | 'FP' | 'TN';

export interface ConfusionCell {
  label: string;
  actual: 'Positive' | 'Negative';
  predicted: 'Positive' | 'Negative';
  kind: CellKind;
  count: number;
  /** count / (rows of the actual class); 0 when the class is empty. */
  rate: number;
}

export interface ConfusionGridData {
  selected: Selected<LabelEvaluation>;
  cells: ConfusionCell[];
}

/** The four cells of one label, TP, FN, FP, TN. */
export function confusionCells(l: LabelEvaluation): ConfusionCell[] {
  const positives = l.tp + l.fn;
  const negatives = l.fp + l.tn;
  const share = (count: number, of: number) => (of === 0 ? 0 : count / of);
  return [
    { label: l.name, actual: 'Positive', predicted: 'Positive', kind: 'TP', count: l.tp, rate: share(l.tp, positives) },
    { label: l.name, actual: 'Positive', predicted: 'Negative', kind: 'FN', count: l.fn, rate: share(l.fn, positives) },
    { label: l.name, actual: 'Negative', predicted: 'Positive', kind: 'FP', count: l.fp, rate: share(l.fp, negatives) },
    { label: l.name, actual: 'Negative', predicted: 'Negative', kind: 'TN', count: l.tn, rate: share(l.tn, negatives) },
  ];
}

export function confusionGridData(perLabel: readonly LabelEvaluation[], selection: LabelSelection): ConfusionGridData {
  const selected = selectLabels(perLabel, selection);
  return { selected, cells: selected.labels.flatMap(confusionCells) };
}

/**
 * Facet columns for n small multiples: n itself up to 4, else the count from 4 to 7 that leaves
 * the fewest empty places in the last row (vega-lite draws the x axis under an empty place too),
 * the wider on a tie.
 */
export function gridColumns(n: number): number {
  if (n <= 4) return Math.max(1, n);
  let best = 4;
  const empty = (c: number) => (c - (n % c)) % c;
  for (let c = 5; c <= 7; c++) if (empty(c) <= empty(best)) best = c;
  return best;
}

export function confusionGridSpec(perLabel: readonly LabelEvaluation[], theme: ChartTheme, selection: LabelSelection): TopLevelSpec {
  const data = confusionGridData(perLabel, selection);
  const names = data.selected.labels.map((l) => l.name);
  const classes = ['Positive', 'Negative'];
  const textColour = { condition: { test: `datum.rate >= ${rampTextSwitch(theme)}`, value: theme.heatLow }, value: theme.foreground };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: 'A 2x2 confusion matrix per label: rows are the truth, columns the prediction.',
    config: { ...chartConfig(theme), facet: { spacing: 14 } },
    data: { values: data.cells },
    columns: gridColumns(names.length),
    facet: {
      field: 'label',
      type: 'nominal',
      sort: names,
      header: { title: null, labelLimit: 110, labelFontSize: theme.fontSize - 1, labelColor: theme.foreground },
    },
    spec: {
      width: 104,
      height: 104,
      encoding: {
        x: { field: 'predicted', type: 'nominal', scale: { domain: classes }, axis: { title: 'Predicted', labelAngle: 0, labelExpr: "datum.value === 'Positive' ? '1' : '0'", ticks: false, domain: false } },
        y: { field: 'actual', type: 'nominal', scale: { domain: classes }, axis: { title: 'Actual', labelExpr: "datum.value === 'Positive' ? '1' : '0'", ticks: false, domain: false } },
        tooltip: [
          { field: 'label', type: 'nominal', title: 'Label' },
          { field: 'kind', type: 'nominal', title: 'Cell' },
          { field: 'count', type: 'quantitative', title: 'Rows', format: ',d' },
          { field: 'rate', type: 'quantitative', title: 'Share of the actual class', format: '.1%' },
        ],
      },
      layer: [
        {
          mark: { type: 'rect', stroke: theme.background, strokeWidth: 1 },
          encoding: {
            color: {
              field: 'rate',
              type: 'quantitative',
              scale: { domain: [0, 1], range: [theme.heatLow, theme.heatHigh] },
              legend: { title: 'Share of actual class', format: '.0%', gradientLength: 120, orient: 'right' },
            },
          },
        },
        {
          mark: { type: 'text', fontSize: theme.fontSize - 3, opacity: 0.85, dy: -10 },
          encoding: {
            text: { field: 'kind', type: 'nominal' },
            color: textColour,
          },
        },
        {
          mark: { type: 'text', fontSize: theme.fontSize, fontWeight: 'bold', dy: 7 },
          encoding: {
            text: { field: 'count', type: 'quantitative', format: ',d' },
            color: textColour,
          },
        },
      ],
    },
  };
}
