/**
 * The sort-free ranking path (countedColumn.ts, taken by rankColumn when the scores have exact
 * integer keys over a small range) against the sorted path (splitSorted + rankSplit) and a plain
 * comparator-sort reference of scikit-learn's `_binary_clf_curve`, on columns made to land just
 * inside and just outside each branch; and the micro-AP tally fed from its fp steps
 * (addNegativeSteps) against the tally fed from the sorted negatives (addNegatives).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { countingLimit } from '../../src/core/metrics/countedColumn.js';
import { addNegatives, addNegativeSteps, startMicroTally, type MicroAveragePrecisionTally } from '../../src/core/metrics/meanAveragePrecision.js';
import { rankColumn, rankSplit, rankWorkspace, splitSorted, type RankedLabel } from '../../src/core/metrics/rankedColumn.js';
import type { EvaluationData } from '../../src/core/metrics/types.js';

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0), state / 4294967296);
}
const rand = lcg(29);

/** `_binary_clf_curve` by a comparator sort of the row indices (scikit-learn's own method). */
function reference(truth: Uint8Array, scores: Float64Array): { thresholds: number[]; tp: number[]; fp: number[] } {
  const order = Array.from(scores.keys()).sort((a, b) => scores[b] - scores[a]);
  const thresholds: number[] = [];
  const tp: number[] = [];
  const fp: number[] = [];
  let p = 0;
  let q = 0;
  order.forEach((row, i) => {
    if (truth[row] !== 0) p++;
    else q++;
    if (i === order.length - 1 || scores[order[i + 1]] !== scores[row]) {
      thresholds.push(scores[row]);
      tp.push(p);
      fp.push(q);
    }
  });
  return { thresholds, tp, fp };
}

function assertSameRanking(actual: RankedLabel, expected: RankedLabel, what: string): void {
  assert.equal(actual.thresholds.length, expected.thresholds.length, `${what}: distinct thresholds`);
  for (let k = 0; k < expected.thresholds.length; k++) {
    assert.ok(Object.is(actual.thresholds[k], expected.thresholds[k]), `${what}: threshold ${k}: ${actual.thresholds[k]} vs ${expected.thresholds[k]}`);
  }
  assert.deepEqual(Array.from(actual.tp), Array.from(expected.tp), `${what}: tp`);
  assert.deepEqual(Array.from(actual.fp), Array.from(expected.fp), `${what}: fp`);
  assert.equal(actual.positives, expected.positives, `${what}: positives`);
  assert.equal(actual.negatives, expected.negatives, `${what}: negatives`);
}

const N = 3000;
const LIMIT = countingLimit(N);

/** name, truth prevalence, score of row i, whether rankColumn should count (not sort). */
const cases: [string, number, (i: number) => number, boolean][] = [
  ['6 decimals, keys up to the cut-off', 0.2, (i) => (i === 7 ? (LIMIT - 1) / 1e6 : Number((rand() * (LIMIT - 1) * 1e-6).toFixed(6))), true],
  ['6 decimals, one key at the cut-off (sorted)', 0.2, (i) => (i === 7 ? LIMIT / 1e6 : Number((rand() * LIMIT * 1e-6).toFixed(6))), false],
  ['3 decimals in [0, 1]', 0.3, () => Number(rand().toFixed(3)), true],
  ['hard 0/1 scores', 0.4, () => (rand() < 0.5 ? 1 : 0), true],
  ['all scores equal', 0.3, () => 0.37, true],
  ['one positive', 1 / N, () => Number(rand().toFixed(4)), true],
  ['zero positives', 0, () => Number(rand().toFixed(4)), true],
  ['only positives', 1, () => Number(rand().toFixed(4)), true],
  ['negative decimals, range just under the cut-off', 0.2, (i) => ((i === 0 ? 0 : i === 1 ? LIMIT - 1 : Math.floor(rand() * LIMIT)) - 2000) / 1000, true],
  ['negative decimals, range at the cut-off (sorted)', 0.2, (i) => ((i === 0 ? 0 : i === 1 ? LIMIT : Math.floor(rand() * LIMIT)) - 2000) / 1000, false],
  ['float32 values with nearby bit patterns', 0.25, () => Math.fround(1 + Math.floor(rand() * 4 * N) * 2 ** -23), true],
  ['float32 values over [0, 1] (sorted)', 0.25, () => Math.fround(rand()), false],
  ['negative logits, full doubles (sorted)', 0.1, () => (rand() - 0.8) * 12, false],
  ['10 decimals (sorted)', 0.3, () => Number(rand().toFixed(10)), false],
  ['6 decimals with a -0 (sorted)', 0.3, (i) => (i === 11 ? -0 : Number(rand().toFixed(6))), false],
];

describe('rankColumn: counting path vs sorted path', () => {
  for (const [name, prevalence, score, counted] of cases) {
    test(name, () => {
      const truth = Uint8Array.from({ length: N }, (_, i) => (prevalence === 1 / N ? (i === 123 ? 1 : 0) : rand() < prevalence ? 1 : 0));
      const scores = Float64Array.from({ length: N }, (_, i) => score(i));
      const sorted = rankSplit(splitSorted(truth, scores));
      const expected = reference(truth, scores);
      assert.deepEqual(Array.from(sorted.thresholds), expected.thresholds, 'the sorted path matches the reference');
      assert.deepEqual(Array.from(sorted.tp), expected.tp);
      assert.deepEqual(Array.from(sorted.fp), expected.fp);
      const workspace = rankWorkspace(N);
      for (const [how, column] of [['no workspace', rankColumn(truth, scores)], ['workspace', rankColumn(truth, scores, workspace)], ['reused workspace', rankColumn(truth, scores, workspace)]] as const) {
        assert.equal(column.counted, counted, `${how}: counted`);
        assertSameRanking(column.ranked, sorted, how);
      }
    });
  }

  test('short columns are sorted', () => {
    const truth = Uint8Array.from({ length: 500 }, () => (rand() < 0.3 ? 1 : 0));
    const scores = Float64Array.from({ length: 500 }, () => Number(rand().toFixed(2)));
    const column = rankColumn(truth, scores);
    assert.equal(column.counted, false);
    assertSameRanking(column.ranked, rankSplit(splitSorted(truth, scores)), 'short');
  });

  test('NaN is rejected as on the sorted path', () => {
    const scores = Float64Array.from({ length: N }, () => Number(rand().toFixed(3)));
    scores[N - 5] = NaN;
    assert.throws(() => rankColumn(new Uint8Array(N), scores, rankWorkspace(N)), { name: 'RangeError', message: `score ${N - 5} is NaN` });
  });

  test('a hand-checked column: thresholds descending with cumulative counts', () => {
    const scores = new Float64Array(2048).fill(0.5);
    const truth = new Uint8Array(2048);
    scores[0] = 0.9;
    truth[0] = 1;
    scores[1] = 0.9;
    scores[2] = 0.1;
    truth[2] = 1;
    truth[3] = 1; // at 0.5
    const { ranked, counted } = rankColumn(truth, scores);
    assert.equal(counted, true);
    assert.deepEqual(Array.from(ranked.thresholds), [0.9, 0.5, 0.1]);
    assert.deepEqual(Array.from(ranked.tp), [1, 2, 3]);
    assert.deepEqual(Array.from(ranked.fp), [1, 2045, 2045]);
  });
});

describe('micro-AP negatives of counted columns', () => {
  const rows = 2500;
  const styles: [string, (p: number) => number, number | undefined][] = [
    ['4 decimals', (p) => Number(p.toFixed(4)), 1e4],
    ['6 decimals (too many keys: sorted)', (p) => Number(p.toFixed(6)), 1e6],
    ['3 decimals', (p) => Number(p.toFixed(3)), 1e3],
    ['float32', (p) => Math.fround(p), undefined],
  ];
  const others: [string, (p: number) => number, number | undefined][] = [...styles, ['2 decimals', (p) => Number(p.toFixed(2)), 100]];
  for (const [name, style, scale] of styles) {
    for (const [otherName, otherStyle, otherScale] of others) {
      test(`${name}, other labels ${otherName}`, () => {
        const labels = 4;
        const truth = new Uint8Array(rows * labels);
        const scores = new Float64Array(rows * labels);
        for (let l = 0; l < labels; l++) {
          for (let i = 0; i < rows; i++) {
            const y = rand() < 0.2 ? 1 : 0;
            const p = Math.min(1, Math.max(0, (y ? 0.6 : 0.4) + (rand() - 0.5) * 0.9));
            truth[l * rows + i] = y;
            scores[l * rows + i] = l === 0 ? style(p) : otherStyle(p);
          }
        }
        const data: EvaluationData = { rows, labelNames: ['a', 'b', 'c', 'd'], truth, scores };
        const byColumn = startMicroTally(data);
        const bySteps = startMicroTally(data);
        const merged: MicroAveragePrecisionTally = { ...startMicroTally(data), keyBins: undefined };
        const byNegatives = startMicroTally(data);
        const workspace = rankWorkspace(rows);
        for (let l = 0; l < labels; l++) {
          const t = truth.subarray(l * rows, (l + 1) * rows);
          const s = scores.subarray(l * rows, (l + 1) * rows);
          const { ranked, counted } = rankColumn(t, s, workspace, byColumn);
          const columnScale = l === 0 ? scale : otherScale;
          assert.equal(counted, columnScale !== undefined && columnScale < countingLimit(rows), 'short decimals are counted; float32 values over [0, 1] and 6 decimals on 2,500 rows sorted');
          addNegativeSteps(bySteps, ranked, l === 0 ? scale : otherScale);
          addNegativeSteps(merged, ranked);
          const split = splitSorted(t, s);
          addNegatives(byNegatives, split.negative, split.scale);
        }
        const expected = Array.from(byNegatives.negativesAt);
        assert.deepEqual(Array.from(byColumn.negativesAt), expected, 'added while walking the keys');
        assert.deepEqual(Array.from(bySteps.negativesAt), expected, 'added from the fp steps, by key');
        assert.deepEqual(Array.from(merged.negativesAt), expected, 'added from the fp steps, merged');
        // Independent: every negative cell at or above the lowest positive score is tallied once.
        let atOrAbove = 0;
        for (let i = 0; i < truth.length; i++) if (truth[i] === 0 && scores[i] >= byColumn.thresholds[0]) atOrAbove++;
        assert.equal(expected.reduce((a, b) => a + b, 0), atOrAbove);
      });
    }
  }
});
