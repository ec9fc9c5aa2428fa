/**
 * k-fold cross-validation in place of a carved validation part: when it applies (foldsFor), the
 * stratified folds of the training pool (prepareSplit), the k-part out-of-fold estimate
 * (validationEstimate, hand-computed), and a whole run's folder (folds.jsonl, the pooled
 * out-of-fold curve in metrics.jsonl, the final model's final.jsonl and epochs, thresholds tuned on
 * the out-of-fold scores), with each fold model checked against the same model trained alone.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { EvaluationData } from '../../src/core/metrics/types.js';
import { subsetTable } from '../../src/core/data/subsetTable.js';
import { rowsOfParts, rowsOutsidePart } from '../../src/core/data/partRows.js';
import { fitFeaturizer, trainingSetFrom } from '../../src/core/train/features/index.js';
import { deriveSeed } from '../../src/core/train/random.js';
import { trainModel } from '../../src/core/train/trainLoop.js';
import { lossConfigFor } from '../../src/core/train/run/strategies.js';
import { prepareSplit } from '../../src/core/train/run/prepareSplit.js';
import { runTraining } from '../../src/core/train/run/runTraining.js';
import { AUTO_FOLDS, AUTO_FOLDS_MAX_BYTES, AUTO_FOLDS_MAX_ROWS, checkTrainJob, DEFAULT_JOB_SETTINGS, foldBytes, foldsFor } from '../../src/core/train/run/trainJob.js';
import { validationEstimate } from '../../src/core/train/run/validationEstimate.js';
import { usesTunedThresholds, type EpochRecord, type FromTrainingWorker, type TrainJob } from '../../src/protocol/training.js';
import { readRunHistory } from '../../src/extension/training/runFiles.js';
import { runDescription } from '../../src/extension/training/runItems.js';
import { summaryTable } from '../../src/cli/commands/train.js';
import { datasetPath, skipUnlessDatasets } from './helpers/datasets.js';

const TRAIN = 'emotions/emotions-train.arff';
const BIRDS_TRAIN = 'birds/birds-train.arff';
const BIRDS_TEST = 'birds/birds-test.arff';
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

  test("'auto' only while the fold models' dense rows fit in memory together; sparse rows and explicit k are not bounded", () => {
    // 4 x 4,000 x 10,000 x 4 bytes = 640 MB: folds; at 20,000 features 1.28 GB: carve
    assert.equal(foldBytes(5, 4000, 10_000), 640_000_000);
    assert.equal(foldsFor({ folds: 'auto', patience: 10 }, 4000, 10_000), AUTO_FOLDS);
    assert.ok(foldBytes(5, 4000, 20_000) > AUTO_FOLDS_MAX_BYTES);
    assert.equal(foldsFor({ folds: 'auto', patience: 10 }, 4000, 20_000), 0);
    assert.equal(foldsFor({ folds: 'auto', patience: 10 }, 4000, undefined), AUTO_FOLDS, 'sparse rows: no bound');
    assert.equal(foldsFor({ folds: 5, patience: 10 }, 4000, 20_000), 5, 'asked for: granted');
  });

  test('checkTrainJob: folds is auto, 0 or a whole number >= 2', () => {
    for (const folds of [1, -2, 2.5, Number.NaN]) assert.throws(() => checkTrainJob(job({ folds })), /folds must be/);
    for (const folds of ['auto', 0, 2, 10] as const) assert.doesNotThrow(() => checkTrainJob(job({ folds })));
  });
});

describe('ensemble setting', () => {
  test('checkTrainJob: a whole number from 1 to 20', () => {
    for (const ensemble of [0, -1, 1.5, 21, Number.NaN]) assert.throws(() => checkTrainJob(job({ ensemble })), /ensemble must be a whole number from 1/);
    for (const ensemble of [1, 3, 20]) assert.doesNotThrow(() => checkTrainJob(job({ ensemble })));
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

  test('the run folder: fold models in lockstep, the pooled out-of-fold curve, the final model for its best epoch', async () => {
    const runsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'il-cv-'));
    const settings = { runsDir, folds: 3, epochs: 6, patience: 2 } as const;
    const messages: FromTrainingWorker[] = [];
    const summary = await runTraining(job(settings), (m) => messages.push(m));
    assert.equal(summary.status, 'completed', summary.error);
    const result = summary.strategies[0];
    const lines = (file: string) => fs.readFileSync(path.join(summary.runDir, file), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as EpochRecord & { fold?: number });
    const curve = lines('metrics.jsonl');
    const folds = lines('folds.jsonl');
    assert.deepEqual(curve.map((r) => r.epoch), Array.from({ length: result.epochsRun }, (_, i) => i + 1));
    assert.equal(folds.length, 3 * result.epochsRun, 'every fold runs every epoch of the curve');

    // The curve: the fold models' mean train loss, the row-weighted mean of their held-out losses.
    const split = await prepareSplit(job(settings));
    const heldRows = [0, 1, 2].map((f) => split.folds!.of.filter((x) => x === f).length);
    for (const record of curve) {
      const mine = folds.filter((r) => r.epoch === record.epoch).sort((a, b) => a.fold! - b.fold!);
      assert.deepEqual(mine.map((r) => r.fold), [1, 2, 3]);
      assert.ok(Math.abs(record.trainLoss - mine.reduce((s, r) => s + r.trainLoss, 0) / 3) < 1e-9, `epoch ${record.epoch}: mean train loss`);
      const pooledLoss = mine.reduce((s, r, f) => s + r.validationLoss! * heldRows[f], 0) / 391;
      assert.ok(Math.abs(record.validationLoss! - pooledLoss) < 1e-9, `epoch ${record.epoch}: pooled validation loss`);
      assert.equal(record.perLabelF1!.length, 6);
    }
    // The best epoch: the first of highest pooled macro-F1 after the warm-up (patience 2: from epoch 3); patience 2 stops two epochs after it.
    const watched = curve.filter((r) => r.epoch >= 3);
    const bestF1 = Math.max(...watched.map((r) => r.macroF1!));
    assert.equal(result.bestEpoch, watched.find((r) => r.macroF1 === bestF1)!.epoch);
    assert.equal(result.stoppedEarly, result.epochsRun < 6);
    assert.equal(curve.filter((r) => r.best).at(-1)!.epoch, result.bestEpoch, 'the last epoch flagged best in metrics.jsonl is the one kept');
    assert.ok(curve.filter((r) => r.best).every((r) => r.epoch >= 3), 'no warm-up epoch is flagged');
    if (result.stoppedEarly) assert.equal(result.epochsRun, result.bestEpoch + 2);
    // The out-of-fold scores kept are those of the best epoch: the estimate at 0.5 (computeMetrics) is the curve's macro-F1 there.
    close(result.validation!.fixed.macroF1, bestF1, 'out-of-fold macro-F1 at the best epoch');
    assert.deepEqual(result.foldMacroF1, folds.filter((r) => r.epoch === result.bestEpoch).map((r) => r.macroF1));

    // Lockstep changes nothing: fold 2's model trained alone (same rows, features, seed) gives the same epochs.
    const f = 1;
    const own = subsetTable(split.train, rowsOutsidePart(split.folds!.of, f));
    const featurizer = fitFeaturizer(own);
    const heldOut = rowsOfParts(split.folds!.of, 3)[f];
    const alone = await trainModel(trainingSetFrom(featurizer, own), trainingSetFrom(featurizer, split.train, heldOut), {
      model: { hidden: DEFAULT_JOB_SETTINGS.hidden, dropout: DEFAULT_JOB_SETTINGS.dropout },
      loss: lossConfigFor('bce'),
      epochs: result.epochsRun,
      batchSize: DEFAULT_JOB_SETTINGS.batchSize,
      learningRate: DEFAULT_JOB_SETTINGS.learningRate,
      patience: 0,
      threshold: 0.5,
      seed: deriveSeed(DEFAULT_JOB_SETTINGS.seed, 100 + f),
      engine: 'wasm',
    });
    const lockstep = folds.filter((r) => r.fold === f + 1);
    for (const [e, report] of alone.epochs.entries()) {
      assert.ok(Math.abs(report.trainLoss - lockstep[e].trainLoss) < 1e-12, `epoch ${e + 1}: train loss alone ${report.trainLoss} vs in lockstep ${lockstep[e].trainLoss}`);
      assert.ok(Math.abs(report.validationLoss! - lockstep[e].validationLoss!) < 1e-12, `epoch ${e + 1}: held-out loss`);
      assert.equal(report.macroF1, lockstep[e].macroF1);
    }

    // The final model: the mean of 3 models (the default ensemble), each on every training row for exactly the best epoch's count.
    assert.equal(result.ensemble, 3);
    const final = lines('final.jsonl') as (EpochRecord & { member?: number })[];
    for (const member of [1, 2, 3]) {
      assert.deepEqual(final.filter((r) => r.member === member).map((r) => r.epoch), Array.from({ length: result.bestEpoch }, (_, i) => i + 1), `member ${member}`);
    }
    assert.equal(final.length, 3 * result.bestEpoch);
    const finals = messages.filter((m) => m.type === 'finalModel');
    assert.deepEqual(finals, [1, 2, 3].map((member) => ({ type: 'finalModel', strategy: 'bce', member, of: 3, epochs: result.bestEpoch })));
    // the host's epoch messages are the pooled curve, one per epoch run
    assert.deepEqual(messages.flatMap((m) => (m.type === 'epoch' ? [m.record.epoch] : [])), curve.map((r) => r.epoch));
    assert.ok(final.every((r) => r.validationLoss === null && r.macroF1 === null));
    const config = JSON.parse(fs.readFileSync(path.join(summary.runDir, 'config.json'), 'utf8')) as { trainingRows: number; train: { epochs: number; patience: number }; crossValidation: { folds: number; bestEpoch: number }; ensemble: { members: number; seeds: number[] } };
    assert.deepEqual([config.trainingRows, config.train.epochs, config.train.patience, config.crossValidation.folds, config.crossValidation.bestEpoch], [391, result.bestEpoch, 0, 3, result.bestEpoch]);
    assert.equal(config.ensemble.members, 3);
    assert.equal(config.ensemble.seeds[0], DEFAULT_JOB_SETTINGS.seed, 'the first member keeps the job seed');
    assert.equal(new Set(config.ensemble.seeds).size, 3, 'each member its own seed');
    const model = JSON.parse(fs.readFileSync(path.join(summary.runDir, 'model.json'), 'utf8')) as { hidden: number[] };
    assert.deepEqual(model.hidden, [3 * 128], 'saved as one MLP with the members side by side');
    // Open Run reads the out-of-fold curve back, capped by the fold models' epochs (not the final model's)
    const history = await readRunHistory(summary);
    assert.equal(history.epochs, 6);
    assert.deepEqual(history.history[0].records.map((r) => r.macroF1), curve.map((r) => r.macroF1));
    const thresholds = JSON.parse(fs.readFileSync(path.join(summary.runDir, 'thresholds.json'), 'utf8')) as { tunedOn: string };
    assert.equal(thresholds.tunedOn, 'cross-validation');
    assert.match(summary.evaluation!.thresholdSource, /out-of-fold scores of the 391 training rows \(3-fold cross-validation\)/);
  });

  test('a single strategy keeps its tuned thresholds only when they beat 0.5 out of fold', { skip: skipUnlessDatasets(BIRDS_TRAIN, BIRDS_TEST) }, async () => {
    // birds, 3 folds, 20 epochs, wbce: out of fold the tuned thresholds score below 0.5 (on the test rows they would score above: the rule never looks there)
    const birds = (epochs: number) => ({ ...job({ runsDir: fs.mkdtempSync(path.join(os.tmpdir(), 'il-cv-thr-')), file: datasetPath(BIRDS_TRAIN)!, testFile: datasetPath(BIRDS_TEST)!, strategies: [{ loss: 'wbce', resampling: 'none' }] }), folds: 3, epochs, patience: 3, ensemble: 1 });
    const summary = await runTraining(birds(20), () => undefined);
    assert.equal(summary.status, 'completed', summary.error);
    const result = summary.strategies[0];
    const v = result.validation!;
    assert.ok(v.tuned.macroF1 < v.fixed.macroF1, `out of fold: ${v.tuned.macroF1} tuned vs ${v.fixed.macroF1} at 0.5`);
    assert.equal(summary.thresholdsTuned, false);
    assert.equal(summary.thresholdsReason, `tuned thresholds did not beat 0.5 out of fold: macro-F1 ${v.tuned.macroF1.toFixed(3)} tuned vs ${v.fixed.macroF1.toFixed(3)} at 0.5`);
    assert.ok(summary.evaluation!.perLabel.every((l) => l.threshold === 0.5), 'the evaluation at 0.5');
    assert.equal(summary.evaluation!.thresholdSource, '0.5 for every label (the tuned thresholds did not beat it out of fold)');
    assert.ok(Math.abs(summary.evaluation!.averages.macro.f1! - result.fixed.macroF1) < 1e-12);
    // the tuned thresholds are still saved for whoever wants them
    const saved = JSON.parse(fs.readFileSync(path.join(summary.runDir, 'thresholds.json'), 'utf8')) as { tunedOn: string; thresholds: Record<string, number> };
    assert.equal(saved.tunedOn, 'cross-validation');
    assert.ok(Object.values(saved.thresholds).some((t) => t !== 0.5));
    // what the user reads: the CLI table, the Runs view's headline
    const table = summaryTable(summary);
    assert.match(table, / test F1@0\.5\* +test F1 tuned +micro-F1/, 'the column in force is starred');
    assert.match(table, /\n\* thresholds in force: 0\.5 \(tuned thresholds did not beat 0\.5 out of fold: macro-F1 0\.\d{3} tuned vs 0\.\d{3} at 0\.5\)\n$/);
    assert.equal(runDescription(summary), `macro-F1 ${result.fixed.macroF1.toFixed(2)} (0.5)`);
    assert.equal(usesTunedThresholds(summary), false);

    // with 10 epochs they do beat it, and are in force
    const ten = await runTraining(birds(10), () => undefined);
    const tv = ten.strategies[0].validation!;
    assert.ok(tv.tuned.macroF1 > tv.fixed.macroF1);
    assert.equal(ten.thresholdsTuned, true);
    assert.match(ten.thresholdsReason!, /^tuned thresholds beat 0\.5 out of fold: /);
    assert.match(ten.evaluation!.thresholdSource, /^per label, tuned for F1 on the out-of-fold scores of the 322 training rows \(3-fold cross-validation\)$/);
    assert.equal(runDescription(ten), `macro-F1 ${ten.strategies[0].tuned.macroF1.toFixed(2)} (tuned)`);
    assert.match(summaryTable(ten), / test F1@0\.5 +test F1 tuned\* +micro-F1/);
    assert.match(summaryTable(ten), /\n\* thresholds in force: tuned \(tuned thresholds beat 0\.5 out of fold: /);
  });
});
