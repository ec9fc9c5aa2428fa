/**
 * Per-label counts before and after a resampling: one pair of horizontal bars per label (before
 * in a muted text colour, after in the first categorical colour), labels in the order chosen, the
 * minority labels (IRLbl > MeanIR of the input, as the methods define them) named in the warning
 * colour and bold. Linear or log scale.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ResampleReport } from '../../../../src/core/analysis/resampleDataset.js';
import { mixColors } from '../../color.js';
import { FIT_WIDTH, logScale, VEGA_LITE_SCHEMA } from '../../dataset/specs/common.js';
import { vegaConfig } from '../../theme.js';
import type { ChartTheme } from '../../types.js';
import { chooseLabels, type LabelChartOptions } from '../labelChoice.js';

export const PHASES = ['Before', 'After'] as const;

/** Pixels per label (a pair of bars). */
export const PAIR_STEP = 30;

export interface CountRow {
  [field: string]: string | number;
  label: string;
  phase: (typeof PHASES)[number];
  count: number;
  irLbl: number;
  change: number;
  minority: string;
}

type Label = ResampleReport['perLabel'][number];

/** The labels drawn, in order: the top N by count before resampling (most or fewest first) that match the filter. */
export function chartLabels(report: Pick<ResampleReport, 'perLabel'>, options: LabelChartOptions): Label[] {
  return chooseLabels(report.perLabel, (l) => l.before, options).items;
}

/** Two rows per label (before, after); on a log scale a count of 0 is left out (log 0 is undefined). */
export function countRows(labels: readonly Label[], log: boolean): CountRow[] {
  const rows = labels.flatMap((l): CountRow[] => {
    const shared = { label: l.name, change: l.after - l.before, minority: l.minority ? 'yes' : 'no' };
    return [
      { ...shared, phase: 'Before', count: l.before, irLbl: l.irBefore },
      { ...shared, phase: 'After', count: l.after, irLbl: l.irAfter },
    ];
  });
  return log ? rows.filter((r) => r.count > 0) : rows;
}

/** Before: the text colour muted towards the background; after: the first categorical colour. */
export function beforeAfterColors(theme: ChartTheme): [string, string] {
  return [mixColors(theme.foreground, theme.background, 0.35), theme.categorical[0]];
}

/** A Vega expression that is true for an axis label naming one of `names`. */
export function isOneOf(names: readonly string[]): string {
  return `indexof([${names.map((n) => JSON.stringify(n)).join(',')}], datum.value) >= 0`;
}

export function countsBeforeAfterSpec(report: Pick<ResampleReport, 'perLabel'>, theme: ChartTheme, options: LabelChartOptions): TopLevelSpec {
  const labels = chartLabels(report, options);
  const rows = countRows(labels, options.log);
  const minority = labels.filter((l) => l.minority).map((l) => l.name);
  const marked = isOneOf(minority);
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: vegaConfig(theme),
    autosize: FIT_WIDTH,
    width: 'container',
    height: { step: PAIR_STEP, for: 'position' },
    data: { values: rows },
    mark: { type: 'bar', cornerRadiusEnd: 2 },
    encoding: {
      y: {
        field: 'label',
        type: 'nominal',
        sort: labels.map((l) => l.name),
        scale: { paddingInner: 0.25 },
        axis: {
          title: null,
          labelLimit: 200,
          labelColor: minority.length > 0 ? { condition: { test: marked, value: theme.warning }, value: theme.foreground } : theme.foreground,
          labelFontWeight: minority.length > 0 ? { condition: { test: marked, value: 'bold' }, value: 'normal' } : 'normal',
        },
      },
      yOffset: { field: 'phase', type: 'nominal', sort: [...PHASES] },
      x: {
        field: 'count',
        type: 'quantitative',
        title: options.log ? 'Rows with the label (log scale)' : 'Rows with the label',
        stack: null,
        scale: options.log ? logScale(rows.map((r) => r.count)) : { type: 'linear', zero: true },
        axis: { format: ',~r', grid: true, tickCount: 6, tickMinStep: 1 },
      },
      color: {
        field: 'phase',
        type: 'nominal',
        sort: [...PHASES],
        scale: { domain: [...PHASES], range: beforeAfterColors(theme) },
        legend: { title: null, orient: 'bottom', direction: 'horizontal' },
      },
      tooltip: [
        { field: 'label', type: 'nominal', title: 'Label' },
        { field: 'phase', type: 'nominal', title: 'When' },
        { field: 'count', type: 'quantitative', title: 'Rows', format: ',' },
        { field: 'change', type: 'quantitative', title: 'Change', format: '+,' },
        { field: 'irLbl', type: 'quantitative', title: 'IRLbl', format: '.3~f' },
        { field: 'minority', type: 'nominal', title: 'Minority label' },
      ],
    },
  };
}
