/**
 * Imbalance ratio per label and its dataset summaries (Charte et al., Neurocomputing 2015;
 * mldr: `label_measures`, `measures`).
 */
import { coefficientOfVariation, mean, sampleStd } from './descriptive.js';

/** IRLbl(l) = max_count / count(l); mldr: `IRLbl[IRLbl == Inf] <- 0`, so an absent label gets 0. */
export function irLbl(counts: ArrayLike<number>): Float64Array {
  let maxCount = 0;
  for (let l = 0; l < counts.length; l++) if (counts[l] > maxCount) maxCount = counts[l];
  const ir = new Float64Array(counts.length);
  for (let l = 0; l < counts.length; l++) ir[l] = counts[l] === 0 ? 0 : maxCount / counts[l];
  return ir;
}

/**
 * MeanIR = mean of IRLbl over ALL labels (mldr: `mean(IRLbl, na.rm = TRUE)`; an absent label's
 * IRLbl is 0, not NA, so it is averaged in as 0 and lowers MeanIR). 0 for no labels.
 */
export function meanIR(ir: ArrayLike<number>): number {
  return mean(ir);
}

/** MaxIR = max over labels of IRLbl (mldr summary); 0 for no labels. */
export function maxIR(ir: ArrayLike<number>): number {
  let max = 0;
  for (let l = 0; l < ir.length; l++) if (ir[l] > max) max = ir[l];
  return max;
}

/** CVIR = sd(IRLbl) / MeanIR, sample sd over all labels (mldr summary); 0 for fewer than 2 labels or MeanIR 0. */
export function cvIR(ir: ArrayLike<number>): number {
  return coefficientOfVariation(sampleStd(ir), meanIR(ir));
}
