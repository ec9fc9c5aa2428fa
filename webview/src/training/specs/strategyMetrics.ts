/**
 * A comparison's test-split metrics per strategy as grouped bars (macro-F1, micro-F1, mAP, tail-band
 * F1), at the thresholds the recommendation uses; the recommended strategy is named in bold.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { StrategyResult } from '../../../../src/protocol/training.js';
import { FIT_WIDTH, VEGA_LITE_SCHEMA } from '../../dataset/specs/common.js';
import { vegaConfig } from '../../theme.js';
import type { ChartTheme } from '../../types.js';

export const METRICS = ['Macro-F1', 'Micro-F1', 'mAP', 'Tail F1'] as const;

/** Pixels per strategy (four bars). */
export const STRATEGY_STEP = 44;

export interface MetricBar {
  [field: string]: string | number;
  strategy: string;
  metric: (typeof METRICS)[number];
  value: number;
}

export function strategyMetricBars(results: readonly StrategyResult[], tuned: boolean): MetricBar[] {
  return results.flatMap((r) => {
    const m = tuned ? r.tuned : r.fixed;
    const values = [m.macroF1, m.microF1, m.mAP, m.tailF1];
    return METRICS.map((metric, i): MetricBar => ({ strategy: r.strategy, metric, value: values[i] }));
  });
}

export function strategyMetricsSpec(results: readonly StrategyResult[], recommended: string | undefined, tuned: boolean, theme: ChartTheme): TopLevelSpec {
  const strategies = results.map((r) => r.strategy);
  const bold = recommended !== undefined ? { condition: { test: `datum.value === ${JSON.stringify(recommended)}`, value: 'bold' }, value: 'normal' } : 'normal';
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: 'Test-split metrics of each strategy.',
    config: vegaConfig(theme),
    data: { values: strategyMetricBars(results, tuned) },
    width: 'container',
    height: { step: STRATEGY_STEP, for: 'position' },
    autosize: FIT_WIDTH,
    mark: { type: 'bar', cornerRadiusEnd: 2 },
    encoding: {
      y: { field: 'strategy', type: 'nominal', sort: strategies, scale: { paddingInner: 0.3 }, axis: { title: null, labelFontWeight: bold as never, labelLimit: 200 } },
      yOffset: { field: 'metric', type: 'nominal', sort: [...METRICS] },
      x: { field: 'value', type: 'quantitative', scale: { domain: [0, 1] }, axis: { title: `Test split (${tuned ? 'tuned thresholds' : 'threshold 0.5'})`, grid: true, tickCount: 5 } },
      color: { field: 'metric', type: 'nominal', sort: [...METRICS], scale: { domain: [...METRICS], range: theme.categorical.slice(0, 4) }, legend: { title: null, orient: 'bottom', direction: 'horizontal' } },
      tooltip: [
        { field: 'strategy', type: 'nominal', title: 'Strategy' },
        { field: 'metric', type: 'nominal', title: 'Metric' },
        { field: 'value', type: 'quantitative', title: 'Value', format: '.3f' },
      ],
    },
  };
}
