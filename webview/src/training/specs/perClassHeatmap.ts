/**
 * Per-class validation F1 over the epochs of one strategy: labels down, epochs across, each cell
 * shaded by the label's F1 at that epoch (threshold 0.5) on the theme's heat ramp, so rare labels
 * that the model learns late, or never, stand out as pale rows.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { EpochRecord } from '../../../../src/protocol/training.js';
import { FIT_WIDTH, VEGA_LITE_SCHEMA } from '../../dataset/specs/common.js';
import { vegaConfig } from '../../theme.js';
import type { ChartTheme } from '../../types.js';

export interface HeatCell {
  [field: string]: string | number;
  label: string;
  epoch: number;
  f1: number;
}

/** Pixels per label row. */
export const HEAT_ROW = 16;

/** One cell per label and epoch that has per-label F1 (epochs without validation have none). */
export function heatmapCells(records: readonly EpochRecord[], labelNames: readonly string[]): HeatCell[] {
  const cells: HeatCell[] = [];
  for (const r of records) {
    if (!r.perLabelF1) continue;
    r.perLabelF1.forEach((f1, l) => {
      if (l < labelNames.length && Number.isFinite(f1)) cells.push({ label: labelNames[l], epoch: r.epoch, f1 });
    });
  }
  return cells;
}

/** Axis text for epoch ticks: epoch 1 and every fifth epoch, the rest blank (60 labels would overlap). */
export const EPOCH_LABELS = "datum.value === 1 || datum.value % 5 === 0 ? datum.label : ''";

/** `scoredOn`: 'Out-of-fold' for a cross-validated run; default 'Validation'. */
export function perClassHeatmapSpec(records: readonly EpochRecord[], labelNames: readonly string[], theme: ChartTheme, scoredOn = 'Validation'): TopLevelSpec {
  const cells = heatmapCells(records, labelNames);
  const epochs = [...new Set(cells.map((c) => c.epoch))].sort((a, b) => a - b);
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: `${scoredOn} F1 of each label (rows) at each epoch (columns).`,
    config: vegaConfig(theme),
    data: { values: cells },
    width: 'container',
    height: { step: HEAT_ROW },
    autosize: FIT_WIDTH,
    mark: { type: 'rect', stroke: theme.background, strokeWidth: epochs.length > 80 ? 0 : 0.5 },
    encoding: {
      x: { field: 'epoch', type: 'ordinal', sort: epochs, axis: { title: 'Epoch', labelAngle: 0, labelExpr: EPOCH_LABELS, ticks: false, domain: false } },
      y: { field: 'label', type: 'nominal', sort: [...labelNames], axis: { title: null, labelLimit: 200, ticks: false, domain: false } },
      color: {
        field: 'f1',
        type: 'quantitative',
        scale: { domain: [0, 1], range: [theme.heatLow, theme.heatHigh] },
        // Below the cells: beside them a gradient would be cut off when there are only a few labels.
        legend: { title: `${scoredOn} F1`, orient: 'bottom', direction: 'horizontal', gradientLength: 160, format: '.1f' },
      },
      tooltip: [
        { field: 'label', type: 'nominal', title: 'Label' },
        { field: 'epoch', type: 'ordinal', title: 'Epoch' },
        { field: 'f1', type: 'quantitative', title: `${scoredOn} F1`, format: '.3f' },
      ],
    },
  };
}
