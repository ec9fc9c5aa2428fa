/**
 * k-fold cross-validation of one strategy on the training pool (Kohavi 1995; folds by iterative
 * stratification, prepareSplit.ts). Per fold, resample and fit the features on the other k - 1
 * folds only; the k fold models then train in lockstep, an epoch each at a time, and after every
 * epoch each scores its held-out fold, so every pool row has an out-of-fold score at every epoch.
 * Early stopping watches the macro-F1 of those pooled out-of-fold scores (one curve for the
 * strategy, as xgboost.cv and lightgbm.cv stop on the metric across folds): the best epoch is
 * chosen on all pool rows at once, not per fold on a fifth of them, so it flatters the
 * threshold 0.5 less, and the final model trains on the whole pool for exactly that many epochs.
 */
import type { DatasetTable } from '../../data/datasetTable.js';
import { rowsOfParts, rowsOutsidePart } from '../../data/partRows.js';
import { subsetTable } from '../../data/subsetTable.js';
import type { EvaluationData } from '../../metrics/types.js';
import type { Strategy, TrainJob } from '../../../protocol/training.js';
import type { TfBackendOptions } from '../backend.js';
import { f1OfScores, labelMajorScores } from '../evaluate.js';
import { fitFeaturizer, trainingSetFrom } from '../features/index.js';
import { predictLogits } from '../model.js';
import { deriveSeed } from '../random.js';
import { createTrainer, type Trainer } from '../trainer.js';
import { EarlyStopping } from '../earlyStopping.js';
import { checkTrainConfig } from '../trainLoop.js';
import type { EpochReport, TrainConfig, TrainingSet } from '../types.js';
import { resampleTraining } from './resampleTraining.js';

export interface CrossValidation {
  /** Every pool row's scores at the best epoch, from the fold model that did not train on it, in pool order. */
  outOfFold: EvaluationData;
  /** The pooled curve, one report per epoch run: the fold models' mean train loss, and loss and F1 of the out-of-fold scores. */
  epochs: EpochReport[];
  /** 1-based epoch of the highest out-of-fold macro-F1 (the first of ties, after the warm-up of earlyStopping.ts): the final model's epochs. */
  bestEpoch: number;
  stoppedEarly: boolean;
  /** Each fold's held-out macro-F1 (threshold 0.5) at the best epoch. */
  foldMacroF1: number[];
  engine: string;
}

export interface CrossValidateContext {
  job: TrainJob;
  pool: DatasetTable;
  /** Fold (0..k-1) of each pool row. */
  folds: { of: Int32Array; k: number };
  labelNames: string[];
  /** The strategy's training settings; each fold model gets its own seed, and `patience` applies to the pooled curve. */
  config: TrainConfig;
  backend?: TfBackendOptions;
  signal?: AbortSignal;
  /** A fold model's epoch, on its own held-out fold. */
  onFoldEpoch?: (fold: number, report: EpochReport) => void;
  /** The pooled out-of-fold figures of an epoch, once every fold has run it. */
  onEpoch?: (report: EpochReport) => void;
}

/** Seed stream of fold f's model (init and shuffles), apart from the final model's (the job's seed). */
const FOLD_SEED_STREAM = 100;

interface FoldModel {
  trainer: Trainer;
  held: TrainingSet;
  heldRows: Int32Array;
}

export async function crossValidate(strategy: Strategy, ctx: CrossValidateContext): Promise<CrossValidation> {
  const { pool, labelNames, config, signal } = ctx;
  const labels = labelNames.length;
  const folds = await foldModels(strategy, ctx);
  try {
    const current: EvaluationData = { rows: pool.rows, labelNames, truth: new Uint8Array(pool.rows * labels), scores: new Float64Array(pool.rows * labels) };
    const stopping = new EarlyStopping(config.patience, config.epochs);
    const best = { scores: new Float64Array(current.scores.length), foldMacroF1: [] as number[] };
    const epochs: EpochReport[] = [];
    let stoppedEarly = false;
    for (let epoch = 1; epoch <= config.epochs; epoch++) {
      let trainLoss = 0;
      let trainMs = 0;
      let validationLoss = 0;
      const foldMacroF1: number[] = [];
      for (const [f, fold] of folds.entries()) {
        const ran = await fold.trainer.epoch(signal);
        const logits = predictLogits(fold.trainer.model, fold.held.x, fold.held.rows);
        const held = labelMajorScores(logits, fold.held.y, fold.held.rows, labelNames);
        const v = { loss: fold.trainer.loss(logits, fold.held.y, fold.held.rows, fold.held.labels, null), ...f1OfScores(held, config.threshold) };
        scatterRows(held, fold.heldRows, current);
        ctx.onFoldEpoch?.(f, { epoch, trainLoss: ran.trainLoss, trainMs: ran.trainMs, validationLoss: v.loss, macroF1: v.macroF1, microF1: v.microF1, perLabelF1: v.perLabelF1, best: false });
        // pooled means weighted by rows: the losses are means over rows x labels
        trainLoss += ran.trainLoss / folds.length;
        trainMs += ran.trainMs;
        validationLoss += (v.loss * fold.held.rows) / pool.rows;
        foldMacroF1.push(v.macroF1);
      }
      const pooled = f1OfScores(current, config.threshold);
      const report: EpochReport = { epoch, trainLoss, trainMs, validationLoss, ...pooled, best: stopping.observe(epoch, pooled.macroF1) };
      if (report.best) {
        best.foldMacroF1 = foldMacroF1;
        best.scores.set(current.scores);
      }
      epochs.push(report);
      ctx.onEpoch?.(report);
      if (stopping.shouldStop(epoch)) {
        stoppedEarly = epoch < config.epochs;
        break;
      }
    }
    const outOfFold: EvaluationData = { ...current, scores: best.scores };
    return { outOfFold, epochs, bestEpoch: stopping.bestEpoch, stoppedEarly, foldMacroF1: best.foldMacroF1, engine: folds[0]?.trainer.engine ?? 'js' };
  } finally {
    for (const fold of folds) fold.trainer.dispose();
  }
}

/** Per fold: resample and fit the features on the other folds, encode the held-out fold, and a trainer with the fold's seed. */
async function foldModels(strategy: Strategy, ctx: CrossValidateContext): Promise<FoldModel[]> {
  const { pool, folds, job, signal } = ctx;
  const heldOut = rowsOfParts(folds.of, folds.k);
  const models: FoldModel[] = [];
  try {
    for (let f = 0; f < folds.k; f++) {
      const seed = deriveSeed(job.seed, FOLD_SEED_STREAM + f);
      const resampled = resampleTraining(subsetTable(pool, rowsOutsidePart(folds.of, f)), strategy.resampling, seed, signal);
      const featurizer = fitFeaturizer(resampled.table);
      const trainSet = trainingSetFrom(featurizer, resampled.table);
      const held = trainingSetFrom(featurizer, pool, heldOut[f]);
      const config: TrainConfig = { ...ctx.config, seed };
      checkTrainConfig(trainSet, held, config);
      models.push({ trainer: await createTrainer(trainSet, config, ctx.backend ?? {}), held, heldRows: heldOut[f] });
    }
  } catch (e) {
    for (const model of models) model.trainer.dispose();
    throw e;
  }
  return models;
}

/** Copies a held-out fold's label-major truth and scores (its row i is pool row rows[i]) into the pool's. */
function scatterRows(part: EvaluationData, rows: Int32Array, into: EvaluationData): void {
  const labels = part.labelNames.length;
  for (let l = 0; l < labels; l++) {
    for (let i = 0; i < rows.length; i++) {
      into.truth[l * into.rows + rows[i]] = part.truth[l * part.rows + i];
      into.scores[l * into.rows + rows[i]] = part.scores[l * part.rows + i];
    }
  }
}
