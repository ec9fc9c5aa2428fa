/**
 * Sparse feature rows (CSR) in the training engine: the CSR form of a hand-made matrix, the same
 * batches, logits and seeded trained weights as the dense path, uncentred scaling of mostly-zero
 * columns, TF-IDF rows written straight into CSR against the formula, and a Reuters text-only run.
 */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import type { DatasetTable, FeatureData } from '../../src/core/data/datasetTable.js';
import { readDatasetTable } from '../../src/core/data/datasetTable.js';
import { openDataset } from '../../src/core/io/open.js';
import { gatherBatch } from '../../src/core/train/batches.js';
import { CsrBuilder, csrFromDense, denseFromCsr, gatherRows, isCsr, storedEntries } from '../../src/core/train/featureRows.js';
import { bucketOf, encodeRows, fitFeaturizer, parseFeaturizer, terms, trainingSetFrom, transformTable } from '../../src/core/train/features/index.js';
import type { TfidfEncoding } from '../../src/core/train/features/index.js';
import { createMlp, predictLogits } from '../../src/core/train/model.js';
import { seededUniform } from '../../src/core/train/random.js';
import { lossKernelFor } from '../../src/core/train/resolveLoss.js';
import { MlpStepper } from '../../src/core/train/trainStep.js';
import { trainModel } from '../../src/core/train/trainLoop.js';
import { DEFAULT_LOSS_CONFIG, DEFAULT_TRAIN_CONFIG, type CsrRows, type TrainEngine, type TrainingSet } from '../../src/core/train/types.js';
import { datasetPath, skipUnlessDatasets } from './helpers/datasets.js';

function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < actual.length; i++) {
    assert.ok(Math.abs(actual[i] - expected[i]) <= tolerance, `${what}[${i}]: ${actual[i]} vs ${expected[i]}`);
  }
}

test('CSR of a hand-made matrix: an empty row, a full row, an all-zero column', () => {
  const dense = Float32Array.from([
    0, 0, 0, 0, 0, // empty row
    1.5, 0, 0, 0, -2,
    1, 2, 3, 0, 4, // every column but the all-zero column 3
    0, 0, 7, 0, 0,
  ]);
  const csr = csrFromDense(dense, 4, 5);
  assert.deepEqual(Array.from(csr.indptr), [0, 0, 2, 6, 7]);
  assert.deepEqual(Array.from(csr.indices), [0, 4, 0, 1, 2, 4, 2]);
  assert.deepEqual(Array.from(csr.values), [1.5, -2, 1, 2, 3, 4, 7]);
  assert.deepEqual(denseFromCsr(csr, 5), dense);
  const full = csrFromDense(Float32Array.from([1, 2, 3]), 1, 3);
  assert.deepEqual(Array.from(full.indices), [0, 1, 2], 'a row with every column non-zero stores them all');
  const builder = new CsrBuilder(2, 1);
  for (let c = 0; c < 40; c++) builder.push(c, c % 3); // grows past its first capacity; zeros skipped
  builder.endRow();
  builder.endRow();
  const grown = builder.build();
  assert.equal(grown.values.length, 26);
  assert.deepEqual(Array.from(grown.indptr), [0, 26, 26]);
  assert.throws(() => new CsrBuilder(1).build(), RangeError, 'rows not ended');
});

/** A seeded sparse set: most rows 1-2 non-zeros among `features`, plus an empty row and a full row; column 5 always zero. */
function sparseSet(rows: number, features: number, labels: number, seed: number): { dense: TrainingSet; csr: TrainingSet } {
  const random = seededUniform(seed);
  const x = new Float32Array(rows * features);
  const y = new Uint8Array(rows * labels);
  for (let r = 0; r < rows; r++) {
    if (r === 3) continue; // empty row
    const count = r === 7 ? features : 1 + Math.floor(random() * 2);
    for (let k = 0; k < count; k++) {
      const c = r === 7 ? k : Math.floor(random() * features);
      if (c !== 5) x[r * features + c] = random() * 2 - 0.5;
    }
    for (let l = 0; l < labels; l++) y[r * labels + l] = x[r * features + (l * 7) % features] > 0.3 || random() < 0.1 ? 1 : 0;
  }
  const base = { rows, features, labels, y };
  return { dense: { ...base, x }, csr: { ...base, x: csrFromDense(x, rows, features) } };
}

test('the CSR path gathers the same batches as the dense path', () => {
  const { dense, csr } = sparseSet(20, 40, 3, 1);
  const order = Int32Array.from([7, 3, 0, 19, 12, 3]);
  const [xd, xc] = [new Float32Array(6 * 40).fill(9), new Float32Array(6 * 40).fill(9)]; // stale values must be overwritten
  const [yd, yc] = [new Uint8Array(6 * 3), new Uint8Array(6 * 3)];
  gatherBatch(dense, order, 0, 6, xd, yd);
  gatherBatch(csr, order, 0, 6, xc, yc);
  assert.deepEqual(xc, xd);
  assert.deepEqual(yc, yd);
  assert.ok(xc.subarray(40, 80).every((v) => v === 0), 'the empty row is all zeros');
  const partial = new Float32Array(2 * 40);
  gatherRows(csr.x, 40, order, 4, 2, partial);
  assert.deepEqual(partial, xd.subarray(4 * 40, 6 * 40));
});

test('predictLogits on CSR rows equals the dense logits (linear and MLP, more rows than a block)', () => {
  const { dense, csr } = sparseSet(2100, 40, 3, 2);
  for (const hidden of [[], [16], [8, 5]]) {
    const model = createMlp(40, 3, { hidden, dropout: 0 }, 4);
    assertClose(predictLogits(model, csr.x, csr.rows), predictLogits(model, dense.x, dense.rows), 1e-6, `hidden ${hidden}`);
  }
});

test('a training step on a sparse batch equals the step on the densified batch (js kernels)', () => {
  const { dense, csr } = sparseSet(24, 64, 3, 3);
  const loss = lossKernelFor(DEFAULT_LOSS_CONFIG, {});
  const adam = { learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
  const a = new MlpStepper(createMlp(64, 3, { hidden: [6], dropout: 0 }, 5), loss, adam, 8, 0);
  const b = new MlpStepper(createMlp(64, 3, { hidden: [6], dropout: 0 }, 5), loss, adam, 8, 0);
  const order = Int32Array.from({ length: 24 }, (_, i) => 23 - i);
  const targets = new Uint8Array(8 * 3);
  let sparseSteps = 0;
  for (let start = 0; start < 24; start += 8) {
    gatherBatch(dense, order, start, 8, a.inputBuffer, targets);
    const lossA = a.step(8, targets);
    if (b.loadSparseBatch(csr.x as CsrRows, order, start, 8)) sparseSteps++;
    else gatherBatch(csr, order, start, 8, b.inputBuffer, targets);
    const lossB = b.step(8, targets);
    assert.ok(Math.abs(lossA - lossB) <= 1e-7, `loss ${lossA} vs ${lossB}`);
  }
  assert.equal(sparseSteps, 2, 'the batch holding the full row (row 7) is densified, the other two stay sparse');
  assertClose(b.model.params, a.model.params, 1e-6, 'params');
});

for (const engine of ['js', 'wasm'] as TrainEngine[]) {
  test(`${engine} engine: seeded training on CSR rows lands on the dense run's weights`, async () => {
    const { dense, csr } = sparseSet(90, 60, 4, 4);
    const validation = sparseSet(30, 60, 4, 5);
    const config = { ...DEFAULT_TRAIN_CONFIG, engine, epochs: 3, batchSize: 8, learningRate: 0.01, model: { hidden: [10], dropout: 0 } };
    const fromDense = await trainModel(dense, validation.dense, config);
    const fromCsr = await trainModel(csr, validation.csr, config);
    assertClose(fromCsr.model.params, fromDense.model.params, 1e-6, 'params');
    fromCsr.epochs.forEach((e, i) => assert.ok(Math.abs(e.trainLoss - fromDense.epochs[i].trainLoss) < 1e-6 && e.macroF1 === fromDense.epochs[i].macroF1));
  });
}

function table(features: FeatureData[], rows: number): DatasetTable {
  return { rows, features, labels: { rows, labelCount: 1, offsets: new Int32Array(rows + 1), labels: new Int32Array(0) } } as unknown as DatasetTable;
}

test('mostly-zero numeric columns: CSR rows, scaled by the population std without centring; dense tables keep centring', () => {
  // 8 rows: columns a, b mostly zero (1 of 8 non-zero), c too; d all zeros
  const a = Float64Array.from([0, 0, 4, 0, 0, 0, 0, 0]);
  const b = Float64Array.from([0, 0, 0, 0, 0, 0, 0, -2]);
  const d = new Float64Array(8);
  const t = table([{ kind: 'numeric', name: 'a', values: a }, { kind: 'numeric', name: 'b', values: b }, { kind: 'numeric', name: 'd', values: d }], 8);
  const f = fitFeaturizer(t);
  assert.equal(f.rows, 'csr');
  const x = encodeRows(f, t);
  assert.ok(isCsr(x));
  assert.deepEqual(Array.from(x.indptr), [0, 0, 0, 1, 1, 1, 1, 1, 2], 'zeros stay zeros; the all-zero column stores nothing');
  assert.deepEqual(Array.from(x.indices), [0, 1]);
  // population variance of [4, 0 x 7] is 16/8 - 0.5² and of [-2, 0 x 7] 4/8 - 0.25²
  assertClose(x.values, [4 / Math.sqrt(16 / 8 - 0.25), -2 / Math.sqrt(4 / 8 - 0.0625)], 1e-6, 'x / std');
  const replayed = parseFeaturizer(JSON.parse(JSON.stringify(f)));
  assert.deepEqual(encodeRows(replayed, t), x, 'featurizer.json replays the row form and the uncentred scaling');
  assert.deepEqual(transformTable(f, t), denseFromCsr(x, 3), 'the dense transform gives the same values');
  // a table with a dense column: every column centred as before, dense rows
  const c = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
  const mixed = table([{ kind: 'numeric', name: 'a', values: a }, { kind: 'numeric', name: 'c', values: c }], 8);
  const g = fitFeaturizer(mixed);
  assert.equal(g.rows, undefined);
  assert.ok(g.encodings.every((e) => e.kind !== 'numeric' || e.center === undefined));
  assert.ok(!isCsr(encodeRows(g, mixed)));
});

/** TF-IDF of one text written out from the formula: raw counts x idf, L2-normalised (scikit-learn TfidfVectorizer, hashed). */
function expectedTfidf(text: string, encoding: TfidfEncoding): Map<number, number> {
  const counts = new Map<number, number>();
  for (const t of terms(text)) counts.set(bucketOf(t, encoding.dims), (counts.get(bucketOf(t, encoding.dims)) ?? 0) + 1);
  const weights = new Map([...counts].map(([k, n]) => [k, n * encoding.idf[k]]));
  const norm = Math.sqrt([...weights.values()].reduce((s, w) => s + w * w, 0));
  return new Map([...weights].map(([k, w]) => [k, w / norm]));
}

test('Reuters title + text: TF-IDF CSR rows equal the formula and the dense encoding; a text-only run completes in bounded memory', { skip: skipUnlessDatasets('reuters21578-modapte.jsonl') }, async () => {
  const t = await readDatasetTable(await openDataset(datasetPath('reuters21578-modapte.jsonl')!));
  const trainRows = Int32Array.from({ length: 3000 }, (_, i) => i);
  const f = fitFeaturizer(t, { topCategories: 20, textDims: 4096 }, trainRows);
  assert.equal(f.rows, 'csr', 'text columns always give CSR rows');
  const sample = [0, 1, 2, 3000, 10000];
  const csr = encodeRows(f, t, sample);
  assert.ok(isCsr(csr));
  assert.deepEqual(denseFromCsr(csr, 8192), transformTable(f, t, sample), 'CSR equals the dense encoding');
  sample.forEach((row, i) => {
    const entries = new Map<number, number>();
    for (let k = csr.indptr[i]; k < csr.indptr[i + 1]; k++) {
      if (k > csr.indptr[i]) assert.ok(csr.indices[k] > csr.indices[k - 1], 'columns ascend');
      entries.set(csr.indices[k], csr.values[k]);
    }
    let offset = 0;
    for (const e of f.encodings) {
      assert.equal(e.kind, 'tfidf');
      if (e.kind !== 'tfidf') continue;
      const column = t.features.find((c) => c.name === e.column);
      const text = column?.kind === 'text' ? column.values[row] : null;
      const expected = text ? expectedTfidf(text, e) : new Map<number, number>();
      for (const [bucket, value] of expected) assert.ok(Math.abs((entries.get(offset + bucket) ?? 0) - value) < 1e-6, `row ${row} ${e.column} bucket ${bucket}`);
      const stored = [...entries.keys()].filter((k) => k >= offset && k < offset + e.dims).length;
      assert.equal(stored, expected.size, `row ${row} ${e.column}: only the text's buckets are stored`);
      offset += e.dims;
    }
  });
  const train = trainingSetFrom(f, t, trainRows);
  assert.ok(storedEntries(train.x) < (train.rows * train.features) / 20, `${storedEntries(train.x)} entries: under 5% of dense`);
  const config = { ...DEFAULT_TRAIN_CONFIG, epochs: 2, batchSize: 32, model: { hidden: [64], dropout: 0 } };
  const result = await trainModel(train, undefined, config);
  assert.equal(result.epochs.length, 2);
  assert.ok(result.epochs[1].trainLoss < result.epochs[0].trainLoss);
  const rssMb = process.memoryUsage().rss / 2 ** 20;
  assert.ok(rssMb < 450, `resident ${rssMb.toFixed(0)} MB`);
});
