/**
 * confusedPairs: a hand-worked case, then brute force over rows and label pairs on random data
 * (dense counting, and the sparse counting used past 2,048 labels).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { confusedPairs } from '../../src/core/metrics/curves/index.js';
import type { EvaluationData } from '../../src/core/metrics/types.js';
import { fromRows, lcg, randomEvaluation } from './curvesFixtures.js';

// threshold 0.5:
// row 0: a true, missed (0.2); b, c predicted, not true     -> (a, b), (a, c)
// row 1: a true, missed; b true, hit; c predicted, not true  -> (a, c)
// row 2: c true, missed; a predicted, not true               -> (c, a)
// row 3: b true, hit; a predicted, not true                  -> nothing missed
const handWorked = fromRows(
  [
    [1, 0, 0],
    [1, 1, 0],
    [0, 0, 1],
    [0, 1, 0],
  ],
  [
    [0.2, 0.9, 0.7],
    [0.1, 0.8, 0.6],
    [0.9, 0.1, 0.3],
    [0.6, 0.9, 0.1],
  ],
  ['a', 'b', 'c'],
);

/** count[a][b] by looking at every row and every ordered pair. */
function brutePairs(data: EvaluationData, thresholds: number[]): number[][] {
  const labels = data.labelNames.length;
  const count = Array.from({ length: labels }, () => new Array<number>(labels).fill(0));
  const truth = (r: number, l: number): boolean => data.truth[l * data.rows + r] === 1;
  const predicted = (r: number, l: number): boolean => data.scores[l * data.rows + r] >= thresholds[l];
  for (let r = 0; r < data.rows; r++) {
    for (let a = 0; a < labels; a++) {
      for (let b = 0; b < labels; b++) {
        if (truth(r, a) && !predicted(r, a) && predicted(r, b) && !truth(r, b)) count[a][b]++;
      }
    }
  }
  return count;
}

describe('confusedPairs', () => {
  it('hand-worked: counts, rate of the true label, order by count then label index', () => {
    const report = confusedPairs(handWorked, 0.5);
    assert.deepEqual(report.confusedPairs, [
      { trueLabel: 'a', predictedLabel: 'c', count: 2, rateOfTrue: 1 },
      { trueLabel: 'a', predictedLabel: 'b', count: 1, rateOfTrue: 0.5 },
      { trueLabel: 'c', predictedLabel: 'a', count: 1, rateOfTrue: 1 },
    ]);
    assert.deepEqual(report.matrix, [
      [0, 1, 2],
      [0, 0, 0],
      [1, 0, 0],
    ]);
  });

  it('per-label thresholds, topN, and no matrix past matrixMaxLabels', () => {
    // a at 0.15: row 0 hit, row 1 missed (0.1), rows 2 and 3 false positives
    const report = confusedPairs(handWorked, [0.15, 0.5, 0.5], { topN: 1, matrixMaxLabels: 2 });
    assert.deepEqual(report.confusedPairs, [{ trueLabel: 'a', predictedLabel: 'c', count: 1, rateOfTrue: 0.5 }]);
    assert.equal(report.matrix, null);
    assert.deepEqual(brutePairs(handWorked, [0.15, 0.5, 0.5]), [
      [0, 0, 1],
      [0, 0, 0],
      [1, 0, 0],
    ]);
  });

  it('rejects a threshold list of the wrong length', () => {
    assert.throws(() => confusedPairs(handWorked, [0.5, 0.5]), /Expected 3 thresholds/);
  });

  it('matches brute force on random data (dense counts)', () => {
    const random = lcg(21);
    const data = randomEvaluation(random, 500, 12);
    const thresholds = Array.from({ length: 12 }, () => random());
    const expected = brutePairs(data, thresholds);
    const report = confusedPairs(data, thresholds, { topN: 1000 });
    assert.deepEqual(report.matrix, expected);
    const flat = expected.flatMap((row, a) => row.map((count, b) => ({ a, b, count }))).filter((p) => p.count > 0);
    flat.sort((p, q) => q.count - p.count || p.a - q.a || p.b - q.b);
    assert.deepEqual(
      report.confusedPairs.map((p) => [p.trueLabel, p.predictedLabel, p.count]),
      flat.map((p) => [`label${p.a}`, `label${p.b}`, p.count]),
    );
    for (const pair of report.confusedPairs) {
      const a = Number(pair.trueLabel.slice(5));
      let support = 0;
      for (let r = 0; r < data.rows; r++) support += data.truth[a * data.rows + r];
      assert.equal(pair.rateOfTrue, pair.count / support);
    }
  });

  it('matches brute force past 2,048 labels (sparse counts) and across row blocks', () => {
    const random = lcg(3);
    const rows = 300; // 2,100 labels -> blocks of 124 rows
    const data = randomEvaluation(random, rows, 2100);
    const thresholds = Array.from({ length: 2100 }, () => 0.3 + 0.4 * random());
    const report = confusedPairs(data, thresholds, { topN: 20 });
    assert.equal(report.matrix, null);
    // brute force only on the pairs reported, plus the count of the 20th as a floor for all others
    const truth = (r: number, l: number): boolean => data.truth[l * rows + r] === 1;
    const predicted = (r: number, l: number): boolean => data.scores[l * rows + r] >= thresholds[l];
    const pairCount = (a: number, b: number): number => {
      let count = 0;
      for (let r = 0; r < rows; r++) if (truth(r, a) && !predicted(r, a) && predicted(r, b) && !truth(r, b)) count++;
      return count;
    };
    assert.equal(report.confusedPairs.length, 20);
    for (const pair of report.confusedPairs) {
      assert.equal(pair.count, pairCount(Number(pair.trueLabel.slice(5)), Number(pair.predictedLabel.slice(5))));
    }
    // the maximum over all pairs, by rows: for each row, every missed x false-positive pair
    const max = new Map<number, number>();
    for (let r = 0; r < rows; r++) {
      const missed: number[] = [];
      const falsePositive: number[] = [];
      for (let l = 0; l < 2100; l++) {
        if (truth(r, l) && !predicted(r, l)) missed.push(l);
        if (!truth(r, l) && predicted(r, l)) falsePositive.push(l);
      }
      for (const a of missed) for (const b of falsePositive) max.set(a * 2100 + b, (max.get(a * 2100 + b) ?? 0) + 1);
    }
    const all = [...max.values()].sort((p, q) => q - p);
    assert.deepEqual(
      report.confusedPairs.map((p) => p.count),
      all.slice(0, 20),
    );
  });
});
