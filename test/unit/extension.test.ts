/**
 * The built extension bundle, activated with the `vscode` module replaced: every command in
 * package.json is registered, and Analyze Dataset and Evaluate Predictions run end to end into a
 * dashboard panel, with the Markdown report one command away.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import { createFakeVscode, requireWithVscode } from './helpers/fakeVscode.js';

const root = path.resolve(__dirname, '../..');
const bundle = path.join(root, 'dist', 'extension.js');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

interface ExtensionModule {
  activate(context: { subscriptions: { dispose(): unknown }[]; extensionUri: unknown }): void;
  deactivate(): void;
}

function activateFresh() {
  const fake = createFakeVscode();
  const extension = requireWithVscode(bundle, fake.vscode) as ExtensionModule;
  const context = { subscriptions: [] as { dispose(): unknown }[], extensionUri: fake.Uri.file(root) };
  extension.activate(context);
  return { ...fake, context };
}

describe('extension bundle', () => {
  before(() => {
    if (!fs.existsSync(bundle)) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root });
  });

  test('registers every command that package.json contributes, and nothing else', () => {
    const { recorded } = activateFresh();
    const declared = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual([...recorded.commands.keys()].sort(), declared);
  });

  test('menus and palette entries refer to declared commands, with a when clause on the file type', () => {
    const declared = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
    for (const [menu, items] of Object.entries(manifest.contributes.menus) as [string, { command: string; when?: string }[]][]) {
      for (const item of items) assert.ok(declared.has(item.command), `${menu} names undeclared ${item.command}`);
    }
    const explorer = manifest.contributes.menus['explorer/context'][0];
    for (const ext of ['csv', 'tsv', 'jsonl', 'ndjson', 'arff']) assert.match(explorer.when, new RegExp(ext));
  });

  test('Analyze Dataset on the shipped example opens its dashboard, keeps the report for Markdown and pos_weight', async () => {
    const { recorded } = activateFresh();
    const { Uri } = createFakeVscode();
    const example = path.join(root, 'examples', 'support-tickets.csv');
    await recorded.commands.get('imbalanceLens.analyzeDataset')!(Uri.file(example));
    assert.deepEqual(recorded.errors, []);
    assert.equal(recorded.panels.length, 1);
    assert.equal(recorded.panels[0].title, 'Imbalance: support-tickets.csv');
    assert.ok(recorded.logs.some((l) => /analyzed .*support-tickets\.csv: 3000 rows, 10 labels/.test(l)));
    assert.equal(recorded.executed.find((e) => e.command === 'markdown.showPreview'), undefined, 'no Markdown preview unless asked for');
    assert.match(recorded.infos[0], /^support-tickets\.csv: 3,000 rows, 10 labels, MeanIR/);

    await recorded.commands.get('imbalanceLens.showReportMarkdown')!();
    const preview = recorded.executed.find((e) => e.command === 'markdown.showPreview');
    assert.ok(preview, 'Show Report as Markdown opens the Markdown preview');
    const provider = recorded.contentProviders.get('imbalance-lens-report')!;
    const markdown = provider.provideTextDocumentContent(preview.args[0] as never);
    assert.match(markdown, /MeanIR/);
    assert.match(markdown, /BCEWithLogitsLoss\(pos_weight=pos_weight\)/);

    await recorded.commands.get('imbalanceLens.copyPosWeight')!();
    assert.match(recorded.clipboard, /pos_weight = torch\.tensor\(/);
  });

  test('Evaluate Predictions on a predictions file, with the truth given, shows the report and copies tuned thresholds', async () => {
    const { recorded } = activateFresh();
    const { Uri } = createFakeVscode();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'il-ext-eval-'));
    const truth = path.join(dir, 'truth.csv');
    const pred = path.join(dir, 'pred.csv');
    fs.writeFileSync(truth, 'a,b\n1,0\n0,1\n1,1\n0,0\n');
    fs.writeFileSync(pred, 'a,b\n0.9,0.2\n0.4,0.7\n0.6,0.45\n0.1,0.3\n');
    await recorded.commands.get('imbalanceLens.evaluatePredictions')!(Uri.file(pred), Uri.file(truth));
    assert.deepEqual(recorded.errors, []);
    assert.deepEqual(recorded.panels.map((p) => p.title), ['Evaluation: pred.csv']);
    assert.ok(recorded.logs.some((l) => /macro-F1 0\.833, micro-F1 0\.857, mAP 1\.000/.test(l)));
    assert.match(recorded.infos[0], /^pred\.csv: macro-F1 0\.833, micro-F1 0\.857, mAP 1\.000$/);
    await recorded.commands.get('imbalanceLens.showReportMarkdown')!();
    const preview = recorded.executed.find((e) => e.command === 'markdown.showPreview');
    assert.ok(preview);
    const markdown = recorded.contentProviders.get('imbalance-lens-report')!.provideTextDocumentContent(preview.args[0] as never);
    assert.match(markdown, /# Evaluation: pred\.csv against truth\.csv/);
    await recorded.commands.get('imbalanceLens.copyThresholds')!();
    assert.deepEqual(Object.keys(JSON.parse(recorded.clipboard).thresholds), ['a', 'b']);
  });

  test('after Analyze, the Problems panel has the findings on the dataset and the status bar its MeanIR; all is disposed with the extension', async () => {
    const fake = activateFresh();
    const { recorded, Uri, context } = fake;
    const example = path.join(root, 'examples', 'song-moods.arff');
    fake.setActiveTextEditor(fake.textEditor(example));
    await recorded.commands.get('imbalanceLens.analyzeDataset')!(Uri.file(example));
    assert.deepEqual(recorded.errors, []);
    const diagnostics = fake.vscode.languages.getDiagnostics(Uri.file(example)) as { range: { start: { line: number } }; code?: string | { value: string } }[];
    const found = diagnostics.map((d) => [d.range.start.line, typeof d.code === 'object' ? d.code.value : d.code]);
    assert.deepEqual(found, [[9, 'rare-label'], [19, 'empty-rows']], 'the rare label on its @attribute line, the empty rows on @data');
    assert.deepEqual(recorded.statusBarItems.map((i) => [i.id, i.visible]), [['imbalanceLens.jobs', false], ['imbalanceLens.dataset', true]]);
    assert.equal(recorded.statusBarItems[1].text, '$(graph) MeanIR 5.44');
    for (const s of context.subscriptions) s.dispose();
    assert.ok(recorded.diagnosticCollections.every((c) => c.disposed), 'diagnostic collections disposed');
    assert.ok(recorded.statusBarItems.every((i) => i.disposed), 'status bar items disposed');
    assert.ok(recorded.codeActionProviders.every((p) => p.disposed), 'quick-fix providers disposed');
  });

  test('Evaluate Predictions offers the dataset files beside the predictions, the likely truth first', async () => {
    const { recorded } = activateFresh();
    const { Uri } = createFakeVscode();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'il-ext-pick-'));
    fs.writeFileSync(path.join(dir, 'another.csv'), 'a,b\n1,0\n');
    fs.writeFileSync(path.join(dir, 'val.csv'), 'a,b\n1,0\n0,1\n');
    fs.writeFileSync(path.join(dir, 'val.pred.csv'), 'a,b\n0.8,0.1\n0.3,0.6\n');
    await recorded.commands.get('imbalanceLens.evaluatePredictions')!(Uri.file(path.join(dir, 'val.pred.csv')));
    assert.deepEqual(recorded.quickPickLabels, ['val.csv', 'another.csv', '$(folder-opened) Browse...']);
    assert.deepEqual(recorded.errors, []);
    assert.deepEqual(recorded.panels.map((p) => p.title), ['Evaluation: val.pred.csv']);
    assert.ok(recorded.logs.some((l) => /val\.pred\.csv against .*val\.csv: .*macro-F1 1\.000/.test(l)));
    assert.match(recorded.infos[0], /val\.pred\.csv: macro-F1 1\.000/);
  });

  test('a bad dataset gives one clear message with file and line, and no stack trace', async () => {
    const { recorded } = activateFresh();
    const { Uri } = createFakeVscode();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'il-ext-'));
    const file = path.join(dir, 'bad.csv');
    fs.writeFileSync(file, 'a,b,y1,y2\n1,2,0,1\n3,4,1\n');
    await recorded.commands.get('imbalanceLens.analyzeDataset')!(Uri.file(file));
    assert.equal(recorded.errors.length, 1);
    assert.match(recorded.errors[0], /line 3/);
    assert.doesNotMatch(recorded.errors[0], /at .*\.js:\d+/);
  });
});
