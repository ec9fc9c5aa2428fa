/**
 * Training through the built extension bundle activated against the fake `vscode`: what
 * package.json declares (commands, menus, the Runs view and its container, Restricted Mode), and
 * real runs of the bundled training worker (dist/trainWorker.js) on emotions-train: Train
 * Baseline with the wizard's defaults for 2 epochs into the workspace's runs folder, followed
 * live in its panel and listed in the Runs view; and a comparison cancelled after its first epoch.
 * Run: node scripts/build.mjs && node --import tsx --test test/unit/extension.training.test.ts
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { TrainingView } from '../../src/protocol/dashboard.js';
import { isHostMessage, PROTOCOL_VERSION } from '../../src/protocol/dashboard.js';
import type { RunSummary } from '../../src/protocol/training.js';
import { datasetPath, skipUnlessDatasets } from './helpers/datasets.js';
import { createFakeVscode, FakeWebviewPanel, requireWithVscode } from './helpers/fakeVscode.js';
import { removeTempDirs, settle, tempDir } from './extension.training.fixtures.js';

const root = path.resolve(__dirname, '../..');
const bundle = path.join(root, 'dist', 'extension.js');
const worker = path.join(root, 'dist', 'trainWorker.js');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const DATASET_WHEN = "resourceExtname =~ /^\\.(csv|tsv|jsonl|ndjson|arff)$/i";

interface ExtensionModule {
  activate(context: { subscriptions: { dispose(): unknown }[]; extensionUri: unknown }): void;
}

function activateFresh(options: { trusted?: boolean } = {}) {
  const fake = createFakeVscode();
  fake.vscode.workspace.isTrusted = options.trusted ?? true;
  const workspace = tempDir('il-train-bundle-');
  fake.setWorkspaceFolders(workspace);
  const extension = requireWithVscode(bundle, fake.vscode) as ExtensionModule;
  const context = { subscriptions: [] as { dispose(): unknown }[], extensionUri: fake.Uri.file(root) };
  extension.activate(context);
  const run = (command: string, ...args: unknown[]) => fake.recorded.commands.get(command)!(...args);
  return { ...fake, workspace, context, run };
}

/** emotions-train.arff with its test half and MULAN label file, copied into `dir`. */
function emotionsPair(dir: string): string {
  for (const name of ['emotions-train.arff', 'emotions-test.arff', 'emotions.xml']) fs.copyFileSync(datasetPath(`emotions/${name}`)!, path.join(dir, name));
  return path.join(dir, 'emotions-train.arff');
}

type Posted = FakeWebviewPanel['webview']['posted'][number];

async function until<T>(what: string, find: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() - started > timeoutMs) assert.fail(`timed out waiting for ${what}`);
    await settle(5);
  }
}

after(removeTempDirs);

describe('training: the manifest', () => {
  before(() => {
    if (!fs.existsSync(bundle)) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root });
  });

  test('the commands are declared and registered, training ones only in trusted workspaces, Cancel only while a run trains', () => {
    const { recorded } = activateFresh();
    const byId = new Map<string, { title: string; category: string; enablement?: string }>(manifest.contributes.commands.map((c: { command: string }) => [c.command, c]));
    const expected: [string, string, string | undefined][] = [
      ['imbalanceLens.trainBaseline', 'Train Baseline', 'isWorkspaceTrusted'],
      ['imbalanceLens.compareStrategies', 'Compare Imbalance Strategies', 'isWorkspaceTrusted'],
      ['imbalanceLens.cancelTraining', 'Cancel Training', 'imbalanceLens.trainingActive'],
      ['imbalanceLens.openRun', 'Open Run', undefined],
      ['imbalanceLens.compareRuns', 'Compare Runs', undefined],
      ['imbalanceLens.deleteRun', 'Delete Run', 'isWorkspaceTrusted'],
    ];
    for (const [id, title, enablement] of expected) {
      assert.ok(recorded.commands.has(id), `${id} registered`);
      assert.equal(byId.get(id)?.title, title);
      assert.equal(byId.get(id)?.category, 'Imbalance Lens');
      assert.equal(byId.get(id)?.enablement, enablement, `${id} enablement`);
    }
    const explorer: { command: string; when: string }[] = manifest.contributes.menus['explorer/context'];
    for (const id of ['imbalanceLens.trainBaseline', 'imbalanceLens.compareStrategies']) assert.equal(explorer.find((m) => m.command === id)?.when, `${DATASET_WHEN} && isWorkspaceTrusted`);
    const palette: { command: string; when: string }[] = manifest.contributes.menus.commandPalette;
    assert.equal(palette.find((m) => m.command === 'imbalanceLens.cancelTraining')?.when, 'imbalanceLens.trainingActive');
    for (const id of ['imbalanceLens.refreshRuns', 'imbalanceLens.revealRun', 'imbalanceLens.deleteRun']) assert.equal(palette.find((m) => m.command === id)?.when, 'false', `${id} only in the Runs view`);
    const item: { command: string; when: string }[] = manifest.contributes.menus['view/item/context'];
    assert.match(item.find((m) => m.command === 'imbalanceLens.deleteRun')!.when, /viewItem == run &&/, 'never on the run training now (run.live)');
    assert.match(item.find((m) => m.command === 'imbalanceLens.compareRuns')!.when, /viewItem =~ \/\^run\//);
  });

  test('the Runs view in an Imbalance Lens activity bar container, its icon a monochrome SVG, a welcome with the two commands', () => {
    const { recorded } = activateFresh();
    const [container] = manifest.contributes.viewsContainers.activitybar;
    assert.deepEqual(container, { id: 'imbalanceLens', title: 'Imbalance Lens', icon: 'media/activity-bar.svg' });
    assert.deepEqual(manifest.contributes.views.imbalanceLens.map((v: { id: string; name: string }) => [v.id, v.name]), [['imbalanceLens.runs', 'Runs']]);
    const svg = fs.readFileSync(path.join(root, container.icon), 'utf8');
    assert.match(svg, /^<svg [^>]*viewBox="0 0 24 24"/);
    assert.doesNotMatch(svg, /#[0-9a-f]{3,8}\b|rgb\(/i, 'no colour of its own: VS Code tints it');
    assert.match(svg, /currentColor/);
    const welcome = manifest.contributes.viewsWelcome.find((w: { view: string; when: string }) => w.view === 'imbalanceLens.runs' && w.when === 'isWorkspaceTrusted');
    assert.match(welcome.contents, /\(command:imbalanceLens\.trainBaseline\)/);
    assert.match(welcome.contents, /\(command:imbalanceLens\.compareStrategies\)/);
    assert.equal(recorded.treeViews.length, 1);
    assert.equal(recorded.treeViews[0].id, 'imbalanceLens.runs');
    assert.equal(recorded.treeViews[0].options.canSelectMany, true);
  });

  test('Restricted Mode: Train Baseline and Compare ask nothing and start no worker', async () => {
    const t = activateFresh({ trusted: false });
    await t.run('imbalanceLens.trainBaseline', t.Uri.file(path.join(t.workspace, 'd.csv')));
    await t.run('imbalanceLens.compareStrategies', t.Uri.file(path.join(t.workspace, 'd.csv')));
    assert.deepEqual(t.recorded.quickPicks, []);
    assert.deepEqual(t.recorded.progress, []);
    assert.equal(t.recorded.warnings.length, 2);
    assert.equal(fs.existsSync(path.join(t.workspace, '.imbalance-lens')), false);
  });
});

describe('training: the real worker', { skip: skipUnlessDatasets('emotions/emotions-train.arff', 'emotions/emotions-test.arff', 'emotions/emotions.xml') || (fs.existsSync(worker) ? false : 'dist/trainWorker.js not built; skipping') }, () => {
  before(() => {
    if (!fs.existsSync(bundle)) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root });
  });

  test('Train Baseline, Enter through the wizard, 2 epochs on emotions-train tested on emotions-test: the run folder, the live panel, the message and the Runs view agree', async () => {
    const t = activateFresh();
    const dataset = emotionsPair(t.workspace);
    t.recorded.settings['imbalanceLens.training.epochs'] = 2;
    const running = t.run('imbalanceLens.trainBaseline', t.Uri.file(dataset)) as Promise<RunSummary | undefined>;
    // The page of the live panel says ready as soon as the panel is there.
    const panel = await until('the live panel', () => t.recorded.panels[0]);
    panel.webview.send({ type: 'ready', state: null });
    const summary = await running;
    assert.deepEqual(t.recorded.errors, []);
    assert.ok(summary);
    assert.equal(t.recorded.quickPicks.length, 3, 'loss, model, and the test file (emotions-test.arff beside it)');

    // the run folder
    const runsDir = path.join(t.workspace, '.imbalance-lens', 'runs');
    assert.equal(path.dirname(summary.runDir), runsDir);
    assert.match(path.basename(summary.runDir), /^\d{8}-\d{6}-emotions-train-wbce$/);
    const onDisk = JSON.parse(fs.readFileSync(path.join(summary.runDir, 'run.json'), 'utf8')) as RunSummary;
    assert.equal(onDisk.status, 'completed');
    assert.equal(onDisk.split.test, 202, 'the 202 rows of emotions-test.arff');
    assert.equal(onDisk.strategies.length, 1);
    assert.equal(onDisk.strategies[0].strategy, 'wbce');
    assert.equal(onDisk.strategies[0].epochsRun, 2);
    for (const f of ['config.json', 'metrics.jsonl', 'thresholds.json', 'predictions.csv', 'model.json']) assert.ok(fs.existsSync(path.join(summary.runDir, f)), f);

    // the panel: the live view, the epochs (in the view or as progress, each once), then the final view with the evaluation
    assert.equal(panel.title, 'Run: emotions-train-wbce');
    assert.ok(panel.webview.posted.every((m) => isHostMessage(m)), 'every message is valid');
    const views = panel.webview.posted.filter((m) => m.type === 'view').map((m) => m.view as TrainingView);
    assert.equal(views[0].live, true);
    const last = views.at(-1)!;
    assert.equal(last.live, false);
    const progress = panel.webview.posted.flatMap((m) => (m.type === 'trainingProgress' ? [m.event] : []));
    const firstLive = panel.webview.posted.findIndex((m) => m.type === 'view');
    const epochsSeen = [
      ...(views[0].history[0]?.records.map((r) => r.epoch) ?? []),
      ...progress.flatMap((e) => (e.kind === 'epoch' ? [e.record.epoch] : [])),
    ];
    assert.ok(firstLive >= 0);
    assert.deepEqual(epochsSeen, [1, 2]);
    assert.deepEqual(last.history[0].records.map((r) => r.epoch), [1, 2]);
    assert.deepEqual(last.summary.strategies, onDisk.strategies);
    assert.equal(last.evaluation?.report.rows, 202);
    assert.deepEqual(last.evaluation?.curves.map((c) => c.label).sort(), [...onDisk.labelNames].sort(), 'six labels: all curves sent');

    // the message, the context key, the status bar item
    const macro = onDisk.strategies[0].tuned.macroF1.toFixed(2);
    assert.deepEqual(t.recorded.infos, [`Imbalance Lens: trained wbce on emotions-train.arff: test macro-F1 ${macro} (tuned thresholds).`]);
    const keys = t.recorded.executed.filter((e) => e.command === 'setContext' && e.args[0] === 'imbalanceLens.trainingActive').map((e) => e.args[1]);
    assert.deepEqual([keys[0], keys.at(-1)], [true, false]);
    assert.equal(t.recorded.statusBarItems.find((i) => i.id === 'imbalanceLens.training')?.visible, false);
    assert.equal(t.recorded.progress[0].ended, true);

    // the Runs view
    const [runItem, ...others] = await t.recorded.treeViews[0].items();
    assert.deepEqual(others, []);
    assert.equal(runItem.item.label, 'emotions-train-wbce');
    assert.equal(runItem.item.description, `macro-F1 ${macro} (tuned)`);

    // Refresh reads the folder again; the test evaluation's curves are served on request
    panel.webview.send({ type: 'refresh' });
    const done = await until('the refresh', () => panel.webview.posted.find((m: Posted) => m.type === 'done'));
    assert.equal(done.message, 'Refreshed: emotions-train-wbce: completed.');
    const label = onDisk.labelNames[5];
    panel.webview.send({ type: 'requestCurves', requestId: 9, labels: [label] });
    const curves = await until('the curves', () => panel.webview.posted.find((m: Posted) => m.type === 'curves'));
    assert.deepEqual((curves.curves as { label: string }[]).map((c) => c.label), [label]);

    // after a window reload the serializer brings the panel back from the run folder
    const serializer = t.recorded.serializers.get('imbalanceLens.dashboard')!;
    const restored = new FakeWebviewPanel('imbalanceLens.dashboard', 'Run: emotions-train-wbce');
    await serializer.deserializeWebviewPanel(restored, { protocol: PROTOCOL_VERSION, kind: 'training', file: summary.runDir, ui: { 'training.loss.log': true } });
    restored.webview.send({ type: 'ready', state: null });
    const again = (await until('the restored view', () => restored.webview.posted.find((m: Posted) => m.type === 'view'))).view as TrainingView;
    assert.equal(again.live, false);
    assert.deepEqual(again.summary.strategies, onDisk.strategies);
    assert.equal(restored.title, 'Run: emotions-train-wbce');
  });

  test('a worker that dies mid-run: its message with Show Log and Open Run, the run marked failed, and the extension carries on', async () => {
    const t = activateFresh();
    const dataset = emotionsPair(t.workspace);
    t.recorded.settings['imbalanceLens.training.epochs'] = 5;
    // The worker's test hook: exit with code 3 when epoch 2 is reported, as a crash would.
    process.env.IMBALANCE_LENS_TEST_TRAIN_WORKER_EXIT_AT_EPOCH = '2';
    let summary: RunSummary | undefined;
    try {
      summary = (await t.run('imbalanceLens.trainBaseline', t.Uri.file(dataset))) as RunSummary | undefined;
    } finally {
      delete process.env.IMBALANCE_LENS_TEST_TRAIN_WORKER_EXIT_AT_EPOCH;
    }
    assert.equal(summary?.status, 'failed');
    assert.deepEqual(t.recorded.errors, ['Imbalance Lens: training on emotions-train.arff failed: the training worker stopped before finishing (exit code 3)']);
    const onDisk = JSON.parse(fs.readFileSync(path.join(summary.runDir, 'run.json'), 'utf8')) as RunSummary;
    assert.equal(onDisk.status, 'failed');
    assert.equal(t.recorded.contextKeys.get('imbalanceLens.trainingActive'), false);
    const [runItem] = await t.recorded.treeViews[0].items();
    assert.equal(runItem.item.description, 'failed');
    // the next run trains normally
    t.recorded.settings['imbalanceLens.training.epochs'] = 1;
    const next = (await t.run('imbalanceLens.trainBaseline', t.Uri.file(dataset))) as RunSummary | undefined;
    assert.equal(next?.status, 'completed');
  });

  test('a comparison cancelled after its first epoch: the worker stops within a second, the run is kept and marked cancelled', async (ctx) => {
    const t = activateFresh();
    const dataset = emotionsPair(t.workspace);
    t.recorded.settings['imbalanceLens.training.epochs'] = 200;
    t.recorded.settings['imbalanceLens.training.patience'] = 0;
    const running = t.run('imbalanceLens.compareStrategies', t.Uri.file(dataset)) as Promise<RunSummary | undefined>;
    await until('the first epoch', () => t.recorded.logs.find((l) => / epoch 1: /.test(l)));
    const cancelledAt = Date.now();
    t.recorded.progress[0].cancel();
    const summary = await running;
    const took = Date.now() - cancelledAt;
    ctx.diagnostic(`the run ended ${took} ms after the cancel`);
    assert.ok(took < 1000, `stopped ${took} ms after the cancel`);
    assert.equal(summary?.status, 'cancelled');
    const onDisk = JSON.parse(fs.readFileSync(path.join(summary.runDir, 'run.json'), 'utf8')) as RunSummary;
    assert.equal(onDisk.status, 'cancelled');
    assert.match(t.recorded.infos.at(-1)!, /^Imbalance Lens: training on emotions-train\.arff cancelled\. The run is kept, marked cancelled \(0 of 7 strategies finished\)\.$/);
    assert.deepEqual(t.recorded.errors, []);
    const [runItem] = await t.recorded.treeViews[0].items();
    assert.equal(runItem.item.description, 'cancelled');
    // the extension carries on: Open Run reads the cancelled run back, its first strategy's epochs included
    await t.run('imbalanceLens.openRun', summary.runDir);
    const panel = t.recorded.panels.at(-1)!;
    panel.webview.send({ type: 'ready', state: null });
    const view = (await until('the view', () => [...panel.webview.posted].reverse().find((m: Posted) => m.type === 'view'))).view as TrainingView;
    assert.equal(view.summary.status, 'cancelled');
    assert.ok(view.history[0].records.length >= 1);
  });
});
