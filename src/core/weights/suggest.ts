/** Loss-weight suggestions for a multilabel dataset from its per-label positive counts. */
import { UsageError } from '../errors.js';
import { asymmetricLossSuggestion, focalLossSuggestion } from './recommendations.js';
import { effectiveNumberWeights, inverseFrequencyWeights, posWeights, sqrtInverseFrequencyWeights } from './schemes.js';
import type { WeightOptions, WeightSuggestions } from './types.js';

export const DEFAULT_BETA = 0.999;
export const DEFAULT_MAX_POS_WEIGHT = 1000;

export function suggestWeights(labelCounts: ArrayLike<number>, rows: number, labelNames: string[], options: WeightOptions = {}): WeightSuggestions {
  const beta = options.beta ?? DEFAULT_BETA;
  const maxPosWeight = options.maxPosWeight ?? DEFAULT_MAX_POS_WEIGHT;
  if (!(beta >= 0 && beta < 1)) throw new UsageError(`beta must be in [0, 1), got ${beta}.`);
  if (!(maxPosWeight > 0) || !Number.isFinite(maxPosWeight)) throw new UsageError(`The maximum pos_weight must be a positive number, got ${maxPosWeight}.`);
  if (!Number.isInteger(rows) || rows < 0) throw new RangeError(`rows must be a count, got ${rows}`);
  if (labelCounts.length !== labelNames.length) throw new RangeError(`${labelCounts.length} counts for ${labelNames.length} label names`);
  const counts = Array.from(labelCounts);
  counts.forEach((n, l) => {
    if (!Number.isInteger(n) || n < 0 || n > rows) throw new RangeError(`label ${labelNames[l]}: count ${n} is not within 0..${rows}`);
  });

  const pos = posWeights(counts, rows, maxPosWeight);
  const maxIR = maxImbalanceRatio(counts);
  return {
    rows,
    labels: [...labelNames],
    counts,
    schemes: {
      pos,
      inverse: inverseFrequencyWeights(counts),
      sqrt: sqrtInverseFrequencyWeights(counts),
      effective: effectiveNumberWeights(counts, beta),
    },
    beta,
    maxPosWeight,
    maxIR,
    focal: focalLossSuggestion(maxIR),
    asymmetric: asymmetricLossSuggestion(meanNegativesPerPositive(counts, rows)),
    warnings: warningsFor(counts, rows, labelNames, maxPosWeight),
  };
}

/** max count / min positive count over the labels with positives (mldr's MaxIR); 0 when none has positives. */
function maxImbalanceRatio(counts: number[]): number {
  const present = counts.filter((n) => n > 0);
  return present.length === 0 ? 0 : Math.max(...present) / Math.min(...present);
}

/** Mean of (N - n) / n over the labels with positives, unclamped; 0 when none has positives. */
function meanNegativesPerPositive(counts: number[], rows: number): number {
  const present = counts.filter((n) => n > 0);
  return present.length === 0 ? 0 : present.reduce((s, n) => s + (rows - n) / n, 0) / present.length;
}

function warningsFor(counts: number[], rows: number, names: string[], maxPosWeight: number): string[] {
  const warnings: string[] = [];
  if (rows === 0) warnings.push('The dataset has no rows, so no label has a weight.');
  const absent = names.filter((_, l) => counts[l] === 0);
  if (rows > 0 && absent.length > 0) {
    warnings.push(`${listOf(absent)} never occur${absent.length === 1 ? 's' : ''} (no positive rows): no weight is suggested (1.0 in the PyTorch snippet); consider dropping ${absent.length === 1 ? 'it' : 'them'}.`);
  }
  const always = names.filter((_, l) => rows > 0 && counts[l] === rows);
  if (always.length > 0) {
    warnings.push(`${listOf(always)} ${always.length === 1 ? 'is' : 'are'} positive in every row: pos_weight 0 removes the positive term, and the label carries no information; consider dropping ${always.length === 1 ? 'it' : 'them'}.`);
  }
  const clamped = names.filter((_, l) => counts[l] > 0 && (rows - counts[l]) / counts[l] > maxPosWeight);
  if (clamped.length > 0) {
    warnings.push(`${listOf(clamped)}: pos_weight clamped at ${maxPosWeight} (very few positives); such labels may need more data or resampling.`);
  }
  return warnings;
}

/** `"a"`, `"a" and "b"`, or the first five and a count of the rest. */
function listOf(names: string[]): string {
  const quoted = names.slice(0, 5).map((n) => JSON.stringify(n));
  const rest = names.length - quoted.length;
  if (rest > 0) return `Labels ${quoted.join(', ')} and ${rest} more`;
  return quoted.length === 1 ? `Label ${quoted[0]}` : `Labels ${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}
