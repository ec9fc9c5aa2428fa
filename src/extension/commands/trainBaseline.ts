/**
 * "Imbalance Lens: Train Baseline": one model with one loss (weighted BCE by default) on a dataset,
 * trained in the background on a worker thread (trusted workspaces only: it writes a run folder),
 * followed live in a dashboard and saved under the workspace's runs folder.
 */
import type { RunSummary } from '../../protocol/training.js';
import { startTraining, type TrainingDeps } from '../training/startTraining.js';

export function trainBaselineCommand(deps: TrainingDeps, argument?: unknown): Promise<RunSummary | undefined> {
  return startTraining(deps, 'train', argument);
}
