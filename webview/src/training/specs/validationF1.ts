/**
 * Validation macro-F1 per epoch (at the threshold 0.5, as the training loop measures it for early
 * stopping), one line per strategy, each strategy's best epoch ringed: the model kept is the one
 * of that epoch.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { StrategyHistory } from '../../../../src/protocol/dashboard.js';
import type { StrategyResult } from '../../../../src/protocol/training.js';
import { FIT_WIDTH, VEGA_LITE_SCHEMA } from '../../dataset/specs/common.js';
import { vegaConfig } from '../../theme.js';
import type { ChartTheme } from '../../types.js';
import { strategyScale } from './strategyColors.js';

export interface F1Point {
  [field: string]: string | number;
  strategy: string;
  epoch: number;
  macroF1: number;
}

export function validationF1Points(history: readonly StrategyHistory[]): F1Point[] {
  return history.flatMap(({ strategy, records }) => records.flatMap((r) => (r.macroF1 === null ? [] : [{ strategy, epoch: r.epoch, macroF1: r.macroF1 }])));
}

/**
 * Each strategy's best epoch: the one its result names once it finished, else the last epoch
 * flagged `best` (the one early stopping keeps so far, after its warm-up), else, for runs written
 * before the flag, the first epoch with the highest validation macro-F1 so far.
 */
export function bestEpochs(history: readonly StrategyHistory[], results: readonly Pick<StrategyResult, 'strategy' | 'bestEpoch'>[]): F1Point[] {
  const best: F1Point[] = [];
  for (const { strategy, records } of history) {
    const done = results.find((r) => r.strategy === strategy);
    const scored = records.filter((r) => r.macroF1 !== null);
    if (scored.length === 0) continue;
    // live: the epoch early stopping keeps so far (flagged `best`; runs without the flag: the highest so far)
    const flagged = scored.filter((r) => r.best);
    const pick = done
      ? scored.find((r) => r.epoch === done.bestEpoch)
      : (flagged.at(-1) ?? scored.reduce((a, b) => ((b.macroF1 as number) > (a.macroF1 as number) ? b : a)));
    if (pick) best.push({ strategy, epoch: pick.epoch, macroF1: pick.macroF1 as number, what: done ? 'best epoch (the model kept)' : 'best epoch so far' });
  }
  return best;
}

export function validationF1Spec(
  view: { strategies: readonly string[]; history: readonly StrategyHistory[]; results: readonly Pick<StrategyResult, 'strategy' | 'bestEpoch'>[] },
  theme: ChartTheme,
  options: { maxEpoch: number; /** 'Out-of-fold' for a cross-validated run; default 'Validation'. */ scoredOn?: string },
): TopLevelSpec {
  const scoredOn = options.scoredOn ?? 'Validation';
  const x = { field: 'epoch', type: 'quantitative' as const, scale: { domain: [1, Math.max(2, options.maxEpoch)], nice: false }, axis: { title: 'Epoch', tickMinStep: 1, format: 'd' } };
  const y = { field: 'macroF1', type: 'quantitative' as const, scale: { domain: [0, 1] }, axis: { title: `${scoredOn} macro-F1 (threshold 0.5)`, tickCount: 5 } };
  const color = { field: 'strategy', type: 'nominal' as const, scale: strategyScale(view.strategies, theme), legend: { title: null, orient: 'bottom' as const, direction: 'horizontal' as const, columns: 8 } };
  const tooltip = [
    { field: 'strategy', type: 'nominal' as const, title: 'Strategy' },
    { field: 'epoch', type: 'quantitative' as const, title: 'Epoch' },
    { field: 'macroF1', type: 'quantitative' as const, title: `${scoredOn} macro-F1`, format: '.3f' },
  ];
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: `${scoredOn} macro-F1 per epoch by strategy; the best epoch of each is ringed.`,
    config: vegaConfig(theme),
    datasets: { points: validationF1Points(view.history), best: bestEpochs(view.history, view.results) },
    width: 'container',
    height: 240,
    autosize: FIT_WIDTH,
    layer: [
      { data: { name: 'points' }, mark: { type: 'line', strokeWidth: 1.75, clip: true }, encoding: { x, y, color } },
      {
        data: { name: 'points' },
        params: [{ name: 'hover', select: { type: 'point', on: 'pointermove', nearest: true, clear: 'pointerout' } }],
        mark: { type: 'point', filled: true, size: 36, clip: true },
        encoding: { x, y, color, opacity: { condition: { param: 'hover', empty: false, value: 1 }, value: 0 }, tooltip },
      },
      {
        data: { name: 'best' },
        mark: { type: 'point', filled: false, size: 110, strokeWidth: 2 },
        encoding: { x, y, color, tooltip: [...tooltip, { field: 'what', type: 'nominal' as const, title: 'Point' }] },
      },
    ],
  };
}
