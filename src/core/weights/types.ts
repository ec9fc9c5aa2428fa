/** The loss-weight suggestion report: plain JSON, one array per scheme in label order. */

export const WEIGHT_SCHEMES = ['pos', 'inverse', 'sqrt', 'effective'] as const;

/** pos: pos_weight for BCEWithLogitsLoss; inverse, sqrt, effective: per-class loss weights. */
export type WeightScheme = (typeof WEIGHT_SCHEMES)[number];

export function isWeightScheme(value: string): value is WeightScheme {
  return (WEIGHT_SCHEMES as readonly string[]).includes(value);
}

/** torchvision.ops.sigmoid_focal_loss with its defaults. */
export interface FocalLossSuggestion {
  loss: 'sigmoid_focal_loss';
  source: string;
  alpha: number;
  gamma: number;
  recommended: boolean;
  rationale: string;
}

/** Asymmetric loss (ASL) with the paper's multilabel defaults. */
export interface AsymmetricLossSuggestion {
  loss: 'AsymmetricLoss';
  source: string;
  gammaNeg: number;
  gammaPos: number;
  clip: number;
  recommended: boolean;
  rationale: string;
}

export interface WeightSuggestions {
  rows: number;
  labels: string[];
  /** Positives per label, in label order. */
  counts: number[];
  /** One weight per label; null for a label with no positives (see `warnings`). */
  schemes: Record<WeightScheme, (number | null)[]>;
  beta: number;
  maxPosWeight: number;
  /** MaxIR over the labels with positives (max count / min count); 0 when none has positives. */
  maxIR: number;
  focal: FocalLossSuggestion;
  asymmetric: AsymmetricLossSuggestion;
  warnings: string[];
}

export interface WeightOptions {
  /** Class-balanced (effective number) beta, in [0, 1). Default 0.999. */
  beta?: number;
  /** pos_weight is clamped at this. Default 1000. */
  maxPosWeight?: number;
}
