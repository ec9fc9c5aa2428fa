/** The shapes the training engine works on and reports: configuration, data, per-epoch reports. */

/**
 * - bce: BCEWithLogitsLoss (mean).
 * - weightedBce: BCEWithLogitsLoss with pos_weight = negatives / positives per label (training labels).
 * - focal: torchvision sigmoid_focal_loss (alpha 0.25, gamma 2, mean).
 * - asymmetric: ASL (Ridnik et al. 2021; gamma_neg 4, gamma_pos 0, clip 0.05), mean for training.
 * - classBalancedBce / classBalancedFocal: the loss times per-label weights by effective number (Cui et al. 2019).
 */
export type LossKind = 'bce' | 'weightedBce' | 'focal' | 'asymmetric' | 'classBalancedBce' | 'classBalancedFocal';

export const LOSS_KINDS: readonly LossKind[] = ['bce', 'weightedBce', 'focal', 'asymmetric', 'classBalancedBce', 'classBalancedFocal'];

export interface LossConfig {
  kind: LossKind;
  /** Focal loss α (torchvision default 0.25; negative: no α weighting) and γ (2). */
  focalAlpha: number;
  focalGamma: number;
  /** ASL focusing and probability margin (official defaults for multilabel: 4, 0, 0.05). */
  gammaNeg: number;
  gammaPos: number;
  clip: number;
  /** β of the class-balanced weights (0.999). */
  beta: number;
  /** Clamp of pos_weight, so a label with a handful of positives cannot dominate (1000). */
  maxPosWeight: number;
}

export interface ModelConfig {
  /** Widths of the hidden ReLU layers; [] is a linear model (logistic regression per label). */
  hidden: readonly number[];
  /** Dropout probability after each hidden layer during training (0: none). */
  dropout: number;
}

/**
 * - 'wasm': the hand-written step, its large products on TensorFlow.js (tfjs-node when installed,
 *   else the wasm backend); falls back to 'js' when neither loads. The default.
 * - 'js': the hand-written step in plain JS on Float32Arrays; no TensorFlow.js at all.
 * - 'tfjs': autodiff (tf.variableGrads) + tf.train.adam on the TensorFlow.js backend.
 */
export type TrainEngine = 'wasm' | 'js' | 'tfjs';

export interface TrainConfig {
  model: ModelConfig;
  loss: LossConfig;
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Epochs without a better validation macro-F1 before stopping; 0: train exactly `epochs`. */
  patience: number;
  /** A label is predicted when σ(logit) >= threshold. */
  threshold: number;
  seed: number;
  engine: TrainEngine;
}

export const DEFAULT_LOSS_CONFIG: LossConfig = {
  kind: 'bce',
  focalAlpha: 0.25,
  focalGamma: 2,
  gammaNeg: 4,
  gammaPos: 0,
  clip: 0.05,
  beta: 0.999,
  maxPosWeight: 1000,
};

export const DEFAULT_TRAIN_CONFIG: TrainConfig = {
  model: { hidden: [128], dropout: 0 },
  loss: DEFAULT_LOSS_CONFIG,
  epochs: 60,
  batchSize: 64,
  learningRate: 1e-3,
  patience: 0,
  threshold: 0.5,
  seed: 0,
  engine: 'wasm',
};

/**
 * Encoded feature rows in compressed sparse row form (scipy.sparse.csr_matrix's layout): the entries
 * of row r are indices/values[indptr[r] .. indptr[r + 1]), column indices ascending, zeros not stored.
 */
export interface CsrRows {
  readonly kind: 'csr';
  /** rows + 1 offsets into indices/values; indptr[0] = 0. */
  readonly indptr: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

/** A rows x features matrix: dense row-major, or CSR when the encoded features are mostly zeros. */
export type FeatureRows = Float32Array | CsrRows;

/** Rows of features (dense or CSR) and dense 0/1 targets, row-major. */
export interface TrainingSet {
  rows: number;
  features: number;
  labels: number;
  /** rows x features: read rows through featureRows.ts (gatherRows, denseRowBlock), whichever the form. */
  x: FeatureRows;
  /** rows x labels, 0/1. */
  y: Uint8Array;
}

export interface EpochReport {
  /** 1-based. */
  epoch: number;
  /** Mean of the batch losses of this epoch (as the optimiser saw them, dropout on). */
  trainLoss: number;
  /** On the validation set, when there is one. */
  validationLoss?: number;
  macroF1?: number;
  microF1?: number;
  perLabelF1?: number[];
  /** Wall time of this epoch's training (not the evaluation). */
  trainMs: number;
  /** Whether this epoch has the best validation macro-F1 so far (the weights kept). */
  best: boolean;
}

export interface TrainHooks {
  signal?: AbortSignal;
  onEpoch?: (report: EpochReport) => void;
}
