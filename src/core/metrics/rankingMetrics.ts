import type { EvaluationData } from './types.js';

/** Cells per block of rows copied to row-major scratch (256 KB of scores). */
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
  // Rows are processed in blocks: scores copied to row-major scratch, so each row's labels are
  // contiguous, and each row's true labels listed (in label order) from the sparse truth.
  const block = Math.max(1, Math.min(rows, Math.floor(BLOCK_CELLS / Math.max(1, labels))));
  const blockScores = new Float64Array(block * labels);
  const relevantCounts = new Int32Array(block);
  const trueStarts = new Int32Array(block + 1);
  const fill = new Int32Array(block);
  let trueRows = new Int32Array(block);
  let trueLabels = new Int32Array(block);
  let byRow = new Int32Array(block);
  let lrap = 0;
  let coverage = 0;
  let loss = 0;
  for (let first = 0; first < rows; first += block) {
    const size = Math.min(block, rows - first);
    relevantCounts.fill(0);
    let cells = 0;
    for (let l = 0; l < labels; l++) {
      const base = l * rows + first;
      for (let i = 0, cell = l; i < size; i++, cell += labels) blockScores[cell] = scores[base + i];
      for (let i = 0; i < size; i++) {
        if (truth[base + i] === 0) continue;
        if (cells === trueRows.length) [trueRows, trueLabels, byRow] = [grow(trueRows), grow(trueLabels), grow(byRow)];
        trueRows[cells] = i;
        trueLabels[cells++] = l;
        relevantCounts[i]++;
      }
    }
    // The (row, label) cells, label-major, regrouped by row (a stable counting sort keeps label order).
    trueStarts[0] = 0;
    for (let i = 0; i < size; i++) trueStarts[i + 1] = trueStarts[i] + relevantCounts[i];
    fill.set(trueStarts.subarray(0, size));
    for (let c = 0; c < cells; c++) byRow[fill[trueRows[c]]++] = trueLabels[c];
    for (let i = 0; i < size; i++) {
      const relevant = relevantCounts[i];
      const trivial = relevant === 0 || relevant === labels;
      if (relevant === 0) {
        lrap += 1;
        continue;
      }
      const row = i * labels;
      const rowEnd = row + labels;
      const trueFrom = trueStarts[i];
      const trueTo = trueStarts[i + 1];
      let precisionSum = 0;
      let deepest = 0;
      let misordered = 0;
      // Per true label in label order: how many labels score >= it (all) and how many of those are true.
      for (let t = trueFrom; t < trueTo; t++) {
        const threshold = blockScores[row + byRow[t]];
        let all = 0;
        for (let c = row; c < rowEnd; c++) all += blockScores[c] >= threshold ? 1 : 0;
        let trueAbove = 0;
        for (let u = trueFrom; u < trueTo; u++) trueAbove += blockScores[row + byRow[u]] >= threshold ? 1 : 0;
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

function grow(values: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(2 * values.length);
  bigger.set(values);
  return bigger;
}
