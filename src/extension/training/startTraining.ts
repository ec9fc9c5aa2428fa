/**
 * What Train Baseline and Compare Imbalance Strategies share: trusted workspaces only (it writes a
 * run folder), the dataset from the explorer, the editor or a dialog, the wizard, the job from
 * the wizard and the settings, and the run in the background (one at a time).
 */
import * as path from 'node:path';
import type { RunSummary, TrainJob } from '../../protocol/training.js';
import { isOnDisk, pickDataset } from '../pickDataset.js';
import type { ExtensionServices } from '../services.js';
import { trainingSettingsFromSettings } from '../settings.js';
import { requireTrust } from '../trust.js';
import { runsDirFor } from './runsLocation.js';
import type { TrainingRunner } from './trainingRunner.js';
import { trainJobFor } from './trainingJob.js';
import { askCompareChoices, askTrainChoices } from './trainWizard.js';

export interface TrainingDeps {
  services: ExtensionServices;
  runner: TrainingRunner;
  /** The folder of the tfjs .wasm files (the extension's dist/). */
  wasmDir?: string;
}

export async function startTraining(deps: TrainingDeps, kind: TrainJob['kind'], argument: unknown): Promise<RunSummary | undefined> {
  if (!requireTrust(kind === 'train' ? 'Training a model' : 'Comparing imbalance strategies')) return undefined;
  const uri = await pickDataset(argument);
  if (!uri || !isOnDisk(uri)) return undefined;
  const dataset = uri.fsPath;
  const choices = kind === 'train' ? await askTrainChoices(dataset) : await askCompareChoices(dataset);
  if (!choices) return undefined;
  const settings = trainingSettingsFromSettings(uri);
  const job = trainJobFor(kind, dataset, choices, settings, runsDirFor(uri, settings.runsFolder), deps.wasmDir);
  const title = kind === 'train' ? `training ${choices.description} on ${path.basename(dataset)}` : `comparing ${choices.description} on ${path.basename(dataset)}`;
  return deps.runner.start(job, title);
}
