/**
 * k-fold cross-validation in place of a carved validation part: when it applies (foldsFor), the
 * stratified folds of the training pool (prepareSplit), the k-part out-of-fold estimate
 * (validationEstimate, hand-computed), and a whole run's folder (folds.jsonl, the final model's
 * metrics.jsonl and epochs, thresholds tuned on the out-of-fold scores).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { EvaluationData } from '../../src/core/metrics/types.js';
import { refitEpochs } from '../../src/core/train/run/crossValidate.js';
import { prepareSplit } from '../../src/core/train/run/prepareSplit.js';
import { runTraining } from '../../src/core/train/run/runTraining.js';
import { AUTO_FOLDS, AUTO_FOLDS_MAX_ROWS, checkTrainJob, DEFAULT_JOB_SETTINGS, foldsFor } from '../../src/core/train/run/trainJob.js';
import { validationEstimate } from '../../src/core/train/run/validationEstimate.js';
import type { EpochRecord, TrainJob } from '../../src/protocol/training.js';
import { datasetPath, skipUnlessDatasets } from './helpers/datasets.js';

const TRAIN = 'emotions/emotions-train.arff';
const TEST = 'emotions/emotions-test.arff';

function job(extra: Partial<TrainJob> = {}): TrainJob {
  return { kind: 'train', file: datasetPath(TRAIN) ?? 'emotions-train.arff', testFile: datasetPath(TEST) ?? 'emotions-test.arff', runsDir: os.tmpdir(), strategies: [{ loss: 'bce', resampling: 'none' }], ...DEFAULT_JOB_SETTINGS, ...extra };
}

function close(actual: number, expected: number, what: string): void {
  assert.ok(Math.abs(actual - expected) < 1e-12, `${what}: ${actual} vs ${expected}`);
}

describe('foldsFor: when cross-validation replaces the carved validation part', () => {
  test("'auto' below the row limit, an explicit k, and never with patience 0 or without the setting", () => {
    assert.equal(foldsFor({ folds: 'auto', patience: 10 }, 391), AUTO_FOLDS);
    assert.equal(foldsFor({ folds: 'auto', patience: 10 }, AUTO_FOLDS_MAX_ROWS - 1), AUTO_FOLDS);
    assert.equal(foldsFor({ folds: 'auto', patience: 10 }, AUTO_FOLDS_MAX_ROWS), 0);
    assert.equal(foldsFor({ folds: 3, patience: 10 }, 100_000), 3);
    assert.equal(foldsFor({ folds: 3, patience: 0 }, 100), 0, 'patience 0 trains on every row, nothing to validate');
    assert.equal(foldsFor({ patience: 10 }, 100), 0);
    assert.equal(foldsFor({ folds: 0, patience: 10 }, 100), 0);
    assert.equal(foldsFor({ folds: 5, patience: 10 }, 4), 0, 'more folds than rows: carve instead');
  });

  test('checkTrainJob: folds is auto, 0 or a whole number >= 2', () => {
    for (const folds of [1, -2, 2.5, Number.NaN]) assert.throws(() => checkTrainJob(job({ folds })), /folds must be/);
    for (const folds of ['auto', 0, 2, 10] as const) assert.doesNotThrow(() => checkTrainJob(job({ folds })));
  });

  test('the final model trains for the median of the folds\' best epochs', () => {
    const folds = (epochs: number[]) => epochs.map((bestEpoch) => ({ bestEpoch, epochsRun: bestEpoch + 10, macroF1: 0.5 }));
    assert.equal(refitEpochs(folds([17, 31, 11, 28, 34])), 28);
    assert.equal(refitEpochs(folds([4, 2])), 4, 'even k: the upper middle');
    assert.equal(refitEpochs([]), 1);
  });
});

describe('validationEstimate with k parts: each part scored at the thresholds tuned on the others', () => {
  // One label, parts 0,0,1,1,2,2; truth 1,0,1,0,1,0; scores .6,.4,.3,.2,.7,.35.
  // Without part 0 (positives .3,.7; negatives .2,.35) the best F1 is at .3 (tp 2, fp 1: 0.8): rows 0, 1 -> tp, fp.
  // Without part 1 (positives .6,.7; negatives .4,.35) at .6 (F1 1): rows 2, 3 -> fn, tn.
  // Without part 2 (positives .6,.3; negatives .4,.2) at .3 (0.8): rows 4, 5 -> tp, fp.
  // Out of fold: tp 2, fp 2, fn 1 -> F1 4/7. At 0.5: rows 0, 4 predicted, tp 2, fn 1 -> F1 0.8.
  const data: EvaluationData = { rows: 6, labelNames: ['a'], truth: Uint8Array.from([1, 0, 1, 0, 1, 0]), scores: Float64Array.from([0.6, 0.4, 0.3, 0.2, 0.7, 0.35]) };

  test('hand-computed', () => {
    const estimate = validationEstimate(data, Int32Array.from([0, 0, 1, 1, 2, 2]), []);
    close(estimate.tuned.macroF1, 4 / 7, 'tuned out of fold');
    close(estimate.fixed.macroF1, 0.8, 'at 0.5');
  });

  test('a single non-empty part has nothing to tune on: the fixed figures', () => {
    const estimate = validationEstimate(data, Int32Array.from([2, 2, 2, 2, 2, 2]), []);
    assert.deepEqual(estimate.tuned, estimate.fixed);
  });
});

describe('a cross-validated run on emotions', { skip: skipUnlessDatasets(TRAIN, TEST) }, () => {
  test('prepareSplit: k stratified folds of the whole training file, no validation part', async () => {
    const split = await prepareSplit(job({ folds: 'auto' }));
    assert.equal(split.validation, undefined);
    assert.deepEqual([split.info.train, split.info.validation, split.info.folds], [391, 0, AUTO_FOLDS]);
    assert.match(split.info.source, /5-fold cross-validation of the training rows/);
    const { of, k } = split.folds!;
    assert.equal(of.length, 391);
    for (let f = 0; f < k; f++) {
      const size = of.filter((x) => x === f).length;
      assert.ok(Math.abs(size - 391 / k) <= 8, `fold ${f}: ${size} rows (iterative stratification favours labels over equal sizes)`);
    }
    // every label (each has >= 5 positives in emotions' training file) has positives in every fold
    const perFold = Array.from({ length: k }, () => new Set<number>());
    const { offsets, labels } = split.train.labels;
    for (let r = 0; r < 391; r++) for (let j = offsets[r]; j < offsets[r + 1]; j++) perFold[of[r]].add(labels[j]);
    for (const present of perFold) assert.equal(present.size, split.labelNames.length);
  });

  test('the run folder: folds.jsonl per fold epoch, the final model on every row for the median best epoch', async () => {
    const runsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'il-cv-'));
    const summary = await runTraining(job({ runsDir, folds: 3, epochs: 4, patience: 2 }), () => undefined);
    assert.equal(summary.status, 'completed', summary.error);
    const result = summary.strategies[0];
    assert.equal(result.foldBestEpochs!.length, 3);
    const median = [...result.foldBestEpochs!].sort((a, b) => a - b)[1];
    assert.deepEqual([result.bestEpoch, result.epochsRun, result.stoppedEarly], [median, median, false]);
    assert.ok(result.validation, 'the out-of-fold estimate');
    const lines = (file: string) => fs.readFileSync(path.join(summary.runDir, file), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as EpochRecord & { fold?: number });
    const folds = lines('folds.jsonl');
    assert.deepEqual([...new Set(folds.map((r) => r.fold))], [1, 2, 3]);
    assert.ok(folds.every((r) => r.macroF1 !== null && r.validationLoss! > 0));
    for (let f = 1; f <= 3; f++) {
      const mine = folds.filter((r) => r.fold === f);
      const best = mine.reduce((a, b) => (b.macroF1! > a.macroF1! ? b : a));
      assert.equal(best.epoch, result.foldBestEpochs![f - 1], `fold ${f}: the first epoch of highest held-out macro-F1`);
    }
    const metrics = lines('metrics.jsonl');
    assert.deepEqual(metrics.map((r) => r.epoch), Array.from({ length: median }, (_, i) => i + 1));
    assert.ok(metrics.every((r) => r.validationLoss === null && r.macroF1 === null && r.fold === undefined));
    const config = JSON.parse(fs.readFileSync(path.join(summary.runDir, 'config.json'), 'utf8')) as { trainingRows: number; train: { epochs: number; patience: number } };
    assert.deepEqual([config.trainingRows, config.train.epochs, config.train.patience], [391, median, 0]);
    const thresholds = JSON.parse(fs.readFileSync(path.join(summary.runDir, 'thresholds.json'), 'utf8')) as { tunedOn: string };
    assert.equal(thresholds.tunedOn, 'cross-validation');
    assert.match(summary.evaluation!.thresholdSource, /out-of-fold scores of the 391 training rows \(3-fold cross-validation\)/);
  });
});
