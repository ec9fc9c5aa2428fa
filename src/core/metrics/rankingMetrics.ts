import type { EvaluationData } from './types.js';

/** Cells per block of rows copied to row-major scratch (about 288 KB of scores and truth). */
const BLOCK_CELLS = 1 << 15;

/** The three label-ranking metrics, each a mean over rows. */
export interface RankingMetrics {
  lrap: number;
  coverageError: number;
  rankingLoss: number;
}

/**
 * scikit-learn `label_ranking_average_precision_score` (rows with no or all labels true score 1),
 * `coverage_error` (rows with no true label count 0) and `label_ranking_loss` (a tie between a
 * true and a false label counts as mis-ordered; rows with no or all labels true contribute 0).
 */
export function rankingMetrics(data: EvaluationData): RankingMetrics {
  const { rows, truth, scores } = data;
  const labels = data.labelNames.length;
  if (rows === 0) return { lrap: 0, coverageError: 0, rankingLoss: 0 };
  // Rows are processed in blocks copied to row-major scratch, so each row's labels are contiguous.
  const block = Math.max(1, Math.min(rows, Math.floor(BLOCK_CELLS / Math.max(1, labels))));
  const blockScores = new Float64Array(block * labels);
  const blockTruth = new Uint8Array(block * labels);
  const relevantCounts = new Int32Array(block);
  let lrap = 0;
  let coverage = 0;
  let loss = 0;
  for (let first = 0; first < rows; first += block) {
    const size = Math.min(block, rows - first);
    relevantCounts.fill(0);
    for (let l = 0; l < labels; l++) {
      const base = l * rows + first;
      for (let i = 0, cell = l; i < size; i++, cell += labels) {
        const y = truth[base + i] !== 0 ? 1 : 0;
        blockScores[cell] = scores[base + i];
        blockTruth[cell] = y;
        relevantCounts[i] += y;
      }
    }
    for (let i = 0; i < size; i++) {
      const relevant = relevantCounts[i];
      const trivial = relevant === 0 || relevant === labels;
      if (relevant === 0) {
        lrap += 1;
        continue;
      }
      const row = i * labels;
      const rowEnd = row + labels;
      let precisionSum = 0;
      let deepest = 0;
      let misordered = 0;
      // Per true label in label order: how many labels score >= it (all) and how many of those are true.
      for (let t = row; t < rowEnd; t++) {
        if (blockTruth[t] === 0) continue;
        const threshold = blockScores[t];
        let all = 0;
        let trueAbove = 0;
        for (let c = row; c < rowEnd; c++) {
          if (blockScores[c] >= threshold) {
            all++;
            trueAbove += blockTruth[c];
          }
        }
        precisionSum += trueAbove / all;
        if (all > deepest) deepest = all;
        misordered += all - trueAbove;
      }
      lrap += trivial ? 1 : precisionSum / relevant;
      coverage += deepest;
      loss += trivial ? 0 : misordered / ((labels - relevant) * relevant);
    }
  }
  return { lrap: lrap / rows, coverageError: coverage / rows, rankingLoss: loss / rows };
}
