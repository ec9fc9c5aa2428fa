/**
 * Messages between whoever starts a training run (the extension host or the CLI) and the training
 * worker thread, and the shapes of a run as the Runs view and the dashboard show it. Types and plain
 * checks only: no `vscode`, no DOM.
 */
import type { EvaluationReport } from '../core/analysis/evaluatePredictions.js';

/** The loss names users see (CLI --loss, quick picks, run names). */
export type StrategyLoss = 'bce' | 'wbce' | 'focal' | 'asl' | 'cb';
export const STRATEGY_LOSSES: readonly StrategyLoss[] = ['bce', 'wbce', 'focal', 'asl', 'cb'];

/** Resampling of the training split only (never validation or test). */
export type StrategyResampling = 'none' | 'mlros' | 'mlsmote';

/** One training recipe of a run: a loss, optionally on a resampled training split. */
export interface Strategy {
  loss: StrategyLoss;
  resampling: StrategyResampling;
}

/** What to train: one strategy (Train Baseline) or several on the same split and seed (Compare). */
export interface TrainJob {
  kind: 'train' | 'compare';
  /** The dataset (absolute path). */
  file: string;
  /** A separate test file (MULAN train/test pairs); validation is then carved from `file`. */
  testFile?: string;
  /** Where runs are saved: `<runsDir>/<timestamp>-<name>/` (the workspace's .imbalance-lens/runs by default). */
  runsDir: string;
  /** A short name for the run folder (default: the dataset's base name). */
  name?: string;
  strategies: Strategy[];
  /** Hidden layer widths; [] is a linear model. */
  hidden: number[];
  dropout: number;
  epochs: number;
  /** 0: early stopping off (train exactly `epochs`). */
  patience: number;
  batchSize: number;
  learningRate: number;
  seed: number;
  /** Train/validation/test proportions for a dataset without its own split (default 0.7/0.15/0.15). */
  ratios: [number, number, number];
  /**
   * Where no validation rows are given (a test file, patience > 0): k-fold cross-validation of
   * the training rows (k >= 2) instead of carving a validation part; 'auto': 5 folds below 5,000
   * training rows; 0 or absent: the carved validation part.
   */
  folds?: number | 'auto';
  /**
   * Models whose mean logits make the final model where it trains a fixed number of epochs on
   * every training row (after k-fold cross-validation), each with its own seed; absent: 3
   * (DEFAULT_ENSEMBLE); 1: a single model. A run with a validation part trains one model.
   */
  ensemble?: number;
  /** Folder holding the tfjs wasm binaries (the extension's dist/); absent: next to the worker script. */
  wasmDir?: string;
  /** How to read the dataset (and test) file when detection needs help, as the CLI's reader flags; absent: detected. */
  read?: TrainReadOptions;
}

/** Reader settings of a job (src/core/io/types.ts ReadOptions, the serialisable part). */
export interface TrainReadOptions {
  /** CSV/TSV: the 0/1 label columns, by name. */
  labels?: string[];
  /** CSV/TSV: label columns are column N (0-based) and all after it. */
  labelsFrom?: number;
  /** CSV/TSV: the column holding a label list; JSONL: the labels field. */
  labelColumn?: string;
  /** Read as this format whatever the extension. */
  format?: 'csv' | 'tsv' | 'jsonl' | 'arff';
}

export interface EpochRecord {
  /** 1-based. */
  epoch: number;
  trainLoss: number;
  validationLoss: number | null;
  macroF1: number | null;
  microF1: number | null;
  perLabelF1: number[] | null;
  ms: number;
  /** Whether early stopping keeps this epoch so far (its best watched validation macro-F1); absent in runs written before it was recorded. */
  best?: boolean;
}

/** Test-split metrics of one strategy at one set of thresholds. */
export interface HeadlineMetrics {
  macroF1: number;
  microF1: number;
  /** Macro average precision. */
  mAP: number;
  /** Macro-F1 over the tail band (the rarest third of labels by training frequency). */
  tailF1: number;
}

export interface StrategyResult {
  /** e.g. `wbce`, `focal+mlros`. */
  strategy: string;
  loss: StrategyLoss;
  resampling: StrategyResampling;
  /** The strategy's own run folder (config.json, metrics.jsonl, thresholds.json, predictions.csv, model). */
  runDir: string;
  epochsRun: number;
  bestEpoch: number;
  stoppedEarly: boolean;
  /** On the test rows: at the fixed threshold 0.5, and with per-label thresholds tuned on validation. */
  fixed: HeadlineMetrics;
  tuned: HeadlineMetrics;
  /**
   * On the validation rows, which is what the recommendation is chosen on (never the test rows):
   * at 0.5, and with thresholds tuned out of fold (each half of the validation rows scored at the
   * thresholds tuned on the other half). Absent when the run has no validation rows.
   */
  validation?: { fixed: HeadlineMetrics; tuned: HeadlineMetrics };
  /**
   * With k-fold cross-validation: each fold model's held-out macro-F1 (threshold 0.5) at `bestEpoch`,
   * the epoch of the highest macro-F1 of the pooled out-of-fold scores; the final model trains that
   * many epochs on every training row.
   */
  foldMacroF1?: number[];
  /** Models averaged into the final model (absent: one), see TrainJob.ensemble. */
  ensemble?: number;
}

export interface SplitInfo {
  /** How the split was made, in one sentence (the file's split column, a test file, iterative stratification 70/15/15 seed 0). */
  source: string;
  train: number;
  validation: number;
  test: number;
  /** Labels with positives absent from a part, e.g. `Class14 (validation)`. */
  absent: string[];
  /** k of k-fold cross-validation on the training rows (then `validation` is 0): every training row is scored out of fold. */
  folds?: number;
}

/** Whether the run cross-validated its training rows (k >= 2 folds) instead of holding out validation rows. */
export function crossValidated(split: Pick<SplitInfo, 'folds'>): boolean {
  return (split.folds ?? 0) > 1;
}

/** Whether the run tuned thresholds on rows its models did not train on: validation rows, or out of fold in k-fold cross-validation. */
export function tunesThresholds(split: SplitInfo): boolean {
  return split.validation > 0 || crossValidated(split);
}

/**
 * Whether a run's headline figures and test evaluation are at its tuned thresholds: a comparison's
 * recommendation says, a single-strategy run's thresholdsTuned says, and a run saved before either
 * used them whenever it had rows to tune on.
 */
export function usesTunedThresholds(summary: Pick<RunSummary, 'recommendation' | 'thresholdsTuned' | 'split'>): boolean {
  return summary.recommendation?.tuned ?? summary.thresholdsTuned ?? tunesThresholds(summary.split);
}

/** The thresholds in a run's texts (CLI table, Runs view, training view): `tuned` or `0.5`. */
export function thresholdsName(tuned: boolean): 'tuned' | '0.5' {
  return tuned ? 'tuned' : '0.5';
}

/**
 * The thresholds a finished run's test columns are read at, for marking them: 'tuned' or 'fixed'
 * (0.5) as usesTunedThresholds says; undefined for a comparison with no recommendation (stopped
 * before one was made: no thresholds were chosen).
 */
export function thresholdsInForce(summary: Pick<RunSummary, 'kind' | 'recommendation' | 'thresholdsTuned' | 'split'>): 'tuned' | 'fixed' | undefined {
  if (summary.kind === 'compare' && !summary.recommendation) return undefined;
  return usesTunedThresholds(summary) ? 'tuned' : 'fixed';
}

/** The rows thresholds were tuned on, in words: `the 58 validation rows`, `the out-of-fold scores of the 391 training rows (5-fold cross-validation)`. */
export function heldOutRowsText(split: SplitInfo): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return crossValidated(split) ? `the out-of-fold scores of the ${n(split.train)} training rows (${split.folds}-fold cross-validation)` : `the ${n(split.validation)} validation rows`;
}

/** `273 training, 59 validation, 59 test rows`; with cross-validation (which the split's source names) `391 training, 202 test rows`. */
export function splitRowsText(split: SplitInfo): string {
  const n = (x: number) => x.toLocaleString('en-US');
  if (crossValidated(split)) return `${n(split.train)} training, ${n(split.test)} test rows`;
  return `${n(split.train)} training, ${n(split.validation)} validation, ${n(split.test)} test rows`;
}

export type RunStatus = 'running' | 'completed' | 'cancelled' | 'failed';

/** What `run.json` in a run folder holds; the Runs view lists these. */
export interface RunSummary {
  kind: TrainJob['kind'];
  name: string;
  runDir: string;
  file: string;
  status: RunStatus;
  /** The message of a failed run. */
  error?: string;
  startedAt: string;
  finishedAt?: string;
  /** 'tensorflow (tfjs-node)', 'wasm', 'cpu' or 'js': what computed. */
  backend: string;
  labelNames: string[];
  split: SplitInfo;
  /** Finished strategies (a cancelled run keeps the ones done). */
  strategies: StrategyResult[];
  /**
   * The best strategy (compare), with tuned or fixed thresholds, chosen on the validation rows
   * (on the test rows, and saying so, only when there are none), and why in plain language.
   */
  recommendation?: { strategy: string; tuned: boolean; reason: string; chosenOn: 'validation' | 'test' };
  /**
   * A single-strategy run (train): whether its tuned thresholds are in force, which they are only
   * when they beat 0.5 on held-out rows (out of fold, or each validation half at the thresholds
   * tuned on the other), the rule a comparison's recommendation applies; `thresholdsReason` says
   * so with the figures. Absent in runs saved before the rule, which used them whenever they had them.
   */
  thresholdsTuned?: boolean;
  thresholdsReason?: string;
  /** The test-split evaluation of the recommended (or only) strategy, at the thresholds in force. */
  evaluation?: EvaluationReport;
}

/** Host (extension or CLI) to worker. */
export type ToTrainingWorker = { type: 'start'; job: TrainJob } | { type: 'cancel' };

/** Worker to host. */
export type FromTrainingWorker =
  | { type: 'log'; message: string }
  /** The split is made and the run folder exists: what will be trained. */
  | { type: 'prepared'; summary: RunSummary; strategies: string[]; epochs: number }
  | { type: 'strategyStarted'; strategy: string; index: number; of: number }
  | { type: 'epoch'; strategy: string; record: EpochRecord }
  /** After cross-validation: final model `member` of `of` starts, `epochs` epochs on every training row (no epoch messages follow). */
  | { type: 'finalModel'; strategy: string; member: number; of: number; epochs: number }
  | { type: 'strategyDone'; result: StrategyResult }
  /** The end of the run: completed, cancelled (partial results kept) or failed. */
  | { type: 'finished'; summary: RunSummary }
  /** A problem with the user's input (file, options): shown as is. */
  | { type: 'failed'; message: string; userError: boolean };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A message from the worker, checked enough to dispatch on (the worker is our own code, but a crash can send anything). */
export function isFromTrainingWorker(v: unknown): v is FromTrainingWorker {
  if (!isObject(v) || typeof v.type !== 'string') return false;
  switch (v.type) {
    case 'log':
      return typeof v.message === 'string';
    case 'prepared':
      return isObject(v.summary) && Array.isArray(v.strategies) && typeof v.epochs === 'number';
    case 'strategyStarted':
      return typeof v.strategy === 'string' && typeof v.index === 'number' && typeof v.of === 'number';
    case 'epoch':
      return typeof v.strategy === 'string' && isObject(v.record) && typeof v.record.epoch === 'number';
    case 'finalModel':
      return typeof v.strategy === 'string' && typeof v.member === 'number' && typeof v.of === 'number' && typeof v.epochs === 'number';
    case 'strategyDone':
      return isObject(v.result) && typeof v.result.strategy === 'string';
    case 'finished':
      return isObject(v.summary) && typeof v.summary.status === 'string';
    case 'failed':
      return typeof v.message === 'string' && typeof v.userError === 'boolean';
    default:
      return false;
  }
}

export function isToTrainingWorker(v: unknown): v is ToTrainingWorker {
  if (!isObject(v)) return false;
  if (v.type === 'cancel') return true;
  return v.type === 'start' && isObject(v.job) && typeof v.job.file === 'string' && Array.isArray(v.job.strategies);
}
