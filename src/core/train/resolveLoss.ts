/** Turns a LossConfig and the training labels into the batch loss kernel of the hand-written step. */
import { UsageError } from '../errors.js';
import { classBalancedWeights, positiveCounts, trainingPosWeights } from './classBalanced.js';
import { asymmetricKernel, bceWithLogitsKernel, sigmoidFocalKernel, type LossKernel } from './lossKernels.js';
import type { LossConfig, TrainingSet } from './types.js';

/** The per-label arrays a loss needs, computed once from the training labels. */
export interface LossWeights {
  posWeight?: Float64Array;
  weight?: Float64Array;
}

export function lossWeightsFor(config: LossConfig, train: TrainingSet): LossWeights {
  const counts = positiveCounts(train.y, train.rows, train.labels);
  switch (config.kind) {
    case 'weightedBce':
      return { posWeight: trainingPosWeights(counts, train.rows, config.maxPosWeight) };
    case 'classBalancedBce':
    case 'classBalancedFocal':
      return { weight: classBalancedWeights(counts, config.beta) };
    default:
      return {};
  }
}

/** The training form of each loss: every one reduced by the mean over rows x labels (ASL too, so Adam's lr means the same). */
export function lossKernelFor(config: LossConfig, weights: LossWeights): LossKernel {
  checkLossConfig(config);
  switch (config.kind) {
    case 'bce':
    case 'weightedBce':
    case 'classBalancedBce':
      return bceWithLogitsKernel(weights.posWeight, weights.weight);
    case 'focal':
    case 'classBalancedFocal':
      return sigmoidFocalKernel(config.focalAlpha, config.focalGamma, weights.weight);
    case 'asymmetric':
      return asymmetricKernel({ gammaNeg: config.gammaNeg, gammaPos: config.gammaPos, clip: config.clip, eps: 1e-8, reduction: 'mean' });
  }
}

export function checkLossConfig(config: LossConfig): void {
  const bad = (what: string, value: number, expected: string): never => {
    throw new UsageError(`loss ${config.kind}: ${what} is ${value}; expected ${expected}`);
  };
  if (!(config.focalGamma >= 0)) bad('focal gamma', config.focalGamma, 'a number >= 0');
  if (!(config.focalAlpha <= 1)) bad('focal alpha', config.focalAlpha, 'at most 1 (negative: no alpha weighting)');
  if (!(config.gammaNeg >= 0)) bad('gamma_neg', config.gammaNeg, 'a number >= 0');
  if (!(config.gammaPos >= 0)) bad('gamma_pos', config.gammaPos, 'a number >= 0');
  if (!(config.clip >= 0 && config.clip < 1)) bad('clip', config.clip, 'a number in [0, 1)');
  if (!(config.beta >= 0 && config.beta < 1)) bad('beta', config.beta, 'a number in [0, 1)');
  if (!(config.maxPosWeight > 0)) bad('max pos_weight', config.maxPosWeight, 'a number > 0');
}
