/**
 * Loss-function suggestions beside the weights: when the imbalance is strong, a loss that
 * down-weights easy examples often helps more than (or together with) reweighting.
 */
import type { AsymmetricLossSuggestion, FocalLossSuggestion } from './types.js';

/** MaxIR from which focal loss is recommended. */
const FOCAL_MAX_IR = 10;
/** Mean negatives per positive from which ASL is recommended. */
const ASL_NEGATIVES_PER_POSITIVE = 10;

/** torchvision.ops.sigmoid_focal_loss(inputs, targets, alpha=0.25, gamma=2, reduction="mean") (Lin et al., ICCV 2017). */
export function focalLossSuggestion(maxIR: number): FocalLossSuggestion {
  const recommended = maxIR >= FOCAL_MAX_IR;
  return {
    loss: 'sigmoid_focal_loss',
    source: 'torchvision.ops.sigmoid_focal_loss (Lin et al., ICCV 2017)',
    alpha: 0.25,
    gamma: 2,
    recommended,
    rationale: recommended
      ? `MaxIR is ${round(maxIR)} (>= ${FOCAL_MAX_IR}): focal loss (alpha 0.25, gamma 2) down-weights the many easy examples so the rare labels' hard ones drive training.`
      : `MaxIR is ${round(maxIR)} (< ${FOCAL_MAX_IR}): the labels are fairly balanced, so plain BCEWithLogitsLoss is a sound start; focal loss (alpha 0.25, gamma 2) is optional.`,
  };
}

/**
 * Asymmetric loss (Ridnik et al., ICCV 2021): gamma_neg 4, gamma_pos 0, probability clip 0.05,
 * the paper's defaults for multilabel data where negatives far outnumber positives.
 */
export function asymmetricLossSuggestion(negativesPerPositive: number): AsymmetricLossSuggestion {
  const recommended = negativesPerPositive >= ASL_NEGATIVES_PER_POSITIVE;
  return {
    loss: 'AsymmetricLoss',
    source: 'Ridnik et al., "Asymmetric Loss For Multi-Label Classification", ICCV 2021',
    gammaNeg: 4,
    gammaPos: 0,
    clip: 0.05,
    recommended,
    rationale: recommended
      ? `A label has on average ${round(negativesPerPositive)} negatives per positive: ASL (gamma_neg 4, gamma_pos 0, clip 0.05) focuses on positives and discards very easy negatives.`
      : `A label has on average ${round(negativesPerPositive)} negatives per positive (< ${ASL_NEGATIVES_PER_POSITIVE}): negatives do not swamp the loss, so ASL (gamma_neg 4, gamma_pos 0, clip 0.05) is optional.`,
  };
}

function round(x: number): string {
  return String(Number(x.toPrecision(4)));
}
