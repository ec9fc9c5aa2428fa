/** The most frequent labelsets (distinct combinations of labels in a row), most frequent first. */
import type { TopLevelSpec } from 'vega-lite';
import type { AnalysisReport } from '../../../../src/core/analysis/analyzeDataset.js';
import { vegaConfig } from '../../theme.js';
import type { ChartTheme } from '../../types.js';
import { BAR_STEP, FIT_WIDTH, labelsetName, VEGA_LITE_SCHEMA } from './common.js';

export interface LabelsetRow {
  [field: string]: string | number;
  rank: number;
  /** "3. a + b": the axis label, unique even when long labelsets look alike once truncated. */
  key: string;
  labelset: string;
  size: number;
  count: number;
  share: number;
}

export function labelsetRows(report: Pick<AnalysisReport, 'topLabelsets' | 'instances'>): LabelsetRow[] {
  return [...report.topLabelsets]
    .sort((a, b) => b.count - a.count)
    .map((s, i) => ({
      rank: i + 1,
      key: `${i + 1}. ${labelsetName(s.labels)}`,
      labelset: labelsetName(s.labels),
      size: s.labels.length,
      count: s.count,
      share: report.instances > 0 ? s.count / report.instances : 0,
    }));
}

export function topLabelsetsSpec(report: Pick<AnalysisReport, 'topLabelsets' | 'instances'>, theme: ChartTheme): TopLevelSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: vegaConfig(theme),
    autosize: FIT_WIDTH,
    width: 'container',
    height: { step: BAR_STEP },
    data: { values: labelsetRows(report) },
    mark: { type: 'bar', cornerRadiusEnd: 2, color: theme.categorical[0] },
    encoding: {
      y: { field: 'key', type: 'nominal', sort: null, axis: { title: null, labelLimit: 360 } },
      x: { field: 'count', type: 'quantitative', stack: null, title: 'Rows with exactly this labelset', axis: { format: ',~r', grid: true, tickCount: 6, tickMinStep: 1 } },
      tooltip: [
        { field: 'labelset', type: 'nominal', title: 'Labelset' },
        { field: 'size', type: 'quantitative', title: 'Labels' },
        { field: 'count', type: 'quantitative', title: 'Rows', format: ',' },
        { field: 'share', type: 'quantitative', title: 'Share of rows', format: '.2%' },
      ],
    },
  };
}
