/**
 * Whole training runs on a real dataset (emotions train/test, a few epochs): the run folder and
 * every file in it, run.json's statuses as the run goes, metrics.jsonl, predictions.csv checked
 * by hand and through `imbalance-lens evaluate`, the saved model reproducing the predictions,
 * the parity mode (patience 0), and a cancel that keeps the finished strategies.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { runCli } from '../../src/cli/main.js';
import { readDatasetTable } from '../../src/core/data/datasetTable.js';
import { DatasetError } from '../../src/core/errors.js';
import { openDataset, scanLabels } from '../../src/core/io/open.js';
import { transformTable } from '../../src/core/train/features/index.js';
import { sigmoid } from '../../src/core/train/lossKernels.js';
import { predictLogits } from '../../src/core/train/model.js';
import { loadModel } from '../../src/core/train/modelJson.js';
import { runTraining } from '../../src/core/train/run/runTraining.js';
import { DEFAULT_JOB_SETTINGS } from '../../src/core/train/run/trainJob.js';
import type { EpochRecord, FromTrainingWorker, RunSummary, TrainJob } from '../../src/protocol/training.js';
import { datasetPath, skipUnlessDatasets } from './helpers/datasets.js';

const FILES = ['emotions/emotions-train.arff', 'emotions/emotions-test.arff', 'emotions/emotions.xml'];
// as fs.readdirSync(dir, { recursive: true }) lists them, sorted (the tfjs/ folder, then its files)
const RUN_FILES = ['config.json', 'featurizer.json', 'metrics.jsonl', 'model.json', 'predictions.csv', 'tfjs', 'tfjs/group1-shard1of1.bin', 'tfjs/model.json', 'thresholds.json'];

/** The emotions pair copied to a temp folder (to check it is never written), and a runs folder there. */
function workspace(): { dir: string; train: string; test: string; runs: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'il-run-'));
  for (const f of FILES) fs.copyFileSync(datasetPath(f)!, path.join(dir, path.basename(f)));
  return { dir, train: path.join(dir, 'emotions-train.arff'), test: path.join(dir, 'emotions-test.arff'), runs: path.join(dir, 'runs') };
}

/** A job with a carved validation part (folds 0); train.runCv.test.ts covers cross-validation. */
function job(ws: { train: string; test: string; runs: string }, extra: Partial<TrainJob>): TrainJob {
  return { kind: 'train', file: ws.train, testFile: ws.test, runsDir: ws.runs, strategies: [{ loss: 'wbce', resampling: 'none' }], ...DEFAULT_JOB_SETTINGS, folds: 0, epochs: 4, ...extra };
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

/** predictions.csv as rows of numbers (the first column the row key). */
function readPredictions(file: string): { header: string[]; keys: string[]; scores: number[][] } {
  const [head, ...lines] = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
  const rows = lines.map((l) => l.split(','));
  return { header: head.split(','), keys: rows.map((r) => r[0]), scores: rows.map((r) => r.slice(1).map(Number)) };
}

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false }, new AbortController().signal);
  return { code, stdout, stderr };
}

describe('a training run', { skip: skipUnlessDatasets(...FILES) }, () => {
  test('writes the run folder with every file; run.json running, then completed; the dataset untouched', async () => {
    const ws = workspace();
    const before = fs.readFileSync(ws.train);
    const messages: FromTrainingWorker[] = [];
    const seen: Record<string, RunSummary> = {};
    const summary = await runTraining(job(ws, { patience: 2 }), (m) => {
      messages.push(m);
      // what a reader of run.json sees at each milestone
      if (m.type === 'prepared' || m.type === 'strategyDone') seen[m.type] = readJson<RunSummary>(path.join(messages[0].type === 'prepared' ? messages[0].summary.runDir : '', 'run.json'));
    });
    assert.equal(summary.status, 'completed', summary.error);
    assert.match(path.basename(summary.runDir), /^\d{8}-\d{6}-emotions-train$/);
    assert.equal(path.dirname(summary.runDir), ws.runs);
    assert.deepEqual(fs.readdirSync(summary.runDir, { recursive: true }).sort(), ['run.json', ...RUN_FILES].sort(), 'every file, and no temp file left');
    assert.ok(fs.readFileSync(ws.train).equals(before), 'the dataset was written');
    assert.deepEqual(fs.readdirSync(ws.dir).sort(), ['emotions-test.arff', 'emotions-train.arff', 'emotions.xml', 'runs']);

    assert.equal(seen.prepared.status, 'running');
    assert.deepEqual(seen.prepared.strategies, []);
    assert.equal(seen.strategyDone.status, 'running');
    assert.equal(seen.strategyDone.strategies.length, 1);
    const onDisk = readJson<RunSummary>(path.join(summary.runDir, 'run.json'));
    assert.equal(onDisk.status, 'completed');
    assert.deepEqual(onDisk, JSON.parse(JSON.stringify(summary)));
    assert.ok(Date.parse(onDisk.finishedAt!) >= Date.parse(onDisk.startedAt));

    // the messages in order: prepared, strategyStarted, epochs 1..n, strategyDone, finished
    const types = messages.filter((m) => m.type !== 'log').map((m) => m.type);
    const result = summary.strategies[0];
    assert.deepEqual(types, ['prepared', 'strategyStarted', ...Array<string>(result.epochsRun).fill('epoch'), 'strategyDone', 'finished']);
    assert.equal(summary.kind, 'train');
    assert.equal(summary.recommendation, undefined);
    assert.deepEqual([summary.split.train + summary.split.validation, summary.split.test], [391, 202]);
    assert.equal(result.runDir, summary.runDir, 'a train run keeps its files in the run folder itself');
    assert.ok(['wasm', 'js', 'tensorflow (tfjs-node)', 'cpu'].includes(summary.backend));

    // metrics.jsonl: one line per epoch with the protocol's fields
    const records = fs.readFileSync(path.join(summary.runDir, 'metrics.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as EpochRecord);
    assert.equal(records.length, result.epochsRun);
    records.forEach((r, i) => {
      // `best` only on the epochs early stopping kept at the time
      assert.deepEqual(Object.keys(r).filter((k) => k !== 'best').sort(), ['epoch', 'macroF1', 'microF1', 'ms', 'perLabelF1', 'trainLoss', 'validationLoss']);
      assert.ok(r.best === undefined || r.best === true);
      assert.equal(r.epoch, i + 1);
      assert.ok(r.trainLoss > 0 && r.validationLoss! > 0 && r.ms >= 0);
      assert.ok(r.macroF1! >= 0 && r.macroF1! <= 1 && r.microF1! >= 0 && r.microF1! <= 1);
      assert.equal(r.perLabelF1!.length, 6);
      // macro-F1 is the mean of the per-label F1s
      assert.ok(Math.abs(r.macroF1! - r.perLabelF1!.reduce((a, b) => a + b, 0) / 6) < 1e-12);
    });
    const bestByValidation = records.reduce((a, b) => (b.macroF1! > a.macroF1! ? b : a));
    assert.equal(result.bestEpoch, bestByValidation.epoch);
    const flagged = records.filter((r) => r.best);
    assert.equal(flagged.at(-1)!.epoch, result.bestEpoch, 'the last epoch flagged best is the one kept');
    flagged.slice(1).forEach((r, i) => assert.ok(r.macroF1! > flagged[i].macroF1!, 'each flagged epoch beats the one before'));

    // config.json and thresholds.json
    const config = readJson<{ strategy: string; train: { loss: { kind: string }; batchSize: number; model: { hidden: number[] } } }>(path.join(summary.runDir, 'config.json'));
    assert.deepEqual([config.strategy, config.train.loss.kind, config.train.batchSize, config.train.model.hidden], ['wbce', 'weightedBce', 64, [128]]);
    const thresholds = readJson<{ thresholds: Record<string, number>; tunedOn: string }>(path.join(summary.runDir, 'thresholds.json'));
    assert.equal(thresholds.tunedOn, 'validation');
    assert.deepEqual(Object.keys(thresholds.thresholds), summary.labelNames);
    // the tuned thresholds are in force only when they beat 0.5 on the validation halves (the comparison's rule with one strategy)
    const validation = result.validation!;
    assert.equal(summary.thresholdsTuned, validation.tuned.macroF1 > validation.fixed.macroF1);
    assert.equal(summary.recommendation, undefined, 'a single strategy is not a recommendation');
    const inForce = summary.thresholdsTuned ? Object.values(thresholds.thresholds) : summary.labelNames.map(() => 0.5);
    assert.deepEqual(summary.evaluation!.perLabel.map((l) => l.threshold), inForce, 'the evaluation uses the thresholds in force');
    assert.equal(summary.thresholdsReason, `tuned thresholds ${summary.thresholdsTuned ? 'beat' : 'did not beat'} 0.5 on the validation rows, each half scored at the thresholds tuned on the other: macro-F1 ${validation.tuned.macroF1.toFixed(3)} tuned vs ${validation.fixed.macroF1.toFixed(3)} at 0.5`);
  });

  test('predictions.csv: checked by hand, through `imbalance-lens evaluate`, and reproduced by model.json', async () => {
    const ws = workspace();
    const summary = await runTraining(job(ws, { patience: 2, epochs: 3 }), () => {});
    const predFile = path.join(summary.runDir, 'predictions.csv');
    const thresholdsFile = path.join(summary.runDir, 'thresholds.json');
    const pred = readPredictions(predFile);
    assert.deepEqual(pred.header, ['line_id', ...summary.labelNames]);
    const testTable = await readDatasetTable(await openDataset(ws.test));
    assert.deepEqual(pred.keys.map(Number), Array.from(testTable.lines), 'the source line of each test row (the file has no id column)');

    // macro-F1 at 0.5 by hand from the file and the truth
    const truth = (await scanLabels(ws.test)).matrix;
    const f1s = summary.labelNames.map((_, l) => {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      pred.scores.forEach((row, i) => {
        const positive = Array.from(truth.labels.subarray(truth.offsets[i], truth.offsets[i + 1])).includes(l);
        const predicted = row[l] >= 0.5;
        if (predicted && positive) tp++;
        else if (predicted) fp++;
        else if (positive) fn++;
      });
      return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
    });
    const result = summary.strategies[0];
    assert.ok(Math.abs(f1s.reduce((a, b) => a + b, 0) / f1s.length - result.fixed.macroF1) < 1e-12);

    // the evaluate command reads the file against the test file: the same numbers, at 0.5 and with the thresholds file
    const fixed = await cli('evaluate', '--truth', ws.test, '--pred', predFile, '--format', 'json');
    assert.equal(fixed.code, 0, fixed.stderr);
    const fixedReport = JSON.parse(fixed.stdout);
    assert.equal(fixedReport.scoreKind, 'probabilities');
    assert.ok(Math.abs(fixedReport.averages.macro.f1 - result.fixed.macroF1) < 1e-12);
    assert.ok(Math.abs(fixedReport.mAP.macro - result.fixed.mAP) < 1e-12);
    const tuned = await cli('evaluate', '--truth', ws.test, '--pred', predFile, '--thresholds', thresholdsFile, '--format', 'json');
    assert.equal(tuned.code, 0, tuned.stderr);
    const tunedReport = JSON.parse(tuned.stdout);
    assert.ok(Math.abs(tunedReport.averages.macro.f1 - result.tuned.macroF1) < 1e-12);
    assert.ok(Math.abs(tunedReport.averages.micro.f1 - result.tuned.microF1) < 1e-12);
    const inForce = summary.thresholdsTuned ? tunedReport : fixedReport;
    assert.ok(Math.abs(inForce.averages.macro.f1 - summary.evaluation!.averages.macro.f1!) < 1e-12, 'the run\'s evaluation is at the thresholds in force');

    // model.json alone (weights + featurizer) gives the same scores on the test file
    const saved = loadModel(readJson(path.join(summary.runDir, 'model.json')));
    assert.deepEqual(saved.featurizer, readJson(path.join(summary.runDir, 'featurizer.json')));
    const logits = predictLogits(saved.model, transformTable(saved.featurizer, testTable), testTable.rows);
    const labels = summary.labelNames.length;
    pred.scores.forEach((row, i) => row.forEach((score, l) => assert.equal(score, sigmoid(logits[i * labels + l]))));
  });

  test('patience 0 with a test file: every training row, exactly N epochs, thresholds left at 0.5', async () => {
    const ws = workspace();
    const logs: string[] = [];
    const summary = await runTraining(job(ws, { patience: 0, epochs: 3, strategies: [{ loss: 'bce', resampling: 'none' }] }), (m) => m.type === 'log' && logs.push(m.message));
    assert.equal(summary.status, 'completed');
    assert.deepEqual([summary.split.train, summary.split.validation, summary.split.test], [391, 0, 202]);
    const result = summary.strategies[0];
    assert.deepEqual([result.epochsRun, result.bestEpoch, result.stoppedEarly], [3, 3, false]);
    assert.deepEqual(result.tuned, result.fixed);
    const thresholds = readJson<{ thresholds: Record<string, number>; tunedOn: string | null }>(path.join(summary.runDir, 'thresholds.json'));
    assert.equal(thresholds.tunedOn, null);
    assert.ok(Object.values(thresholds.thresholds).every((t) => t === 0.5));
    const records = fs.readFileSync(path.join(summary.runDir, 'metrics.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as EpochRecord);
    assert.ok(records.every((r) => r.validationLoss === null && r.macroF1 === null));
    assert.match(logs.join('\n'), /No validation split/);
    assert.match(summary.evaluation!.thresholdSource, /no validation split/);
  });

  test('a compare cancelled during its second strategy: cancelled, the finished strategy kept', async () => {
    const ws = workspace();
    const controller = new AbortController();
    const messages: FromTrainingWorker[] = [];
    const strategies = [{ loss: 'bce', resampling: 'none' }, { loss: 'asl', resampling: 'none' }, { loss: 'cb', resampling: 'none' }] as const;
    const summary = await runTraining(job(ws, { kind: 'compare', patience: 0, epochs: 20, strategies: [...strategies], testFile: undefined }), (m) => {
      messages.push(m);
      if (m.type === 'epoch' && m.strategy === 'asl' && m.record.epoch === 2) controller.abort();
    }, { signal: controller.signal });
    assert.equal(summary.status, 'cancelled');
    assert.deepEqual(summary.strategies.map((s) => s.strategy), ['bce']);
    assert.equal(summary.recommendation, undefined);
    const onDisk = readJson<RunSummary>(path.join(summary.runDir, 'run.json'));
    assert.equal(onDisk.status, 'cancelled');
    assert.deepEqual(onDisk.strategies.map((s) => s.strategy), ['bce']);
    assert.equal(messages.at(-1)?.type, 'finished');
    assert.ok(!messages.some((m) => m.type === 'strategyStarted' && m.strategy === 'cb'), 'nothing ran after the cancel');
    // a compare run keeps each strategy in its own folder; the cancelled one has its first epochs only
    assert.deepEqual(fs.readdirSync(path.join(summary.runDir, 'bce'), { recursive: true }).sort(), RUN_FILES);
    const aslEpochs = fs.readFileSync(path.join(summary.runDir, 'asl', 'metrics.jsonl'), 'utf8').trimEnd().split('\n');
    assert.equal(aslEpochs.length, 2);
    // no test file: the training file was split 70/15/15
    assert.match(summary.split.source, /^iterative stratification 70\/15\/15/);
  });

  test('problems before the run folder exists are thrown, and nothing is written', async () => {
    const ws = workspace();
    const missing = path.join(ws.dir, 'missing.arff');
    await assert.rejects(runTraining(job(ws, { file: missing }), () => {}), (e: unknown) => e instanceof DatasetError && e.file === missing);
    await assert.rejects(runTraining(job(ws, { epochs: 0 }), () => {}), /epochs must be a whole number >= 1/);
    assert.equal(fs.existsSync(ws.runs), false);
  });
});
