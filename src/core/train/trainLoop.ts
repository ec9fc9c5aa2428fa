/**
 * The training loop: a Trainer (trainer.ts) run epoch by epoch, validation after each epoch,
 * early stopping on validation macro-F1 after a warm-up (earlyStopping.ts; the best epoch's
 * weights are kept), a per-epoch callback.
 */
import { UsageError } from '../errors.js';
import { evaluateModel } from './evaluate.js';
import { checkFeatureRows } from './featureRows.js';
import type { MlpModel } from './model.js';
import type { LossWeights } from './resolveLoss.js';
import { EarlyStopping } from './earlyStopping.js';
import { createTrainer } from './trainer.js';
import type { TfBackendOptions } from './backend.js';
import type { EpochReport, TrainConfig, TrainHooks, TrainingSet } from './types.js';

export interface TrainResult {
  /** The weights of the best validation epoch under early stopping, else those after the last epoch. */
  model: MlpModel;
  epochs: EpochReport[];
  /** 1-based epoch whose weights `model` holds. */
  bestEpoch: number;
  stoppedEarly: boolean;
  /** The per-label weights the loss used (pos_weight or class-balanced), from the training labels. */
  lossWeights: LossWeights;
  /** What ran the steps: 'js', 'js+wasm', 'js+tensorflow', 'tfjs-wasm', 'tfjs-cpu', ... */
  engine: string;
}

export async function trainModel(train: TrainingSet, validation: TrainingSet | undefined, config: TrainConfig, hooks: TrainHooks = {}, backend: TfBackendOptions = {}): Promise<TrainResult> {
  checkTrainConfig(train, validation, config);
  const trainer = await createTrainer(train, config, backend);
  const { model } = trainer;
  const epochs: EpochReport[] = [];
  const stopping = new EarlyStopping(config.patience, config.epochs);
  let bestParams = model.params.slice();
  let stoppedEarly = false;
  try {
    for (let epoch = 1; epoch <= config.epochs; epoch++) {
      const { trainLoss, trainMs } = await trainer.epoch(hooks.signal);
      const report: EpochReport = { epoch, trainLoss, trainMs, best: false };
      if (validation) {
        const v = evaluateModel(model, validation, trainer.loss, config.threshold);
        Object.assign(report, { validationLoss: v.loss, macroF1: v.macroF1, microF1: v.microF1, perLabelF1: v.perLabelF1 });
        if (stopping.observe(epoch, v.macroF1)) {
          bestParams = model.params.slice();
          report.best = true;
        }
      }
      epochs.push(report);
      hooks.onEpoch?.(report);
      if (validation && stopping.shouldStop(epoch)) {
        stoppedEarly = epoch < config.epochs;
        break;
      }
    }
  } finally {
    trainer.dispose();
  }
  const keepBest = config.patience > 0 && validation !== undefined;
  if (keepBest) model.params.set(bestParams);
  return { model, epochs, bestEpoch: keepBest ? stopping.bestEpoch : epochs.length, stoppedEarly, lossWeights: trainer.lossWeights, engine: trainer.engine };
}

/** The checks of trainModel's inputs (crossValidate.ts runs them per fold). */
export function checkTrainConfig(train: TrainingSet, validation: TrainingSet | undefined, config: TrainConfig): void {
  if (train.rows < 1) throw new UsageError('the training set has no rows');
  if (train.y.length !== train.rows * train.labels) {
    throw new UsageError(`the training set's targets do not match ${train.rows} rows x ${train.labels} labels`);
  }
  checkFeatureRows(train.x, train.rows, train.features, 'the training set');
  if (validation && (validation.features !== train.features || validation.labels !== train.labels)) {
    throw new UsageError(`the validation set has ${validation.features} features and ${validation.labels} labels; the training set ${train.features} and ${train.labels}`);
  }
  if (!Number.isInteger(config.epochs) || config.epochs < 1) throw new UsageError(`epochs must be a positive integer, got ${config.epochs}`);
  if (!Number.isInteger(config.batchSize) || config.batchSize < 1) throw new UsageError(`batch size must be a positive integer, got ${config.batchSize}`);
  if (!(config.learningRate > 0)) throw new UsageError(`learning rate must be > 0, got ${config.learningRate}`);
  if (!Number.isInteger(config.patience) || config.patience < 0) throw new UsageError(`patience must be an integer >= 0 (0: off), got ${config.patience}`);
  if (config.patience > 0 && !validation) throw new UsageError('early stopping (patience > 0) needs a validation set');
  if (!(config.threshold >= 0 && config.threshold <= 1)) throw new UsageError(`threshold must be in [0, 1], got ${config.threshold}`);
}
