/**
 * The training recipes users pick by short name (`wbce`, `focal+mlros`): the engine's loss
 * configuration behind each name, the names of a run's strategies, and how they read in prose.
 */
import { UsageError } from '../../errors.js';
import { STRATEGY_LOSSES, type Strategy, type StrategyLoss, type StrategyResampling } from '../../../protocol/training.js';
import { DEFAULT_LOSS_CONFIG, type LossConfig, type LossKind } from '../types.js';

export const STRATEGY_RESAMPLINGS: readonly StrategyResampling[] = ['none', 'mlros', 'mlsmote'];

/** The engine loss behind each user-facing name (src/core/train/types.ts documents each loss). */
const LOSS_KIND_OF: Record<StrategyLoss, LossKind> = {
  bce: 'bce',
  wbce: 'weightedBce',
  focal: 'focal',
  asl: 'asymmetric',
  cb: 'classBalancedBce',
};

const LOSS_TITLE: Record<StrategyLoss, string> = {
  bce: 'plain BCE',
  wbce: 'weighted BCE',
  focal: 'focal loss',
  asl: 'asymmetric loss',
  cb: 'class-balanced BCE',
};

const RESAMPLING_TITLE: Record<StrategyResampling, string> = { none: '', mlros: 'ML-ROS', mlsmote: 'MLSMOTE' };

/** The loss configuration of a strategy: the engine's defaults for that loss. */
export function lossConfigFor(loss: StrategyLoss): LossConfig {
  const kind = LOSS_KIND_OF[loss];
  if (kind === undefined) throw new UsageError(`unknown loss "${String(loss)}"; expected one of ${STRATEGY_LOSSES.join(', ')}`);
  return { ...DEFAULT_LOSS_CONFIG, kind };
}

/** `wbce`, `bce+mlros`: the strategy's name in folders, messages and tables. */
export function strategyName(strategy: Strategy): string {
  return strategy.resampling === 'none' ? strategy.loss : `${strategy.loss}+${strategy.resampling}`;
}

/** `weighted BCE`, `plain BCE on ML-ROS`: the strategy in a sentence. */
export function strategyTitle(strategy: Strategy): string {
  const loss = LOSS_TITLE[strategy.loss];
  return strategy.resampling === 'none' ? loss : `${loss} on ${RESAMPLING_TITLE[strategy.resampling]}-resampled data`;
}

/**
 * The strategies of a comparison: each loss on the training split as it is, then each resampling
 * with plain BCE (so a resampling is compared with the loss it would otherwise use).
 */
export function compareStrategies(losses: readonly StrategyLoss[] = STRATEGY_LOSSES, resamplings: readonly StrategyResampling[] = ['none', 'mlros', 'mlsmote']): Strategy[] {
  const out: Strategy[] = [];
  if (resamplings.includes('none')) for (const loss of losses) out.push({ loss, resampling: 'none' });
  for (const resampling of resamplings) if (resampling !== 'none') out.push({ loss: 'bce', resampling });
  return out;
}

/** Throws a UsageError for an unknown loss or resampling, or two strategies with the same name. */
export function checkStrategies(strategies: readonly Strategy[]): void {
  if (strategies.length === 0) throw new UsageError('a run needs at least one strategy (a loss, optionally with a resampling)');
  const seen = new Set<string>();
  for (const s of strategies) {
    if (!STRATEGY_LOSSES.includes(s.loss)) throw new UsageError(`unknown loss "${String(s.loss)}"; expected one of ${STRATEGY_LOSSES.join(', ')}`);
    if (!STRATEGY_RESAMPLINGS.includes(s.resampling)) throw new UsageError(`unknown resampling "${String(s.resampling)}"; expected one of ${STRATEGY_RESAMPLINGS.join(', ')}`);
    const name = strategyName(s);
    if (seen.has(name)) throw new UsageError(`the strategy ${name} is listed twice`);
    seen.add(name);
  }
}
