/**
 * The diagnostics layer against a stand-in `vscode`: what it publishes on the dataset file
 * (ranges, severities, source, code links), when it clears them (a re-run without findings, the
 * file deleted or renamed, in VS Code or outside it), and the quick fixes it offers.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import type { Uri } from 'vscode';
import { analyzeDataset, type AnalysisReport } from '../../src/core/analysis/analyzeDataset.js';
import type * as DiagnosticsModule from '../../src/extension/diagnostics/index.js';
import { createFakeVscode, requireWithVscode, type Diagnostic, type Uri as FakeUri } from './helpers/fakeVscode.js';

const fake = createFakeVscode();
const { vscode, recorded } = fake;
const module = requireWithVscode(path.resolve(__dirname, '../../src/extension/diagnostics/index.ts'), vscode) as typeof DiagnosticsModule;

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'il-diagnostics-vscode-'));
});

/** Registers the diagnostics anew: the collection and the quick-fix provider are the ones just created. */
function setup() {
  const context = { subscriptions: [] as { dispose(): unknown }[] };
  const diagnostics = module.registerDatasetDiagnostics(context as never);
  const collection = recorded.diagnosticCollections.at(-1)!;
  return { context, diagnostics, collection };
}

async function analysis(name: string, text: string, options = {}): Promise<AnalysisReport> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return analyzeDataset(file, options);
}

describe('diagnostics on the dataset file', () => {
  test('publishes each finding with its range, severity, source and code link', async () => {
    const { diagnostics, collection } = setup();
    assert.equal(collection.name, 'imbalance-lens');
    const report = await analysis('pub.csv', 'id,a,b\n1,1,0\n2,1,0\n3,x,0\n', { labels: ['a', 'b'], skipBadRows: true, rareThreshold: 3 });
    await diagnostics.publish(report);
    const published = collection.get(fake.Uri.file(report.file));
    assert.deepEqual(
      published.map((d) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.severity, d.source, typeof d.code === 'object' ? d.code.value : d.code]),
      [
        [0, 3, 0, 4, 1, 'Imbalance Lens', 'rare-label'],
        [0, 3, 0, 6, 1, 'Imbalance Lens', 'skipped-rows'],
        [0, 5, 0, 6, 1, 'Imbalance Lens', 'absent-label'],
        [3, 0, 3, Number.MAX_SAFE_INTEGER, 0, 'Imbalance Lens', 'skipped-row'],
      ],
    );
    assert.equal(published[0].message, 'Label "a" is rare: 2 positive rows of 2 (100.0%), fewer than 3 (imbalanceLens.minPositives). Its metrics will be noisy.');
    const code = published[0].code as { value: string; target: FakeUri };
    assert.equal(code.target.toString(), 'https://cran.r-project.org/package=mldr');
    assert.deepEqual([code.target.scheme, code.target.authority, code.target.path], ['https', 'cran.r-project.org', '/package=mldr']);
    diagnostics.dispose();
  });

  test('a re-run without findings clears the file, and its watcher goes', async () => {
    const { diagnostics, collection } = setup();
    const file = path.join(dir, 'rerun.csv');
    fs.writeFileSync(file, 'a,b\n1,0\n');
    await diagnostics.publish(await analyzeDataset(file, { rareThreshold: 2 }));
    assert.equal(collection.get(fake.Uri.file(file)).length, 2);
    const watcher = recorded.fileWatchers.at(-1)!;
    const pattern = watcher.globPattern as InstanceType<typeof vscode.RelativePattern>;
    assert.deepEqual(
      [pattern.baseUri.fsPath, pattern.pattern, [watcher.ignoreCreateEvents, watcher.ignoreChangeEvents, watcher.ignoreDeleteEvents]],
      [dir, 'rerun.csv', [true, true, false]],
    );
    fs.writeFileSync(file, 'a,b\n1,0\n0,1\n1,1\n');
    await diagnostics.publish(await analyzeDataset(file, { rareThreshold: 2 }));
    assert.equal(collection.has(fake.Uri.file(file)), false);
    assert.equal(watcher.disposed, true);
    diagnostics.dispose();
  });

  test('deleting or renaming the file in VS Code, or deleting its folder, clears it; so does a deletion seen by the watcher', async () => {
    const { diagnostics, collection } = setup();
    const sub = path.join(dir, 'sub');
    fs.mkdirSync(sub, { recursive: true });
    const text = 'a,b\n1,0\n';
    const reports = await Promise.all(['one.csv', 'two.csv', 'three.csv', 'four.csv'].map((n) => analysis(path.join('sub', n), text, { rareThreshold: 2 })));
    for (const r of reports) await diagnostics.publish(r);
    const uris = reports.map((r) => fake.Uri.file(r.file));
    assert.ok(uris.every((u) => collection.has(u)));

    fake.fireDidDeleteFiles(uris[0]);
    assert.equal(collection.has(uris[0]), false);
    fake.fireDidRenameFiles({ oldUri: uris[1], newUri: fake.Uri.file(path.join(sub, 'renamed.csv')) });
    assert.equal(collection.has(uris[1]), false);
    fake.fireFileSystemEvent('change', uris[2]);
    assert.ok(collection.has(uris[2]), 'a change is no deletion (and the watcher ignores changes)');
    fake.fireFileSystemEvent('delete', uris[2]);
    assert.equal(collection.has(uris[2]), false);
    assert.ok(collection.has(uris[3]));
    fake.fireDidDeleteFiles(fake.Uri.file(sub));
    assert.equal(collection.has(uris[3]), false);
    assert.deepEqual([...collection], []);
    diagnostics.dispose();
  });

  test('a publish overtaken by a clear leaves nothing behind', async () => {
    const { diagnostics, collection } = setup();
    const report = await analysis('race.csv', 'a,b\n1,0\n', { rareThreshold: 2 });
    const pending = diagnostics.publish(report);
    diagnostics.clear(fake.Uri.file(report.file) as unknown as Uri);
    await pending;
    assert.equal(collection.has(fake.Uri.file(report.file)), false);
    diagnostics.dispose();
  });

  test('disposing removes the collection', () => {
    const { context, collection } = setup();
    const provider = recorded.codeActionProviders.at(-1)!;
    for (const s of context.subscriptions) s.dispose();
    assert.equal(collection.disposed, true);
    assert.equal(provider.disposed, true);
  });
});

describe('quick fixes', () => {
  test('registered for files, as quick fixes', () => {
    setup();
    const { selector, metadata } = recorded.codeActionProviders.at(-1)!;
    assert.deepEqual(selector, { scheme: 'file' });
    assert.deepEqual(metadata!.providedCodeActionKinds!.map((k) => k.value), ['quickfix']);
  });

  test('offer the dashboard, the label counts, the threshold setting and a re-run, as fits the diagnostics', async () => {
    const { diagnostics, collection } = setup();
    const report = await analysis('fix.csv', 'id,a,b\n1,1,0\n2,1,0\n3,x,0\n', { labels: ['a', 'b'], skipBadRows: true, rareThreshold: 3 });
    await diagnostics.publish(report);
    const uri = fake.Uri.file(report.file);
    const published = collection.get(uri);
    const provider = recorded.codeActionProviders.at(-1)!.provider;
    const document = { uri };
    const actionsFor = (ds: readonly Diagnostic[]) =>
      provider.provideCodeActions(document, ds[0]?.range, { diagnostics: ds, triggerKind: 1 }) as InstanceType<typeof vscode.CodeAction>[];

    const onRare = actionsFor([published[0]]);
    assert.deepEqual(onRare.map((a) => [a.title, a.kind?.value, a.command!.command, a.command!.arguments]), [
      ['Open Imbalance Dashboard', 'quickfix', 'imbalanceLens.openDashboard', [uri]],
      ['Show label frequencies (report as JSON)', 'quickfix', 'imbalanceLens.showReportJson', [report.file]],
      ['Change the rare-label threshold (imbalanceLens.minPositives)', 'quickfix', 'workbench.action.openSettings', ['imbalanceLens.minPositives']],
    ]);
    assert.deepEqual(onRare[0].diagnostics, [published[0]]);

    const onSkipped = actionsFor([published[3]]);
    assert.deepEqual(onSkipped.map((a) => [a.title, a.command!.arguments]), [
      ['Open Imbalance Dashboard', [uri]],
      ['Analyze the file again', [uri]],
    ]);
    const onHeader = actionsFor(published.slice(0, 3));
    assert.deepEqual(onHeader.map((a) => [a.title, a.diagnostics!.length]), [
      ['Open Imbalance Dashboard', 3],
      ['Show label frequencies (report as JSON)', 2],
      ['Change the rare-label threshold (imbalanceLens.minPositives)', 1],
      ['Analyze the file again', 1],
    ]);

    const foreign = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 1), 'not ours', vscode.DiagnosticSeverity.Error);
    foreign.source = 'eslint';
    assert.deepEqual(actionsFor([foreign]), []);
    diagnostics.dispose();
  });
});
