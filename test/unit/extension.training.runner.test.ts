/**
 * Train Baseline, Compare Imbalance Strategies and Cancel Training from the extension's sources,
 * against a fake `vscode` and a scripted training client: the wizards' defaults and the test-file
 * step, the job sent, Restricted Mode, the progress notification, status bar item, context key
 * and live panel while a run trains, cancelling, failures, and one run at a time.
 * Run: node --import tsx --test test/unit/extension.training.runner.test.ts
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { DEFAULT_JOB_SETTINGS } from '../../src/core/train/run/trainJob.js';
import { TrainingRunError } from '../../src/core/train/run/workerClient.js';
import type { TrainingEvent, TrainingView } from '../../src/protocol/dashboard.js';
import type { RunSummary } from '../../src/protocol/training.js';
import type * as CancelModule from '../../src/extension/commands/cancelTraining.js';
import type * as CompareModule from '../../src/extension/commands/compareStrategies.js';
import type * as OpenRunModule from '../../src/extension/commands/openRun.js';
import type * as TrainModule from '../../src/extension/commands/trainBaseline.js';
import type { ExtensionServices } from '../../src/extension/services.js';
import type * as RunnerModule from '../../src/extension/training/trainingRunner.js';
import { createFakeVscode } from './helpers/fakeVscode.js';
import { loadSources, metrics, playRun, removeTempDirs, result, scriptedClient, settle, summary, tempDir, type ClientCall } from './extension.training.fixtures.js';

const CONTEXT_KEY = 'imbalanceLens.trainingActive';
const LOSSES = ['wbce', 'bce', 'focal', 'asl', 'cb'];
const MODELS = ['MLP 128', 'MLP 256-128', 'Linear'];
const STRATEGIES = ['bce', 'wbce', 'focal', 'asl', 'cb', 'bce+mlros', 'bce+mlsmote'];

function fakePanels() {
  const shown: { view: TrainingView; evaluation: unknown }[] = [];
  const progress: { runDir: string; event: TrainingEvent }[] = [];
  const finals: { file: string; view: TrainingView }[] = [];
  return {
    shown,
    progress,
    finals,
    showTraining(view: TrainingView, evaluation?: unknown) {
      shown.push({ view: structuredClone(view), evaluation });
    },
    trainingProgress(runDir: string, event: TrainingEvent) {
      progress.push({ runDir, event });
    },
    find(_kind: 'training', file: string) {
      return { showTraining: (view: TrainingView) => void finals.push({ file, view: structuredClone(view) }) };
    },
    showRunComparison() {},
  };
}

function setup(script?: (call: ClientCall) => Promise<RunSummary>, options: { trusted?: boolean } = {}) {
  const fake = createFakeVscode();
  fake.vscode.workspace.isTrusted = options.trusted ?? true;
  const workspace = tempDir('il-train-ws-');
  fake.setWorkspaceFolders(workspace);
  const [runnerModule, train, compare, cancel, openRun] = loadSources<[typeof RunnerModule, typeof TrainModule, typeof CompareModule, typeof CancelModule, typeof OpenRunModule]>(
    fake.vscode,
    'src/extension/training/trainingRunner.ts',
    'src/extension/commands/trainBaseline.ts',
    'src/extension/commands/compareStrategies.ts',
    'src/extension/commands/cancelTraining.ts',
    'src/extension/commands/openRun.ts',
  );
  const panels = fakePanels();
  const { client, calls } = scriptedClient(script);
  const log = fake.vscode.window.createOutputChannel();
  const runner = new runnerModule.TrainingRunner({ log: log as never, panels, client, workerScript: '/ext/dist/trainWorker.js' });
  const services = { log, dashboards: panels } as unknown as ExtensionServices;
  const deps = { services, runner, wasmDir: '/ext/dist' };
  const file = (name: string, text = 'a,b\n1,0\n') => {
    const f = path.join(workspace, name);
    fs.writeFileSync(f, text);
    return fake.Uri.file(f);
  };
  return {
    ...fake,
    workspace,
    runner,
    panels,
    calls,
    file,
    train: (arg: unknown) => train.trainBaselineCommand(deps, arg),
    compare: (arg: unknown) => compare.compareStrategiesCommand(deps, arg),
    cancel: () => cancel.cancelTrainingCommand(runner),
    openRun: (arg: unknown) => openRun.openRunCommand(services, runner, arg),
  };
}

/** Waits until the client has been called `n` times. */
async function calledTimes(calls: unknown[], n: number): Promise<void> {
  for (let i = 0; i < 200 && calls.length < n; i++) await settle(5);
  assert.equal(calls.length, n, `the training client was called ${n} time(s)`);
}

after(removeTempDirs);

describe('Train Baseline wizard', () => {
  test('loss first with weighted BCE on top (Enter takes it), a line for each, then MLP 128 first; no test-file step without a train/test pair; the job', async () => {
    const t = setup(async (call) => playRun(call, path.join(call.job.runsDir, '20240301-100000-d-wbce')));
    const dataset = t.file('d.csv');
    const summaryOut = await t.train(dataset);
    assert.equal(summaryOut?.status, 'completed');
    assert.deepEqual(t.recorded.quickPicks.map((q) => q.labels), [LOSSES, MODELS]);
    assert.deepEqual(t.recorded.quickPicks.map((q) => q.title), ['Imbalance Lens: Train a baseline on d.csv (1/2)', 'Imbalance Lens: Train a baseline on d.csv (2/2)']);
    for (const item of t.recorded.quickPickItems[0]) assert.ok(item.description && item.detail && item.detail.length > 30, `${item.label} is described`);
    assert.match(t.recorded.quickPickItems[0][0].description!, /weighted BCE \(default\)/);
    assert.match(t.recorded.quickPickItems[0].find((i) => i.label === 'focal')!.detail!, /γ = 2/);
    const [{ job }] = t.calls;
    assert.deepEqual(job, {
      kind: 'train',
      file: dataset.fsPath,
      runsDir: path.join(t.workspace, '.imbalance-lens', 'runs'),
      name: 'd-wbce',
      strategies: [{ loss: 'wbce', resampling: 'none' }],
      hidden: [128],
      epochs: 60,
      patience: 10,
      seed: 0,
      // the rest as the engine's defaults (the CLI's too)
      dropout: DEFAULT_JOB_SETTINGS.dropout,
      batchSize: DEFAULT_JOB_SETTINGS.batchSize,
      learningRate: DEFAULT_JOB_SETTINGS.learningRate,
      ratios: [0.7, 0.15, 0.15],
      folds: 'auto',
      wasmDir: '/ext/dist',
    });
  });

  test('the settings: epochs, patience, seed and a runs folder (relative to the workspace folder, or absolute), and how to read the file', async () => {
    const t = setup(async (call) => playRun(call, path.join(call.job.runsDir, 'r')));
    Object.assign(t.recorded.settings, {
      'imbalanceLens.training.epochs': 5,
      'imbalanceLens.training.patience': 0,
      'imbalanceLens.training.seed': 7,
      'imbalanceLens.runsFolder': 'out/runs',
      'imbalanceLens.labelListColumn': 'tags',
    });
    await t.train(t.file('d.csv'));
    const { job } = t.calls[0];
    assert.deepEqual([job.epochs, job.patience, job.seed, job.runsDir], [5, 0, 7, path.join(t.workspace, 'out', 'runs')]);
    assert.deepEqual(job.read, { labelColumn: 'tags' });
    const absolute = tempDir('il-runs-abs-');
    t.recorded.settings['imbalanceLens.runsFolder'] = absolute;
    t.recorded.settings['imbalanceLens.training.epochs'] = 'many';
    await t.train(t.file('d.csv'));
    assert.equal(t.calls[1].job.runsDir, absolute);
    assert.equal(t.calls[1].job.epochs, 60, 'a value of the wrong type falls back to the default');
  });

  test('for emotions-train.arff with emotions-test.arff beside it, a third step offers that test file first; the other choices leave it out', async () => {
    const t = setup(async (call) => playRun(call, path.join(call.job.runsDir, 'r')));
    const dataset = t.file('emotions-train.arff');
    t.file('emotions-test.arff');
    t.file('emotions.xml');
    await t.train(dataset);
    assert.equal(t.recorded.quickPicks.length, 3);
    assert.equal(t.recorded.quickPicks[2].title, 'Imbalance Lens: Train a baseline on emotions-train.arff (3/3)');
    assert.deepEqual(t.recorded.quickPicks[2].labels, ['$(file) emotions-test.arff', '$(split-horizontal) No separate test file', '$(folder-opened) Another test file…']);
    assert.equal(t.calls[0].job.testFile, path.join(t.workspace, 'emotions-test.arff'));
    assert.equal(t.calls[0].job.name, 'emotions-train-wbce');

    t.recorded.quickPickAnswers.push('focal', 'Linear', '$(split-horizontal) No separate test file');
    await t.train(dataset);
    const second = t.calls[1].job;
    assert.equal(second.testFile, undefined);
    assert.deepEqual(second.strategies, [{ loss: 'focal', resampling: 'none' }]);
    assert.deepEqual(second.hidden, []);
  });

  test('Escape at any step trains nothing', async () => {
    for (const answers of [[undefined], ['bce', undefined]]) {
      const t = setup(async (call) => playRun(call, 'r'));
      t.recorded.quickPickAnswers.push(...answers);
      assert.equal(await t.train(t.file('d.csv')), undefined);
      assert.equal(t.calls.length, 0);
      assert.deepEqual(t.recorded.progress, []);
    }
  });

  test('Restricted Mode: refused before any question, saying why, with the trust action', async () => {
    const t = setup(async (call) => playRun(call, 'r'), { trusted: false });
    assert.equal(await t.train(t.file('d.csv')), undefined);
    assert.equal(await t.compare(t.file('d.csv')), undefined);
    assert.deepEqual(t.recorded.quickPicks, []);
    assert.equal(t.calls.length, 0);
    assert.match(t.recorded.warnings[0], /^Imbalance Lens: Training a model writes files, which is turned off in Restricted Mode/);
    assert.match(t.recorded.warnings[1], /^Imbalance Lens: Comparing imbalance strategies writes files/);
  });
});

describe('Compare Imbalance Strategies wizard', () => {
  test('every loss and both resamplings, all checked, in the engine’s order; OK as is trains all seven', async () => {
    const t = setup(async (call) => playRun(call, 'r'));
    await t.compare(t.file('d.csv'));
    assert.deepEqual(t.recorded.quickPicks[0].labels, STRATEGIES);
    assert.ok(t.recorded.quickPickItems[0].every((i) => i.picked === true));
    assert.match(t.recorded.quickPickItems[0].find((i) => i.label === 'bce+mlsmote')!.detail!, /MLSMOTE .* training split only/);
    const { job } = t.calls[0];
    assert.equal(job.kind, 'compare');
    assert.equal(job.name, 'd-compare');
    assert.deepEqual(job.strategies.map((s) => (s.resampling === 'none' ? s.loss : `${s.loss}+${s.resampling}`)), STRATEGIES);
  });

  test('unchecking keeps the strategies checked; checking none trains nothing and says so', async () => {
    const t = setup(async (call) => playRun(call, 'r'));
    t.recorded.quickPickAnswers.push(['bce+mlsmote', 'focal'], 'MLP 256-128');
    await t.compare(t.file('d.csv'));
    assert.deepEqual(t.calls[0].job.strategies, [{ loss: 'bce', resampling: 'mlsmote' }, { loss: 'focal', resampling: 'none' }]);
    assert.deepEqual(t.calls[0].job.hidden, [256, 128]);
    t.recorded.quickPickAnswers.push([]);
    assert.equal(await t.compare(t.file('d.csv')), undefined);
    assert.equal(t.calls.length, 1);
    assert.match(t.recorded.warnings.at(-1)!, /pick at least one strategy/);
  });
});

describe('a run in the background', () => {
  test('progress notification, status bar item (opening the live view), context key, live panel fed per event, then one message', async () => {
    const t = setup();
    const running = t.train(t.file('d.csv'));
    await calledTimes(t.calls, 1);
    const call = t.calls[0];
    assert.equal(t.recorded.contextKeys.get(CONTEXT_KEY), true);
    const [notification] = t.recorded.progress;
    assert.equal(notification.title, 'Imbalance Lens: training wbce, MLP 128 on d.csv');
    assert.equal(notification.cancellable, true);
    const item = t.recorded.statusBarItems.find((i) => i.id === 'imbalanceLens.training')!;
    assert.ok(item.visible);
    assert.deepEqual(item.command, { command: 'imbalanceLens.showLog', title: 'Show Imbalance Lens Log' }, 'before the run folder exists, the log');

    const runDir = path.join(t.workspace, 'runs', '20240301-100000-d-wbce');
    const start = summary(runDir, { status: 'running', name: 'd-wbce' });
    call.emit({ type: 'prepared', summary: start, strategies: ['wbce'], epochs: 3 });
    assert.equal(t.panels.shown.length, 1, 'the live view opens when the run folder exists');
    assert.equal(t.panels.shown[0].view.live, true);
    assert.deepEqual(item.command, { command: 'imbalanceLens.openRun', title: 'Open the live training view', arguments: [runDir] });
    call.emit({ type: 'strategyStarted', strategy: 'wbce', index: 0, of: 1 });
    call.emit({ type: 'epoch', strategy: 'wbce', record: { epoch: 1, trainLoss: 0.7, validationLoss: 0.6, macroF1: 0.4, microF1: 0.5, perLabelF1: [0.1, 0.5, 0.6], ms: 3 } });
    call.emit({ type: 'epoch', strategy: 'wbce', record: { epoch: 2, trainLoss: 0.5, validationLoss: 0.55, macroF1: 0.5124, microF1: 0.6, perLabelF1: [0.2, 0.6, 0.7], ms: 3 } });
    assert.equal(notification.reports.at(-1)!.message, 'wbce · epoch 2/3 · val macro-F1 0.512');
    assert.equal(item.text, '$(sync~spin) d.csv: wbce · epoch 2/3 · val macro-F1 0.512');
    const increments = notification.reports.reduce((s, r) => s + (r.increment ?? 0), 0);
    assert.equal(increments, 66, 'two of three epochs of the only strategy');
    assert.deepEqual(t.panels.progress.map((p) => p.event.kind), ['strategyStarted', 'epoch', 'epoch']);
    assert.ok(t.panels.progress.every((p) => p.runDir === runDir));
    assert.deepEqual(t.runner.liveView(runDir)?.history, [{ strategy: 'wbce', records: [t.panels.progress[1].event, t.panels.progress[2].event].map((e) => (e as { record: unknown }).record) }]);

    const done = result('wbce', runDir, metrics(0.55), metrics(0.6234));
    call.emit({ type: 'strategyDone', result: done });
    const end = { ...start, status: 'completed' as const, strategies: [done], finishedAt: '2024-03-01T10:01:00.000Z' };
    call.emit({ type: 'finished', summary: end });
    call.resolve(end);
    assert.equal((await running)?.status, 'completed');
    await settle();
    assert.equal(notification.ended, true);
    assert.equal(t.recorded.contextKeys.get(CONTEXT_KEY), false);
    assert.equal(item.visible, false);
    assert.equal(t.runner.isTraining, false);
    assert.deepEqual(t.recorded.infos, ['Imbalance Lens: trained wbce on d.csv: test macro-F1 0.62 (tuned thresholds).']);
    assert.equal(t.panels.finals.length, 1, 'the open panel gets the final view');
    assert.equal(t.panels.finals[0].view.live, false);
    assert.equal(t.panels.finals[0].view.summary.status, 'completed');
    assert.ok(t.recorded.logs.some((l) => l.includes('[wbce] epoch 2: train loss 0.5000, validation loss 0.5500, validation macro-F1 0.5124')));
    assert.ok(t.recorded.logs.some((l) => l.includes('split: 70 training rows') || l.includes('run folder')));
  });

  test('a comparison says which strategy it is at, and its message names the recommended strategy', async () => {
    const t = setup();
    const running = t.compare(t.file('d.csv'));
    await calledTimes(t.calls, 1);
    const call = t.calls[0];
    const runDir = path.join(t.workspace, 'runs', 'c');
    // cross-validated: its epochs are scored out of fold, and the progress line says so
    const plain = summary(runDir, { kind: 'compare', status: 'running' });
    const start = { ...plain, split: { ...plain.split, validation: 0, folds: 5 } };
    call.emit({ type: 'prepared', summary: start, strategies: STRATEGIES, epochs: 10 });
    call.emit({ type: 'strategyStarted', strategy: 'focal', index: 2, of: 7 });
    call.emit({ type: 'epoch', strategy: 'focal', record: { epoch: 5, trainLoss: 0.1, validationLoss: 0.1, macroF1: 0.25, microF1: 0.3, perLabelF1: null, ms: 1 } });
    const notification = t.recorded.progress[0];
    assert.equal(notification.reports.at(-1)!.message, 'strategy 3/7 (focal) · epoch 5/10 · out-of-fold macro-F1 0.250');
    const percent = () => notification.reports.reduce((s, r) => s + (r.increment ?? 0), 0);
    // 5 folds and 3 final models: the folds' 10 epochs fill 4/7 of the strategy, half of it so far
    assert.equal(percent(), Math.floor((100 * (2 + 0.5 * (4 / 7))) / 7));
    // after the folds (stopped early at epoch 5), the final models train without epoch messages: the line says which one, and they share out the rest of the strategy
    call.emit({ type: 'finalModel', strategy: 'focal', member: 1, of: 3, epochs: 5 });
    assert.equal(percent(), Math.floor((100 * (2 + 0.5 * (4 / 7))) / 7), 'no jump when the first final model starts');
    call.emit({ type: 'finalModel', strategy: 'focal', member: 2, of: 3, epochs: 5 });
    assert.equal(notification.reports.at(-1)!.message, 'strategy 3/7 (focal) · final model 2/3: 5 epochs on every training row');
    assert.deepEqual(t.runner.liveView(runDir)?.finalModel, { member: 2, of: 3, epochs: 5 });
    const started = 0.5 * (4 / 7);
    assert.equal(percent(), Math.floor((100 * (2 + started + (1 - started) / 3)) / 7));
    call.emit({ type: 'strategyStarted', strategy: 'asl', index: 3, of: 7 });
    assert.equal(percent(), Math.floor((100 * 3) / 7), 'the next strategy starts where the last one ended');
    assert.deepEqual(t.panels.progress.map((p) => p.event.kind), ['strategyStarted', 'epoch', 'finalModel', 'finalModel', 'strategyStarted'], 'the live view hears of each final model');
    assert.equal(t.runner.liveView(runDir)?.finalModel, undefined, 'the next strategy starts with its folds');
    const results = [result('bce', runDir, metrics(0.5), metrics(0.6)), result('focal', runDir, metrics(0.5), metrics(0.7))];
    const end = { ...start, status: 'completed' as const, strategies: results, recommendation: { strategy: 'focal', tuned: true, chosenOn: 'validation' as const, reason: 'Focal loss with tuned thresholds: highest macro-F1.' } };
    call.resolve(end);
    await running;
    assert.deepEqual(t.recorded.infos, ['Imbalance Lens: compared 2 strategies on d.csv: focal is recommended (test macro-F1 0.70, tuned thresholds).']);
  });

  test('Open Run on the run training now shows its live view, not the folder on disk', async () => {
    const t = setup();
    void t.train(t.file('d.csv'));
    await calledTimes(t.calls, 1);
    const runDir = path.join(t.workspace, 'runs', 'live');
    t.calls[0].emit({ type: 'prepared', summary: summary(runDir, { status: 'running' }), strategies: ['wbce'], epochs: 3 });
    t.calls[0].emit({ type: 'strategyStarted', strategy: 'wbce', index: 0, of: 1 });
    await t.openRun(runDir);
    assert.equal(t.panels.shown.length, 2);
    assert.equal(t.panels.shown[1].view.live, true);
    assert.equal(t.panels.shown[1].view.current, 'wbce');
    t.calls[0].resolve(summary(runDir, { status: 'completed' }));
  });
});

describe('cancelling', () => {
  test('Cancel in the notification aborts the signal and ends the notification at once; the run ends marked cancelled', async () => {
    const t = setup();
    const running = t.train(t.file('d.csv'));
    await calledTimes(t.calls, 1);
    const call = t.calls[0];
    const runDir = path.join(t.workspace, 'runs', 'r');
    const start = summary(runDir, { status: 'running' });
    call.emit({ type: 'prepared', summary: start, strategies: ['wbce'], epochs: 60 });
    call.emit({ type: 'strategyStarted', strategy: 'wbce', index: 0, of: 1 });
    const notification = t.recorded.progress[0];
    notification.cancel();
    await settle();
    assert.equal(call.signal?.aborted, true);
    assert.equal(notification.ended, true, 'the notification is gone while the worker winds down');
    assert.equal(t.recorded.contextKeys.get(CONTEXT_KEY), false, 'Cancel Training is disabled again');
    const item = t.recorded.statusBarItems.find((i) => i.id === 'imbalanceLens.training')!;
    assert.match(item.text, /cancelling…$/);
    assert.equal(t.cancel(), false, 'a second cancel does nothing');
    call.resolve({ ...start, status: 'cancelled', finishedAt: '2024-03-01T10:00:30.000Z' });
    assert.equal((await running)?.status, 'cancelled');
    assert.deepEqual(t.recorded.infos, ['Imbalance Lens: training on d.csv cancelled. The run is kept, marked cancelled.']);
    assert.equal(t.panels.finals[0].view.summary.status, 'cancelled');
    assert.equal(item.visible, false);
  });

  test('Cancel Training (the command) does the same; with nothing running it says so', async () => {
    const t = setup();
    assert.equal(t.cancel(), false);
    assert.deepEqual(t.recorded.infos, ['Imbalance Lens: no training is running.']);
    const running = t.train(t.file('d.csv'));
    await calledTimes(t.calls, 1);
    assert.equal(t.cancel(), true);
    assert.equal(t.calls[0].signal?.aborted, true);
    await settle();
    assert.equal(t.recorded.progress[0].ended, true);
    // Cancelled before the run folder existed: the client rejects as an abort, and nothing is said beyond the log.
    const abort = new Error('training cancelled');
    abort.name = 'AbortError';
    t.calls[0].reject(abort);
    assert.equal(await running, undefined);
    assert.deepEqual(t.recorded.errors, []);
    assert.ok(t.recorded.logs.some((l) => /cancelled before anything was written/.test(l)));
  });
});

describe('failures', () => {
  test('a problem with the input shows its message as it is; the next run starts normally', async () => {
    let attempt = 0;
    const t = setup(async (call) => {
      attempt++;
      if (attempt === 1) throw new TrainingRunError('d.csv: no label columns found (set imbalanceLens.labelColumns)', true);
      return playRun(call, path.join(call.job.runsDir, 'ok'));
    });
    assert.equal(await t.train(t.file('d.csv')), undefined);
    assert.deepEqual(t.recorded.errors, ['Imbalance Lens: d.csv: no label columns found (set imbalanceLens.labelColumns)']);
    assert.equal(t.runner.isTraining, false);
    assert.equal(t.recorded.contextKeys.get(CONTEXT_KEY), false);
    assert.equal((await t.train(t.file('d.csv')))?.status, 'completed', 'the host carries on');
  });

  test('a worker crash after the run folder exists: the message, Show Log and Open Run, and the run marked failed in its panel', async () => {
    const t = setup();
    const running = t.train(t.file('d.csv'));
    await calledTimes(t.calls, 1);
    const runDir = path.join(t.workspace, 'runs', 'crashed');
    const start = summary(runDir, { status: 'running' });
    t.calls[0].emit({ type: 'prepared', summary: start, strategies: ['wbce'], epochs: 3 });
    t.calls[0].reject(new TrainingRunError('the training worker crashed: out of cheese', false, { ...start, status: 'failed', error: 'the training worker crashed: out of cheese' }));
    const out = await running;
    assert.equal(out?.status, 'failed');
    assert.deepEqual(t.recorded.errors, ['Imbalance Lens: training on d.csv failed: the training worker crashed: out of cheese']);
    assert.equal(t.panels.finals[0].view.summary.status, 'failed');
    assert.equal(t.panels.finals[0].view.summary.error, 'the training worker crashed: out of cheese');
    assert.ok(t.recorded.logs.some((l) => l.startsWith('error: ') && l.includes('out of cheese')));
  });

  test('a baseline whose tuned thresholds did not beat 0.5 out of fold: its message gives the figure at 0.5', async () => {
    const t = setup(async (call) => {
      const dir = path.join(call.job.runsDir, 'k');
      return summary(dir, { status: 'completed', thresholdsTuned: false, thresholdsReason: 'tuned thresholds did not beat 0.5 out of fold: macro-F1 0.349 tuned vs 0.365 at 0.5', strategies: [result('wbce', dir, metrics(0.4384), metrics(0.3891))] });
    });
    await t.train(t.file('d.csv'));
    assert.deepEqual(t.recorded.infos, ['Imbalance Lens: trained wbce on d.csv: test macro-F1 0.44 (threshold 0.5).']);
  });

  test('a run that ends failed (run.json says why) shows that reason', async () => {
    const t = setup(async (call) => summary(path.join(call.job.runsDir, 'f'), { status: 'failed', error: 'MLSMOTE needs numeric features' }));
    await t.train(t.file('d.csv'));
    assert.deepEqual(t.recorded.errors, ['Imbalance Lens: training on d.csv failed: MLSMOTE needs numeric features']);
  });

  test('an unexpected error is shown as one, with the details in the log', async () => {
    const t = setup(async () => {
      throw new TypeError('x is not a function');
    });
    assert.equal(await t.train(t.file('d.csv')), undefined);
    assert.deepEqual(t.recorded.errors, ['Imbalance Lens failed unexpectedly: x is not a function']);
    assert.equal(t.runner.isTraining, false);
  });
});

describe('one run at a time', () => {
  test('a second start asks: Escape leaves the first alone; “Start When It Ends” waits for it; “Cancel It and Start” cancels it first', async () => {
    const t = setup();
    const first = t.train(t.file('d.csv'));
    await calledTimes(t.calls, 1);

    t.recorded.modalAnswers.push(undefined);
    assert.equal(await t.train(t.file('d.csv')), undefined);
    assert.equal(t.recorded.modals.length, 1);
    assert.deepEqual(t.recorded.modals[0].items, ['Cancel It and Start', 'Start When It Ends']);
    assert.match(t.recorded.modals[0].message, /^A training run is in progress: training wbce, MLP 128 on d\.csv \(preparing the split…\)\.$/);
    assert.equal(t.calls.length, 1);
    assert.equal(t.calls[0].signal?.aborted, false);

    t.recorded.modalAnswers.push('Start When It Ends');
    const second = t.train(t.file('d.csv'));
    await settle(30);
    assert.equal(t.calls.length, 1, 'the second waits');
    t.calls[0].resolve(summary(path.join(t.workspace, 'runs', 'one')));
    await first;
    await calledTimes(t.calls, 2);

    t.recorded.modalAnswers.push('Cancel It and Start');
    const third = t.train(t.file('d.csv'));
    await settle(30);
    assert.equal(t.calls[1].signal?.aborted, true, 'the second is cancelled');
    assert.equal(t.calls.length, 2, 'the third waits until the second has ended');
    t.calls[1].resolve(summary(path.join(t.workspace, 'runs', 'two'), { status: 'cancelled' }));
    await second;
    await calledTimes(t.calls, 3);
    t.calls[2].resolve(summary(path.join(t.workspace, 'runs', 'three')));
    assert.equal((await third)?.runDir, path.join(t.workspace, 'runs', 'three'));
  });
});
