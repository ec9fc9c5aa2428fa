/**
 * The Runs view and the commands on runs, from the extension's sources against a fake `vscode`,
 * on temp runs folders with hand-written run.json files: labels, headline texts, status icons,
 * a comparison's strategies, refresh by the file watcher, Open Run and Compare Runs from disk,
 * Delete Run (confirmed, and refused outside a runs folder), and the pure helpers behind them.
 * Run: node --import tsx --test test/unit/extension.training.tree.test.ts
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import type { RunComparisonView, TrainingView } from '../../src/protocol/dashboard.js';
import type * as CompareRunsModule from '../../src/extension/commands/compareRuns.js';
import type * as OpenRunModule from '../../src/extension/commands/openRun.js';
import type { ExtensionServices } from '../../src/extension/services.js';
import type * as RunArgsModule from '../../src/extension/training/runArgs.js';
import type * as RunCommandsModule from '../../src/extension/training/runCommands.js';
import type * as RunFilesModule from '../../src/extension/training/runFiles.js';
import type * as RunsLocationModule from '../../src/extension/training/runsLocation.js';
import type * as RunsTreeModule from '../../src/extension/training/runsTree.js';
import type * as TestFileModule from '../../src/extension/training/testFile.js';
import type * as TrainingRunnerModule from '../../src/extension/training/trainingRunner.js';
import { createFakeVscode, type ThemeIcon, type TreeItem } from './helpers/fakeVscode.js';
import { epoch, loadSources, metrics, removeTempDirs, result, scriptedClient, settle, summary, tempDir, writeRun } from './extension.training.fixtures.js';

type Modules = [
  typeof RunsTreeModule,
  typeof RunCommandsModule,
  typeof RunFilesModule,
  typeof OpenRunModule,
  typeof CompareRunsModule,
  typeof RunArgsModule,
  typeof RunsLocationModule,
  typeof TestFileModule,
  typeof TrainingRunnerModule,
];

function setup(options: { live?: { runDir: string; progress: string } } = {}) {
  const fake = createFakeVscode();
  const workspace = tempDir('il-runs-ws-');
  fake.setWorkspaceFolders(workspace);
  const runsDir = path.join(workspace, '.imbalance-lens', 'runs');
  fs.mkdirSync(runsDir, { recursive: true });
  const [tree, commands, files, openRun, compareRuns, args, location, testFile, runnerModule] = loadSources<Modules>(
    fake.vscode,
    'src/extension/training/runsTree.ts',
    'src/extension/training/runCommands.ts',
    'src/extension/training/runFiles.ts',
    'src/extension/commands/openRun.ts',
    'src/extension/commands/compareRuns.ts',
    'src/extension/training/runArgs.ts',
    'src/extension/training/runsLocation.ts',
    'src/extension/training/testFile.ts',
    'src/extension/training/trainingRunner.ts',
  );
  const shown: { view: TrainingView; evaluation: unknown }[] = [];
  const compared: RunComparisonView[] = [];
  const dashboards = {
    showTraining: (view: TrainingView, evaluation?: unknown) => void shown.push({ view, evaluation }),
    showRunComparison: (view: RunComparisonView) => void compared.push(view),
    trainingProgress: () => undefined,
    find: () => undefined,
  };
  const log = fake.vscode.window.createOutputChannel();
  const services = { log, dashboards } as unknown as ExtensionServices;
  const { client, calls } = scriptedClient();
  const runner = new runnerModule.TrainingRunner({ log: log as never, panels: dashboards, client, workerScript: '' });
  const changed = new fake.vscode.EventEmitter<void>();
  const registered = tree.registerRunsView({ runsDirs: location.workspaceRunsDirs, live: () => options.live }, changed.event, 10);
  const view = fake.recorded.treeViews[0];
  return { ...fake, calls, workspace, runsDir, tree, commands, files, args, location, testFile, registered, view, changed, shown, compared, services, runner, openRun: openRun.openRunCommand, compareRuns: compareRuns.compareRunsCommand };
}

type Setup = ReturnType<typeof setup>;

/** A trained baseline (validation rows: tuned), a comparison recommending focal, and a cancelled, a failed and a `running` run. */
function writeRuns(t: Setup) {
  const baseline = writeRun(t.runsDir, '20240301-100000-d-wbce', (dir) => summary(dir, { strategies: [result('wbce', dir, metrics(0.55), metrics(0.6234, 0.7, 0.66, 0.41))] }), {
    wbce: [epoch(1, 0.3, [0.2, 0.3, 0.4]), epoch(2, 0.5, [0.4, 0.5, 0.6]), epoch(3, 0.45, [0.3, 0.5, 0.55])],
  });
  const comparison = writeRun(
    t.runsDir,
    '20240305-090000-d-compare',
    (dir) =>
      summary(dir, {
        kind: 'compare',
        startedAt: '2024-03-05T09:00:00.000Z',
        strategies: [
          result('bce', path.join(dir, 'bce'), metrics(0.5), metrics(0.6, 0.6, 0.6, 0.3)),
          result('focal', path.join(dir, 'focal'), metrics(0.52), metrics(0.7049, 0.7, 0.7, 0.456)),
          result('bce+mlros', path.join(dir, 'bce+mlros'), metrics(0.51), metrics(0.65, 0.6, 0.6, 0.5)),
        ],
        recommendation: { strategy: 'focal', tuned: true, chosenOn: 'validation', reason: 'Focal loss with tuned thresholds: the highest macro-F1 on the validation rows (0.70 vs 0.60 for plain BCE).' },
      }),
    { 'bce+mlros': [epoch(1, 0.3)], bce: [epoch(1, 0.2), epoch(2, 0.4)], focal: [epoch(1, 0.1)] },
  );
  const cancelled = writeRun(t.runsDir, '20240303-080000-d-compare', (dir) =>
    summary(dir, { kind: 'compare', status: 'cancelled', startedAt: '2024-03-03T08:00:00.000Z', strategies: [result('bce', path.join(dir, 'bce'), metrics(0.5), metrics(0.6))] }),
  );
  const failed = writeRun(t.runsDir, '20240302-080000-d-asl', (dir) => summary(dir, { status: 'failed', startedAt: '2024-03-02T08:00:00.000Z', error: 'MLSMOTE needs at least two rows of a label' }));
  const running = writeRun(t.runsDir, '20240306-080000-d-cb', (dir) => summary(dir, { status: 'running', startedAt: '2024-03-06T08:00:00.000Z', finishedAt: undefined }));
  // Not runs: a folder without run.json, and a run.json that is not a run summary.
  fs.mkdirSync(path.join(t.runsDir, 'notes'));
  fs.mkdirSync(path.join(t.runsDir, 'broken'));
  fs.writeFileSync(path.join(t.runsDir, 'broken', 'run.json'), '{"kind": "train"');
  return { baseline, comparison, cancelled, failed, running };
}

const iconOf = (item: TreeItem) => item.iconPath as ThemeIcon;

after(removeTempDirs);

describe('Runs view', () => {
  test('registered as imbalanceLens.runs with several runs selectable; lists the runs newest first with their headline and status', async () => {
    const t = setup();
    const runs = writeRuns(t);
    assert.equal(t.view.id, 'imbalanceLens.runs');
    assert.equal(t.view.options.canSelectMany, true);
    const roots = await t.view.items();
    assert.deepEqual(roots.map((r) => r.item.label), ['d-cb', 'd-compare', 'd-compare', 'd-asl', 'd-wbce']);
    const byDir = new Map(roots.map((r) => [(r.node as { runDir: string }).runDir, r.item]));
    const item = (dir: string) => byDir.get(dir)!;
    assert.equal(item(runs.baseline).description, 'macro-F1 0.62 (tuned)');
    assert.equal(item(runs.comparison).description, 'focal · macro-F1 0.70 (tuned)');
    assert.equal(item(runs.cancelled).description, 'cancelled · 1 strategy finished');
    assert.equal(item(runs.failed).description, 'failed');
    assert.equal(item(runs.running).description, 'running · not in this window (interrupted?)');
    assert.deepEqual(
      [runs.baseline, runs.comparison, runs.cancelled, runs.failed, runs.running].map((d) => [iconOf(item(d)).id, iconOf(item(d)).color?.id]),
      [['pass', 'testing.iconPassed'], ['pass', 'testing.iconPassed'], ['circle-slash', 'disabledForeground'], ['error', 'testing.iconFailed'], ['debug-disconnect', 'list.warningForeground']],
    );
    assert.match(String(item(runs.failed).tooltip), /Error: MLSMOTE needs at least two rows of a label/);
    assert.match(String(item(runs.comparison).tooltip), /Recommended: Focal loss with tuned thresholds/);
    assert.deepEqual(item(runs.baseline).command, { command: 'imbalanceLens.openRun', title: 'Open Run', arguments: [runs.baseline] });
    assert.equal(item(runs.baseline).contextValue, 'run');
    assert.equal(item(runs.baseline).collapsibleState, 0, 'a baseline has no children');
    assert.equal(item(runs.comparison).collapsibleState, 1, 'a comparison expands to its strategies');
  });

  test('a comparison expands to its strategies, the recommended one starred, each with its tuned macro-F1 and tail F1', async () => {
    const t = setup();
    const runs = writeRuns(t);
    const roots = await t.view.items();
    const comparison = roots.find((r) => (r.node as { runDir: string }).runDir === runs.comparison)!;
    const children = await t.view.items(comparison.node);
    assert.deepEqual(children.map((c) => [c.item.label, c.item.description, iconOf(c.item).id]), [
      ['bce', 'macro-F1 0.60 (tuned) · tail F1 0.30', 'symbol-event'],
      ['focal', 'recommended · macro-F1 0.70 (tuned) · tail F1 0.46', 'star-full'],
      ['bce+mlros', 'macro-F1 0.65 (tuned) · tail F1 0.50', 'symbol-event'],
    ]);
    assert.ok(children.every((c) => c.item.contextValue === 'strategy'));
    assert.equal(children[1].item.tooltip, 'Focal loss with tuned thresholds: the highest macro-F1 on the validation rows (0.70 vs 0.60 for plain BCE).');
  });

  test('a run without validation rows reads at the threshold 0.5; the run this window trains says where it is', async () => {
    const live = { runDir: '', progress: 'strategy 2/7 (focal)' };
    const t = setup({ live });
    const plain = writeRun(t.runsDir, '20240301-100000-p', (dir) => summary(dir, { split: { source: 'x', train: 80, validation: 0, test: 20, absent: [] }, strategies: [result('bce', dir, metrics(0.5549), metrics(0.5549))] }));
    const running = writeRun(t.runsDir, '20240307-100000-r', (dir) => summary(dir, { kind: 'compare', status: 'running', startedAt: '2024-03-07T10:00:00.000Z' }));
    live.runDir = running;
    const [first, second] = await t.view.items();
    assert.equal(second.item.description, 'macro-F1 0.55 (0.5)');
    assert.equal((second.node as { runDir: string }).runDir, plain);
    assert.equal(first.item.description, 'training · strategy 2/7 (focal)');
    assert.equal(iconOf(first.item).id, 'sync~spin');
    assert.equal(first.item.contextValue, 'run.live', 'the context menu offers no Delete for it');
  });

  test('a baseline whose tuned thresholds did not beat 0.5 out of fold reads at 0.5 and says why; one saved before the rule reads tuned', async () => {
    const t = setup();
    const reason = 'tuned thresholds did not beat 0.5 out of fold: macro-F1 0.349 tuned vs 0.365 at 0.5';
    const kept = writeRun(t.runsDir, '20240302-100000-k', (dir) => summary(dir, { thresholdsTuned: false, thresholdsReason: reason, strategies: [result('wbce', dir, metrics(0.4384), metrics(0.3891))] }));
    const old = writeRun(t.runsDir, '20240301-100000-o', (dir) => summary(dir, { strategies: [result('wbce', dir, metrics(0.4384), metrics(0.3891))] }));
    const items = new Map((await t.view.items()).map((r) => [(r.node as { runDir: string }).runDir, r.item]));
    assert.equal(items.get(kept)!.description, 'macro-F1 0.44 (0.5)');
    assert.match(String(items.get(kept)!.tooltip), /Test macro-F1 \(threshold 0\.5\): wbce 0\.438\nThresholds: 0\.5, as tuned thresholds did not beat 0\.5 out of fold: macro-F1 0\.349 tuned vs 0\.365 at 0\.5\n/);
    assert.equal(items.get(old)!.description, 'macro-F1 0.39 (tuned)', 'no thresholdsTuned: tuned, as such runs were evaluated');
  });

  test('no runs folder yet: no runs (the welcome view shows); a run.json written later refreshes the view through the watcher', async () => {
    const t = setup();
    fs.rmSync(t.runsDir, { recursive: true });
    assert.deepEqual(await t.view.items(), []);
    const watcher = t.recorded.fileWatchers.at(-1)!;
    assert.ok(watcher.matches(t.Uri.file(path.join(t.runsDir, 'x', 'run.json'))));
    assert.ok(watcher.matches(t.Uri.file(path.join(t.runsDir, 'x'))), 'a run folder made or deleted');
    assert.equal(watcher.matches(t.Uri.file(path.join(t.runsDir, 'x', 'bce', 'metrics.jsonl'))), false, 'not every metrics line');
    const before = t.view.changes;
    const dir = writeRun(t.runsDir, '20240401-000000-new', (d) => summary(d));
    t.fireFileSystemEvent('create', t.Uri.file(path.join(dir, 'run.json')));
    t.fireFileSystemEvent('change', t.Uri.file(path.join(dir, 'run.json')));
    await settle(40);
    assert.equal(t.view.changes, before + 1, 'two events, one refresh');
    assert.deepEqual((await t.view.items()).map((r) => r.item.label), ['new']);
    fs.rmSync(dir, { recursive: true });
    t.fireFileSystemEvent('delete', t.Uri.file(dir));
    await settle(40);
    assert.equal(t.view.changes, before + 2);
    t.changed.fire();
    assert.equal(t.view.changes, before + 3, 'the runner’s own changes refresh at once');
  });

  test('a new runs folder setting watches the new folder and lists its runs; the old watcher is disposed', async () => {
    const t = setup();
    writeRuns(t);
    const oldWatcher = t.recorded.fileWatchers.at(-1)!;
    const elsewhere = tempDir('il-runs-elsewhere-');
    writeRun(elsewhere, '20240101-000000-other', (d) => summary(d));
    t.changeSettings({ 'imbalanceLens.runsFolder': elsewhere });
    assert.equal(oldWatcher.disposed, true);
    assert.ok(t.recorded.fileWatchers.at(-1)!.matches(t.Uri.file(path.join(elsewhere, 'a', 'run.json'))));
    assert.deepEqual((await t.view.items()).map((r) => r.item.label), ['other']);
    t.registered.disposable.dispose();
    assert.ok(t.view.disposed && t.recorded.fileWatchers.every((w) => w.disposed));
  });
});

describe('Open Run and Compare Runs from disk', () => {
  test('Open Run on a folder: run.json and each strategy’s metrics.jsonl, strategies in training order', async () => {
    const t = setup();
    const runs = writeRuns(t);
    await t.openRun(t.services, t.runner, runs.comparison);
    const { view } = t.shown[0];
    assert.equal(view.kind, 'training');
    assert.equal(view.file, runs.comparison);
    assert.equal(view.live, false);
    assert.deepEqual(view.strategies, ['bce', 'focal', 'bce+mlros'], 'the summary’s order, not the folder listing’s');
    assert.deepEqual(view.history.map((h) => [h.strategy, h.records.map((r) => r.epoch)]), [['bce', [1, 2]], ['focal', [1]], ['bce+mlros', [1]]]);
    assert.equal(view.epochs, 3);
    assert.equal(view.summary.recommendation?.strategy, 'focal');
  });

  test('Open Run without a run asks in a quick pick (newest first); with no runs it says how to make one', async () => {
    const t = setup();
    await t.openRun(t.services, t.runner, undefined);
    assert.match(t.recorded.infos[0], /no training runs in this workspace yet/);
    const runs = writeRuns(t);
    t.recorded.quickPickAnswers.push('d-wbce');
    await t.openRun(t.services, t.runner, undefined);
    assert.deepEqual(t.recorded.quickPicks[0].labels, ['d-cb', 'd-compare', 'd-compare', 'd-asl', 'd-wbce']);
    assert.equal(t.shown[0].view.file, runs.baseline);
  });

  test('Open Run on a folder that is no run: one clear message', async () => {
    const t = setup();
    await t.openRun(t.services, t.runner, path.join(t.runsDir, 'notes-not-there'));
    assert.equal(t.shown.length, 0);
    assert.match(t.recorded.errors[0], /^Imbalance Lens: .*notes-not-there holds no readable run\.json/);
  });

  test('Compare Runs on two selected runs: each run’s evaluated strategy with its headline metrics', async () => {
    const t = setup();
    const runs = writeRuns(t);
    const roots = await t.view.items();
    const a = roots.find((r) => (r.node as { runDir: string }).runDir === runs.baseline)!.node;
    const b = roots.find((r) => (r.node as { runDir: string }).runDir === runs.comparison)!.node;
    await t.compareRuns(t.services, a, [a, b]);
    const [view] = t.compared;
    assert.equal(view.kind, 'runComparison');
    assert.deepEqual([view.file, view.otherFile], [runs.baseline, runs.comparison]);
    assert.deepEqual(view.runs.map((r) => [r.strategy, r.tuned?.macroF1]), [['wbce', 0.6234], ['focal', 0.7049]]);
    assert.deepEqual(view.runs[0].perLabel, [], 'no evaluation written: nothing per label');
  });

  test('Compare Runs with one run selected asks for the second, the selected one checked; not two checked: nothing compared', async () => {
    const t = setup();
    const runs = writeRuns(t);
    t.recorded.quickPickAnswers.push(['d-wbce', 'd-asl']);
    await t.compareRuns(t.services, runs.baseline, [runs.baseline]);
    const items = t.recorded.quickPickItems[0];
    assert.deepEqual(items.filter((i) => i.picked).map((i) => i.label), ['d-wbce']);
    assert.deepEqual([t.compared[0].file, t.compared[0].otherFile], [runs.baseline, runs.failed]);
    t.recorded.quickPickAnswers.push(['d-wbce']);
    await t.compareRuns(t.services, undefined, undefined);
    assert.equal(t.compared.length, 1);
    assert.match(t.recorded.warnings.at(-1)!, /check exactly two runs to compare \(1 checked\)/);
  });
});

describe('Delete Run', () => {
  test('asks in a modal naming the folder; Delete removes it, Cancel keeps it', async () => {
    const t = setup();
    const runs = writeRuns(t);
    assert.equal(await t.commands.deleteRunCommand(t.services, t.runner, t.registered.provider, { type: 'run', runDir: runs.baseline }), false);
    assert.equal(t.recorded.modals[0].message, 'Delete the run “d-wbce”?');
    assert.deepEqual(t.recorded.modals[0].items, ['Delete']);
    assert.match(t.recorded.modals[0].detail!, /cannot be undone/);
    assert.ok(fs.existsSync(runs.baseline));
    t.recorded.modalAnswers.push('Delete');
    assert.equal(await t.commands.deleteRunCommand(t.services, t.runner, t.registered.provider, { type: 'run', runDir: runs.baseline }), true);
    assert.equal(fs.existsSync(runs.baseline), false);
    assert.ok(fs.existsSync(t.runsDir), 'the runs folder stays');
  });

  test('refused outside a runs folder: another folder with a run.json, the runs folder itself, a folder without run.json, a link out', async () => {
    const t = setup();
    writeRuns(t);
    const outside = writeRun(tempDir('il-outside-'), 'x', (d) => summary(d));
    const linked = path.join(t.runsDir, 'linked');
    fs.symlinkSync(outside, linked);
    const refused: [string, RegExp][] = [
      [outside, /is not inside a runs folder/],
      [t.runsDir, /is not inside a runs folder/],
      [path.join(t.runsDir, 'notes'), /holds no run\.json/],
      [linked, /is not inside a runs folder/],
    ];
    for (const [dir, message] of refused) {
      t.recorded.modalAnswers.push('Delete');
      assert.equal(await t.commands.deleteRunCommand(t.services, t.runner, undefined, dir), false, dir);
      assert.match(t.recorded.errors.at(-1)!, message);
      assert.ok(fs.existsSync(dir), `${dir} is still there`);
    }
    assert.ok(fs.existsSync(path.join(outside, 'run.json')));
    await assert.rejects(t.files.deleteRunFolder(outside, [t.runsDir]), /not inside a runs folder/);
  });

  test('refused in Restricted Mode, and for the run training now', async () => {
    const t = setup();
    const runs = writeRuns(t);
    t.vscode.workspace.isTrusted = false;
    assert.equal(await t.commands.deleteRunCommand(t.services, t.runner, undefined, runs.baseline), false);
    assert.match(t.recorded.warnings[0], /Deleting a run writes files, which is turned off in Restricted Mode/);
    assert.equal(t.recorded.modals.length, 0);

    t.vscode.workspace.isTrusted = true;
    const job = { kind: 'train', file: '/data/d.csv', runsDir: t.runsDir, strategies: [{ loss: 'bce', resampling: 'none' }], hidden: [], dropout: 0, epochs: 2, patience: 0, batchSize: 8, learningRate: 0.01, seed: 0, ratios: [0.7, 0.15, 0.15] } as const;
    void t.runner.start({ ...job, strategies: [...job.strategies], hidden: [], ratios: [...job.ratios] }, 'training bce');
    await settle();
    t.calls[0].emit({ type: 'prepared', summary: summary(runs.running, { status: 'running' }), strategies: ['bce'], epochs: 2 });
    t.recorded.modalAnswers.push('Delete');
    assert.equal(await t.commands.deleteRunCommand(t.services, t.runner, undefined, runs.running), false);
    assert.match(t.recorded.warnings.at(-1)!, /this run is training now\. Cancel it first/);
    assert.ok(fs.existsSync(runs.running));
    t.calls[0].resolve(summary(runs.running));
  });
});

describe('helpers', () => {
  test('run folders from arguments: a run node, a strategy node, a path, a URI of the folder or its run.json', () => {
    const { args, Uri } = setup();
    const run = { type: 'run', runDir: '/w/runs/a' };
    assert.equal(args.runDirOf(run), '/w/runs/a');
    assert.equal(args.runDirOf({ type: 'strategy', run, result: {} }), '/w/runs/a');
    assert.equal(args.runDirOf('/w/runs/b'), '/w/runs/b');
    assert.equal(args.runDirOf(Uri.file('/w/runs/c/run.json')), path.resolve('/w/runs/c'));
    assert.equal(args.runDirOf(Uri.file('/w/runs/c')), path.resolve('/w/runs/c'));
    assert.equal(args.runDirOf(42), undefined);
    assert.deepEqual(args.selectedRunDirs(run, [run, { type: 'strategy', run }, { type: 'run', runDir: '/w/runs/d' }]), ['/w/runs/a', '/w/runs/d']);
    assert.deepEqual(args.selectedRunDirs(run, undefined), ['/w/runs/a']);
  });

  test('the runs folder: relative to the workspace folder, absolute as written, beside a dataset outside the workspace', () => {
    const { location } = setup();
    assert.equal(location.resolveRunsDir('.imbalance-lens/runs', '/w', '/w/data'), path.resolve('/w/.imbalance-lens/runs'));
    assert.equal(location.resolveRunsDir('/abs/runs', '/w', '/w/data'), path.resolve('/abs/runs'));
    assert.equal(location.resolveRunsDir('runs', undefined, '/elsewhere/data'), path.resolve('/elsewhere/data/runs'));
  });

  test('inside a folder: strictly, and not through ..', () => {
    const { files } = setup();
    assert.equal(files.isStrictlyInside('/r/runs/a', '/r/runs'), true);
    assert.equal(files.isStrictlyInside('/r/runs', '/r/runs'), false);
    assert.equal(files.isStrictlyInside('/r/runs/../x', '/r/runs'), false);
    assert.equal(files.isStrictlyInside('/r/runs-2/a', '/r/runs'), false);
    assert.equal(files.isStrictlyInside('/r/runs/..a', '/r/runs'), true, 'a folder named ..a is inside');
  });

  test('the test half of a train/test pair: -train, _train, .train (any case), the same extension; nothing for other names', async () => {
    const { testFile } = setup();
    assert.deepEqual(testFile.testNamesFor('emotions-train.arff'), ['emotions-test.arff', 'emotions-tst.arff', 'emotions-testing.arff']);
    assert.deepEqual(testFile.testNamesFor('Yeast_TRAIN.csv')[0], 'yeast_test.csv');
    assert.deepEqual(testFile.testNamesFor('scene.train.arff')[0], 'scene.test.arff');
    assert.deepEqual(testFile.testNamesFor('emotions.arff'), []);
    assert.deepEqual(testFile.testNamesFor('train.csv'), [], 'no name before “train”');
    assert.deepEqual(testFile.testNamesFor('retrain.csv'), []);
    const dir = tempDir('il-pair-');
    for (const f of ['Yeast_TRAIN.csv', 'Yeast_TEST.csv', 'emotions-train.arff', 'emotions-test.csv']) fs.writeFileSync(path.join(dir, f), '');
    assert.equal(await testFile.siblingTestFile(path.join(dir, 'Yeast_TRAIN.csv')), path.join(dir, 'Yeast_TEST.csv'));
    assert.equal(await testFile.siblingTestFile(path.join(dir, 'emotions-train.arff')), undefined, 'another extension is not its test half');
  });

  test('a run folder moved since it was written is read where it is, its strategies too', async () => {
    const t = setup();
    const dir = writeRun(t.runsDir, 'moved', () => summary('/old/place/moved', { kind: 'compare', strategies: [result('bce', '/old/place/moved/bce', metrics(0.5), metrics(0.6))] }));
    const read = await t.files.readRunSummary(dir);
    assert.equal(read?.runDir, dir);
    assert.equal(read?.strategies[0].runDir, path.join(dir, 'bce'));
  });
});
