/**
 * "Imbalance Lens: Create Stratified Split…" through the built bundle activated against the fake
 * `vscode`, on temp copies of yeast (ARFF + MULAN xml, and the CSV): the wizard's defaults, custom
 * sizes, Escape at every step (nothing written), consent before replacing, Restricted Mode, and the
 * report in a panel, checked against the files read back.
 * Run: node scripts/build.mjs && node --import tsx --test test/unit/extension.resample.split.test.ts
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { SplitReport } from '../../src/core/analysis/splitDataset.js';
import { scanLabels } from '../../src/core/io/open.js';
import { isHostMessage, PROTOCOL_VERSION } from '../../src/protocol/dashboard.js';
import { datasetPath, skipUnlessDatasets } from './helpers/datasets.js';
import { createFakeVscode, FakeWebviewPanel, requireWithVscode } from './helpers/fakeVscode.js';

const root = path.resolve(__dirname, '../..');
const bundle = path.join(root, 'dist', 'extension.js');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const skip = skipUnlessDatasets('yeast/yeast.arff', 'yeast/yeast.xml', 'csv/yeast.csv');
const COMMAND = 'imbalanceLens.createSplit';
const PARTS = ['5 folds', '10 folds', 'train / val / test: 70 / 15 / 15', 'train / test: 80 / 20', 'Custom sizes…'];
const ORDERS = ['Labels', 'Label pairs'];
const PER_PART = '$(files) One file per part';
const SINGLE = '$(new-file) One file with a split column';

interface ExtensionModule {
  activate(context: { subscriptions: { dispose(): unknown }[]; extensionUri: unknown }): void;
}

function activateFresh() {
  const fake = createFakeVscode();
  const extension = requireWithVscode(bundle, fake.vscode) as ExtensionModule;
  extension.activate({ subscriptions: [], extensionUri: fake.Uri.file(root) });
  const run = (file: string) => fake.recorded.commands.get(COMMAND)!(fake.Uri.file(file)) as Promise<SplitReport | undefined>;
  return { ...fake, run };
}

const tempDirs: string[] = [];

/** A temp folder with copies of the named shared files; returns the path of the first. */
function copies(...files: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'il-split-'));
  tempDirs.push(dir);
  for (const file of files) fs.copyFileSync(datasetPath(file)!, path.join(dir, path.basename(file)));
  return path.join(dir, path.basename(files[0]));
}

const yeastArff = () => copies('yeast/yeast.arff', 'yeast/yeast.xml');
const listing = (dir: string) => fs.readdirSync(dir).sort();

/** Positives of each label in a label matrix. */
function labelCounts(matrix: { labelCount: number; labels: ArrayLike<number> }): number[] {
  const counts = new Array<number>(matrix.labelCount).fill(0);
  for (let i = 0; i < matrix.labels.length; i++) counts[matrix.labels[i]]++;
  return counts;
}

async function viewOf(panel: FakeWebviewPanel): Promise<FakeWebviewPanel['webview']['posted'][number]> {
  panel.webview.send({ type: 'ready', state: null });
  const started = Date.now();
  for (;;) {
    const view = panel.webview.posted.find((m) => m.type === 'view');
    if (view) return view;
    if (Date.now() - started > 10_000) assert.fail('no view');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('Create Stratified Split', { skip }, () => {
  before(() => {
    if (!fs.existsSync(bundle)) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root });
  });
  after(() => {
    for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('is declared and registered, and offered on dataset files in the explorer like Analyze', () => {
    const { recorded } = activateFresh();
    assert.ok(recorded.commands.has(COMMAND));
    assert.equal(manifest.contributes.commands.find((c: { command: string }) => c.command === COMMAND).title, 'Create Stratified Split…');
    const explorer: { command: string; when: string }[] = manifest.contributes.menus['explorer/context'];
    assert.equal(explorer.find((m) => m.command === COMMAND)?.when, explorer.find((m) => m.command === 'imbalanceLens.analyzeDataset')!.when);
  });

  test('Enter through the wizard: 5 folds of labels, a file per part; the part files hold exactly what the report says', async () => {
    const { recorded, run } = activateFresh();
    const input = yeastArff();
    const dir = path.dirname(input);
    const report = await run(input);
    assert.deepEqual(recorded.errors, []);
    assert.ok(report);

    assert.deepEqual(recorded.quickPicks.map((q) => q.labels), [PARTS, ORDERS, [PER_PART, SINGLE]]);
    assert.deepEqual(recorded.quickPicks.map((q) => q.title), [1, 2, 3].map((n) => `Imbalance Lens: Split yeast.arff (${n}/3)`));
    assert.equal(recorded.modals.length, 0);

    const folds = [1, 2, 3, 4, 5].map((k) => `yeast.fold${k}`);
    assert.deepEqual(listing(dir), [...folds.flatMap((f) => [`${f}.arff`, `${f}.xml`]), 'yeast.arff', 'yeast.xml'].sort());
    assert.equal(report.order, 1);
    assert.deepEqual(report.parts.map((p) => [p.name, p.proportion]), folds.map((_, k) => [`fold${k + 1}`, 0.2]));

    // read back: every row in exactly one part, each part's labels as the report says
    const whole = await scanLabels(input);
    const totals = labelCounts(whole.matrix);
    const partRows: number[] = [];
    const sums = new Array<number>(totals.length).fill(0);
    for (const [j, name] of folds.entries()) {
      const part = await scanLabels(path.join(dir, `${name}.arff`));
      partRows.push(part.matrix.rows);
      const counts = labelCounts(part.matrix);
      counts.forEach((c, l) => (sums[l] += c));
      assert.deepEqual(report.stratification.labels.map((l) => l.counts[j]), counts, `${name}: label counts`);
      assert.equal(report.parts[j].summary.rows, part.matrix.rows);
    }
    assert.deepEqual(report.stratification.partRows, partRows);
    assert.equal(partRows.reduce((a, b) => a + b, 0), 2417);
    assert.deepEqual(sums, totals, 'each label’s positives add up to the whole dataset’s');
    // five equal folds of 2,417 rows: iterative stratification keeps each within a few rows of 483.4
    for (const rows of partRows) assert.ok(Math.abs(rows - 2417 / 5) < 25, `fold of ${rows} rows`);

    assert.deepEqual(recorded.panels.map((p) => p.title), ['Split: yeast.arff']);
    const view = await viewOf(recorded.panels[0]);
    assert.equal(isHostMessage(view), true);
    assert.deepEqual(view.view, JSON.parse(JSON.stringify({ kind: 'split', file: input, report })));
    assert.match(recorded.infos[0], /^yeast\.arff split into 5 folds: every label in every part\. Wrote 5 files\.$/);
  });

  test('train/val/test 70/15/15 in one CSV file with a split column, balancing label pairs', async () => {
    const { recorded, run } = activateFresh();
    const input = copies('csv/yeast.csv');
    recorded.quickPickAnswers.push(PARTS[2], 'Label pairs', SINGLE);
    const report = await run(input);
    assert.deepEqual(recorded.errors, []);
    assert.ok(report);
    const out = path.join(path.dirname(input), 'yeast.split.csv');
    assert.deepEqual(report.written, [out]);
    assert.equal(report.order, 2);
    assert.deepEqual(report.parts.map((p) => p.name), ['train', 'val', 'test']);

    // count the rows of each part from the file's own split column
    const lines = fs.readFileSync(out, 'utf8').trimEnd().split(/\r?\n/);
    const column = lines[0].split(',').indexOf('split');
    assert.ok(column >= 0, 'a split column');
    const perPart = new Map<string, number>();
    for (const line of lines.slice(1)) {
      const part = line.split(',')[column];
      perPart.set(part, (perPart.get(part) ?? 0) + 1);
    }
    assert.deepEqual(['train', 'val', 'test'].map((p) => perPart.get(p)), report.stratification.partRows);
    assert.ok(Math.abs(report.stratification.partRows[0] - 0.7 * 2417) < 30);
    assert.match(recorded.infos[0], /^yeast\.csv split into train\/val\/test 70\/15\/15: .*\. Wrote yeast\.split\.csv\.$/);
  });

  test('custom sizes: percentages or proportions, refused while they do not add up', async () => {
    const { recorded, run } = activateFresh();
    const input = yeastArff();
    recorded.quickPickAnswers.push('Custom sizes…');
    recorded.inputAnswers.push('90 / 10');
    const report = await run(input);
    assert.deepEqual(recorded.errors, []);
    assert.equal(recorded.quickPicks[1].title, 'Imbalance Lens: Split yeast.arff (3/4)');
    assert.deepEqual(report?.parts.map((p) => [p.name, p.proportion]), [['train', 0.9], ['test', 0.1]]);
    assert.ok(fs.existsSync(path.join(path.dirname(input), 'yeast.train.arff')) && fs.existsSync(path.join(path.dirname(input), 'yeast.test.arff')));

    const validate = recorded.inputBoxes[0].validateInput!;
    for (const bad of ['50/40', '1', 'a/b', '0/100', '-10/110', '']) assert.ok(await validate(bad), `refuses "${bad}"`);
    for (const good of ['60/20/20', '0.6, 0.2, 0.2', '25 25 25 25']) assert.equal(await validate(good), undefined, `accepts "${good}"`);
  });

  test('Escape at any step stops the wizard and writes nothing', async () => {
    const steps: { name: string; picks: (string | undefined)[]; inputs: (string | undefined)[] }[] = [
      { name: 'parts', picks: [undefined], inputs: [] },
      { name: 'custom sizes', picks: ['Custom sizes…'], inputs: [undefined] },
      { name: 'order', picks: ['10 folds', undefined], inputs: [] },
      { name: 'layout', picks: ['5 folds', 'Labels', undefined], inputs: [] },
    ];
    for (const step of steps) {
      const { recorded, run } = activateFresh();
      const input = yeastArff();
      recorded.quickPickAnswers.push(...step.picks);
      recorded.inputAnswers.push(...step.inputs);
      assert.equal(await run(input), undefined, step.name);
      assert.deepEqual(listing(path.dirname(input)), ['yeast.arff', 'yeast.xml'], `${step.name}: nothing written`);
      assert.deepEqual(recorded.panels, []);
      assert.deepEqual([...recorded.errors, ...recorded.warnings], []);
      assert.deepEqual(recorded.progressTitles, []);
    }
  });

  test('existing part files are replaced only after a modal "Replace"', async () => {
    const input = yeastArff();
    const dir = path.dirname(input);
    fs.writeFileSync(path.join(dir, 'yeast.fold2.arff'), 'older\n');
    fs.writeFileSync(path.join(dir, 'yeast.fold4.xml'), '<older/>');

    const cancelled = activateFresh();
    assert.equal(await cancelled.run(input), undefined);
    assert.equal(cancelled.recorded.modals[0].message, '2 output files already exist (yeast.fold2.arff, yeast.fold4.xml). Replace them?');
    assert.deepEqual(listing(dir), ['yeast.arff', 'yeast.fold2.arff', 'yeast.fold4.xml', 'yeast.xml'], 'Cancel writes nothing');
    assert.equal(fs.readFileSync(path.join(dir, 'yeast.fold2.arff'), 'utf8'), 'older\n');

    const replaced = activateFresh();
    replaced.recorded.modalAnswers.push('Replace');
    const report = await replaced.run(input);
    assert.deepEqual(replaced.recorded.errors, []);
    assert.equal((await scanLabels(path.join(dir, 'yeast.fold2.arff'))).matrix.rows, report!.stratification.partRows[1]);
  });

  test('in Restricted Mode it refuses before asking anything', async () => {
    const { recorded, run, vscode } = activateFresh();
    vscode.workspace.isTrusted = false;
    const input = yeastArff();
    assert.equal(await run(input), undefined);
    assert.match(recorded.warnings[0], /^Imbalance Lens: Creating a split writes files, which is turned off in Restricted Mode/);
    assert.deepEqual(recorded.quickPicks, []);
    assert.deepEqual(listing(path.dirname(input)), ['yeast.arff', 'yeast.xml']);
  });

  test('cancelling the progress notification leaves no file', async () => {
    const { recorded, run } = activateFresh();
    recorded.cancelProgress = true;
    const input = yeastArff();
    assert.equal(await run(input), undefined);
    assert.deepEqual(listing(path.dirname(input)), ['yeast.arff', 'yeast.xml']);
    assert.deepEqual(recorded.errors, []);
    assert.ok(recorded.logs.some((l) => /split of .*yeast\.arff cancelled; nothing written/.test(l)));
  });

  test('after a reload the panel shows the saved split again', async () => {
    const report = (await activateFresh().run(yeastArff()))!;
    const { recorded, vscode } = activateFresh();
    const panel = vscode.window.createWebviewPanel('imbalanceLens.dashboard', 'old', {});
    const saved = JSON.parse(JSON.stringify(report)) as SplitReport;
    await recorded.serializers.get('imbalanceLens.dashboard')!.deserializeWebviewPanel(panel, { protocol: PROTOCOL_VERSION, kind: 'split', file: report.file, ui: {}, report: saved });
    assert.equal(panel.title, 'Split: yeast.arff');
    const view = await viewOf(panel);
    assert.deepEqual(view.view, { kind: 'split', file: report.file, report: saved, restored: { missing: [] } });
    assert.deepEqual(recorded.progressTitles, []);

    // a split state whose report is of another file is not trusted
    const other = vscode.window.createWebviewPanel('imbalanceLens.dashboard', 'other', {});
    await recorded.serializers.get('imbalanceLens.dashboard')!.deserializeWebviewPanel(other, { protocol: PROTOCOL_VERSION, kind: 'split', file: '/elsewhere.arff', ui: {}, report: saved });
    assert.equal(other.disposed, true);
  });
});
