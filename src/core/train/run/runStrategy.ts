/**
 * One strategy of a run, start to finish: resample the training rows (if asked), fit the features
 * on them, train (progress per epoch to metrics.jsonl and the host), tune per-label thresholds on
 * validation, score the test rows at 0.5 and at the tuned thresholds, and save config.json,
 * metrics.jsonl, thresholds.json, predictions.csv, model.json, featurizer.json and tfjs/ (the model in TensorFlow.js Layers format).
 */
import * as path from 'node:path';
import type { DatasetTable } from '../../data/datasetTable.js';
import type { EvaluationData } from '../../metrics/types.js';
import { thresholdFreeScores } from '../../metrics/index.js';
import type { EpochRecord, FromTrainingWorker, Strategy, StrategyResult, TrainJob } from '../../../protocol/training.js';
import type { TfBackendOptions } from '../backend.js';
import { fitFeaturizer, trainingSetFrom } from '../features/index.js';
import { saveModel } from '../modelJson.js';
import { exportTfjsModel } from '../tfjsExport.js';
import { trainModel } from '../trainLoop.js';
import type { EpochReport, TrainConfig } from '../types.js';
import { headlineMetrics, scoreSet, tunedThresholds } from './headline.js';
import type { PreparedSplit } from './prepareSplit.js';
import { resampleTraining } from './resampleTraining.js';
import { MetricsLog, predictionsCsv, thresholdsFile, writeAtomic, writeJsonAtomic } from './runFolder.js';
import { lossConfigFor, strategyName } from './strategies.js';
import { validationEstimate } from './validationEstimate.js';

export interface StrategyContext {
  job: TrainJob;
  split: PreparedSplit;
  /** Tail-band labels by training frequency (the same for every strategy of a run). */
  tail: readonly number[];
  /** The two halves of the validation rows for the out-of-fold estimate (validationEstimate.ts). */
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
  const { job, split, signal, emit } = ctx;
  const name = strategyName(strategy);
  const resampled = resampleTraining(split.train, strategy.resampling, job.seed, signal);
  if (strategy.resampling !== 'none') emit({ type: 'log', message: `[${name}] ${strategy.resampling}: ${resampled.added} rows added to the ${split.train.rows} training rows` });
  for (const note of resampled.notes) emit({ type: 'log', message: `[${name}] ${note}` });
  await checkpoint(signal);

  const featurizer = fitFeaturizer(resampled.table);
  const trainSet = trainingSetFrom(featurizer, resampled.table);
  const validationSet = split.validation && trainingSetFrom(featurizer, split.validation);
  const testSet = trainingSetFrom(featurizer, split.test);
  await checkpoint(signal);

  const config: TrainConfig = {
    model: { hidden: job.hidden, dropout: job.dropout },
    loss: lossConfigFor(strategy.loss),
    epochs: job.epochs,
    batchSize: job.batchSize,
    learningRate: job.learningRate,
    patience: validationSet ? job.patience : 0,
    threshold: 0.5,
    seed: job.seed,
    engine: 'wasm',
  };
  await writeJsonAtomic(path.join(dir, 'config.json'), {
    strategy: name,
    file: job.file,
    ...(job.testFile ? { testFile: job.testFile } : {}),
    split: split.info,
    labelNames: split.labelNames,
    trainingRows: trainSet.rows,
    resampledRowsAdded: resampled.added,
    features: trainSet.features,
    train: config,
  });

  const log = new MetricsLog(path.join(dir, 'metrics.jsonl'));
  let writes: Promise<void> = Promise.resolve();
  const onEpoch = (report: EpochReport): void => {
    const record = epochRecord(report);
    emit({ type: 'epoch', strategy: name, record });
    writes = writes.then(() => log.append(record));
  };
  const trained = await trainModel(trainSet, validationSet, config, { signal, onEpoch }, ctx.backend ?? {}).finally(() => writes.catch(() => undefined));
  await writes;
  await checkpoint(signal);

  const validationScores = validationSet && scoreSet(trained.model, validationSet, split.labelNames);
  const thresholds = validationScores ? tunedThresholds(validationScores) : split.labelNames.map(() => 0.5);
  const test = scoreSet(trained.model, testSet, split.labelNames);
  const scores = thresholdFreeScores(test);
  const fixed = headlineMetrics(test, split.labelNames.map(() => 0.5), ctx.tail, scores);
  const tuned = validationSet ? headlineMetrics(test, thresholds, ctx.tail, scores) : fixed;

  await writeJsonAtomic(
    path.join(dir, 'thresholds.json'),
    validationSet
      ? thresholdsFile(split.labelNames, thresholds, 'validation', `Per label, the threshold of highest F1 on the ${validationSet.rows} validation rows (ties to the lower threshold).`)
      : thresholdsFile(split.labelNames, thresholds, null, 'Not tuned: the run has no validation split, so every label keeps 0.5.'),
  );
  await writeAtomic(path.join(dir, 'predictions.csv'), predictionsCsv(test, rowKeysOf(split.test)));
  await writeJsonAtomic(path.join(dir, 'model.json'), saveModel(trained.model, featurizer, split.labelNames, 0.5));
  await exportTfjsModel(trained.model, path.join(dir, 'tfjs'));
  await writeJsonAtomic(path.join(dir, 'featurizer.json'), featurizer);

  const result: StrategyResult = {
    strategy: name,
    loss: strategy.loss,
    resampling: strategy.resampling,
    runDir: dir,
    epochsRun: trained.epochs.length,
    bestEpoch: trained.bestEpoch,
    stoppedEarly: trained.stoppedEarly,
    fixed,
    tuned,
    ...(validationScores && ctx.validationHalves ? { validation: validationEstimate(validationScores, ctx.validationHalves, ctx.tail) } : {}),
  };
  return { result, test, thresholds, tuned: validationSet !== undefined, engine: trained.engine };
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
  };
}

/** The test rows' ids (the dataset's id column) or else their source lines. */
function rowKeysOf(test: DatasetTable): { column: string; values: readonly (string | number)[] } {
  if (test.schema.idColumn !== undefined && test.ids) return { column: test.schema.idColumn, values: test.ids };
  return { column: 'line_id', values: Array.from(test.lines) };
}
