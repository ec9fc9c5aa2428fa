/**
 * Label frequency: one horizontal bar per label (the top N matching a filter, most frequent first
 * or rarest first), coloured by status (rare, minority, other), with a dashed rule at the MeanIR
 * threshold: labels left of it are minority labels. Linear or log scale.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AnalysisReport } from '../../../../src/core/analysis/analyzeDataset.js';
import { vegaConfig } from '../../theme.js';
import type { ChartTheme } from '../../types.js';
import { selectLabels } from '../labelSelection.js';
import { BAR_STEP, FIT_WIDTH, labelRows, logScale, meanIRThreshold, ruleLabelAlign, ruleLayers, statusScale, VEGA_LITE_SCHEMA } from './common.js';

export interface LabelChartOptions {
  /** Log scale (labels with no positives are left out: log 0 is undefined). */
  log: boolean;
  topN: number;
  filter: string;
  /** The least frequent labels instead of the most frequent. */
  rarest?: boolean;
}

type FrequencyReport = Pick<AnalysisReport, 'perLabel' | 'meanIR' | 'rareThreshold'>;

export function labelFrequencySpec(report: FrequencyReport, theme: ChartTheme, options: LabelChartOptions): TopLevelSpec {
  const { labels } = selectLabels(report.perLabel, options);
  const rows = labelRows(labels, report).filter((r) => !options.log || r.count > 0);
  const threshold = meanIRThreshold(report);
  const counts = rows.map((r) => r.count);

  const bars = {
    mark: { type: 'bar' as const, cornerRadiusEnd: 2 },
    encoding: {
      y: { field: 'label', type: 'nominal' as const, sort: null, axis: { title: null, labelLimit: 200 } },
      x: {
        field: 'count',
        type: 'quantitative' as const,
        title: options.log ? 'Rows with the label (log scale)' : 'Rows with the label',
        stack: null,
        scale: options.log ? logScale([...counts, ...(threshold === undefined ? [] : [threshold])]) : { type: 'linear' as const, zero: true },
        axis: { format: ',~r', grid: true, tickCount: 6, tickMinStep: 1 },
      },
      color: {
        field: 'status',
        type: 'nominal' as const,
        scale: statusScale(report, theme, rows),
        legend: { title: null, orient: 'bottom' as const, direction: 'horizontal' as const },
      },
      tooltip: [
        { field: 'label', type: 'nominal' as const, title: 'Label' },
        { field: 'count', type: 'quantitative' as const, title: 'Rows', format: ',' },
        { field: 'frequency', type: 'quantitative' as const, title: 'Share of rows', format: '.2%' },
        { field: 'irLbl', type: 'quantitative' as const, title: 'IRLbl', format: '.3~f' },
        { field: 'status', type: 'nominal' as const, title: 'Status' },
      ],
    },
  };
  const rule =
    threshold === undefined
      ? []
      : ruleLayers('threshold', threshold, `MeanIR threshold ${threshold.toFixed(1)}`, 'Count where IRLbl = MeanIR (max count / MeanIR)', ruleLabelAlign(threshold, counts, options.log), theme);

  return {
    $schema: VEGA_LITE_SCHEMA,
    config: vegaConfig(theme),
    autosize: FIT_WIDTH,
    width: 'container',
    height: { step: BAR_STEP },
    data: { values: rows },
    layer: [bars, ...rule],
  };
}
