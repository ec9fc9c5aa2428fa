/**
 * The status bar against a stand-in `vscode`: the running-jobs item (one job by name, several by
 * count, nested and failing jobs), the MeanIR item for the active editor's analysed file, and the
 * command that reveals the log.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import { analyzeDataset, type AnalysisReport } from '../../src/core/analysis/analyzeDataset.js';
import type * as StatusBarModule from '../../src/extension/statusBar.js';
import { createFakeVscode, requireWithVscode } from './helpers/fakeVscode.js';

const fake = createFakeVscode();
const { vscode, recorded } = fake;
const module = requireWithVscode(path.resolve(__dirname, '../../src/extension/statusBar.ts'), vscode) as typeof StatusBarModule;

let sample: AnalysisReport;
before(async () => {
  sample = await analyzeDataset(path.resolve(__dirname, '../../examples/song-moods.arff'));
});

function setup(stored: AnalysisReport[] = []) {
  const analyses = new Map(stored.map((r) => [r.file, r]));
  const shown: (boolean | undefined)[] = [];
  const context = { subscriptions: [] as { dispose(): unknown }[] };
  const log = { show: (preserveFocus?: boolean) => void shown.push(preserveFocus) };
  const statusBar = module.registerStatusBar(context as never, log, { get: (file: string) => analyses.get(file) });
  const [jobs, dataset] = recorded.statusBarItems.slice(-2);
  return { statusBar, jobs, dataset, analyses, shown, context };
}

/** A promise and the functions that settle it. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('running jobs', () => {
  test('one job shows by name with a spinner, clicking reveals the log; the item goes when it ends', async () => {
    const { statusBar, jobs, shown, context } = setup();
    assert.deepEqual([jobs.id, jobs.alignment, jobs.name, jobs.visible], ['imbalanceLens.jobs', 1, 'Imbalance Lens: running jobs', false]);
    const work = deferred<number>();
    const tracked = statusBar.track('analyzing emotions.arff', work.promise);
    assert.equal(jobs.visible, true);
    assert.equal(jobs.text, '$(sync~spin) Imbalance Lens: analyzing emotions.arff…');
    assert.equal(jobs.tooltip, 'Imbalance Lens is working on:\n• analyzing emotions.arff\n\nClick to show the log.');
    assert.deepEqual(jobs.command, { command: 'imbalanceLens.showLog', title: 'Show Imbalance Lens Log' });
    await recorded.commands.get('imbalanceLens.showLog')!();
    assert.deepEqual(shown, [true]);
    work.resolve(42);
    assert.equal(await tracked, 42);
    assert.equal(jobs.visible, false);
    assert.deepEqual(statusBar.running, []);
    for (const s of context.subscriptions) s.dispose();
  });

  test('overlapping jobs show their count, then the one left, then nothing', async () => {
    const { statusBar, jobs, context } = setup();
    const first = deferred<string>();
    const second = deferred<string>();
    const a = statusBar.track('analyzing a.csv', first.promise);
    const b = statusBar.track('evaluating b.pred.csv', second.promise);
    assert.equal(jobs.text, '$(sync~spin) Imbalance Lens: 2 jobs running…');
    assert.equal(jobs.tooltip, 'Imbalance Lens is working on:\n• analyzing a.csv\n• evaluating b.pred.csv\n\nClick to show the log.');
    first.resolve('a');
    await a;
    assert.equal(jobs.text, '$(sync~spin) Imbalance Lens: evaluating b.pred.csv…');
    second.resolve('b');
    await b;
    assert.equal(jobs.visible, false);
    for (const s of context.subscriptions) s.dispose();
  });

  test('nested jobs (a function started by track) count too, and two jobs may share a label', async () => {
    const { statusBar, jobs, context } = setup();
    const seen: string[] = [];
    const result = await statusBar.track('analyzing x.csv', async () => {
      await statusBar.track('analyzing x.csv', async () => {
        seen.push(jobs.text);
        return 1;
      });
      seen.push(jobs.text);
      return 2;
    });
    assert.equal(result, 2);
    assert.deepEqual(seen, ['$(sync~spin) Imbalance Lens: 2 jobs running…', '$(sync~spin) Imbalance Lens: analyzing x.csv…']);
    assert.equal(jobs.visible, false);
    for (const s of context.subscriptions) s.dispose();
  });

  test('a failing job passes its error on and leaves the status bar; so does a function that throws', async () => {
    const { statusBar, jobs, context } = setup();
    await assert.rejects(statusBar.track('analyzing bad.csv', Promise.reject(new Error('bad row'))), /bad row/);
    assert.equal(jobs.visible, false);
    await assert.rejects(statusBar.track('analyzing worse.csv', () => {
      throw new Error('no such file');
    }), /no such file/);
    assert.equal(jobs.visible, false);
    assert.deepEqual(statusBar.running, []);
    for (const s of context.subscriptions) s.dispose();
  });
});

describe('MeanIR of the active dataset', () => {
  test('shown only while the active tab is a file with an analysis; it opens the dashboard for that file', () => {
    const uri = fake.Uri.file(sample.file);
    fake.setActiveTab(new vscode.TabInputText(uri));
    const { statusBar, dataset, analyses, context } = setup();
    assert.deepEqual([dataset.id, dataset.alignment, dataset.visible], ['imbalanceLens.dataset', 2, false]);

    analyses.set(sample.file, sample);
    statusBar.refresh();
    assert.equal(dataset.visible, true);
    assert.equal(dataset.text, '$(graph) MeanIR 5.44');
    assert.deepEqual(dataset.command, { command: 'imbalanceLens.openDashboard', title: 'Open Imbalance Dashboard', arguments: [uri] });
    assert.equal(
      dataset.tooltip,
      'song-moods.arff: 360 rows, 6 labels\n' +
        'MeanIR 5.44, MaxIR 22.33 (imbalance ratio per label: 1 = as frequent as the most frequent label)\n' +
        '1 rare label (fewer than 10 positives), 0 absent\n\nClick to open the Imbalance Dashboard.',
    );

    fake.setActiveTab(new vscode.TabInputText(fake.Uri.file(path.join(path.dirname(sample.file), 'support-tickets.csv'))));
    assert.equal(dataset.visible, false, 'a file without an analysis');

    fake.setActiveTab(new vscode.TabInputText(uri), 'groups');
    assert.equal(dataset.visible, true);

    fake.setActiveTab(new vscode.TabInputWebview('markdown.preview'));
    assert.equal(dataset.visible, false, 'a webview tab has no file');

    fake.setActiveTab(new vscode.TabInputCustom(uri, 'imbalanceLens.datasetDashboard'));
    assert.equal(dataset.visible, true, 'the custom editor on the file counts too');

    fake.setActiveTab(new vscode.TabInputText(fake.Uri.from({ scheme: 'imbalance-lens-report', path: sample.file })));
    assert.equal(dataset.visible, false, 'only files on disk');

    for (const s of context.subscriptions) s.dispose();
    assert.equal(dataset.disposed, true);
    fake.setActiveTab(new vscode.TabInputText(uri));
    assert.equal(dataset.visible, false, 'no longer listening once disposed');
    fake.setActiveTab(undefined);
  });

  test('large ratios are shown whole', () => {
    const uri = fake.Uri.file('/data/skewed.csv');
    fake.setActiveTab(new vscode.TabInputText(uri));
    const { dataset, context } = setup([{ ...sample, file: uri.fsPath, meanIR: 153.7777, maxIR: 1234.5 }]);
    assert.equal(dataset.text, '$(graph) MeanIR 154');
    assert.match(dataset.tooltip as string, /MeanIR 154, MaxIR 1,235 /);
    for (const s of context.subscriptions) s.dispose();
    fake.setActiveTab(undefined);
  });
});
