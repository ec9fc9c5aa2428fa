import { UsageError } from '../../errors.js';
import type { EvaluationData } from '../types.js';

/** Rows where `trueLabel` is true but not predicted while `predictedLabel` is predicted but not true. */
export interface ConfusedPair {
  trueLabel: string;
  predictedLabel: string;
  count: number;
  /** count / support of trueLabel. */
  rateOfTrue: number;
}

export interface ConfusedPairsReport {
  /** The most frequent pairs, by count descending, then true label index, then predicted label index. */
  confusedPairs: ConfusedPair[];
  /** matrix[a][b] = count for (true a, predicted b), when there are at most `matrixMaxLabels` labels. */
  matrix: number[][] | null;
}

export interface ConfusedPairsOptions {
  /** How many pairs to list (default 50). */
  topN?: number;
  /** Largest label count for which the full matrix is returned (default 200). */
  matrixMaxLabels?: number;
}

/** Labels up to which pair counts are kept in a dense labels x labels array (16 MB at most). */
const DENSE_MAX_LABELS = 2048;
/** Per-row label lists are built for a block of rows at a time, this many slots in all. */
const BLOCK_SLOTS = 1 << 18;

/**
 * "Predicted b instead of a": for each ordered pair (a, b), the rows where a is true and missed
 * and b is predicted and not true, with label l predicted when score >= thresholds[l] (one number
 * for all labels, or one per label). One pass over the rows builds each row's missed set and
 * false-positive set (a block of rows at a time, reading each label's column contiguously), then
 * every (missed, false positive) pair of the row is counted.
 */
export function confusedPairs(
  data: EvaluationData,
  thresholds: number | readonly number[],
  options: ConfusedPairsOptions = {},
): ConfusedPairsReport {
  const { rows, labelNames, truth, scores } = data;
  const labels = labelNames.length;
  const topN = options.topN ?? 50;
  const matrixMaxLabels = options.matrixMaxLabels ?? 200;
  if (typeof thresholds !== 'number' && thresholds.length !== labels) {
    throw new UsageError(`Expected ${labels} thresholds (one per label), got ${thresholds.length}.`);
  }
  const threshold = (l: number): number => (typeof thresholds === 'number' ? thresholds : thresholds[l]);

  const counter = labels <= DENSE_MAX_LABELS ? new DensePairCounter(labels) : new SparsePairCounter(labels);
  const support = new Float64Array(labels);
  const blockRows = Math.max(1, Math.min(rows, Math.floor(BLOCK_SLOTS / Math.max(1, labels))));
  const missedCount = new Int32Array(blockRows);
  const falseCount = new Int32Array(blockRows);
  const missed = new Int32Array(blockRows * labels);
  const falsePositive = new Int32Array(blockRows * labels);

  for (let r0 = 0; r0 < rows; r0 += blockRows) {
    const r1 = Math.min(rows, r0 + blockRows);
    missedCount.fill(0);
    falseCount.fill(0);
    for (let l = 0; l < labels; l++) {
      const t = threshold(l);
      let positives = 0;
      for (let r = r0, i = l * rows + r0; r < r1; r++, i++) {
        const isTrue = truth[i];
        positives += isTrue;
        // truth is 0/1: a cell is an error exactly when the prediction differs from it.
        if ((scores[i] >= t ? 1 : 0) !== isTrue) {
          const row = r - r0;
          if (isTrue === 1) missed[row * labels + missedCount[row]++] = l;
          else falsePositive[row * labels + falseCount[row]++] = l;
        }
      }
      support[l] += positives;
    }
    for (let row = 0; row < r1 - r0; row++) {
      const m = missedCount[row];
      const f = falseCount[row];
      if (m === 0 || f === 0) continue;
      const offset = row * labels;
      for (let i = 0; i < m; i++) {
        const a = missed[offset + i];
        for (let j = 0; j < f; j++) counter.add(a, falsePositive[offset + j]);
      }
    }
  }

  const pairs = counter.nonZero();
  pairs.sort((p, q) => q.count - p.count || p.a - q.a || p.b - q.b);
  return {
    confusedPairs: pairs.slice(0, Math.max(0, topN)).map(({ a, b, count }) => ({
      trueLabel: labelNames[a],
      predictedLabel: labelNames[b],
      count,
      rateOfTrue: count / support[a],
    })),
    matrix: labels <= matrixMaxLabels ? counter.matrix() : null,
  };
}

interface PairCount {
  a: number;
  b: number;
  count: number;
}

interface PairCounter {
  add(a: number, b: number): void;
  nonZero(): PairCount[];
  matrix(): number[][];
}

class DensePairCounter implements PairCounter {
  private readonly counts: Int32Array;

  constructor(private readonly labels: number) {
    this.counts = new Int32Array(labels * labels);
  }

  add(a: number, b: number): void {
    this.counts[a * this.labels + b]++;
  }

  nonZero(): PairCount[] {
    const pairs: PairCount[] = [];
    for (let i = 0; i < this.counts.length; i++) {
      if (this.counts[i] !== 0) pairs.push({ a: Math.floor(i / this.labels), b: i % this.labels, count: this.counts[i] });
    }
    return pairs;
  }

  matrix(): number[][] {
    return Array.from({ length: this.labels }, (_, a) =>
      Array.from(this.counts.subarray(a * this.labels, (a + 1) * this.labels)),
    );
  }
}

class SparsePairCounter implements PairCounter {
  private readonly counts = new Map<number, number>();

  constructor(private readonly labels: number) {}

  add(a: number, b: number): void {
    const key = a * this.labels + b;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  nonZero(): PairCount[] {
    return [...this.counts].map(([key, count]) => ({ a: Math.floor(key / this.labels), b: key % this.labels, count }));
  }

  matrix(): number[][] {
    const matrix = Array.from({ length: this.labels }, () => new Array<number>(this.labels).fill(0));
    for (const { a, b, count } of this.nonZero()) matrix[a][b] = count;
    return matrix;
  }
}
