/**
 * How each label's positives are shared among the parts of a split: one 100% stacked horizontal
 * bar per label, a segment per part in part order, and dashed rules where the parts would meet if
 * every label were split exactly in proportion (the cumulative part sizes, also the axis ticks).
 * A label whose segments line up with the rules is perfectly stratified. Labels without
 * positives have no shares and are left out.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SplitReport } from '../../../../src/core/analysis/splitDataset.js';
import { mixColors } from '../../color.js';
import { BAR_STEP, FIT_WIDTH, VEGA_LITE_SCHEMA } from '../../dataset/specs/common.js';
import { vegaConfig } from '../../theme.js';
import type { ChartTheme } from '../../types.js';
import { chooseLabels, type LabelChartOptions } from '../labelChoice.js';

export interface ShareRow {
  [field: string]: string | number;
  label: string;
  part: string;
  partIndex: number;
  count: number;
  total: number;
  share: number;
  idealShare: number;
  ideal: number;
}

export interface SplitLabel {
  name: string;
  label: number;
  total: number;
  counts: number[];
  ideal: number[];
  maxDeviation: number;
}

/** The per-label stratification with each label's name. */
export function splitLabels(report: Pick<SplitReport, 'labelNames' | 'stratification'>): SplitLabel[] {
  return report.stratification.labels.map((l) => ({ ...l, name: report.labelNames[l.label] }));
}

/** The labels drawn, in order: the top N by positives (most or fewest first) matching the filter, among those with any positive. */
export function shareLabels(report: Pick<SplitReport, 'labelNames' | 'stratification'>, options: Pick<LabelChartOptions, 'topN' | 'filter' | 'rarest'>): SplitLabel[] {
  const present = splitLabels(report).filter((l) => l.total > 0);
  return chooseLabels(present, (l) => l.total, options).items;
}

/** One row per label and part: its count and share of the label's positives, and the ideal (the part's size). */
export function shareRows(labels: readonly SplitLabel[], parts: SplitReport['parts']): ShareRow[] {
  return labels.flatMap((l) =>
    parts.map((part, j) => ({
      label: l.name,
      part: part.name,
      partIndex: j,
      count: l.counts[j],
      total: l.total,
      share: l.counts[j] / l.total,
      idealShare: part.proportion,
      ideal: l.ideal[j],
    })),
  );
}

/** Where the parts meet in a perfect split: the running sums of the part sizes, without the final 1. */
export function idealBoundaries(parts: SplitReport['parts']): number[] {
  const bounds: number[] = [];
  let sum = 0;
  for (const part of parts.slice(0, -1)) {
    sum += part.proportion;
    bounds.push(sum);
  }
  return bounds;
}

/** A colour per part: the theme's categorical colours, then the same ones lightened towards the background. */
export function partColors(theme: ChartTheme, parts: number): string[] {
  const base = theme.categorical;
  return Array.from({ length: parts }, (_, j) => {
    const round = Math.floor(j / base.length);
    const color = base[j % base.length];
    return round === 0 ? color : mixColors(color, theme.background, Math.min(0.7, 0.4 * round));
  });
}

export function partSharesSpec(report: Pick<SplitReport, 'labelNames' | 'stratification' | 'parts'>, theme: ChartTheme, options: Pick<LabelChartOptions, 'topN' | 'filter' | 'rarest'>): TopLevelSpec {
  const labels = shareLabels(report, options);
  const rows = shareRows(labels, report.parts);
  const bounds = idealBoundaries(report.parts);
  const names = report.parts.map((p) => p.name);
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: vegaConfig(theme),
    autosize: FIT_WIDTH,
    width: 'container',
    height: { step: BAR_STEP + 2 },
    layer: [
      {
        data: { values: rows },
        mark: { type: 'bar' },
        encoding: {
          y: { field: 'label', type: 'nominal', sort: labels.map((l) => l.name), axis: { title: null, labelLimit: 200 } },
          x: {
            field: 'share',
            type: 'quantitative',
            stack: 'zero',
            title: 'Share of the label’s positives in each part (dashed: a perfect split)',
            scale: { domain: [0, 1], nice: false },
            axis: { values: [0, ...bounds, 1], format: '.0%', grid: false, labelOverlap: true },
          },
          order: { field: 'partIndex', type: 'quantitative' },
          color: {
            field: 'part',
            type: 'nominal',
            sort: names,
            scale: { domain: names, range: partColors(theme, names.length) },
            legend: { title: null, orient: 'bottom', direction: 'horizontal' },
          },
          tooltip: [
            { field: 'label', type: 'nominal', title: 'Label' },
            { field: 'part', type: 'nominal', title: 'Part' },
            { field: 'count', type: 'quantitative', title: 'Positives in the part', format: ',' },
            { field: 'ideal', type: 'quantitative', title: 'Ideal (size × total)', format: ',.1f' },
            { field: 'share', type: 'quantitative', title: 'Share of the label', format: '.1%' },
            { field: 'idealShare', type: 'quantitative', title: 'Part size', format: '.1%' },
            { field: 'total', type: 'quantitative', title: 'Positives in all', format: ',' },
          ],
        },
      },
      {
        // the same field as the bars, so the two layers share one x axis and its title
        data: { values: bounds.map((b) => ({ share: b })) },
        mark: { type: 'rule', strokeDash: [5, 3], strokeWidth: 1.5, color: theme.foreground },
        encoding: {
          x: { field: 'share', type: 'quantitative' },
          tooltip: [{ field: 'share', type: 'quantitative', title: 'Perfect split boundary', format: '.1%' }],
        },
      },
    ],
  };
}
