/**
 * Training and validation loss per epoch, one colour per strategy, the training loss solid and
 * the validation loss dashed. Each loss function has its own scale (focal and asymmetric losses
 * are far smaller than BCE), so a log scale is offered; the shapes are what compare (a validation
 * loss that turns up while the training loss keeps falling is overfitting).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { StrategyHistory } from '../../../../src/protocol/dashboard.js';
import { FIT_WIDTH, VEGA_LITE_SCHEMA } from '../../dataset/specs/common.js';
import { vegaConfig } from '../../theme.js';
import type { ChartTheme } from '../../types.js';
import { strategyScale } from './strategyColors.js';

export const LOSS_SPLITS = ['Training', 'Validation'] as const;

export interface LossPoint {
  [field: string]: string | number;
  strategy: string;
  epoch: number;
  split: (typeof LOSS_SPLITS)[number];
  loss: number;
}

/** Every epoch's training loss, and its validation loss where there is one; on a log scale, losses ≤ 0 are left out. */
export function lossPoints(history: readonly StrategyHistory[], log = false): LossPoint[] {
  const points: LossPoint[] = [];
  for (const { strategy, records } of history) {
    for (const r of records) {
      points.push({ strategy, epoch: r.epoch, split: 'Training', loss: r.trainLoss });
      if (r.validationLoss !== null) points.push({ strategy, epoch: r.epoch, split: 'Validation', loss: r.validationLoss });
    }
  }
  return points.filter((p) => Number.isFinite(p.loss) && (!log || p.loss > 0));
}

export interface LossCurvesOptions {
  log: boolean;
  /** The x axis runs from epoch 1 to this (the run's epoch cap while it trains, so the axis stays put). */
  maxEpoch: number;
}

export function lossCurvesSpec(view: { strategies: readonly string[]; history: readonly StrategyHistory[] }, theme: ChartTheme, options: LossCurvesOptions): TopLevelSpec {
  const points = lossPoints(view.history, options.log);
  const x = { field: 'epoch', type: 'quantitative' as const, scale: { domain: [1, Math.max(2, options.maxEpoch)], nice: false }, axis: { title: 'Epoch', tickMinStep: 1, format: 'd' } };
  const y = {
    field: 'loss',
    type: 'quantitative' as const,
    // No epoch yet: a fixed domain, so the empty chart has axes and no infinite extent.
    scale: { ...(options.log ? { type: 'log' as const } : { zero: true }), ...(points.length === 0 ? { domain: options.log ? [0.01, 1] : [0, 1] } : {}) },
    axis: { title: options.log ? 'Loss (log scale)' : 'Loss', tickCount: 5 },
  };
  const color = { field: 'strategy', type: 'nominal' as const, scale: strategyScale(view.strategies, theme), legend: { title: null, orient: 'bottom' as const, direction: 'horizontal' as const, columns: 8 } };
  const strokeDash = {
    field: 'split',
    type: 'nominal' as const,
    scale: { domain: [...LOSS_SPLITS], range: [[1, 0], [5, 3]] },
    legend: { title: null, orient: 'top' as const, direction: 'horizontal' as const, symbolStrokeColor: theme.foreground, symbolType: 'stroke' },
  };
  const tooltip = [
    { field: 'strategy', type: 'nominal' as const, title: 'Strategy' },
    { field: 'split', type: 'nominal' as const, title: 'Loss on' },
    { field: 'epoch', type: 'quantitative' as const, title: 'Epoch' },
    { field: 'loss', type: 'quantitative' as const, title: 'Loss', format: '.4f' },
  ];
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: 'Training (solid) and validation (dashed) loss per epoch, by strategy.',
    config: vegaConfig(theme),
    data: { values: points },
    width: 'container',
    height: 240,
    autosize: FIT_WIDTH,
    layer: [
      { mark: { type: 'line', strokeWidth: 1.75, clip: true }, encoding: { x, y, color, strokeDash, detail: { field: 'split', type: 'nominal' } } },
      {
        params: [{ name: 'hover', select: { type: 'point', on: 'pointermove', nearest: true, clear: 'pointerout' } }],
        mark: { type: 'point', filled: true, size: 36, clip: true },
        encoding: { x, y, color, opacity: { condition: { param: 'hover', empty: false, value: 1 }, value: 0 }, tooltip },
      },
    ],
  };
}
