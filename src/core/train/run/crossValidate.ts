/**
 * k-fold cross-validation of one strategy on the training pool (Kohavi 1995; folds by iterative
 * stratification, prepareSplit.ts): per fold, resample and fit the features on the other k - 1
 * folds only, train with early stopping on the held-out fold, and keep the held-out fold's scores
 * at its best epoch. Every pool row ends up scored once, out of fold; those scores tune the
 * thresholds and estimate the strategy, and the median best epoch sizes the final model.
 */
import type { DatasetTable } from '../../data/datasetTable.js';
import { rowsOfParts, rowsOutsidePart } from '../../data/partRows.js';
import { subsetTable } from '../../data/subsetTable.js';
import type { EvaluationData } from '../../metrics/types.js';
import type { Strategy, TrainJob } from '../../../protocol/training.js';
import type { TfBackendOptions } from '../backend.js';
import { fitFeaturizer, trainingSetFrom } from '../features/index.js';
import { deriveSeed } from '../random.js';
import { trainModel } from '../trainLoop.js';
import type { EpochReport, TrainConfig } from '../types.js';
import { scoreSet } from './headline.js';
import { resampleTraining } from './resampleTraining.js';

export interface FoldOutcome {
  /** 1-based epoch of the best held-out macro-F1. */
  bestEpoch: number;
  epochsRun: number;
  /** Held-out macro-F1 at the best epoch (threshold 0.5). */
  macroF1: number;
}

export interface CrossValidation {
  /** Every pool row's scores from the fold model that did not train on it, in pool order. */
  outOfFold: EvaluationData;
  folds: FoldOutcome[];
  engine: string;
}

export interface CrossValidateContext {
  job: TrainJob;
  pool: DatasetTable;
  /** Fold (0..k-1) of each pool row. */
  folds: { of: Int32Array; k: number };
  labelNames: string[];
  /** The strategy's training settings; each fold gets its own seed and early stopping. */
  config: TrainConfig;
  backend?: TfBackendOptions;
  signal?: AbortSignal;
  onEpoch?: (fold: number, report: EpochReport) => void;
  onFold?: (fold: number, outcome: FoldOutcome) => void;
}

/** Seed stream of fold f's model (init and shuffles), apart from the final model's (the job's seed). */
const FOLD_SEED_STREAM = 100;

export async function crossValidate(strategy: Strategy, ctx: CrossValidateContext): Promise<CrossValidation> {
  const { pool, folds, labelNames, job, signal } = ctx;
  const labels = labelNames.length;
  const outOfFold: EvaluationData = { rows: pool.rows, labelNames, truth: new Uint8Array(pool.rows * labels), scores: new Float64Array(pool.rows * labels) };
  const outcomes: FoldOutcome[] = [];
  let engine = '';
  const heldOut = rowsOfParts(folds.of, folds.k);
  for (let f = 0; f < folds.k; f++) {
    const trainRows = rowsOutsidePart(folds.of, f);
    const heldRows = heldOut[f];
    const seed = deriveSeed(job.seed, FOLD_SEED_STREAM + f);
    const resampled = resampleTraining(subsetTable(pool, trainRows), strategy.resampling, seed, signal);
    const featurizer = fitFeaturizer(resampled.table);
    const trainSet = trainingSetFrom(featurizer, resampled.table);
    const heldSet = trainingSetFrom(featurizer, pool, heldRows);
    const config: TrainConfig = { ...ctx.config, seed };
    const trained = await trainModel(trainSet, heldSet, config, { signal, onEpoch: (r) => ctx.onEpoch?.(f, r) }, ctx.backend ?? {});
    engine = trained.engine;
    const held = scoreSet(trained.model, heldSet, labelNames);
    scatterRows(held, heldRows, outOfFold);
    const best = trained.epochs[trained.bestEpoch - 1];
    const outcome: FoldOutcome = { bestEpoch: trained.bestEpoch, epochsRun: trained.epochs.length, macroF1: best?.macroF1 ?? 0 };
    outcomes.push(outcome);
    ctx.onFold?.(f, outcome);
  }
  return { outOfFold, folds: outcomes, engine };
}

/** Epochs of the final model on the whole pool: the median of the folds' best epochs (the upper middle for even k) times `scale`, rounded, at least 1. */
export function refitEpochs(folds: readonly FoldOutcome[], scale = 1): number {
  const sorted = folds.map((f) => f.bestEpoch).sort((a, b) => a - b);
  return Math.max(1, Math.round((sorted[Math.floor(sorted.length / 2)] ?? 1) * scale));
}

/** Copies label-major scores and truth of `part` (its row i is pool row rows[i]) into `into`. */
function scatterRows(part: EvaluationData, rows: Int32Array, into: EvaluationData): void {
  const labels = part.labelNames.length;
  for (let l = 0; l < labels; l++) {
    for (let i = 0; i < rows.length; i++) {
      into.truth[l * into.rows + rows[i]] = part.truth[l * part.rows + i];
      into.scores[l * into.rows + rows[i]] = part.scores[l * part.rows + i];
    }
  }
}
