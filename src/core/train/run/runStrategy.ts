/**
 * One strategy of a run, start to finish: resample the training rows (if asked), fit the features
 * on them, train (progress per epoch to metrics.jsonl and the host), tune per-label thresholds on
 * validation, score the test rows at 0.5 and at the tuned thresholds, and save config.json,
 * metrics.jsonl, thresholds.json, predictions.csv, model.json, featurizer.json and tfjs/ (the model in TensorFlow.js Layers format).
 * With k-fold cross-validation (split.folds) the out-of-fold scores of every training row stand
 * in for the validation rows, and the final model trains on every training row (fitCrossValidated).
 */
import * as path from 'node:path';
import type { DatasetTable } from '../../data/datasetTable.js';
import type { EvaluationData } from '../../metrics/types.js';
import { thresholdFreeScores } from '../../metrics/index.js';
import type { EpochRecord, FromTrainingWorker, Strategy, StrategyResult, TrainJob } from '../../../protocol/training.js';
import type { TfBackendOptions } from '../backend.js';
import { fitFeaturizer, trainingSetFrom, type Featurizer } from '../features/index.js';
import type { MlpModel } from '../model.js';
import { saveModel } from '../modelJson.js';
import { exportTfjsModel } from '../tfjsExport.js';
import { trainModel, type TrainResult } from '../trainLoop.js';
import type { EpochReport, TrainConfig, TrainingSet } from '../types.js';
import { averageMlps } from '../averageMlps.js';
import { deriveSeed } from '../random.js';
import { crossValidate } from './crossValidate.js';
import { DEFAULT_ENSEMBLE } from './trainJob.js';
import { headlineMetrics, scoreSet, tunedThresholds } from './headline.js';
import type { PreparedSplit } from './prepareSplit.js';
import { resampleTraining, type ResampledTraining } from './resampleTraining.js';
import { MetricsLog, predictionsCsv, thresholdsFile, writeAtomic, writeJsonAtomic } from './runFolder.js';
import { lossConfigFor, strategyName } from './strategies.js';
import { validationEstimate } from './validationEstimate.js';

/** A line of folds.jsonl: a fold model's epoch, with its 1-based fold. */
type FoldEpochRecord = EpochRecord & { fold: number };

/** A line of final.jsonl: a final model's epoch, with its 1-based member when the final model is an ensemble. */
type FinalEpochRecord = EpochRecord & { member?: number };

/** Seed stream of the final ensemble's members after the first (which keeps the job's seed); the folds use 100 + f. */
const ENSEMBLE_SEED_STREAM = 200;

export interface StrategyContext {
  job: TrainJob;
  split: PreparedSplit;
  /** Tail-band labels by training frequency (the same for every strategy of a run). */
  tail: readonly number[];
  /** The two halves of the validation rows for the out-of-fold estimate (validationEstimate.ts); with cross-validation the folds serve. */
  validationHalves?: Int32Array;
  backend?: TfBackendOptions;
  signal?: AbortSignal;
  emit: (message: FromTrainingWorker) => void;
}

export interface StrategyOutcome {
  result: StrategyResult;
  /** The test rows' truth and scores, for the run's evaluation report. */
  test: EvaluationData;
  /** The thresholds in force after tuning (0.5 everywhere without validation). */
  thresholds: number[];
  /** Whether the thresholds were tuned (there were validation rows). */
  tuned: boolean;
  /** What ran the training steps (TrainResult.engine). */
  engine: string;
}

/** Lets the event loop run (a cancel message can arrive), then stops if cancelled. */
export async function checkpoint(signal: AbortSignal | undefined): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  signal?.throwIfAborted();
}

export async function runStrategy(strategy: Strategy, dir: string, ctx: StrategyContext): Promise<StrategyOutcome> {
  const { split, signal } = ctx;
  const name = strategyName(strategy);
  const fitted = split.folds ? await fitCrossValidated(strategy, dir, ctx, split.folds) : await fitOnHoldout(strategy, dir, ctx);
  await checkpoint(signal);

  const { model, featurizer, validationScores } = fitted;
  const thresholds = validationScores ? tunedThresholds(validationScores) : split.labelNames.map(() => 0.5);
  const test = scoreSet(model, trainingSetFrom(featurizer, split.test), split.labelNames);
  const scores = thresholdFreeScores(test);
  const fixed = headlineMetrics(test, split.labelNames.map(() => 0.5), ctx.tail, scores);
  const tuned = validationScores ? headlineMetrics(test, thresholds, ctx.tail, scores) : fixed;

  await writeJsonAtomic(
    path.join(dir, 'thresholds.json'),
    !validationScores
      ? thresholdsFile(split.labelNames, thresholds, null, 'Not tuned: the run has no validation split, so every label keeps 0.5.')
      : split.folds
        ? thresholdsFile(split.labelNames, thresholds, 'cross-validation', `Per label, the threshold of highest F1 on the out-of-fold scores of the ${validationScores.rows} training rows (${split.folds.k}-fold cross-validation; ties to the lower threshold).`)
        : thresholdsFile(split.labelNames, thresholds, 'validation', `Per label, the threshold of highest F1 on the ${validationScores.rows} validation rows (ties to the lower threshold).`),
  );
  await writeAtomic(path.join(dir, 'predictions.csv'), predictionsCsv(test, rowKeysOf(split.test)));
  await writeJsonAtomic(path.join(dir, 'model.json'), saveModel(model, featurizer, split.labelNames, 0.5));
  await exportTfjsModel(model, path.join(dir, 'tfjs'));
  await writeJsonAtomic(path.join(dir, 'featurizer.json'), featurizer);

  const parts = split.folds?.of ?? ctx.validationHalves;
  const result: StrategyResult = {
    strategy: name,
    loss: strategy.loss,
    resampling: strategy.resampling,
    runDir: dir,
    epochsRun: fitted.epochsRun,
    bestEpoch: fitted.bestEpoch,
    stoppedEarly: fitted.stoppedEarly,
    fixed,
    tuned,
    ...(validationScores && parts ? { validation: validationEstimate(validationScores, parts, ctx.tail) } : {}),
    ...(fitted.foldMacroF1 ? { foldMacroF1: fitted.foldMacroF1 } : {}),
    ...(fitted.ensemble ? { ensemble: fitted.ensemble } : {}),
  };
  return { result, test, thresholds, tuned: validationScores !== undefined, engine: fitted.engine };
}

/** A trained final model and what tunes its thresholds. */
interface Fitted {
  model: MlpModel;
  featurizer: Featurizer;
  /** The validation rows' scores (holdout), or every training row's out-of-fold scores (cross-validation). */
  validationScores?: EvaluationData;
  epochsRun: number;
  bestEpoch: number;
  stoppedEarly: boolean;
  engine: string;
  /** Cross-validation: each fold's held-out macro-F1 at the chosen epoch. */
  foldMacroF1?: number[];
  /** Models averaged into `model` (absent: one). */
  ensemble?: number;
}

/** Resample the training rows, fit the features, train (early stopping on the validation rows when there are any). */
async function fitOnHoldout(strategy: Strategy, dir: string, ctx: StrategyContext): Promise<Fitted> {
  const { job, split, signal } = ctx;
  const resampled = await resampleFor(strategy, split.train, job.seed, ctx);
  const featurizer = fitFeaturizer(resampled.table);
  const trainSet = trainingSetFrom(featurizer, resampled.table);
  const validationSet = split.validation && trainingSetFrom(featurizer, split.validation);
  await checkpoint(signal);
  const config = trainConfigFor(job, strategy, validationSet ? job.patience : 0, job.epochs);
  await writeConfig(dir, strategy, ctx, { trainingRows: trainSet.rows, resampledRowsAdded: resampled.added, features: trainSet.features, train: config });
  const trained = await trainLogged(trainSet, validationSet, config, dir, strategy, ctx);
  const validationScores = validationSet && scoreSet(trained.model, validationSet, split.labelNames);
  return { model: trained.model, featurizer, ...(validationScores ? { validationScores } : {}), epochsRun: trained.epochs.length, bestEpoch: trained.bestEpoch, stoppedEarly: trained.stoppedEarly, engine: trained.engine };
}

/**
 * k-fold cross-validation (crossValidate.ts), then the final model on every training row for the
 * best epoch of the pooled out-of-fold curve, without early stopping. The pooled curve is the
 * strategy's validation curve: metrics.jsonl and the host's epoch messages (the live dashboard
 * draws it). Each fold model's epochs go to folds.jsonl (an EpochRecord and its 1-based fold a
 * line), the final model's to final.jsonl (train loss only). The final model is the mean of
 * job.ensemble models with their own seeds (averageMlps.ts: one wider MLP), the first with the job's.
 */
async function fitCrossValidated(strategy: Strategy, dir: string, ctx: StrategyContext, folds: { of: Int32Array; k: number }): Promise<Fitted> {
  const { job, split, signal, emit } = ctx;
  const name = strategyName(strategy);
  const foldConfig = trainConfigFor(job, strategy, job.patience, job.epochs);
  await writeConfig(dir, strategy, ctx, { crossValidation: { folds: folds.k }, train: foldConfig });
  const foldLog = new MetricsLog<FoldEpochRecord>(path.join(dir, 'folds.jsonl'));
  const curveLog = new MetricsLog(path.join(dir, 'metrics.jsonl'));
  let writes: Promise<void> = Promise.resolve();
  const cv = await crossValidate(strategy, {
    job,
    pool: split.train,
    folds,
    labelNames: split.labelNames,
    config: foldConfig,
    ...(ctx.backend ? { backend: ctx.backend } : {}),
    ...(signal ? { signal } : {}),
    onFoldEpoch: (fold, report) => {
      const line: FoldEpochRecord = { fold: fold + 1, ...epochRecord(report) };
      writes = writes.then(() => foldLog.append(line));
    },
    onEpoch: (report) => {
      const record = epochRecord(report);
      emit({ type: 'epoch', strategy: name, record });
      writes = writes.then(() => curveLog.append(record));
    },
  }).finally(() => writes.catch(() => undefined));
  await writes;
  await checkpoint(signal);

  const resampled = await resampleFor(strategy, split.train, job.seed, ctx);
  const featurizer = fitFeaturizer(resampled.table);
  const trainSet = trainingSetFrom(featurizer, resampled.table);
  const config = trainConfigFor(job, strategy, 0, cv.bestEpoch);
  const crossValidation = { folds: folds.k, bestEpoch: cv.bestEpoch, epochsRun: cv.epochs.length, foldMacroF1: cv.foldMacroF1, foldTrain: foldConfig };
  const members = job.ensemble ?? DEFAULT_ENSEMBLE;
  const seeds = Array.from({ length: members }, (_, m) => (m === 0 ? job.seed : deriveSeed(job.seed, ENSEMBLE_SEED_STREAM + m)));
  const ensemble = members > 1 ? { members, seeds } : undefined;
  await writeConfig(dir, strategy, ctx, { crossValidation, ...(ensemble ? { ensemble } : {}), trainingRows: trainSet.rows, resampledRowsAdded: resampled.added, features: trainSet.features, train: config });
  const best = `out-of-fold macro-F1 ${cv.epochs[cv.bestEpoch - 1].macroF1!.toFixed(3)} at epoch ${cv.bestEpoch}`;
  const final = members > 1 ? `the mean of ${members} models, ${cv.bestEpoch} epochs each` : `${cv.bestEpoch} epochs`;
  emit({ type: 'log', message: `[${name}] ${best}; final model: ${final} on all ${trainSet.rows} training rows` });
  const trained = await trainFinalModels(name, trainSet, config, seeds, path.join(dir, 'final.jsonl'), ctx);
  const model = averageMlps(trained.map((t) => t.model));
  return { model, featurizer, validationScores: cv.outOfFold, epochsRun: cv.epochs.length, bestEpoch: cv.bestEpoch, stoppedEarly: cv.stoppedEarly, engine: trained[0].engine, foldMacroF1: cv.foldMacroF1, ...(ensemble ? { ensemble: members } : {}) };
}

/** The final models, one per seed (a finalModel message as each starts), each epoch to final.jsonl (with its 1-based member when there are several). */
async function trainFinalModels(name: string, trainSet: TrainingSet, config: TrainConfig, seeds: readonly number[], logFile: string, ctx: StrategyContext): Promise<TrainResult[]> {
  const log = new MetricsLog<FinalEpochRecord>(logFile);
  let writes: Promise<void> = Promise.resolve();
  const trained: TrainResult[] = [];
  try {
    for (const [m, seed] of seeds.entries()) {
      ctx.emit({ type: 'finalModel', strategy: name, member: m + 1, of: seeds.length, epochs: config.epochs });
      const onEpoch = (report: EpochReport): void => {
        const line: FinalEpochRecord = { ...(seeds.length > 1 ? { member: m + 1 } : {}), ...epochRecord(report) };
        writes = writes.then(() => log.append(line));
      };
      trained.push(await trainModel(trainSet, undefined, { ...config, seed }, { ...(ctx.signal ? { signal: ctx.signal } : {}), onEpoch }, ctx.backend ?? {}));
    }
  } finally {
    await writes.catch(() => undefined);
  }
  await writes;
  return trained;
}

async function resampleFor(strategy: Strategy, train: DatasetTable, seed: number, ctx: StrategyContext): Promise<ResampledTraining> {
  const name = strategyName(strategy);
  const resampled = resampleTraining(train, strategy.resampling, seed, ctx.signal);
  if (strategy.resampling !== 'none') ctx.emit({ type: 'log', message: `[${name}] ${strategy.resampling}: ${resampled.added} rows added to the ${train.rows} training rows` });
  for (const note of resampled.notes) ctx.emit({ type: 'log', message: `[${name}] ${note}` });
  await checkpoint(ctx.signal);
  return resampled;
}

function trainConfigFor(job: TrainJob, strategy: Strategy, patience: number, epochs: number): TrainConfig {
  return {
    model: { hidden: job.hidden, dropout: job.dropout },
    loss: lossConfigFor(strategy.loss),
    epochs,
    batchSize: job.batchSize,
    learningRate: job.learningRate,
    patience,
    threshold: 0.5,
    seed: job.seed,
    engine: 'wasm',
  };
}

async function writeConfig(dir: string, strategy: Strategy, ctx: StrategyContext, details: Record<string, unknown>): Promise<void> {
  const { job, split } = ctx;
  await writeJsonAtomic(path.join(dir, 'config.json'), {
    strategy: strategyName(strategy),
    file: job.file,
    ...(job.testFile ? { testFile: job.testFile } : {}),
    split: split.info,
    labelNames: split.labelNames,
    ...details,
  });
}

/** Trains with each epoch sent to the host and appended to metrics.jsonl. */
async function trainLogged(trainSet: TrainingSet, validationSet: TrainingSet | undefined, config: TrainConfig, dir: string, strategy: Strategy, ctx: StrategyContext): Promise<TrainResult> {
  const name = strategyName(strategy);
  const log = new MetricsLog(path.join(dir, 'metrics.jsonl'));
  let writes: Promise<void> = Promise.resolve();
  const onEpoch = (report: EpochReport): void => {
    const record = epochRecord(report);
    ctx.emit({ type: 'epoch', strategy: name, record });
    writes = writes.then(() => log.append(record));
  };
  const signal = ctx.signal;
  const trained = await trainModel(trainSet, validationSet, config, { ...(signal ? { signal } : {}), onEpoch }, ctx.backend ?? {}).finally(() => writes.catch(() => undefined));
  await writes;
  return trained;
}

function epochRecord(report: EpochReport): EpochRecord {
  return {
    epoch: report.epoch,
    trainLoss: report.trainLoss,
    validationLoss: report.validationLoss ?? null,
    macroF1: report.macroF1 ?? null,
    microF1: report.microF1 ?? null,
    perLabelF1: report.perLabelF1 ?? null,
    ms: Math.round(report.trainMs * 10) / 10,
    ...(report.best ? { best: true } : {}),
  };
}

/** The test rows' ids (the dataset's id column) or else their source lines. */
function rowKeysOf(test: DatasetTable): { column: string; values: readonly (string | number)[] } {
  if (test.schema.idColumn !== undefined && test.ids) return { column: test.schema.idColumn, values: test.ids };
  return { column: 'line_id', values: Array.from(test.lines) };
}
