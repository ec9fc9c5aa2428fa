/** The settings of a training job that users may leave out, and the checks a job must pass before anything is read. */
import { UsageError } from '../../errors.js';
import type { TrainJob } from '../../../protocol/training.js';
import { checkStrategies } from './strategies.js';

/** Train/validation/test proportions for a dataset without its own split. */
export const DEFAULT_RATIOS: [number, number, number] = [0.7, 0.15, 0.15];

/** The share of the training rows carved out for validation when the test rows come from elsewhere. */
export const VALIDATION_CARVE = 0.15;

/** Folds of the 'auto' cross-validation (k-fold cross-validation, Kohavi 1995: k = 5 or 10 is the usual choice). */
export const AUTO_FOLDS = 5;

/** 'auto' cross-validates below this many training rows (a 15% validation part would hold under 750 rows: too few to steer early stopping, thresholds and the choice). */
export const AUTO_FOLDS_MAX_ROWS = 5000;

/**
 * 'auto' cross-validates only while the fold models' encoded dense training rows, held together
 * (they train in lockstep: k sets of (k - 1)/k of the rows), stay under this many bytes.
 */
export const AUTO_FOLDS_MAX_BYTES = 1024 ** 3;

/**
 * The k of k-fold cross-validation for a training pool of `rows` that has no validation rows of
 * its own; 0: carve a validation part. `denseWidth`: the encoded width when the rows are stored
 * dense (absent when they are sparse), for the memory bound of 'auto'.
 */
export function foldsFor(job: Pick<TrainJob, 'folds' | 'patience'>, rows: number, denseWidth?: number): number {
  if (job.patience === 0 || job.folds === undefined) return 0;
  const k = job.folds === 'auto' ? (rows < AUTO_FOLDS_MAX_ROWS && foldBytes(AUTO_FOLDS, rows, denseWidth) <= AUTO_FOLDS_MAX_BYTES ? AUTO_FOLDS : 0) : job.folds;
  return k >= 2 && k <= rows ? k : 0;
}

/** Bytes of k fold models' dense Float32 training rows held at once: k x (k - 1)/k x rows x width. */
export function foldBytes(k: number, rows: number, denseWidth: number | undefined): number {
  return denseWidth === undefined ? 0 : (k - 1) * rows * denseWidth * 4;
}

/**
 * Models in the final model of a cross-validated run (TrainJob.ensemble): the mean of several
 * seeds' logits has less of one seed's luck in it (on the MULAN pairs it raised test macro-F1 with
 * tuned thresholds on yeast and scene, and cost a third more training time).
 */
export const DEFAULT_ENSEMBLE = 3;

/** The most models an ensemble may average. */
export const MAX_ENSEMBLE = 20;

/**
 * Patience of early stopping when the user does not give one: 10 epochs without a better
 * validation macro-F1. The parity mode with PyTorch is patience 0 (and batch 64): exactly
 * `epochs` epochs on the whole training file.
 */
export const DEFAULT_PATIENCE = 10;

/**
 * The run defaults: the recipe (MLP 128 ReLU, Adam 1e-3, batch 64, 60 epochs at most)
 * with early stopping on validation macro-F1, and k-fold cross-validation of small training files
 * that come without validation rows (foldsFor).
 */
export const DEFAULT_JOB_SETTINGS = {
  hidden: [128],
  dropout: 0,
  epochs: 60,
  patience: DEFAULT_PATIENCE,
  batchSize: 64,
  learningRate: 1e-3,
  seed: 0,
  ratios: DEFAULT_RATIOS,
  folds: 'auto' as const,
} satisfies Partial<TrainJob>;

/** Throws a UsageError naming the first setting out of range. */
export function checkTrainJob(job: TrainJob): void {
  if (job.kind !== 'train' && job.kind !== 'compare') throw new UsageError(`a job is 'train' or 'compare', not "${String(job.kind)}"`);
  if (typeof job.file !== 'string' || job.file === '') throw new UsageError('the job names no dataset file');
  if (typeof job.runsDir !== 'string' || job.runsDir === '') throw new UsageError('the job names no folder for its runs');
  checkStrategies(job.strategies);
  if (job.kind === 'train' && job.strategies.length !== 1) throw new UsageError(`a train job has one strategy; got ${job.strategies.length} (use compare for several)`);
  if (!Array.isArray(job.hidden) || job.hidden.some((w) => !Number.isInteger(w) || w < 1)) {
    throw new UsageError(`hidden layer widths must be whole numbers >= 1 (none for a linear model), got [${String(job.hidden)}]`);
  }
  if (!(job.dropout >= 0 && job.dropout < 1)) throw new UsageError(`dropout must be in [0, 1), got ${job.dropout}`);
  if (!Number.isInteger(job.epochs) || job.epochs < 1) throw new UsageError(`epochs must be a whole number >= 1, got ${job.epochs}`);
  if (!Number.isInteger(job.patience) || job.patience < 0) throw new UsageError(`patience must be a whole number >= 0 (0: no early stopping), got ${job.patience}`);
  if (!Number.isInteger(job.batchSize) || job.batchSize < 1) throw new UsageError(`batch size must be a whole number >= 1, got ${job.batchSize}`);
  if (!(job.learningRate > 0 && Number.isFinite(job.learningRate))) throw new UsageError(`learning rate must be a number > 0, got ${job.learningRate}`);
  if (!Number.isSafeInteger(job.seed)) throw new UsageError(`seed must be a whole number, got ${job.seed}`);
  if (job.folds !== undefined && job.folds !== 'auto' && !(Number.isInteger(job.folds) && (job.folds === 0 || job.folds >= 2))) {
    throw new UsageError(`folds must be 'auto', 0 (a carved validation part) or a whole number >= 2, got ${String(job.folds)}`);
  }
  if (job.ensemble !== undefined && !(Number.isInteger(job.ensemble) && job.ensemble >= 1 && job.ensemble <= MAX_ENSEMBLE)) {
    throw new UsageError(`ensemble must be a whole number from 1 (a single model) to ${MAX_ENSEMBLE}, got ${String(job.ensemble)}`);
  }
  const ratios = job.ratios;
  if (!Array.isArray(ratios) || ratios.length !== 3 || ratios.some((r) => !(r > 0 && r < 1)) || Math.abs(ratios[0] + ratios[1] + ratios[2] - 1) > 1e-9) {
    throw new UsageError(`ratios are three proportions train,validation,test, each in (0, 1), summing to 1; got [${String(ratios)}]`);
  }
}
