/** frequencyBands: hand-worked thirds and cut-offs. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { frequencyBands, type LabelCounts } from '../../src/core/metrics/curves/index.js';
import { allFinite } from './curvesFixtures.js';

// supports 10, 1, 5, 5, 0, 20: ranking f(20), a(10), c(5), d(5), b(1), e(0)
const perLabel: LabelCounts[] = [
  { name: 'a', tp: 8, fp: 2, fn: 2, support: 10, ap: 0.9 },
  { name: 'b', tp: 0, fp: 3, fn: 1, support: 1, ap: 0.1 },
  { name: 'c', tp: 3, fp: 1, fn: 2, support: 5 },
  { name: 'd', tp: 5, fp: 5, fn: 0, support: 5, ap: 0.6 },
  { name: 'e', tp: 0, fp: 0, fn: 0, support: 0 },
  { name: 'f', tp: 18, fp: 6, fn: 2, support: 20, ap: 0.8 },
];

describe('frequencyBands', () => {
  it('thirds of the frequency ranking, ties by label index', () => {
    const [head, medium, tail] = frequencyBands(perLabel);
    // head f, a: P 18/24, 8/10; R 18/20, 8/10; F1 36/44, 16/20; micro tp 26 fp 8 fn 4
    assert.deepEqual(head.labels, ['f', 'a']);
    assert.equal(head.band, 'head');
    assert.equal(head.labelCount, 2);
    assert.equal(head.totalSupport, 30);
    assert.deepEqual(head.macro, { precision: (0.75 + 0.8) / 2, recall: (0.9 + 0.8) / 2, f1: (36 / 44 + 0.8) / 2 });
    assert.deepEqual(head.micro, { precision: 26 / 34, recall: 26 / 30, f1: 52 / 64 });
    assert.equal(head.meanAp, (0.8 + 0.9) / 2);
    // medium c, d: P 3/4, 1/2; R 3/5, 1; F1 6/9, 10/15; micro tp 8 fp 6 fn 2
    assert.deepEqual(medium.labels, ['c', 'd']);
    assert.deepEqual(medium.macro, { precision: (0.75 + 0.5) / 2, recall: (0.6 + 1) / 2, f1: (6 / 9 + 10 / 15) / 2 });
    assert.deepEqual(medium.micro, { precision: 8 / 14, recall: 8 / 10, f1: 16 / 24 });
    assert.equal(medium.meanAp, 0.6); // c has no AP: left out of the mean
    // tail b, e: every value 0 (zero_division 0); micro tp 0 fp 3 fn 1
    assert.deepEqual(tail.labels, ['b', 'e']);
    assert.equal(tail.totalSupport, 1);
    assert.deepEqual(tail.macro, { precision: 0, recall: 0, f1: 0 });
    assert.deepEqual(tail.micro, { precision: 0, recall: 0, f1: 0 });
    assert.equal(tail.meanAp, 0.1);
  });

  it('user cut-offs; an empty band has null metrics', () => {
    const [head, medium, tail] = frequencyBands(perLabel, { headMinSupport: 10, tailMaxSupport: 5 });
    assert.deepEqual(head.labels, ['f', 'a']);
    assert.deepEqual(medium.labels, []);
    assert.equal(medium.labelCount, 0);
    assert.equal(medium.macro, null);
    assert.equal(medium.micro, null);
    assert.equal(medium.meanAp, null);
    assert.deepEqual(tail.labels, ['c', 'd', 'b', 'e']);
    assert.ok(allFinite([head, medium, tail]));
  });

  it('small label counts: 1 label is medium, 2 labels are head and tail', () => {
    assert.deepEqual(
      frequencyBands(perLabel.slice(0, 1)).map((b) => b.labels),
      [[], ['a'], []],
    );
    assert.deepEqual(
      frequencyBands(perLabel.slice(0, 2)).map((b) => b.labels),
      [['a'], [], ['b']],
    );
    assert.deepEqual(
      frequencyBands([]).map((b) => b.labelCount),
      [0, 0, 0],
    );
  });

  it('rejects overlapping cut-offs', () => {
    assert.throws(() => frequencyBands(perLabel, { headMinSupport: 5, tailMaxSupport: 5 }), /must be below/);
  });
});
