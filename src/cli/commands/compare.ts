/**
 * `imbalance-lens compare FILE`: several baselines on the same split, seed and feature recipe
 * (by default every loss, plus ML-ROS and MLSMOTE with plain BCE), each scored on the test rows
 * at 0.5 and with thresholds tuned on validation, and the one to use, with the reason.
 */
import { UsageError } from '../../core/errors.js';
import { compareStrategies, STRATEGY_RESAMPLINGS } from '../../core/train/run/strategies.js';
import { STRATEGY_LOSSES, type StrategyLoss, type StrategyResampling } from '../../protocol/training.js';
import { listOption } from '../args.js';
import type { CliCommand } from '../command.js';
import { runFromCli, trainingJobFrom, trainingOptionSpecs } from './train.js';

export const compareCommand: CliCommand = {
  name: 'compare',
  summary: 'train several imbalance-aware baselines on one split and recommend one (best macro-F1 on the validation rows, at 0.5 or with thresholds tuned out of fold; the test rows only report)',
  usage: 'imbalance-lens compare FILE [--losses bce,wbce,focal,asl,cb] [--resampling none,mlros,mlsmote] [--hidden 128] [--epochs 60] [--patience N] [--seed 0] [--test FILE] [--out DIR] [--format json|table]',
  options: {
    losses: { type: 'list', valueName: 'a,b,c', description: `losses trained on the training split as it is (default ${STRATEGY_LOSSES.join(',')})` },
    resampling: { type: 'list', valueName: 'a,b,c', description: "none (the losses above), mlros, mlsmote: each resampling is trained with plain BCE (default none,mlros,mlsmote)" },
    ...trainingOptionSpecs,
  },
  async run(args, io, signal) {
    const job = trainingJobFrom(args, 'compare');
    const losses = checked(listOption(args, 'losses'), STRATEGY_LOSSES, '--losses') ?? STRATEGY_LOSSES;
    const resamplings = checked(listOption(args, 'resampling'), STRATEGY_RESAMPLINGS, '--resampling') ?? STRATEGY_RESAMPLINGS;
    if (listOption(args, 'losses') !== undefined && !resamplings.includes('none')) throw new UsageError("--losses needs 'none' in --resampling (the losses are trained on the training split as it is)");
    return runFromCli({ ...job, strategies: compareStrategies(losses, resamplings) }, args, io, signal);
  },
};

function checked<T extends StrategyLoss | StrategyResampling>(items: string[] | undefined, allowed: readonly T[], flag: string): T[] | undefined {
  if (items === undefined) return undefined;
  for (const item of items) if (!allowed.includes(item as T)) throw new UsageError(`${flag}: unknown value "${item}"; expected some of ${allowed.join(', ')}`);
  return items as T[];
}
