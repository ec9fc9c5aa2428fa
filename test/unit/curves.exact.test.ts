/**
 * Exact (not downsampled) curves and the F1-optimal point on hand-worked cases. The first case
 * is the example of scikit-learn's precision_recall_curve / roc_curve docstrings.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bestF1Index,
  curvesOfLabel,
  f1OptimalPoint,
  labelCurves,
  precisionRecallCurve,
  rocCurve,
} from '../../src/core/metrics/curves/index.js';
import { rankLabel } from '../../src/core/metrics/rankedColumn.js';
import { allFinite, fromRows } from './curvesFixtures.js';

const docstring = rankLabel(Uint8Array.from([0, 0, 1, 1]), Float64Array.from([0.1, 0.4, 0.35, 0.8]));

describe('precisionRecallCurve', () => {
  it('matches the scikit-learn docstring example', () => {
    const pr = precisionRecallCurve(docstring);
    assert.ok(pr);
    assert.deepEqual([...pr.precision], [0.5, 2 / 3, 0.5, 1, 1]);
    assert.deepEqual([...pr.recall], [1, 1, 0.5, 0.5, 0]);
    assert.deepEqual([...pr.thresholds], [0.1, 0.35, 0.4, 0.8]);
  });

  it('merges tied scores into one point', () => {
    // scores 0.5 (pos), 0.5 (neg), 0.2 (pos): thresholds 0.2, 0.5
    const pr = precisionRecallCurve(rankLabel(Uint8Array.from([1, 0, 1]), Float64Array.from([0.5, 0.5, 0.2])));
    assert.ok(pr);
    assert.deepEqual([...pr.thresholds], [0.2, 0.5]);
    assert.deepEqual([...pr.precision], [2 / 3, 0.5, 1]);
    assert.deepEqual([...pr.recall], [1, 0.5, 0]);
  });

  it('is null without positives', () => {
    assert.equal(precisionRecallCurve(rankLabel(Uint8Array.from([0, 0]), Float64Array.from([0.3, 0.6]))), null);
  });
});

describe('rocCurve', () => {
  it('matches the scikit-learn docstring example, starting at (0, 0) with threshold +inf', () => {
    const roc = rocCurve(docstring);
    assert.ok(roc);
    assert.deepEqual([...roc.fpr], [0, 0, 0.5, 0.5, 1]);
    assert.deepEqual([...roc.tpr], [0, 0.5, 0.5, 1, 1]);
    assert.deepEqual([...roc.thresholds], [Infinity, 0.8, 0.4, 0.35, 0.1]);
  });

  it('is null with one class only', () => {
    assert.equal(rocCurve(rankLabel(Uint8Array.from([1, 1]), Float64Array.from([0.3, 0.6]))), null);
    assert.equal(rocCurve(rankLabel(Uint8Array.from([0, 0]), Float64Array.from([0.3, 0.6]))), null);
  });
});

describe('F1-optimal point', () => {
  it('docstring example: F1 2/3, 1/2, 4/5, 2/3 at 0.8, 0.4, 0.35, 0.1 -> 0.35', () => {
    assert.deepEqual(f1OptimalPoint(docstring), { threshold: 0.35, precision: 2 / 3, recall: 1, f1: 0.8 });
  });

  it('ties go to the lower threshold', () => {
    // truth by descending score 1, 0, 0, 1: F1 at 0.9 is 2/3 and at 0.6 is 4/6 = 2/3
    const ranked = rankLabel(Uint8Array.from([1, 0, 0, 1]), Float64Array.from([0.9, 0.8, 0.7, 0.6]));
    assert.equal(bestF1Index(ranked), 3);
    assert.deepEqual(f1OptimalPoint(ranked), { threshold: 0.6, precision: 0.5, recall: 1, f1: 2 / 3 });
  });

  it('is null without positives', () => {
    assert.equal(f1OptimalPoint(rankLabel(Uint8Array.from([0, 0]), Float64Array.from([0.3, 0.6]))), null);
  });
});

describe('labelCurves JSON', () => {
  it('short curves are returned whole, with null for the infinite thresholds', () => {
    const curves = curvesOfLabel('cat', docstring);
    assert.deepEqual(curves, {
      label: 'cat',
      pr: { recall: [1, 1, 0.5, 0.5, 0], precision: [0.5, 2 / 3, 0.5, 1, 1], threshold: [0.1, 0.35, 0.4, 0.8, null] },
      roc: { fpr: [0, 0, 0.5, 0.5, 1], tpr: [0, 0.5, 0.5, 1, 1], threshold: [null, 0.8, 0.4, 0.35, 0.1] },
      f1Optimal: { threshold: 0.35, precision: 2 / 3, recall: 1, f1: 0.8 },
    });
    assert.deepEqual(JSON.parse(JSON.stringify(curves)), curves);
  });

  it('a label without positives or without negatives gets empty curves with a note, and no NaN', () => {
    const data = fromRows(
      [
        [0, 1],
        [0, 1],
      ],
      [
        [0.2, 0.4],
        [0.7, 0.9],
      ],
      ['absent', 'everywhere'],
    );
    const [absent, everywhere] = labelCurves(data);
    assert.deepEqual(absent.pr.recall, []);
    assert.match(absent.pr.note ?? '', /No positives/);
    assert.deepEqual(absent.roc.fpr, []);
    assert.match(absent.roc.note ?? '', /No positives/);
    assert.equal(absent.f1Optimal, null);
    // all positive: the PR curve exists (precision 1 everywhere), the ROC curve does not
    assert.deepEqual(everywhere.pr, { recall: [1, 0.5, 0], precision: [1, 1, 1], threshold: [0.4, 0.9, null] });
    assert.match(everywhere.roc.note ?? '', /No negatives/);
    assert.deepEqual(everywhere.f1Optimal, { threshold: 0.4, precision: 1, recall: 1, f1: 1 });
    assert.ok(allFinite([absent, everywhere]));
  });

  it('no rows at all: empty curves with notes', () => {
    const [only] = labelCurves({ rows: 0, labelNames: ['x'], truth: new Uint8Array(0), scores: new Float64Array(0) });
    assert.deepEqual(only.pr.recall, []);
    assert.deepEqual(only.roc.fpr, []);
    assert.equal(only.f1Optimal, null);
  });

  it('rejects maxPoints below 3', () => {
    assert.throws(() => curvesOfLabel('x', docstring, { maxPoints: 2 }), /maxPoints/);
  });
});
