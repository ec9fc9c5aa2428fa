/** The imbalance measures on small matrices computed by hand, and the degenerate cases. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LabelMatrixBuilder, type LabelMatrix } from '../../src/core/data/labelMatrix.js';
import { UsageError } from '../../src/core/errors.js';
import { computeMeasures, countLabelsets, cvIR, irLbl, meanIR, rowScumble, topLabelsets } from '../../src/core/stats/index.js';

function matrixOf(labelCount: number, rows: number[][]): LabelMatrix {
  const builder = new LabelMatrixBuilder(labelCount);
  for (const row of rows) builder.addRow(row);
  return builder.build();
}

const near = (actual: number, expected: number, what = ''): void =>
  assert.ok(Math.abs(actual - expected) < 1e-12, `${what}: ${actual} vs ${expected}`);

function assertNoNaN(value: unknown, path = 'report'): void {
  if (typeof value === 'number') assert.ok(Number.isFinite(value), `${path} = ${value}`);
  else if (Array.isArray(value)) value.forEach((v, i) => assertNoNaN(v, `${path}[${i}]`));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) assertNoNaN(v, `${path}.${k}`);
}

describe('hand-computed 4 rows x 3 labels: {a,b} {a} {a,c} {}', () => {
  const names = ['a', 'b', 'c'];
  const m = computeMeasures(matrixOf(3, [[0, 1], [0], [0, 2], []]), names, 5);
  // IRLbl = [3/3, 3/1, 3/1]; a row {a,b}: 1 - sqrt(1*3) / ((1+3)/2)
  const s = 1 - Math.sqrt(3) / 2;

  it('counts, cardinality, density, empty rows', () => {
    assert.deepEqual(m.perLabel.map((l) => l.count), [3, 1, 1]);
    assert.deepEqual(m.perLabel.map((l) => l.frequency), [0.75, 0.25, 0.25]);
    near(m.cardinality, 5 / 4);
    near(m.density, 5 / 12);
    assert.equal(m.emptyRows, 1);
  });

  it('IRLbl, MeanIR, MaxIR, CVIR', () => {
    assert.deepEqual(m.perLabel.map((l) => l.irLbl), [1, 3, 3]);
    near(m.meanIR, 7 / 3, 'MeanIR');
    assert.equal(m.maxIR, 3);
    // sample sd of [1,3,3] = sqrt((16/9 + 4/9 + 4/9) / 2) = sqrt(4/3)
    near(m.cvIR, Math.sqrt(4 / 3) / (7 / 3), 'CVIR');
  });

  it('SCUMBLE, SCUMBLE.CV and per-label SCUMBLE', () => {
    near(m.scumble, (2 * s) / 4, 'SCUMBLE');
    // row values [s, 0, s, 0]: mean s/2, sample sd = sqrt(4 (s/2)^2 / 3)
    near(m.scumbleCV, Math.sqrt((s * s) / 3) / (s / 2), 'SCUMBLE.CV');
    near(m.perLabel[0].scumble, (2 * s) / 3, 'a');
    near(m.perLabel[1].scumble, s, 'b');
    near(m.perLabel[2].scumble, s, 'c');
  });

  it('labelsets (the empty labelset counts, as in mldr), TCS', () => {
    assert.equal(m.labelsets, 4);
    assert.equal(m.singleLabelsets, 4);
    assert.equal(m.maxLabelsetFrequency, 1);
    near(m.tcs, Math.log(5 * 3 * 4), 'TCS');
  });

  it('co-occurrence, rare and absent labels', () => {
    assert.deepEqual(m.cooccurrence, { labels: names, counts: [[3, 1, 1], [1, 1, 0], [1, 0, 1]] });
    assert.deepEqual(m.rareLabels, [{ name: 'b', count: 1 }, { name: 'c', count: 1 }, { name: 'a', count: 3 }]);
    assert.deepEqual(computeMeasures(matrixOf(3, [[0, 1], [0], [0, 2], []]), names, 5, { rareThreshold: 2 }).rareLabels, [
      { name: 'b', count: 1 },
      { name: 'c', count: 1 },
    ]);
    assert.deepEqual(m.absentLabels, []);
  });
});

describe('individual measures', () => {
  it('irLbl gives 0 to an absent label, and MeanIR averages it in as 0 (mldr)', () => {
    const ir = irLbl([4, 0, 2]);
    assert.deepEqual(Array.from(ir), [1, 0, 2]);
    near(meanIR(ir), 1);
    near(cvIR(ir), 1); // sd of [1,0,2] = 1, mean 1
  });

  it('rowScumble: 0 for an empty row or equal IRs, and 1 - geometric / arithmetic mean otherwise', () => {
    const ir = [1, 4, 4, 16];
    assert.equal(rowScumble(ir, []), 0);
    near(rowScumble(ir, [1, 2]), 0);
    near(rowScumble(ir, [0, 3]), 1 - 4 / 8.5);
  });

  it('top labelsets: by count, ties by label ids, independent of row order', () => {
    const rows = [[1], [0], [0, 1], [0], [2]];
    const expected = [
      { labels: ['x'], count: 2 },
      { labels: ['x', 'y'], count: 1 },
      { labels: ['y'], count: 1 },
      { labels: ['z'], count: 1 },
    ];
    assert.deepEqual(topLabelsets(countLabelsets(matrixOf(3, rows)), ['x', 'y', 'z'], 10), expected);
    assert.deepEqual(topLabelsets(countLabelsets(matrixOf(3, rows.reverse())), ['x', 'y', 'z'], 10), expected);
    assert.deepEqual(topLabelsets(countLabelsets(matrixOf(3, rows)), ['x', 'y', 'z'], 1), expected.slice(0, 1));
  });

  it('label ids beyond 16 bits do not collide in labelset keys', () => {
    const table = countLabelsets(matrixOf(70000, [[0], [65536], [1, 65537], [1], [65537]]));
    assert.equal(table.size, 5);
  });
});

describe('degenerate inputs give 0, never NaN', () => {
  it('no rows', () => {
    const m = computeMeasures(matrixOf(3, []), ['a', 'b', 'c'], 10);
    assertNoNaN(m);
    assert.equal(m.instances, 0);
    assert.equal(m.labelsets, 0);
    assert.equal(m.tcs, 0);
    assert.deepEqual(m.absentLabels, ['a', 'b', 'c']);
    assert.deepEqual(m.topLabelsets, []);
  });

  it('no labels', () => {
    const m = computeMeasures(matrixOf(0, [[], []]), [], 4);
    assertNoNaN(m);
    assert.equal(m.density, 0);
    assert.equal(m.labelsets, 1);
    assert.equal(m.emptyRows, 2);
    assert.deepEqual(m.topLabelsets, [{ labels: [], count: 2 }]);
  });

  it('one label', () => {
    const m = computeMeasures(matrixOf(1, [[0], [], [0]]), ['only'], 2);
    assertNoNaN(m);
    assert.equal(m.meanIR, 1);
    assert.equal(m.cvIR, 0);
    assert.equal(m.scumble, 0);
    assert.equal(m.scumbleCV, 0);
  });

  it('all labels absent', () => {
    const m = computeMeasures(matrixOf(2, [[], [], []]), ['a', 'b'], 2);
    assertNoNaN(m);
    assert.equal(m.meanIR, 0);
    assert.equal(m.maxIR, 0);
    assert.deepEqual(m.perLabel.map((l) => [l.irLbl, l.scumble]), [[0, 0], [0, 0]]);
    assert.deepEqual(m.absentLabels, ['a', 'b']);
  });

  it('no feature columns: TCS 0 rather than -Infinity', () => {
    assert.equal(computeMeasures(matrixOf(2, [[0], [1]]), ['a', 'b'], 0).tcs, 0);
  });
});

describe('argument checks', () => {
  it('label names must match the matrix', () => {
    assert.throws(() => computeMeasures(matrixOf(2, [[0]]), ['a'], 1), RangeError);
  });
  it('bad options are usage errors', () => {
    assert.throws(() => computeMeasures(matrixOf(1, [[0]]), ['a'], 1, { rareThreshold: -1 }), UsageError);
    assert.throws(() => computeMeasures(matrixOf(1, [[0]]), ['a'], 1, { topLabelsets: 1.5 }), UsageError);
  });
  it('co-occurrence is limited to the most frequent labels, in label order', () => {
    const m = computeMeasures(matrixOf(4, [[0, 3], [3], [2, 3], [2]]), ['a', 'b', 'c', 'd'], 1, { maxCooccurrenceLabels: 2 });
    assert.deepEqual(m.cooccurrence, { labels: ['c', 'd'], counts: [[2, 1], [1, 3]] });
  });
});
