/**
 * The fast kernels against plain references: the integer-key sorts (short decimals, float32 values,
 * the float64 fallback) must give the very same doubles in the same order as the native sort, and
 * the blocked confusion counts and ranking metrics the same numbers as a row-by-row computation.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { confusionCounts } from '../../src/core/metrics/confusionCounts.js';
import { averagePrecision } from '../../src/core/metrics/labelScores.js';
import { addNegatives, microAveragePrecision, startMicroTally } from '../../src/core/metrics/meanAveragePrecision.js';
import { rankLabel, rankWorkspace, splitSorted } from '../../src/core/metrics/rankedColumn.js';
import { rankingMetrics } from '../../src/core/metrics/rankingMetrics.js';
import { detectScoreKeys, sortKeys } from '../../src/core/metrics/scoreKeys.js';
import { sortAscending } from '../../src/core/metrics/sortScores.js';
import type { EvaluationData } from '../../src/core/metrics/types.js';

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0), state / 4294967296);
}
const rand = lcg(11);
const decimals = (d: number) => () => Number((rand() * (rand() < 0.05 ? 0 : 1)).toFixed(d));

/** Column makers: name, value maker, and the key kind expected (null: the float64 fallback). */
const makers: [string, () => number, 'decimal' | 'float32' | null][] = [
  ...[1, 2, 3, 6, 9].map((d): [string, () => number, 'decimal'] => [`${d} decimals`, decimals(d), 'decimal']),
  ['+Infinity among float32 values', () => (rand() < 0.01 ? Infinity : Math.fround(rand())), 'float32'],
  ['6 decimals, 0 and 1 frequent', () => (rand() < 0.2 ? 0 : rand() < 0.2 ? 1 : Number(rand().toFixed(6))), 'decimal'],
  ['hard 0/1', () => (rand() < 0.3 ? 1 : 0), 'decimal'],
  ['all equal', () => 0.25, 'decimal'],
  ['negative logits, 3 decimals', () => Number(((rand() - 0.5) * 20).toFixed(3)), 'decimal'],
  ['float32', () => Math.fround(rand()), 'float32'],
  ['float32, tiny values', () => Math.fround(rand() ** 12), 'float32'],
  ['full doubles', () => rand(), null],
  ['10 decimals', () => Number(rand().toFixed(10)), null],
  ['decimals with one -0', () => 0, null],
];

function column(make: () => number, n: number, minusZeroAt = -1): Float64Array {
  const values = Float64Array.from({ length: n }, make);
  if (minusZeroAt >= 0) values[minusZeroAt] = -0;
  return values;
}

const same = (actual: Float64Array, expected: Float64Array, what: string) => {
  assert.equal(actual.length, expected.length, what);
  for (let i = 0; i < expected.length; i++) assert.ok(Object.is(actual[i], expected[i]), `${what}: [${i}] ${actual[i]} vs ${expected[i]}`);
};

describe('detectScoreKeys', () => {
  for (const [name, make, kind] of makers) {
    test(name, () => {
      const values = column(make, 5000, name.includes('-0') ? 17 : -1);
      assert.equal(detectScoreKeys(values)?.kind ?? null, kind);
    });
  }
  test('NaN and negative infinity have no keys; +Infinity is a float32 value', () => {
    assert.equal(detectScoreKeys(Float64Array.from([0.5, NaN, 0.25])), null);
    assert.equal(detectScoreKeys(Float64Array.from([-Infinity, 0.5])), null);
    assert.equal(detectScoreKeys(Float64Array.from([0.5, Infinity]))?.kind, 'float32');
  });
});

describe('sortKeys', () => {
  test('one, two and three digit passes sort like the native sort', () => {
    for (const range of [0, 1, 1500, 2 ** 20, 2 ** 30, 2 ** 32 - 1]) {
      for (const n of [0, 1, 200, 5000]) {
        const keys = Uint32Array.from({ length: n }, () => Math.floor(rand() * (range + 1)));
        const expected = keys.slice().sort();
        assert.deepEqual(Array.from(sortKeys(keys, new Uint32Array(n), range)), Array.from(expected), `range ${range}, n ${n}`);
      }
    }
  });
});

describe('integer-key sorts give the same doubles as the native sort', () => {
  for (const [name, make] of makers) {
    test(name, () => {
      for (const n of [1000, 5000, 40000]) {
        const values = column(make, n, name.includes('-0') ? n >> 1 : -1);
        const truth = Uint8Array.from({ length: n }, () => (rand() < 0.3 ? 1 : 0));
        const expected = values.slice().sort();
        same(sortAscending(values.slice()), expected, `sortAscending ${n}`);
        same(sortAscending(values.slice(), new Float64Array(n)), expected, `sortAscending with scratch ${n}`);
        const positives = values.filter((_, i) => truth[i] !== 0).sort();
        const negatives = values.filter((_, i) => truth[i] === 0).sort();
        for (const workspace of [undefined, rankWorkspace(n)]) {
          const split = splitSorted(truth, values, workspace);
          same(split.positive, positives, `positives ${n}`);
          same(split.negative, negatives, `negatives ${n}`);
        }
      }
    });
  }

  test('a decimal column whose sampled values have fewer decimals than the rest falls back correctly', () => {
    const n = 4096;
    const values = Float64Array.from({ length: n }, (_, i) => (i % 16 === 0 ? 0.5 : Number(rand().toFixed(7))));
    const truth = Uint8Array.from({ length: n }, (_, i) => i & 1);
    const split = splitSorted(truth, values, rankWorkspace(n));
    same(split.positive, values.filter((_, i) => truth[i] !== 0).sort(), 'positives');
    same(split.negative, values.filter((_, i) => truth[i] === 0).sort(), 'negatives');
  });

  test('NaN is still rejected with the index of the first NaN', () => {
    for (const n of [100, 5000]) {
      const values = column(decimals(6), n);
      values[n - 3] = NaN;
      values[n - 1] = NaN;
      assert.throws(() => splitSorted(new Uint8Array(n), values, rankWorkspace(n)), { name: 'RangeError', message: `score ${n - 3} is NaN` });
    }
  });
});

/** Row-major to label-major EvaluationData. */
function randomData(rows: number, labels: number, make: () => number): EvaluationData {
  const truth = new Uint8Array(rows * labels);
  const scores = new Float64Array(rows * labels);
  for (let l = 0; l < labels; l++) {
    const rate = 0.4 / (1 + l);
    for (let i = 0; i < rows; i++) {
      truth[l * rows + i] = rand() < rate ? 1 : 0;
      scores[l * rows + i] = make();
    }
  }
  // A few rows with every label true.
  for (let l = 0; l < labels; l++) truth[l * rows + 3] = 1;
  return { rows, labelNames: Array.from({ length: labels }, (_, l) => `L${l}`), truth, scores };
}

/** The ranking metrics row by row, summed in the same order (the reference for exact equality). */
function rankingReference(data: EvaluationData) {
  const { rows, truth, scores } = data;
  const labels = data.labelNames.length;
  let lrap = 0;
  let coverage = 0;
  let loss = 0;
  for (let i = 0; i < rows; i++) {
    let relevant = 0;
    let precisionSum = 0;
    let deepest = 0;
    let misordered = 0;
    for (let t = 0; t < labels; t++) {
      if (truth[t * rows + i] === 0) continue;
      relevant++;
      let all = 0;
      let trueAbove = 0;
      for (let c = 0; c < labels; c++) {
        if (scores[c * rows + i] >= scores[t * rows + i]) {
          all++;
          trueAbove += truth[c * rows + i];
        }
      }
      precisionSum += trueAbove / all;
      deepest = Math.max(deepest, all);
      misordered += all - trueAbove;
    }
    const trivial = relevant === 0 || relevant === labels;
    lrap += trivial ? 1 : precisionSum / relevant;
    coverage += deepest;
    loss += trivial ? 0 : misordered / ((labels - relevant) * relevant);
  }
  return rows === 0 ? { lrap: 0, coverageError: 0, rankingLoss: 0 } : { lrap: lrap / rows, coverageError: coverage / rows, rankingLoss: loss / rows };
}

describe('blocked kernels across block boundaries', () => {
  for (const [rows, labels, ties] of [[0, 3, 1], [1, 1, 0], [7, 5, 1], [5000, 7, 1], [5000, 7, 0], [3000, 40, 1], [700, 90, 0]]) {
    test(`${rows} rows x ${labels} labels${ties ? ', many ties' : ''}`, () => {
      const data = randomData(rows, labels, ties ? () => Math.round(rand() * 20) / 20 : rand);
      assert.deepEqual(rankingMetrics(data), rankingReference(data));
      const thresholds = Array.from({ length: labels }, () => Math.round(rand() * 10) / 10);
      const counts = confusionCounts(data, thresholds);
      for (let l = 0; l < labels; l++) {
        let tp = 0;
        let fp = 0;
        let fn = 0;
        for (let i = 0; i < rows; i++) {
          const y = data.truth[l * rows + i] !== 0;
          const p = data.scores[l * rows + i] >= thresholds[l];
          if (y && p) tp++;
          else if (p) fp++;
          else if (y) fn++;
        }
        assert.deepEqual([counts.tp[l], counts.fp[l], counts.fn[l], counts.tn[l]], [tp, fp, fn, rows - tp - fp - fn], `label ${l}`);
      }
      for (let i = 0; i < rows; i++) {
        let tp = 0;
        let predicted = 0;
        let actual = 0;
        for (let l = 0; l < labels; l++) {
          const y = data.truth[l * rows + i] !== 0 ? 1 : 0;
          const p = data.scores[l * rows + i] >= thresholds[l] ? 1 : 0;
          tp += y & p;
          predicted += p;
          actual += y;
        }
        assert.deepEqual([counts.rowTp[i], counts.rowPredicted[i], counts.rowTrue[i]], [tp, predicted, actual], `row ${i}`);
      }
    });
  }
});

describe('micro AP: negatives binned by exact key equal negatives merged, and the AP of the flattened cells', () => {
  /** Per label, how its scores are written: 6, 3 or 2 decimals, full doubles, or 7 decimals (a wider key range). */
  const styles: ((x: number) => number)[] = [(x) => Number(x.toFixed(6)), (x) => Number(x.toFixed(3)), (x) => Math.round(x * 20) / 20, (x) => x, (x) => Number(x.toFixed(7))];
  const cases: [string, number[]][] = [
    ['6 and 3 decimals and coarse ties', [0, 1, 2, 0, 1, 0]],
    ['with a full-double label (merged)', [0, 3, 1, 2]],
    ['all 6 decimals', [0, 0, 0, 0]],
    ['a 7-decimal label makes the thresholds too fine for key bins', [0, 4, 1]],
  ];
  for (const [name, labelStyles] of cases) {
    test(name, () => {
      const rows = 3000; // above the 1024 rows from which columns take the decimal-key sort
      const labels = labelStyles.length;
      const truth = new Uint8Array(rows * labels);
      const scores = new Float64Array(rows * labels);
      labelStyles.forEach((style, l) => {
        const prevalence = [0.3, 0.05, 0.5, 0.01, 0.2, 0.1][l % 6];
        for (let i = 0; i < rows; i++) {
          const y = rand() < prevalence ? 1 : 0;
          truth[l * rows + i] = y;
          scores[l * rows + i] = styles[style](Math.min(1, Math.max(0, (y ? 0.6 : 0.4) + (rand() - 0.5) * 0.9)));
        }
      });
      const data: EvaluationData = { rows, labelNames: labelStyles.map((_, l) => `y${l}`), truth, scores };
      const tally = startMicroTally(data);
      assert.equal(tally.keyBins !== undefined, !labelStyles.includes(3) && !labelStyles.includes(4), 'key bins exist exactly when every positive score is a short decimal');
      const merged = { ...startMicroTally(data), keyBins: undefined };
      const workspace = rankWorkspace(rows);
      for (let l = 0; l < labels; l++) {
        const split = splitSorted(truth.subarray(l * rows, (l + 1) * rows), scores.subarray(l * rows, (l + 1) * rows), workspace);
        addNegatives(tally, split.negative, split.scale);
        addNegatives(merged, split.negative);
      }
      assert.deepEqual(tally.negativesAt, merged.negativesAt);
      const flat = averagePrecision(rankLabel(truth, scores));
      assert.ok(Math.abs(microAveragePrecision(tally) - flat) < 1e-12, `${microAveragePrecision(tally)} vs ${flat}`);
    });
  }
});
