/**
 * ML-ROS, ML-RUS, LP-ROS and LP-RUS (Charte et al., Neurocomputing 2015): hand-made matrices whose
 * results are worked out in the comments, invariants on yeast, the argument errors, and the time
 * on 100k rows x 100 labels.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LabelMatrixBuilder, type LabelMatrix } from '../../src/core/data/labelMatrix.js';
import { UsageError } from '../../src/core/errors.js';
import { scanLabels } from '../../src/core/io/open.js';
import { lpRos } from '../../src/core/resample/lpRos.js';
import { lpRus } from '../../src/core/resample/lpRus.js';
import { mlRos } from '../../src/core/resample/mlRos.js';
import { mlRus } from '../../src/core/resample/mlRus.js';
import { createRandom } from '../../src/core/resample/random.js';
import { outputLabelMatrix } from '../../src/core/resample/resampleOutput.js';
import { spreadEvenly } from '../../src/core/resample/resampleShares.js';
import type { ResampleResult } from '../../src/core/resample/types.js';
import { irLbl, labelCounts, meanIR } from '../../src/core/stats/index.js';
import { datasetPath, skipUnlessDatasets } from './helpers/datasets.js';

function matrixOf(labelCount: number, rows: number[][]): LabelMatrix {
  const builder = new LabelMatrixBuilder(labelCount, rows.length);
  for (const row of rows) builder.addRow(row);
  return builder.build();
}

/** `count` copies of one row. */
function times(count: number, row: number[]): number[][] {
  return Array.from({ length: count }, () => row);
}

function rowLabels(m: LabelMatrix, r: number): number[] {
  return Array.from(m.labels.subarray(m.offsets[r], m.offsets[r + 1]));
}

function meanIROf(m: LabelMatrix): number {
  return meanIR(irLbl(labelCounts(m)));
}

/** The originals come first, each input row at most once and in input order; returns the added rows. */
function checkOrder(input: LabelMatrix, result: ResampleResult): ResampleResult['rows'] {
  let at = 0;
  let last = -1;
  while (at < result.rows.length && result.rows[at].kind === 'original') {
    const row = result.rows[at++];
    assert.ok(row.source > last && row.source < input.rows, `original row ${row.source} out of order`);
    assert.equal(row.labels, undefined);
    last = row.source;
  }
  const added = result.rows.slice(at);
  for (const row of added) assert.notEqual(row.kind, 'original', 'an original row after the added rows');
  return added;
}

/** Rows of each labelset (labels joined by ','; '' is the empty labelset), counted independently of the code under test. */
function labelsetSizes(m: LabelMatrix): Map<string, number> {
  const sizes = new Map<string, number>();
  for (let r = 0; r < m.rows; r++) {
    const key = rowLabels(m, r).join(',');
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  return sizes;
}

describe('ML-ROS on hand-made matrices', () => {
  it('round-robins the minority bags and retires each once its IRLbl <= MeanIR', () => {
    // 12 x {0}, r12 {1}, r13-r14 {2}, r15-r20 {3}: counts 12, 1, 2, 6; IRLbl 1, 12, 6, 2; MeanIR = 21/4 = 5.25.
    // Minority: 1 (12) and 2 (6). Turns: bag 1 clones r12 -> count 2, IRLbl 6 > 5.25, stays;
    // bag 2 clones r13 or r14 -> count 3, IRLbl 4 <= 5.25, retired; bag 1 clones r12 -> count 3,
    // IRLbl 4, retired. So 3 clones where P = 100% asked for 21, and a note.
    const m = matrixOf(4, [...times(12, [0]), [1], [2], [2], ...times(6, [3])]);
    const result = mlRos(m, { percent: 100, seed: 7 });
    assert.deepEqual(result.minorityLabels, [1, 2]);
    const added = checkOrder(m, result);
    assert.equal(result.rows.length - added.length, 21);
    assert.deepEqual(added.map((r) => r.source === 14 ? 13 : r.source), [12, 13, 12]);
    assert.ok(added.every((r) => r.kind === 'clone' && r.labels === undefined));
    assert.equal(result.notes.length, 1);
    assert.match(result.notes[0], /added 3 of the 21 rows/);
    assert.deepEqual(Array.from(labelCounts(outputLabelMatrix(m, result))), [12, 3, 3, 6]);

    // P = 10%: round(2.1) = 2 clones, r12 then one {2} row, stopped by the count (no note).
    const small = mlRos(m, { percent: 10, seed: 7 });
    assert.deepEqual(checkOrder(m, small).map((r) => r.source === 14 ? 13 : r.source), [12, 13]);
    assert.deepEqual(small.notes, []);
  });

  it('reads IRLbl against the current largest count, which a clone can raise', () => {
    // r0-r2 {0}, r3 {0,1}, r4-r5 {2}, r6-r9 {3}: counts 4, 1, 2, 4; IRLbl 1, 4, 2, 1; MeanIR 2.
    // Minority: label 1 only (label 2's IRLbl 2 is not above 2). Clone r3 -> counts 5, 2: the
    // max is now 5, IRLbl(1) = 2.5 > 2, go on; clone r3 -> 6, 3: IRLbl(1) = 2 <= 2, retired.
    // (Against the input's max 4 it would have stopped after one clone: 4 / 2 = 2.)
    const m = matrixOf(4, [[0], [0], [0], [0, 1], [2], [2], [3], [3], [3], [3]]);
    const result = mlRos(m, { percent: 100 });
    assert.deepEqual(checkOrder(m, result).map((r) => r.source), [3, 3]);
    assert.match(result.notes[0], /added 2 of the 10 rows/);
  });

  it('adds nothing, with a note, when no label is a minority label', () => {
    const m = matrixOf(2, [[0], [1], [0, 1]]);
    const result = mlRos(m, { percent: 50 });
    assert.equal(result.rows.length, 3);
    assert.deepEqual(result.minorityLabels, []);
    assert.match(result.notes[0], /no label has IRLbl above MeanIR/);
  });
});

describe('ML-RUS on hand-made matrices', () => {
  // r0-r5 {0}, r6 {0,1}, r7-r9 {2}: counts 7, 1, 3; IRLbl 1, 7, 7/3; MeanIR = 31/9 = 3.444.
  // Minority: 1; majority: 0 and 2. r6 carries the minority label: never deleted. Bags: label 0 =
  // r0-r5, label 2 = r7-r9. Turns: bag 0 deletes a {0} row (counts 6, 1, 3; max 6); bag 2 deletes
  // a {2} row (IRLbl(2) = 6/2 = 3 < 3.444, stays); bag 0 deletes (max 5); bag 2 deletes (count 1,
  // IRLbl 5 >= 3.444: retired); bag 0 goes on alone. Against the input's max 7, bag 2 would
  // have retired after one deletion (7/2 = 3.5).
  const m = matrixOf(3, [...times(6, [0]), [0, 1], [2], [2], [2]]);
  const removedOf = (result: ResampleResult): number[] => {
    const kept = new Set(result.rows.map((r) => r.source));
    return Array.from({ length: m.rows }, (_, r) => r).filter((r) => !kept.has(r));
  };

  it('deletes round(P% x rows) rows from the majority bags in turn', () => {
    const result = mlRus(m, { percent: 50, seed: 3 }); // round(5) = 5 deletions: 3 x {0}, 2 x {2}
    assert.equal(checkOrder(m, result).length, 0);
    assert.ok(result.rows.every((r) => r.kind === 'original'));
    const removed = removedOf(result);
    assert.equal(removed.length, 5);
    assert.equal(removed.filter((r) => r < 6).length, 3);
    assert.equal(removed.filter((r) => r >= 7).length, 2);
    assert.ok(!removed.includes(6));
    assert.deepEqual(result.notes, []);
  });

  it('stops when the bags are retired or empty, never touching a row with a minority label', () => {
    // P = 100%: 10 asked for; bag 2 gives 2 rows, bag 0 all its 6: 8 deletions, r6 and one {2} row left.
    const result = mlRus(m, { percent: 100, seed: 3 });
    const removed = removedOf(result);
    assert.equal(removed.length, 8);
    assert.equal(result.rows.length, 2);
    assert.equal(result.rows[0].source, 6);
    assert.match(result.notes[0], /removed 8 of the 10 rows/);
  });

  it('removes nothing, with a note, when no label is below MeanIR', () => {
    const balanced = matrixOf(2, [[0], [1]]); // IRLbl 1, 1; MeanIR 1
    const result = mlRus(balanced, { percent: 50 });
    assert.equal(result.rows.length, 2);
    assert.match(result.notes[0], /no label has IRLbl below MeanIR/);
  });
});

describe('LP-ROS and LP-RUS on hand-made matrices', () => {
  it('LP-ROS spreads the clones over the labelsets below the mean size, none beyond it', () => {
    // A={0} x6, B={1} x2 (r6-r7), C={0,1} x1 (r8), D={2} x3: 12 rows, 4 labelsets, mean 3.
    // Minority: B (room 1), C (room 2). P = 25%: 3 clones, mean share 3/2; B (least room) takes
    // min(1, floor(3/2)) = 1, C takes min(2, 2) = 2.
    const m = matrixOf(3, [...times(6, [0]), [1], [1], [0, 1], [2], [2], [2]]);
    const added = checkOrder(m, lpRos(m, { percent: 25, seed: 5 }));
    assert.deepEqual(added.map((r) => (r.source === 7 ? 6 : r.source)).sort(), [6, 8, 8]);
    assert.ok(added.every((r) => r.kind === 'clone'));
    // P = 10%: round(1.2) = 1 clone: B gets floor(1/2) = 0, C gets 1.
    assert.deepEqual(checkOrder(m, lpRos(m, { percent: 10 })).map((r) => r.source), [8]);
    // P = 100%: 12 asked for, but B and C can only reach 3 rows each: 3 clones and a note.
    const full = lpRos(m, { percent: 100 });
    assert.equal(checkOrder(m, full).length, 3);
    assert.match(full.notes[0], /added 3 of the 12 rows/);
  });

  it('LP-RUS spreads the deletions over the labelsets above the mean size, none below it', () => {
    // A={0} x6 (r0-r5), B={1}, C={0,1}, D={2} x4 (r8-r11): 12 rows, mean 3. Majority: A (room 3),
    // D (room 1). P = 25%: 3 deletions; D takes min(1, floor(3/2)) = 1, A takes min(3, 2) = 2.
    const m = matrixOf(3, [...times(6, [0]), [1], [0, 1], ...times(4, [2])]);
    const result = lpRus(m, { percent: 25, seed: 11 });
    assert.ok(result.rows.every((r) => r.kind === 'original'));
    const kept = new Set(result.rows.map((r) => r.source));
    assert.equal([0, 1, 2, 3, 4, 5].filter((r) => !kept.has(r)).length, 2);
    assert.equal([8, 9, 10, 11].filter((r) => !kept.has(r)).length, 1);
    assert.ok(kept.has(6) && kept.has(7));
  });

  it('LP-RUS keeps a labelset at or above a fractional mean', () => {
    // A x5, B, C: 7 rows, 3 labelsets, mean 7/3 = 2.33; A may shrink to 3 (ceil), so at most 2 go.
    const m = matrixOf(2, [...times(5, [0]), [1], [0, 1]]);
    const result = lpRus(m, { percent: 100 });
    assert.equal(result.rows.length, 5);
    assert.match(result.notes[0], /removed 2 of the 7 rows/);
  });

  it('counts the empty labelset as a labelset', () => {
    // {} x4, {0} x1, {1} x1: mean 2; the empty labelset is the majority one (room 2).
    const m = matrixOf(2, [[], [], [], [], [0], [1]]);
    const result = lpRus(m, { percent: 50 });
    assert.deepEqual(result.rows.map((r) => r.source).filter((r) => r >= 4), [4, 5]);
    assert.equal(result.rows.length, 4);
  });
});

describe('spreadEvenly', () => {
  it('matches the hand-worked shares', () => {
    assert.deepEqual(Array.from(spreadEvenly(3, [1, 2])), [1, 2]);
    assert.deepEqual(Array.from(spreadEvenly(10, [9, 9, 9, 9])), [2, 2, 3, 3]);
    assert.deepEqual(Array.from(spreadEvenly(12, [10, 1, 1])), [10, 1, 1]);
    assert.deepEqual(Array.from(spreadEvenly(5, [])), []);
  });

  it('places min(total, room) rows, within room, and unequal shares only where a bag is full', () => {
    const random = createRandom(99);
    for (let trial = 0; trial < 500; trial++) {
      const rooms = Array.from({ length: 1 + Math.floor(random() * 8) }, () => Math.floor(random() * 10));
      const total = Math.floor(random() * 60);
      const shares = spreadEvenly(total, rooms);
      const sum = shares.reduce((s, x) => s + x, 0);
      assert.equal(sum, Math.min(total, rooms.reduce((s, x) => s + x, 0)));
      for (let i = 0; i < rooms.length; i++) {
        assert.ok(shares[i] >= 0 && shares[i] <= rooms[i]);
        for (let j = 0; j < rooms.length; j++) {
          if (shares[i] < shares[j] - 1) assert.equal(shares[i], rooms[i], `rooms ${rooms} total ${total}: ${shares}`);
        }
      }
    }
  });
});

describe('the percentage', () => {
  const m = matrixOf(2, [[0], [0, 1], [0]]);
  for (const [name, method] of [['ML-ROS', mlRos], ['ML-RUS', mlRus], ['LP-ROS', lpRos], ['LP-RUS', lpRus]] as const) {
    it(`${name} rejects P outside (0, 100] with a UsageError`, () => {
      for (const percent of [0, -5, 100.5, 250, Number.NaN, Number.POSITIVE_INFINITY]) {
        assert.throws(() => method(m, { percent }), (e: unknown) => e instanceof UsageError && e.message.includes(name), `${name} ${percent}`);
      }
      assert.doesNotThrow(() => method(m, { percent: 100 }));
      assert.doesNotThrow(() => method(m, { percent: 0.001 })); // rounds to 0 rows: a no-op
    });
  }

  it('leaves an empty matrix empty', () => {
    for (const method of [mlRos, mlRus, lpRos, lpRus]) assert.deepEqual(method(matrixOf(3, []), { percent: 50 }).rows, []);
  });

  it('defaults to 25%', () => {
    const big = matrixOf(3, [...times(40, [0]), [1], [2], [2], ...times(37, [0])]);
    assert.equal(mlRos(big, {}).rows.length, mlRos(big, { percent: 25 }).rows.length);
  });
});

describe('on yeast', { skip: skipUnlessDatasets('yeast/yeast.arff') }, () => {
  let yeast: Promise<LabelMatrix> | undefined;
  const load = (): Promise<LabelMatrix> => (yeast ??= scanLabels(datasetPath('yeast/yeast.arff')!).then((scan) => scan.matrix));

  it('ML-ROS only adds clones of rows carrying minority labels, the asked-for count, and lowers MeanIR', async () => {
    const m = await load();
    const before = meanIROf(m);
    const minority = new Set(Array.from(irLbl(labelCounts(m))).flatMap((ir, l) => (ir > before ? [l] : [])));
    for (const percent of [1, 10, 25]) {
      const result = mlRos(m, { percent, seed: 42 });
      assert.deepEqual(result.minorityLabels, [...minority]);
      const added = checkOrder(m, result);
      assert.equal(result.rows.length - added.length, m.rows, 'every original is kept');
      const target = Math.round((percent * m.rows) / 100);
      if (percent === 1) assert.equal(added.length, target, 'a tiny P is met exactly'); // 24 clones
      assert.ok(added.length === target ? result.notes.length === 0 : added.length < target && result.notes.length === 1);
      for (const row of added) {
        assert.equal(row.kind, 'clone');
        assert.ok(Number.isInteger(row.source) && row.source >= 0 && row.source < m.rows);
        assert.ok(rowLabels(m, row.source).some((l) => minority.has(l)), `row ${row.source} carries no minority label`);
      }
      assert.ok(meanIROf(outputLabelMatrix(m, result)) < before);
    }
  });

  it('ML-ROS is deterministic per seed', async () => {
    const m = await load();
    const sources = (seed: number): number[] => mlRos(m, { percent: 20, seed }).rows.map((r) => r.source);
    assert.deepEqual(sources(5), sources(5));
    assert.notDeepEqual(sources(5), sources(6));
  });

  it('ML-RUS only removes rows, never one with a minority label, the asked-for count, and lowers MeanIR', async () => {
    const m = await load();
    const counts = labelCounts(m);
    const ir = irLbl(counts);
    const before = meanIR(ir);
    for (const percent of [5, 25]) {
      const result = mlRus(m, { percent, seed: 1 });
      assert.equal(checkOrder(m, result).length, 0);
      const kept = new Uint8Array(m.rows);
      for (const row of result.rows) kept[row.source] = 1;
      let removed = 0;
      for (let r = 0; r < m.rows; r++) {
        if (kept[r]) continue;
        removed++;
        const labels = rowLabels(m, r);
        assert.ok(labels.every((l) => ir[l] <= before), `removed row ${r} carries a minority label`);
        assert.ok(labels.some((l) => ir[l] < before), `removed row ${r} carries no majority label`);
      }
      const target = Math.round((percent * m.rows) / 100);
      assert.ok(removed === target ? result.notes.length === 0 : removed < target && result.notes.length === 1);
      if (percent === 5) assert.equal(removed, target);
      assert.ok(meanIROf(outputLabelMatrix(m, result)) < before);
    }
    assert.deepEqual(mlRus(m, { seed: 9 }).rows, mlRus(m, { seed: 9 }).rows);
  });

  it('LP-ROS: clones only of labelsets below the mean, none grown above it, evenly spread', async () => {
    const m = await load();
    const sizes = labelsetSizes(m);
    const mean = m.rows / sizes.size;
    const result = lpRos(m, { percent: 25, seed: 4 });
    const added = checkOrder(m, result);
    assert.equal(result.rows.length - added.length, m.rows);
    const target = Math.round(0.25 * m.rows);
    assert.equal(added.length, target); // yeast's ~180 small labelsets have room for far more than 604
    assert.deepEqual(result.notes, []);
    const after = labelsetSizes(outputLabelMatrix(m, result));
    const gains: number[] = [];
    for (const [key, size] of sizes) {
      const grown = after.get(key)!;
      if (size >= mean) assert.equal(grown, size, `labelset ${key} at or above the mean grew`);
      else {
        assert.ok(grown <= mean, `labelset ${key} grew from ${size} to ${grown}, above the mean ${mean}`);
        if (grown < Math.floor(mean)) gains.push(grown - size); // not full: its share is the even one
      }
    }
    assert.equal(after.size, sizes.size);
    assert.ok(Math.max(...gains) - Math.min(...gains) <= 1, 'unequal shares among labelsets with room left');
  });

  it('LP-RUS: deletions only from labelsets above the mean, none shrunk below it', async () => {
    const m = await load();
    const sizes = labelsetSizes(m);
    const mean = m.rows / sizes.size;
    for (const percent of [10, 50]) {
      const result = lpRus(m, { percent, seed: 8 });
      assert.equal(checkOrder(m, result).length, 0);
      const after = labelsetSizes(outputLabelMatrix(m, result));
      let room = 0;
      for (const [key, size] of sizes) {
        const shrunk = after.get(key) ?? 0;
        if (size <= mean) assert.equal(shrunk, size, `labelset ${key} at or below the mean shrank`);
        else {
          assert.ok(shrunk >= mean && shrunk <= size, `labelset ${key} shrank from ${size} to ${shrunk}, below the mean ${mean}`);
          room += size - Math.ceil(mean);
        }
      }
      const target = Math.round((percent * m.rows) / 100);
      assert.equal(m.rows - result.rows.length, Math.min(target, room));
      assert.equal(result.notes.length, target > room ? 1 : 0);
    }
  });
});

describe('speed', () => {
  it('resamples 100k rows x 100 labels in well under a second per method', () => {
    // Zipf-like label frequencies 0.5 / (l + 1): about 2.6 labels a row, IRLbl up to ~100.
    const random = createRandom(2024);
    const builder = new LabelMatrixBuilder(100, 100_000);
    const ids: number[] = [];
    for (let r = 0; r < 100_000; r++) {
      ids.length = 0;
      for (let l = 0; l < 100; l++) if (random() < 0.5 / (l + 1)) ids.push(l);
      builder.addRow(ids);
    }
    const m = builder.build();
    for (const [name, run] of [
      ['ML-ROS', () => mlRos(m, { percent: 25 })],
      ['ML-RUS', () => mlRus(m, { percent: 25 })],
      ['LP-ROS', () => lpRos(m, { percent: 25 })],
      ['LP-RUS', () => lpRus(m, { percent: 25 })],
    ] as const) {
      const start = performance.now();
      const result = run();
      const ms = performance.now() - start;
      assert.ok(result.rows.length > 0);
      assert.ok(ms < 1000, `${name} took ${ms.toFixed(0)} ms`);
    }
  });
});
