import { rankLabel, type RankedLabel } from '../rankedColumn.js';
import { labelColumn, type EvaluationData } from '../types.js';

/** Every label's ranked counts (`rankLabel` per column), the input all curve and threshold functions share. */
export function rankLabels(data: EvaluationData): RankedLabel[] {
  return data.labelNames.map((_, l) =>
    rankLabel(labelColumn(data.truth, data.rows, l), labelColumn(data.scores, data.rows, l)),
  );
}
