/**
 * "Imbalance Lens: Compare Imbalance Strategies": the same model trained with each chosen strategy
 * (every loss, and plain BCE on ML-ROS and MLSMOTE resampled training rows, by default) on one
 * split and seed, in the background, ending with a comparison table and a recommendation.
 */
import type { RunSummary } from '../../protocol/training.js';
import { startTraining, type TrainingDeps } from '../training/startTraining.js';

export function compareStrategiesCommand(deps: TrainingDeps, argument?: unknown): Promise<RunSummary | undefined> {
  return startTraining(deps, 'compare', argument);
}
