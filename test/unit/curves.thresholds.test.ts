/**
 * tuneThresholds and thresholdSweep: hand-worked values, then brute force (threshold every row
 * at every candidate) on seeded random data with ties and with empty and full labels.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rankIndexAt, rankLabels, thresholdSweep, tuneThresholds } from '../../src/core/metrics/curves/index.js';
import { allFinite, bruteCounts, bruteF1, fromRows, lcg, randomEvaluation } from './curvesFixtures.js';

// label a: scikit-learn's docstring example; b: F1 2/3 at both 0.9 and 0.6; c: no positives
const handWorked = fromRows(
  [
    [0, 1, 0],
    [0, 0, 0],
    [1, 0, 0],
    [1, 1, 0],
  ],
  [
    [0.1, 0.9, 0.2],
    [0.4, 0.8, 0.6],
    [0.35, 0.7, 0.0],
    [0.8, 0.6, 0.9],
  ],
  ['a', 'b', 'c'],
);

describe('tuneThresholds', () => {
  it('hand-worked: best F1, ties to the lower threshold, default 0.5 without positives', () => {
    const tuned = tuneThresholds(handWorked);
    assert.deepEqual(tuned.thresholds, [0.35, 0.6, 0.5]);
    assert.deepEqual(tuned.f1, [0.8, 2 / 3, 0]);
    assert.deepEqual(tuned.notes.slice(0, 2), [null, null]);
    assert.match(tuned.notes[2] ?? '', /default 0.5/);
  });

  it('matches a brute-force search over every distinct score', () => {
    const data = randomEvaluation(lcg(11), 300, 40);
    const tuned = tuneThresholds(data);
    for (let l = 0; l < 40; l++) {
      const column = data.scores.subarray(l * data.rows, (l + 1) * data.rows);
      const candidates = [...new Set(column)].sort((a, b) => b - a); // descending: later = lower
      let best = { threshold: 0.5, f1: 0 };
      for (const t of candidates) {
        const f1 = bruteF1(bruteCounts(data, l, t));
        if (f1 > 0 && f1 >= best.f1) best = { threshold: t, f1 };
      }
      assert.equal(tuned.thresholds[l], best.threshold, `label ${l} threshold`);
      assert.ok(Math.abs(tuned.f1[l] - best.f1) < 1e-15, `label ${l} F1 ${tuned.f1[l]} vs ${best.f1}`);
    }
    assert.ok(allFinite(tuned));
  });
});

describe('thresholdSweep', () => {
  it('hand-worked macro and micro F1', () => {
    const sweep = thresholdSweep(handWorked, [0, 0.36, 0.5, 1]);
    // t=0:    a tp2 fp2 (F1 2/3), b tp2 fp2 (2/3), c fp4 (0)            micro 2*4/(8+8+0)
    // t=0.36: a tp1 fp1 fn1 (1/2), b tp2 fp2 (2/3), c fp2 (0)          micro 2*3/(6+5+1)
    // t=0.5:  a tp1 fn1 (2/3), b tp2 fp2 (2/3), c fp2 (0)              micro 2*3/(6+4+1)
    // t=1:    nothing predicted: every F1 0
    assert.deepEqual(sweep.threshold, [0, 0.36, 0.5, 1]);
    const expectMacro = [(2 / 3 + 2 / 3) / 3, (1 / 2 + 2 / 3) / 3, (2 / 3 + 2 / 3) / 3, 0];
    const expectMicro = [8 / 16, 6 / 12, 6 / 11, 0];
    sweep.macroF1.forEach((v, i) => assert.ok(Math.abs(v - expectMacro[i]) < 1e-15, `macro ${i}: ${v}`));
    sweep.microF1.forEach((v, i) => assert.ok(Math.abs(v - expectMicro[i]) < 1e-15, `micro ${i}: ${v}`));
  });

  it('defaults to the grid 0.00, 0.01, ..., 1.00', () => {
    const sweep = thresholdSweep(handWorked);
    assert.equal(sweep.threshold.length, 101);
    assert.equal(sweep.threshold[0], 0);
    assert.equal(sweep.threshold[29], 0.29);
    assert.equal(sweep.threshold[100], 1);
  });

  it('matches brute-force thresholding at every grid point, any grid order, scores on the grid', () => {
    const data = randomEvaluation(lcg(5), 250, 25);
    const grid = [0.5, 0, 1, 0.1, 0.3, 0.25, 0.7, 0.7, -1, 2, 0.33];
    const sweep = thresholdSweep(data, grid);
    grid.forEach((t, g) => {
      let f1Sum = 0;
      const total = { tp: 0, fp: 0, fn: 0 };
      for (let l = 0; l < 25; l++) {
        const counts = bruteCounts(data, l, t);
        f1Sum += bruteF1(counts);
        total.tp += counts.tp;
        total.fp += counts.fp;
        total.fn += counts.fn;
      }
      assert.ok(Math.abs(sweep.macroF1[g] - f1Sum / 25) < 1e-12, `macro at ${t}`);
      assert.ok(Math.abs(sweep.microF1[g] - bruteF1(total)) < 1e-12, `micro at ${t}`);
    });
  });

  it('rejects non-finite grid values', () => {
    assert.throws(() => thresholdSweep(handWorked, [0.5, Number.NaN]), /finite/);
  });
});

describe('rankIndexAt', () => {
  it('finds the counts at a threshold by search, from any known start', () => {
    const data = randomEvaluation(lcg(8), 400, 10);
    const ranked = rankLabels(data);
    ranked.forEach((label, l) => {
      for (const t of [-1, 0, 0.2, 0.5, 0.55, 0.9, 1, 2]) {
        const k = rankIndexAt(label, t);
        const { tp, fp } = bruteCounts(data, l, t);
        assert.deepEqual(k < 0 ? [0, 0] : [label.tp[k], label.fp[k]], [tp, fp]);
        if (k > 0) assert.equal(rankIndexAt(label, t, Math.floor(k / 2)), k);
      }
    });
  });
});
