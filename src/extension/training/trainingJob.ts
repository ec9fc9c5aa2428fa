/** The TrainJob a command sends to the worker: the wizard's choices, the settings, the engine's defaults for the rest. */
import * as path from 'node:path';
import { strategyName } from '../../core/train/run/strategies.js';
import { DEFAULT_JOB_SETTINGS } from '../../core/train/run/trainJob.js';
import type { TrainJob } from '../../protocol/training.js';
import type { TrainingSettings } from '../settings.js';
import type { TrainChoices } from './trainWizard.js';

export function trainJobFor(kind: TrainJob['kind'], dataset: string, choices: TrainChoices, settings: TrainingSettings, runsDir: string, wasmDir?: string): TrainJob {
  const base = path.basename(dataset, path.extname(dataset));
  // The run folder's name says what ran: `emotions-train-wbce`, `emotions-train-compare`.
  const name = kind === 'train' && choices.strategies.length === 1 ? `${base}-${strategyName(choices.strategies[0])}` : `${base}-compare`;
  const read = settings.read;
  return {
    kind,
    file: dataset,
    ...(choices.testFile ? { testFile: choices.testFile } : {}),
    runsDir,
    name,
    strategies: choices.strategies.map((s) => ({ ...s })),
    hidden: [...choices.hidden],
    dropout: DEFAULT_JOB_SETTINGS.dropout,
    epochs: settings.epochs,
    patience: settings.patience,
    batchSize: DEFAULT_JOB_SETTINGS.batchSize,
    learningRate: DEFAULT_JOB_SETTINGS.learningRate,
    seed: settings.seed,
    ratios: [...DEFAULT_JOB_SETTINGS.ratios],
    folds: DEFAULT_JOB_SETTINGS.folds,
    ...(wasmDir ? { wasmDir } : {}),
    ...(read.labels || read.labelColumn || read.format ? { read: { ...read } } : {}),
  };
}
