/**
 * "Imbalance Lens: Resample Dataset…" through the built bundle activated against the fake
 * `vscode`, on temp copies of yeast (ARFF + MULAN xml): the wizard's defaults, each method's
 * questions, Escape at every step (nothing written), consent before replacing, Restricted Mode,
 * cancelling the run, the result in a panel and after a reload, and the follow-ups.
 * Run: node scripts/build.mjs && node --import tsx --test test/unit/extension.resample.test.ts
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ResampleReport } from '../../src/core/analysis/resampleDataset.js';
import { scanLabels } from '../../src/core/io/open.js';
import { isHostMessage, PROTOCOL_VERSION, type DashboardState } from '../../src/protocol/dashboard.js';
import { datasetPath, skipUnlessDatasets } from './helpers/datasets.js';
import { createFakeVscode, FakeWebviewPanel, requireWithVscode } from './helpers/fakeVscode.js';

const root = path.resolve(__dirname, '../..');
const bundle = path.join(root, 'dist', 'extension.js');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const skip = skipUnlessDatasets('yeast/yeast.arff', 'yeast/yeast.xml');
const COMMAND = 'imbalanceLens.resampleDataset';
const METHODS = ['ML-ROS', 'ML-RUS', 'LP-ROS', 'LP-RUS', 'MLSMOTE', 'REMEDIAL'];

interface ExtensionModule {
  activate(context: { subscriptions: { dispose(): unknown }[]; extensionUri: unknown }): void;
}

function activateFresh() {
  const fake = createFakeVscode();
  const extension = requireWithVscode(bundle, fake.vscode) as ExtensionModule;
  extension.activate({ subscriptions: [], extensionUri: fake.Uri.file(root) });
  const run = (file: string) => fake.recorded.commands.get(COMMAND)!(fake.Uri.file(file)) as Promise<ResampleReport | undefined>;
  return { ...fake, run };
}

const tempDirs: string[] = [];
function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** A temp folder with copies of yeast.arff and yeast.xml; returns the ARFF path. */
function yeastCopy(): string {
  const dir = tempDir('il-resample-');
  for (const name of ['yeast.arff', 'yeast.xml']) fs.copyFileSync(datasetPath(`yeast/${name}`)!, path.join(dir, name));
  return path.join(dir, 'yeast.arff');
}

const listing = (dir: string) => fs.readdirSync(dir).sort();

type Posted = FakeWebviewPanel['webview']['posted'][number];

async function viewOf(panel: FakeWebviewPanel): Promise<Posted> {
  panel.webview.send({ type: 'ready', state: null });
  const started = Date.now();
  for (;;) {
    const view = panel.webview.posted.find((m) => m.type === 'view');
    if (view) return view;
    if (Date.now() - started > 10_000) assert.fail(`no view; got ${JSON.stringify(panel.webview.posted.map((m) => m.type))}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('Resample Dataset', { skip }, () => {
  before(() => {
    if (!fs.existsSync(bundle)) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root });
  });
  after(() => {
    for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('is declared and registered, and offered on dataset files in the explorer like Analyze', () => {
    const { recorded } = activateFresh();
    assert.ok(recorded.commands.has(COMMAND));
    const declared = manifest.contributes.commands.find((c: { command: string }) => c.command === COMMAND);
    assert.equal(declared.title, 'Resample Dataset…');
    assert.equal(declared.category, 'Imbalance Lens');
    const explorer: { command: string; when: string }[] = manifest.contributes.menus['explorer/context'];
    const analyze = explorer.find((m) => m.command === 'imbalanceLens.analyzeDataset')!;
    assert.equal(explorer.find((m) => m.command === COMMAND)?.when, analyze.when);
    const hidden = (manifest.contributes.menus.commandPalette as { command: string; when: string }[]).find((m) => m.command === COMMAND);
    assert.equal(hidden, undefined, 'in the palette without conditions');
  });

  test('Enter through the wizard: ML-ROS, P = 25%, beside the input; the files, the panel and the summary agree with the data', async () => {
    const { recorded, run } = activateFresh();
    const input = yeastCopy();
    const dir = path.dirname(input);
    const inputBytes = fs.readFileSync(input);
    const report = await run(input);
    assert.deepEqual(recorded.errors, []);
    assert.ok(report);

    // the wizard: the method first (ML-ROS first, so Enter takes it), then P, then the output
    assert.equal(recorded.quickPicks.length, 2);
    assert.deepEqual(recorded.quickPicks[0].labels, METHODS);
    assert.equal(recorded.quickPicks[0].title, 'Imbalance Lens: Resample yeast.arff (1/3)');
    assert.equal(recorded.inputBoxes.length, 1);
    assert.equal(recorded.inputBoxes[0].value, '25');
    assert.equal(recorded.inputBoxes[0].title, 'Imbalance Lens: Resample yeast.arff (2/3)');
    assert.match(recorded.inputBoxes[0].prompt!, /rows to add/);
    assert.deepEqual(recorded.quickPicks[1].labels, ['$(new-file) yeast.mlros.arff', '$(folder-opened) Save as…']);
    assert.equal(recorded.modals.length, 0, 'nothing to replace, nothing asked');

    // the files: the input untouched, the output and its MULAN label file beside it
    assert.deepEqual(listing(dir), ['yeast.arff', 'yeast.mlros.arff', 'yeast.mlros.xml', 'yeast.xml']);
    assert.ok(fs.readFileSync(input).equals(inputBytes), 'the input is not changed');
    assert.equal(fs.readFileSync(path.join(dir, 'yeast.mlros.xml'), 'utf8'), fs.readFileSync(path.join(dir, 'yeast.xml'), 'utf8'));
    assert.deepEqual(report.written, [path.join(dir, 'yeast.mlros.arff'), path.join(dir, 'yeast.mlros.xml')]);
    assert.deepEqual(report.parameters, { percent: 25, seed: 0 });

    // the report against the files, read back by the reader: ML-ROS only adds clones
    const input2417 = await scanLabels(input);
    const output = await scanLabels(path.join(dir, 'yeast.mlros.arff'));
    assert.equal(report.rows.before, input2417.matrix.rows);
    assert.equal(report.rows.before, 2417, 'yeast has 2,417 rows (mldr)');
    assert.equal(report.rows.after, output.matrix.rows);
    assert.equal(report.rows.after - report.rows.before, report.rows.cloned);
    assert.ok(report.rows.cloned > 0 && report.rows.cloned <= Math.round(0.25 * 2417));
    const counts = (m: typeof output.matrix) => {
      const c = new Array<number>(m.labelCount).fill(0);
      for (const l of m.labels) c[l]++;
      return c;
    };
    assert.deepEqual(report.perLabel.map((l) => l.before), counts(input2417.matrix));
    assert.deepEqual(report.perLabel.map((l) => l.after), counts(output.matrix));
    for (const l of report.perLabel) assert.ok(l.after >= l.before, `${l.name}: oversampling never lowers a count`);
    assert.ok(report.after.meanIR < report.before.meanIR, 'MeanIR falls');

    // the panel: titled by the file written, its view is the report, valid by the protocol
    assert.deepEqual(recorded.panels.map((p) => p.title), ['Resampled: yeast.mlros.arff']);
    const view = await viewOf(recorded.panels[0]);
    assert.equal(isHostMessage(view), true);
    assert.deepEqual(view.view, JSON.parse(JSON.stringify({ kind: 'resample', file: report.out, report })));

    // the summary notification, and the log
    assert.match(recorded.infos[0], /^yeast\.arff with ML-ROS: 2,417 → [\d,]+ rows, MeanIR 7\.20 → \d+\.\d\d\. Wrote yeast\.mlros\.arff\.$/);
    assert.ok(recorded.logs.some((l) => /^info: resampled .*yeast\.arff with ML-ROS \(seed 0\): 2417 -> \d+ rows/.test(l)));
    assert.equal(recorded.progressTitles[0], 'Imbalance Lens: resampling yeast.arff with ML-ROS');
  });

  test('ML-RUS asks for the rows to remove; MLSMOTE asks k and the labelset; REMEDIAL asks nothing', async () => {
    const input = yeastCopy();
    const dir = path.dirname(input);

    const rus = activateFresh();
    rus.recorded.quickPickAnswers.push('ML-RUS');
    rus.recorded.inputAnswers.push('10%');
    const rusReport = await rus.run(input);
    assert.deepEqual(rus.recorded.errors, []);
    assert.match(rus.recorded.inputBoxes[0].prompt!, /rows to remove/);
    assert.deepEqual(rusReport?.parameters, { percent: 10, seed: 0 });
    assert.ok(rusReport!.rows.after < rusReport!.rows.before);
    assert.equal(rusReport!.rows.before - rusReport!.rows.after, rusReport!.rows.removed);

    const smote = activateFresh();
    smote.recorded.quickPickAnswers.push('MLSMOTE', 'Union');
    smote.recorded.inputAnswers.push('3');
    const smoteReport = await smote.run(input);
    assert.deepEqual(smote.recorded.errors, []);
    assert.equal(smote.recorded.inputBoxes[0].value, '5', 'k defaults to 5');
    assert.equal(smote.recorded.inputBoxes[0].title, 'Imbalance Lens: Resample yeast.arff (2/4)');
    assert.deepEqual(smote.recorded.quickPicks[1].labels, ['Ranking', 'Union', 'Intersection'], 'the paper’s ranking first');
    assert.deepEqual(smoteReport?.parameters, { k: 3, labelset: 'union', seed: 0 });
    assert.equal(smoteReport!.rows.after - smoteReport!.rows.before, smoteReport!.rows.synthetic);

    const remedial = activateFresh();
    remedial.recorded.quickPickAnswers.push('REMEDIAL');
    const remedialReport = await remedial.run(input);
    assert.deepEqual(remedial.recorded.errors, []);
    assert.equal(remedial.recorded.inputBoxes.length, 0);
    assert.equal(remedial.recorded.quickPicks[1].title, 'Imbalance Lens: Resample yeast.arff (2/2)');
    assert.deepEqual(remedialReport?.parameters, { seed: 0 });
    // REMEDIAL moves label occurrences between rows, it never adds or drops one
    for (const l of remedialReport!.perLabel) assert.equal(l.after, l.before, l.name);

    assert.deepEqual(listing(dir), ['yeast.arff', 'yeast.mlrus.arff', 'yeast.mlrus.xml', 'yeast.mlsmote.arff', 'yeast.mlsmote.xml', 'yeast.remedial.arff', 'yeast.remedial.xml', 'yeast.xml']);
  });

  test('the input boxes refuse what the engine would refuse, while typing', async () => {
    const rus = activateFresh();
    rus.recorded.quickPickAnswers.push('ML-ROS', undefined);
    await rus.run(yeastCopy());
    const percent = rus.recorded.inputBoxes[0].validateInput!;
    for (const bad of ['0', '-5', '101', 'abc', '', '25 rows']) assert.ok(await percent(bad), `refuses "${bad}"`);
    for (const good of ['25', '100', '0.5', ' 12.5% ']) assert.equal(await percent(good), undefined, `accepts "${good}"`);

    const smote = activateFresh();
    smote.recorded.quickPickAnswers.push('MLSMOTE');
    smote.recorded.inputAnswers.push(undefined);
    await smote.run(yeastCopy());
    const k = smote.recorded.inputBoxes[0].validateInput!;
    for (const bad of ['0', '2.5', 'five', '']) assert.ok(await k(bad), `refuses k "${bad}"`);
    assert.equal(await k('7'), undefined);
  });

  test('Escape at any step stops the wizard and writes nothing', async () => {
    const steps: { name: string; picks: (string | undefined)[]; inputs: (string | undefined)[] }[] = [
      { name: 'method', picks: [undefined], inputs: [] },
      { name: 'percentage', picks: ['LP-ROS'], inputs: [undefined] },
      { name: 'output', picks: ['ML-ROS', undefined], inputs: [] },
      { name: 'k', picks: ['MLSMOTE'], inputs: [undefined] },
      { name: 'labelset', picks: ['MLSMOTE', undefined], inputs: ['5'] },
      { name: 'output of REMEDIAL', picks: ['REMEDIAL', undefined], inputs: [] },
    ];
    for (const step of steps) {
      const { recorded, run } = activateFresh();
      const input = yeastCopy();
      recorded.quickPickAnswers.push(...step.picks);
      recorded.inputAnswers.push(...step.inputs);
      assert.equal(await run(input), undefined, step.name);
      assert.deepEqual(listing(path.dirname(input)), ['yeast.arff', 'yeast.xml'], `${step.name}: nothing written`);
      assert.deepEqual(recorded.panels, [], `${step.name}: no panel`);
      assert.deepEqual([...recorded.errors, ...recorded.warnings], [], `${step.name}: no message`);
      assert.deepEqual(recorded.progressTitles, [], `${step.name}: nothing run`);
    }
  });

  test('an existing output is replaced only after a modal "Replace"', async () => {
    const input = yeastCopy();
    const out = path.join(path.dirname(input), 'yeast.mlros.arff');
    fs.writeFileSync(out, 'an older file\n');

    const cancelled = activateFresh();
    assert.equal(await cancelled.run(input), undefined);
    assert.equal(cancelled.recorded.modals.length, 1);
    assert.deepEqual(cancelled.recorded.modals[0].items, ['Replace']);
    assert.equal(cancelled.recorded.modals[0].message, 'yeast.mlros.arff already exists. Replace it?');
    assert.match(cancelled.recorded.modals[0].detail!, /yeast\.arff itself is never changed/);
    assert.equal(fs.readFileSync(out, 'utf8'), 'an older file\n', 'Cancel keeps the file');
    assert.equal(fs.existsSync(path.join(path.dirname(input), 'yeast.mlros.xml')), false, 'and writes nothing else');

    // the MULAN label copy counts too
    fs.writeFileSync(path.join(path.dirname(input), 'yeast.mlros.xml'), '<labels/>');
    const replaced = activateFresh();
    replaced.recorded.modalAnswers.push('Replace');
    const report = await replaced.run(input);
    assert.deepEqual(replaced.recorded.errors, []);
    assert.match(replaced.recorded.modals[0].message, /^2 output files already exist \(yeast\.mlros\.arff, yeast\.mlros\.xml\)\. Replace them\?$/);
    assert.ok(report);
    assert.equal((await scanLabels(out)).matrix.rows, report.rows.after, 'replaced by the resampled dataset');
  });

  test('in Restricted Mode it refuses before asking anything', async () => {
    const { recorded, run, vscode } = activateFresh();
    vscode.workspace.isTrusted = false;
    const input = yeastCopy();
    assert.equal(await run(input), undefined);
    assert.equal(recorded.warnings.length, 1);
    assert.match(recorded.warnings[0], /^Imbalance Lens: Resampling a dataset writes files, which is turned off in Restricted Mode/);
    assert.deepEqual(recorded.quickPicks, []);
    assert.deepEqual(listing(path.dirname(input)), ['yeast.arff', 'yeast.xml']);
  });

  test('cancelling the progress notification leaves no file, not even a temp file', async () => {
    const { recorded, run } = activateFresh();
    recorded.cancelProgress = true;
    const input = yeastCopy();
    assert.equal(await run(input), undefined);
    assert.deepEqual(listing(path.dirname(input)), ['yeast.arff', 'yeast.xml']);
    assert.deepEqual(recorded.errors, []);
    assert.deepEqual(recorded.panels, []);
    assert.ok(recorded.logs.some((l) => /resampling of .*yeast\.arff with ML-ROS cancelled; nothing written/.test(l)));
  });

  test('Save as… writes where the dialog says; a name in another format is refused', async () => {
    const input = yeastCopy();
    const dir = path.dirname(input);
    const chosen = activateFresh();
    chosen.recorded.quickPickAnswers.push('ML-ROS', '$(folder-opened) Save as…');
    chosen.recorded.saveAnswer = chosen.Uri.file(path.join(dir, 'balanced.arff'));
    const report = await chosen.run(input);
    assert.deepEqual(chosen.recorded.errors, []);
    assert.equal(chosen.recorded.saveDialogs[0].defaultUri?.fsPath, path.join(dir, 'yeast.mlros.arff'));
    assert.equal(report?.out, path.join(dir, 'balanced.arff'));
    assert.deepEqual(listing(dir), ['balanced.arff', 'balanced.xml', 'yeast.arff', 'yeast.xml']);

    const wrong = activateFresh();
    wrong.recorded.quickPickAnswers.push('ML-ROS', '$(folder-opened) Save as…');
    wrong.recorded.saveAnswer = wrong.Uri.file(path.join(dir, 'balanced.csv'));
    assert.equal(await wrong.run(input), undefined);
    assert.match(wrong.recorded.errors[0], /written in the format of yeast\.arff: choose a name ending in \.arff/);
    assert.equal(fs.existsSync(path.join(dir, 'balanced.csv')), false);
  });

  test('a malformed dataset: one message with the line, no stack trace, nothing written', async () => {
    const { recorded, run } = activateFresh();
    const dir = tempDir('il-resample-bad-');
    const file = path.join(dir, 'bad.csv');
    fs.writeFileSync(file, 'f1,f2,y1,y2\n1,2,0,1\n3,4,1\n5,6,1,1\n');
    assert.equal(await run(file), undefined);
    assert.equal(recorded.errors.length, 1);
    assert.match(recorded.errors[0], /line 3/);
    assert.doesNotMatch(recorded.errors[0], /at .*\.js:\d+/);
    assert.deepEqual(listing(dir), ['bad.csv']);
  });

  test('"Open File" and "Reveal in Explorer" act on the file written', async () => {
    for (const [answer, command] of [['Open File', 'vscode.open'], ['Reveal in Explorer', 'revealInExplorer']]) {
      const { recorded, run } = activateFresh();
      recorded.answer = answer;
      const report = await run(yeastCopy());
      await tick();
      const executed = recorded.executed.find((e) => e.command === command);
      assert.ok(executed, `${answer} runs ${command}`);
      assert.equal((executed.args[0] as { fsPath: string }).fsPath, report!.out);
    }
  });

  test('after a reload the panel shows the saved report again, and says which files are gone; Refresh runs nothing', async () => {
    const first = activateFresh();
    const input = yeastCopy();
    const report = (await first.run(input))!;

    const { recorded, vscode } = activateFresh();
    const serializer = recorded.serializers.get('imbalanceLens.dashboard')!;
    const saved = JSON.parse(JSON.stringify(report)) as ResampleReport;
    fs.rmSync(report.written[1]);
    const panel = vscode.window.createWebviewPanel('imbalanceLens.dashboard', 'old title', {});
    const state: DashboardState = { protocol: PROTOCOL_VERSION, kind: 'resample', file: report.out, ui: { 'resample.labels.log': true }, report: saved };
    await serializer.deserializeWebviewPanel(panel, state);
    assert.equal(panel.title, 'Resampled: yeast.mlros.arff');
    const view = await viewOf(panel);
    assert.deepEqual(view.view, { kind: 'resample', file: report.out, report: saved, restored: { missing: [report.written[1]] } });
    assert.deepEqual(recorded.progressTitles, [], 'nothing was run again');

    const before = panel.webview.posted.length;
    panel.webview.send({ type: 'refresh' });
    await tick();
    const done = panel.webview.posted.slice(before).find((m) => m.type === 'done');
    assert.match(String(done?.message), /finished run.*Resample Dataset…/);
    assert.deepEqual(recorded.progressTitles, []);

    // a saved state without its report cannot be shown: the panel is closed
    const blank = vscode.window.createWebviewPanel('imbalanceLens.dashboard', 'blank', {});
    await serializer.deserializeWebviewPanel(blank, { protocol: PROTOCOL_VERSION, kind: 'resample', file: report.out, ui: {} });
    assert.equal(blank.disposed, true);
  });
});
