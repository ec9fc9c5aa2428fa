import type { EvaluationData } from './types.js';

/** The three label-ranking metrics, each a mean over rows. */
export interface RankingMetrics {
  lrap: number;
  coverageError: number;
  rankingLoss: number;
}

/**
 * For every (row, true label) pair, how many labels of the row score >= that label's score
 * (`all`) and how many of them are true (`true`), with the pairs grouped by row (CSR offsets).
 * Built column by column, so the label-major layout is read sequentially and nothing is sorted.
 */
interface TrueLabelRanks {
  offsets: Int32Array;
  all: Int32Array;
  true: Int32Array;
}

function trueLabelRanks(data: EvaluationData): TrueLabelRanks {
  const { rows, truth, scores } = data;
  const labels = data.labelNames.length;
  const offsets = new Int32Array(rows + 1);
  for (let l = 0; l < labels; l++) {
    const base = l * rows;
    for (let i = 0; i < rows; i++) offsets[i + 1] += truth[base + i] !== 0 ? 1 : 0;
  }
  for (let i = 0; i < rows; i++) offsets[i + 1] += offsets[i];
  const trueScore = new Float64Array(offsets[rows]);
  const cursor = offsets.slice(0, rows);
  for (let l = 0; l < labels; l++) {
    const base = l * rows;
    for (let i = 0; i < rows; i++) if (truth[base + i] !== 0) trueScore[cursor[i]++] = scores[base + i];
  }
  const all = new Int32Array(trueScore.length);
  const trueCount = new Int32Array(trueScore.length);
  for (let l = 0; l < labels; l++) countAtOrAbove(data, l, offsets, trueScore, all, trueCount);
  return { offsets, all, true: trueCount };
}

/** Add label l's column to the counts: for each true label of each row, does l score at least as high? */
function countAtOrAbove(data: EvaluationData, l: number, offsets: Int32Array, trueScore: Float64Array, all: Int32Array, trueCount: Int32Array): void {
  const { rows, truth, scores } = data;
  const base = l * rows;
  for (let i = 0; i < rows; i++) {
    const start = offsets[i];
    const end = offsets[i + 1];
    if (start === end) continue;
    const s = scores[base + i];
    const y = truth[base + i] !== 0 ? 1 : 0;
    for (let e = start; e < end; e++) {
      if (s >= trueScore[e]) {
        all[e]++;
        trueCount[e] += y;
      }
    }
  }
}

/**
 * scikit-learn `label_ranking_average_precision_score` (rows with no or all labels true score 1),
 * `coverage_error` (rows with no true label count 0) and `label_ranking_loss` (a tie between a
 * true and a false label counts as mis-ordered; rows with no or all labels true contribute 0).
 */
export function rankingMetrics(data: EvaluationData): RankingMetrics {
  const { rows } = data;
  const labels = data.labelNames.length;
  const { offsets, all, true: trueCount } = trueLabelRanks(data);
  let lrap = 0;
  let coverage = 0;
  let loss = 0;
  for (let i = 0; i < rows; i++) {
    const start = offsets[i];
    const end = offsets[i + 1];
    const relevant = end - start;
    let precisionSum = 0;
    let deepest = 0;
    let misordered = 0;
    for (let e = start; e < end; e++) {
      precisionSum += trueCount[e] / all[e];
      if (all[e] > deepest) deepest = all[e];
      misordered += all[e] - trueCount[e];
    }
    const trivial = relevant === 0 || relevant === labels;
    lrap += trivial ? 1 : precisionSum / relevant;
    coverage += deepest;
    loss += trivial ? 0 : misordered / ((labels - relevant) * relevant);
  }
  return rows === 0 ? { lrap: 0, coverageError: 0, rankingLoss: 0 } : { lrap: lrap / rows, coverageError: coverage / rows, rankingLoss: loss / rows };
}
