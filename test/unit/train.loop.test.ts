/**
 * The training loop's contract: exactly N epochs without early stopping, early stopping on
 * validation macro-F1 keeping the best epoch's weights, the per-epoch report, cancellation,
 * repeatability from the seed, and a saved model that predicts the same logits after loading.
 */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { f1AtThreshold } from '../../src/core/train/evaluate.js';
import { fitFeaturizer } from '../../src/core/train/features/index.js';
import { predictLogits } from '../../src/core/train/model.js';
import { loadModel, saveModel } from '../../src/core/train/modelJson.js';
import { seededUniform } from '../../src/core/train/random.js';
import { trainModel } from '../../src/core/train/trainLoop.js';
import { DEFAULT_TRAIN_CONFIG, type EpochReport, type TrainConfig, type TrainingSet } from '../../src/core/train/types.js';
import { UsageError } from '../../src/core/errors.js';
import type { DatasetTable } from '../../src/core/data/datasetTable.js';

/** Rows of 6 Gaussian features; label l is on when feature l + noise > a label-specific cut. */
function toySet(rows: number, seed: number): TrainingSet {
  const random = seededUniform(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const x = Float32Array.from({ length: rows * 6 }, normal);
  const y = new Uint8Array(rows * 3);
  for (let i = 0; i < rows; i++) for (let l = 0; l < 3; l++) y[i * 3 + l] = x[i * 6 + l] + 0.3 * normal() > 0.5 * l ? 1 : 0;
  return { rows, features: 6, labels: 3, x, y };
}

const base: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, engine: 'js', epochs: 8, batchSize: 32 };

test('patience 0 trains exactly N epochs and reports each one', async () => {
  const reports: EpochReport[] = [];
  const result = await trainModel(toySet(300, 1), toySet(100, 2), base, { onEpoch: (r) => reports.push(r) });
  assert.equal(result.epochs.length, 8);
  assert.deepEqual(reports.map((r) => r.epoch), [1, 2, 3, 4, 5, 6, 7, 8]);
  assert.equal(result.stoppedEarly, false);
  assert.equal(result.bestEpoch, 8, 'without early stopping the last weights are kept');
  for (const r of reports) {
    assert.ok(Number.isFinite(r.trainLoss) && Number.isFinite(r.validationLoss!) && r.trainMs >= 0);
    assert.equal(r.perLabelF1!.length, 3);
    assert.ok(Math.abs(r.macroF1! - r.perLabelF1!.reduce((a, b) => a + b, 0) / 3) < 1e-12, 'macro-F1 is the mean of the per-label F1');
  }
  assert.ok(reports[7].trainLoss < reports[0].trainLoss, 'the loss goes down');
});

test('early stopping stops after `patience` epochs without a better macro-F1 and keeps the best weights', async () => {
  const validation = toySet(100, 2);
  const result = await trainModel(toySet(300, 1), validation, { ...base, epochs: 200, learningRate: 0.05, patience: 3 });
  assert.ok(result.stoppedEarly && result.epochs.length < 200);
  // the best of the epochs after the warm-up (the first `patience` epochs, earlyStopping.ts)
  const best = Math.max(...result.epochs.slice(3).map((e) => e.macroF1!));
  assert.equal(result.epochs[result.bestEpoch - 1].macroF1, best);
  assert.ok(result.bestEpoch >= 4);
  assert.equal(result.epochs.length - result.bestEpoch, 3);
  const logits = predictLogits(result.model, validation.x, validation.rows);
  assert.equal(f1AtThreshold(logits, validation.y, validation.rows, 3, 0.5).macroF1, best, 'the returned model is the best epoch');
});

test('the same seed gives the same run; another seed another', async () => {
  const train = toySet(200, 1);
  const a = await trainModel(train, undefined, { ...base, seed: 5, model: { hidden: [16], dropout: 0.2 } });
  const b = await trainModel(train, undefined, { ...base, seed: 5, model: { hidden: [16], dropout: 0.2 } });
  const c = await trainModel(train, undefined, { ...base, seed: 6, model: { hidden: [16], dropout: 0.2 } });
  assert.deepEqual(a.model.params, b.model.params);
  assert.notDeepEqual(a.model.params, c.model.params);
});

test('an aborted signal stops training between batches with its reason', async () => {
  const controller = new AbortController();
  const reason = new Error('stop now');
  await assert.rejects(
    trainModel(toySet(300, 1), undefined, { ...base, epochs: 50 }, { signal: controller.signal, onEpoch: (r) => r.epoch === 2 && controller.abort(reason) }),
    (e) => e === reason,
  );
});

test('bad settings are UsageErrors', async () => {
  const train = toySet(50, 1);
  await assert.rejects(trainModel(train, undefined, { ...base, patience: 2 }), UsageError, 'early stopping without validation');
  await assert.rejects(trainModel(train, undefined, { ...base, epochs: 0 }), UsageError);
  await assert.rejects(trainModel(train, undefined, { ...base, model: { hidden: [0], dropout: 0 } }), UsageError);
  await assert.rejects(trainModel(train, undefined, { ...base, loss: { ...base.loss, clip: 2 } }), UsageError);
});

test('a saved model reloads to the same logits', async () => {
  const train = toySet(100, 3);
  const result = await trainModel(train, undefined, { ...base, epochs: 2, model: { hidden: [8, 4], dropout: 0 } });
  const table = {
    rows: 1,
    features: [{ kind: 'numeric', name: 'a', values: Float64Array.from([1]) }],
  } as unknown as DatasetTable;
  const saved = JSON.parse(JSON.stringify(saveModel(result.model, fitFeaturizer(table), ['x', 'y', 'z'], 0.4)));
  const loaded = loadModel(saved);
  assert.deepEqual(loaded.model.params, result.model.params);
  assert.deepEqual(loaded.labelNames, ['x', 'y', 'z']);
  assert.deepEqual(predictLogits(loaded.model, train.x, train.rows), predictLogits(result.model, train.x, train.rows));
  assert.throws(() => loadModel({ format: 'something else' }), UsageError);
});
