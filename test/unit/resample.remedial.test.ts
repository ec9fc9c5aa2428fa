/**
 * REMEDIAL (Charte et al., HAIS 2015): hand-made matrices worked out in the comments, and on
 * yeast and enron: SCUMBLE goes down, every label keeps its count, rows at or below the mean
 * SCUMBLE are untouched, and each split row's labels are exactly its majority + minority labels.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LabelMatrixBuilder, type LabelMatrix } from '../../src/core/data/labelMatrix.js';
import { scanLabels } from '../../src/core/io/open.js';
import { remedial } from '../../src/core/resample/remedial.js';
import { outputLabelMatrix } from '../../src/core/resample/resampleOutput.js';
import { countLabelsets, irLbl, labelCounts, labelsetScumbles, meanIR, rowScumble, scumble } from '../../src/core/stats/index.js';
import { datasetPath, skipUnlessDatasets } from './helpers/datasets.js';

function matrixOf(labelCount: number, rows: number[][]): LabelMatrix {
  const builder = new LabelMatrixBuilder(labelCount, rows.length);
  for (const row of rows) builder.addRow(row);
  return builder.build();
}

function times(count: number, row: number[]): number[][] {
  return Array.from({ length: count }, () => row);
}

function rowLabels(m: LabelMatrix, r: number): number[] {
  return Array.from(m.labels.subarray(m.offsets[r], m.offsets[r + 1]));
}

/** Dataset SCUMBLE with the matrix's own IRLbl (mldr's measure). */
function scumbleOf(m: LabelMatrix): number {
  const table = countLabelsets(m);
  return scumble(table, labelsetScumbles(table, irLbl(labelCounts(m))));
}

describe('REMEDIAL on hand-made matrices', () => {
  it('splits a row mixing frequent and rare labels, and keeps a row above the mean with one kind only', () => {
    // r0-r3 {0}, r4 {0,1}, r5 {0,2}, r6-r7 {2}: counts 6, 1, 3; IRLbl 1, 6, 2; MeanIR 3.
    // Minority: 1. Row SCUMBLE: r4 = 1 - sqrt(1*6)/3.5 = 0.300146, r5 = 1 - sqrt(1*2)/1.5 = 0.057191,
    // the others 0; mean = 0.357337 / 8 = 0.044667. r4 is above: split into {0} in place and {1}
    // appended. r5 is above too but 0 and 2 are both majority labels: kept.
    // Afterwards the counts (and so IRLbl) are unchanged and only r5 has a SCUMBLE: 0.05719 / 9 = 0.006355.
    const m = matrixOf(3, [...times(4, [0]), [0, 1], [0, 2], [2], [2]]);
    const result = remedial(m);
    assert.equal(result.method, 'remedial');
    assert.deepEqual(result.minorityLabels, [1]);
    assert.deepEqual(result.rows, [
      { source: 0, kind: 'original' },
      { source: 1, kind: 'original' },
      { source: 2, kind: 'original' },
      { source: 3, kind: 'original' },
      { source: 4, kind: 'edited', labels: [0] },
      { source: 5, kind: 'original' },
      { source: 6, kind: 'original' },
      { source: 7, kind: 'original' },
      { source: 4, kind: 'edited', labels: [1] },
    ]);
    assert.ok(Math.abs(scumbleOf(m) - (2 - Math.sqrt(6) / 3.5 - Math.sqrt(2) / 1.5) / 8) < 1e-12);
    const out = outputLabelMatrix(m, result);
    assert.deepEqual(Array.from(labelCounts(out)), [6, 1, 3]);
    assert.ok(Math.abs(scumbleOf(out) - (1 - Math.sqrt(2) / 1.5) / 9) < 1e-9);
    assert.match(result.notes[0], /split 1 row /);
    assert.match(result.notes[1], /1 more row above that SCUMBLE/);
  });

  it('keeps a row of minority labels only, even above the mean', () => {
    // 12 rows each of {0}, {1}, {2}, {3}; r48 {4,5}; r49 {5}: counts 12, 12, 12, 12, 1, 2;
    // IRLbl 1, 1, 1, 1, 12, 6; MeanIR 22/6 = 3.67; minority 4 and 5. r48's SCUMBLE
    // 1 - sqrt(72)/9 = 0.0572 is the only one above 0, so above the mean, but it has no majority label.
    const m = matrixOf(6, [...times(12, [0]), ...times(12, [1]), ...times(12, [2]), ...times(12, [3]), [4, 5], [5]]);
    const result = remedial(m);
    assert.deepEqual(result.minorityLabels, [4, 5]);
    assert.equal(result.rows.length, 50);
    assert.ok(result.rows.every((r, i) => r.kind === 'original' && r.source === i));
  });

  it('leaves a dataset without co-occurring labels, or without rows, as it is', () => {
    for (const m of [matrixOf(3, [[0], [0], [1], [2], []]), matrixOf(2, [])]) {
      const result = remedial(m);
      assert.equal(result.rows.length, m.rows);
      assert.ok(result.rows.every((r, i) => r.kind === 'original' && r.source === i));
    }
  });
});

describe('REMEDIAL on real data', () => {
  for (const file of ['yeast/yeast.arff', 'enron/enron.arff']) {
    it(`${file}: lowers SCUMBLE, conserves every label count, touches only rows above the mean SCUMBLE`, { skip: skipUnlessDatasets(file) }, async () => {
      const m = (await scanLabels(datasetPath(file)!)).matrix;
      const ir = irLbl(labelCounts(m));
      const mir = meanIR(ir);
      const mean = scumbleOf(m);
      const result = remedial(m);
      const out = outputLabelMatrix(m, result);

      assert.ok(scumbleOf(out) < mean, `SCUMBLE ${scumbleOf(out)} not below ${mean}`);
      assert.deepEqual(Array.from(labelCounts(out)), Array.from(labelCounts(m)));

      const appended = result.rows.slice(m.rows);
      const split = new Set<number>();
      for (let r = 0; r < m.rows; r++) {
        const row = result.rows[r];
        assert.equal(row.source, r, 'the input rows stay in place');
        const labels = rowLabels(m, r);
        const above = rowScumble(ir, labels) > mean;
        const majority = labels.filter((l) => ir[l] <= mir);
        const minority = labels.filter((l) => ir[l] > mir);
        if (!above || majority.length === 0 || minority.length === 0) {
          assert.equal(row.kind, 'original', `row ${r} should be untouched`);
          continue;
        }
        assert.equal(row.kind, 'edited');
        assert.deepEqual(row.labels, majority);
        split.add(r);
      }
      assert.ok(split.size > 0);
      assert.equal(appended.length, split.size);
      for (const row of appended) {
        assert.equal(row.kind, 'edited');
        assert.ok(split.delete(row.source), `appended row of ${row.source} is not one of a split row`);
        assert.deepEqual(row.labels, rowLabels(m, row.source).filter((l) => ir[l] > mir));
      }
      assert.equal(split.size, 0);
      assert.deepEqual(remedial(m), result, 'deterministic');
    });
  }
});
