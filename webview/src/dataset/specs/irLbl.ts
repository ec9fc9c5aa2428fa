/**
 * IRLbl per label (mldr: the most frequent label's count over this label's count), in the same
 * order as the frequency chart, coloured by status, with a dashed rule at MeanIR: bars right of it
 * are minority labels. Labels with no positives have IRLbl 0 (mldr) and are left out on a log scale.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AnalysisReport } from '../../../../src/core/analysis/analyzeDataset.js';
import { vegaConfig } from '../../theme.js';
import type { ChartTheme } from '../../types.js';
import { selectLabels } from '../labelSelection.js';
import { BAR_STEP, FIT_WIDTH, labelRows, logScale, ruleLabelAlign, ruleLayers, statusScale, VEGA_LITE_SCHEMA } from './common.js';
import type { LabelChartOptions } from './labelFrequency.js';

type IrReport = Pick<AnalysisReport, 'perLabel' | 'meanIR' | 'rareThreshold'>;

export function irLblSpec(report: IrReport, theme: ChartTheme, options: LabelChartOptions): TopLevelSpec {
  const { labels } = selectLabels(report.perLabel, options);
  const rows = labelRows(labels, report).filter((r) => !options.log || r.irLbl > 0);
  const meanIR = report.meanIR;
  const rule =
    meanIR > 0
      ? ruleLayers('meanIR', meanIR, `MeanIR ${meanIR.toFixed(2)}`, 'MeanIR', ruleLabelAlign(meanIR, rows.map((r) => r.irLbl), options.log), theme)
      : [];

  return {
    $schema: VEGA_LITE_SCHEMA,
    config: vegaConfig(theme),
    autosize: FIT_WIDTH,
    width: 'container',
    height: { step: BAR_STEP },
    data: { values: rows },
    layer: [
      {
        mark: { type: 'bar', cornerRadiusEnd: 2 },
        encoding: {
          y: { field: 'label', type: 'nominal', sort: null, axis: { title: null, labelLimit: 200 } },
          x: {
            field: 'irLbl',
            type: 'quantitative',
            title: options.log ? 'IRLbl (log scale)' : 'IRLbl',
            stack: null,
            scale: options.log ? logScale([...rows.map((r) => r.irLbl), ...(meanIR > 0 ? [meanIR] : [])]) : { type: 'linear', zero: true },
            axis: { format: ',~r', grid: true, tickCount: 6 },
          },
          color: { field: 'status', type: 'nominal', scale: statusScale(report, theme, rows), legend: { title: null, orient: 'bottom', direction: 'horizontal' } },
          tooltip: [
            { field: 'label', type: 'nominal', title: 'Label' },
            { field: 'irLbl', type: 'quantitative', title: 'IRLbl', format: '.3~f' },
            { field: 'count', type: 'quantitative', title: 'Rows', format: ',' },
            { field: 'status', type: 'nominal', title: 'Status' },
          ],
        },
      },
      ...rule,
    ],
  };
}
