/**
 * Hand-checked values: scikit-learn's documented examples, sklearn 1.2.1's conventions at the
 * edges (ties, empty labels, all-zero predictions) and zeroDivision 'exclude' worked out by hand.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { computeMetrics } from '../../src/core/metrics/computeMetrics.js';
import { averagePrecision, rocAuc } from '../../src/core/metrics/labelScores.js';
import { rankLabel } from '../../src/core/metrics/rankedColumn.js';
import { sortAscending } from '../../src/core/metrics/sortScores.js';
import type { EvaluationData } from '../../src/core/metrics/types.js';

/** Row-major arrays to the label-major EvaluationData. */
function data(truth: number[][], scores: number[][]): EvaluationData {
  const rows = truth.length;
  const labels = truth[0].length;
  const t = new Uint8Array(rows * labels);
  const s = new Float64Array(rows * labels);
  for (let i = 0; i < rows; i++) for (let l = 0; l < labels; l++) (t[l * rows + i] = truth[i][l]), (s[l * rows + i] = scores[i][l]);
  return { rows, labelNames: Array.from({ length: labels }, (_, l) => `L${l}`), truth: t, scores: s };
}

const near = (a: number | null, b: number) => assert.ok(a !== null && Math.abs(a - b) < 1e-12, `${a} vs ${b}`);

describe('rankLabel', () => {
  test('returns the arrays of sklearn _binary_clf_curve (doc example) and AP/AUC from them', () => {
    const r = rankLabel(new Uint8Array([0, 0, 1, 1]), new Float64Array([0.1, 0.4, 0.35, 0.8]));
    assert.deepEqual(Array.from(r.thresholds), [0.8, 0.4, 0.35, 0.1]);
    assert.deepEqual(Array.from(r.tp), [1, 1, 2, 2]);
    assert.deepEqual(Array.from(r.fp), [0, 1, 1, 2]);
    assert.equal(r.positives, 2);
    assert.equal(r.negatives, 2);
    near(averagePrecision(r), 0.8333333333333333);
    near(rocAuc(r).value, 0.75);
  });

  test('merges ties between positives and negatives into one threshold', () => {
    const r = rankLabel(new Uint8Array([1, 0, 1, 0, 0]), new Float64Array([0.5, 0.5, 0.2, 0.9, 0.2]));
    assert.deepEqual(Array.from(r.thresholds), [0.9, 0.5, 0.2]);
    assert.deepEqual(Array.from(r.tp), [0, 1, 2]);
    assert.deepEqual(Array.from(r.fp), [1, 2, 3]);
  });

  test('a label without positives: AP 0 (sklearn 1.2.1), ROC AUC null with a note', () => {
    const r = rankLabel(new Uint8Array([0, 0, 0]), new Float64Array([0.2, 0.9, 0.1]));
    assert.equal(averagePrecision(r), 0);
    const auc = rocAuc(r);
    assert.equal(auc.value, null);
    assert.match(auc.note!, /only one class \(no positives\)/);
  });
});

describe('sortAscending', () => {
  test('sorts long columns (radix path) like the native sort, with ties, tiny values and -0', () => {
    let state = 1;
    const rand = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0), state / 4294967296);
    const makers = [() => rand(), () => Math.round(rand() * 10) / 10, () => rand() ** 9, () => 0.5 + rand() * 1e-12, () => (rand() < 0.5 ? -0 : rand())];
    for (const make of makers) {
      const values = Float64Array.from({ length: 20000 }, make);
      const expected = values.slice().sort();
      assert.deepEqual(Array.from(sortAscending(values)), Array.from(expected));
    }
  });
});

describe('computeMetrics', () => {
  test('sklearn ranking-metric examples, including ties and a row without true labels', () => {
    const doc = computeMetrics(data([[1, 0, 0], [0, 0, 1]], [[0.75, 0.5, 1], [1, 0.2, 0.1]]), { thresholds: [0.5, 0.5, 0.5] });
    near(doc.lrap, 0.41666666666666663);
    near(doc.coverageError, 2.5);
    near(doc.rankingLoss, 0.75);
    // A true label tied with a false one counts as mis-ordered; the empty row scores lrap 1, coverage 0, loss 0.
    const ties = computeMetrics(data([[1, 0], [1, 0], [0, 0]], [[0.5, 0.5], [0.2, 0.2], [0.5, 0.5]]), { thresholds: [0.5, 0.5] });
    near(ties.lrap, 2 / 3);
    near(ties.coverageError, 4 / 3);
    near(ties.rankingLoss, 2 / 3);
  });

  test('zero_division 1 and sklearn 1.2 F1 from the substituted P and R', () => {
    // Label 0: tp=fp=fn=0 (P=R=1 so F1=1). Label 1: nothing predicted, one positive (P=1, R=0, F1=0).
    const m = computeMetrics(data([[0, 1], [0, 0]], [[0.1, 0.2], [0.2, 0.1]]), { thresholds: [0.5, 0.5], zeroDivision: 1 });
    assert.deepEqual(m.perLabel.map((l) => [l.precision, l.recall, l.f1]), [[1, 1, 1], [1, 0, 0]]);
    assert.deepEqual(m.averages.micro, { precision: 1, recall: 0, f1: 0 });
    assert.deepEqual(m.averages.macro, { precision: 1, recall: 0.5, f1: 0.5 });
    // Rows: [nothing predicted, one true] -> P=1,R=0,F=0; [nothing at all] -> 1,1,1.
    assert.deepEqual(m.averages.samples, { precision: 1, recall: 0.5, f1: 0.5 });
    assert.deepEqual(m.jaccard, { samples: 0.5, macro: 0.5, micro: 0 });
  });

  test("zeroDivision 'exclude' leaves undefined labels and rows out, and never emits NaN", () => {
    // Label 0: tp=1 fp=1 fn=0 -> P 0.5, R 1, F1 2/3. Label 1: no positives, nothing predicted -> all undefined.
    // Label 2: one positive missed, nothing predicted -> P undefined, R 0, F1 0.
    const m = computeMetrics(
      data([[1, 0, 1], [0, 0, 0], [0, 0, 0]], [[0.9, 0.1, 0.1], [0.8, 0.1, 0.1], [0.1, 0.1, 0.1]]),
      { thresholds: [0.5, 0.5, 0.5], zeroDivision: 'exclude' },
    );
    assert.deepEqual(m.perLabel.map((l) => [l.precision, l.recall]), [[0.5, 1], [null, null], [null, 0]]);
    near(m.perLabel[0].f1, 2 / 3);
    assert.equal(m.perLabel[1].f1, null);
    assert.equal(m.perLabel[2].f1, 0);
    assert.equal(m.averages.macro.precision, 0.5);
    assert.equal(m.averages.macro.recall, 0.5);
    near(m.averages.macro.f1, 1 / 3);
    // Rows: row 0 P=1/1 R=1/2; row 1 P=0/1, R undefined; row 2 all undefined.
    assert.equal(m.averages.samples.precision, 0.5);
    assert.equal(m.averages.samples.recall, 0.5);
    // Jaccard rows: 1/2, 0/1, row 2 excluded; labels: 1/2, excluded, 0/1.
    assert.deepEqual(m.jaccard, { samples: 0.25, macro: 0.25, micro: 1 / 3 });
    assert.equal(m.perLabel[1].ap, 0);
    assert.equal(m.perLabel[1].rocAuc, null);
    assert.ok(!JSON.stringify(m).includes('NaN'));
    assert.deepEqual(JSON.parse(JSON.stringify(m)), m);
  });

  test('weighted average with no positives anywhere follows sklearn 1.2', () => {
    const noneNothing = computeMetrics(data([[0, 0]], [[0.1, 0.1]]), { thresholds: [0.5, 0.5], zeroDivision: 1 });
    assert.deepEqual(noneNothing.averages.weighted, { precision: 1, recall: 1, f1: 1 });
    const nonePredicted = computeMetrics(data([[0, 0]], [[0.9, 0.1]]), { thresholds: [0.5, 0.5], zeroDivision: 1 });
    assert.deepEqual(nonePredicted.averages.weighted, { precision: 0, recall: 1, f1: 0 });
    assert.deepEqual(nonePredicted.mAP, { macro: 0, micro: 0, weighted: 0 });
  });

  test('rejects mismatched shapes and non-finite thresholds', () => {
    const d = data([[1, 0]], [[0.5, 0.5]]);
    assert.throws(() => computeMetrics(d, { thresholds: [0.5] }), /one threshold per label/);
    assert.throws(() => computeMetrics(d, { thresholds: [0.5, Number.NaN] }), /finite/);
  });
});
