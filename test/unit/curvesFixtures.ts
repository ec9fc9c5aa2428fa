/** Shared builders for the curves tests: EvaluationData from rows, seeded random data, brute-force counts. */
import type { EvaluationData } from '../../src/core/metrics/types.js';

export function lcg(seed: number): () => number {
  return () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

/** Label-major EvaluationData from row-major truth and scores (rows x labels). */
export function fromRows(truthRows: number[][], scoreRows: number[][], labelNames?: string[]): EvaluationData {
  const rows = truthRows.length;
  const labels = labelNames?.length ?? truthRows[0]?.length ?? 0;
  const truth = new Uint8Array(rows * labels);
  const scores = new Float64Array(rows * labels);
  for (let r = 0; r < rows; r++) {
    for (let l = 0; l < labels; l++) {
      truth[l * rows + r] = truthRows[r][l];
      scores[l * rows + r] = scoreRows[r][l];
    }
  }
  return { rows, labelNames: labelNames ?? Array.from({ length: labels }, (_, l) => `L${l}`), truth, scores };
}

/** One label's column from a plain truth and score list. */
export function column(truth: number[], scores: number[]): { truth: Uint8Array; scores: Float64Array } {
  return { truth: Uint8Array.from(truth), scores: Float64Array.from(scores) };
}

/**
 * Random data with ties: each label gets its own positive rate (some labels empty or full) and
 * scores drawn either from a coarse grid (many ties) or continuous, shifted up for positives.
 */
export function randomEvaluation(random: () => number, rows: number, labels: number): EvaluationData {
  const truth = new Uint8Array(rows * labels);
  const scores = new Float64Array(rows * labels);
  for (let l = 0; l < labels; l++) {
    const kind = random();
    const rate = kind < 0.1 ? 0 : kind < 0.15 ? 1 : random() ** 2;
    const levels = random() < 0.5 ? 2 + Math.floor(random() * 10) : 0;
    for (let r = 0; r < rows; r++) {
      const positive = random() < rate ? 1 : 0;
      let s = Math.min(1, Math.max(0, 0.35 * positive + 0.65 * random()));
      if (levels > 0) s = Math.round(s * levels) / levels;
      truth[l * rows + r] = positive;
      scores[l * rows + r] = s;
    }
  }
  return { rows, labelNames: Array.from({ length: labels }, (_, l) => `label${l}`), truth, scores };
}

/** tp, fp, fn of one label's column when predicting score >= t, by looking at every row. */
export function bruteCounts(data: EvaluationData, label: number, t: number): { tp: number; fp: number; fn: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let r = 0; r < data.rows; r++) {
    const isTrue = data.truth[label * data.rows + r] === 1;
    const isPredicted = data.scores[label * data.rows + r] >= t;
    if (isTrue && isPredicted) tp++;
    else if (isPredicted) fp++;
    else if (isTrue) fn++;
  }
  return { tp, fp, fn };
}

export function bruteF1(counts: { tp: number; fp: number; fn: number }): number {
  const denominator = 2 * counts.tp + counts.fp + counts.fn;
  return denominator === 0 ? 0 : (2 * counts.tp) / denominator;
}

/** Every number in a JSON-able value is finite (no NaN, no Infinity). */
export function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allFinite);
  if (value !== null && typeof value === 'object') return Object.values(value).every(allFinite);
  return true;
}
