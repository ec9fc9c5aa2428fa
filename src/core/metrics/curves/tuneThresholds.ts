import type { RankedLabel } from '../rankedColumn.js';
import type { EvaluationData } from '../types.js';
import { bestF1Index, f1FromCounts } from './bestF1.js';
import { rankLabels } from './rankLabels.js';

/** The threshold kept for a label whose best F1 is 0 (it has no positives): the usual 0.5. */
export const DEFAULT_THRESHOLD = 0.5;

export interface TunedThresholds {
  /** Per label: predict the label when score >= threshold. */
  thresholds: number[];
  /** Per label: F1 on the given data at that threshold (zero_division 0). */
  f1: number[];
  /** Per label: why the threshold was not tuned, or null when it was. */
  notes: (string | null)[];
}

/**
 * Per label, the threshold of highest F1 on the given data, over the distinct scores as
 * candidates (predict score >= t), ties to the lower threshold. Predicting nothing scores F1 0, so
 * it can only win when every candidate does too, which happens exactly when the label has no
 * positives: then the default 0.5 is kept and a note says so.
 */
export function tuneThresholds(data: EvaluationData, ranked: RankedLabel[] = rankLabels(data)): TunedThresholds {
  const result: TunedThresholds = { thresholds: [], f1: [], notes: [] };
  for (const label of ranked) {
    const tuned = tuneLabel(label);
    result.thresholds.push(tuned.threshold);
    result.f1.push(tuned.f1);
    result.notes.push(tuned.note);
  }
  return result;
}

/** One label's F1-best threshold (see tuneThresholds). */
/** `k`: the label's bestF1Index, when the caller already has it. */
export function tuneLabel(label: RankedLabel, k = bestF1Index(label)): { threshold: number; f1: number; note: string | null } {
  if (k < 0) {
    return { threshold: DEFAULT_THRESHOLD, f1: 0, note: `No positives: F1 is 0 at every threshold, so the default ${DEFAULT_THRESHOLD} is kept.` };
  }
  return { threshold: label.thresholds[k], f1: f1FromCounts(label.tp[k], label.fp[k], label.positives - label.tp[k]), note: null };
}
