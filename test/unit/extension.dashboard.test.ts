/**
 * The dashboard's host side, through the built bundle activated against the fake `vscode`: the
 * panels and their page (CSP, resource roots), the ready/view handshake, every action message, the
 * serializer that restores a panel after a reload, the custom editor, and the new commands.
 * Run: npm run build && node --import tsx --test test/unit/extension.dashboard.test.ts
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import type { AnalysisReport } from '../../src/core/analysis/analyzeDataset.js';
import { thresholdsJson, type EvaluationReport } from '../../src/core/analysis/evaluatePredictions.js';
import { readThresholds } from '../../src/core/io/predictions/index.js';
import { formatWeightsPytorch } from '../../src/core/weights/index.js';
import { INITIAL_CURVE_LABELS, PROTOCOL_VERSION, type DashboardState } from '../../src/protocol/dashboard.js';
import { createFakeVscode, FakeWebviewPanel, requireWithVscode, tinyPng } from './helpers/fakeVscode.js';

const root = path.resolve(__dirname, '../..');
const bundle = path.join(root, 'dist', 'extension.js');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const example = path.join(root, 'examples', 'support-tickets.csv');

interface ExtensionModule {
  activate(context: { subscriptions: { dispose(): unknown }[]; extensionUri: unknown }): void;
}

function activateFresh() {
  const fake = createFakeVscode();
  const extension = requireWithVscode(bundle, fake.vscode) as ExtensionModule;
  const context = { subscriptions: [] as { dispose(): unknown }[], extensionUri: fake.Uri.file(root) };
  extension.activate(context);
  const run = (command: string, ...args: unknown[]) => fake.recorded.commands.get(command)!(...args) as Promise<unknown>;
  return { ...fake, context, run };
}

type Posted = FakeWebviewPanel['webview']['posted'][number];

/** Waits (up to 10 s) for the webview to have received a message that `match` accepts, and returns it. */
async function received(panel: FakeWebviewPanel, match: (m: Posted) => boolean, after = 0): Promise<Posted> {
  const started = Date.now();
  for (;;) {
    const found = panel.webview.posted.slice(after).find(match);
    if (found) return found;
    if (Date.now() - started > 10_000) assert.fail(`no matching message; got ${JSON.stringify(panel.webview.posted.map((m) => m.type))}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Sends `message` as the page and waits for the `done` reply to it. */
async function act(panel: FakeWebviewPanel, message: { type: string; [key: string]: unknown }): Promise<string> {
  const before = panel.webview.posted.length;
  panel.webview.send(message);
  const done = await received(panel, (m) => m.type === 'done' && m.action === message.type, before);
  return done.message as string;
}

const isView = (m: Posted) => m.type === 'view';
const viewOf = (m: Posted) => m.view as { kind: string; file: string; report: Record<string, unknown>; curves?: { label: string }[]; focus?: string };

function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A small evaluation: truth and scores for labels a, b, c (c has the fewest positives). */
function evaluationFiles() {
  const dir = tempDir('il-dash-eval-');
  const truth = path.join(dir, 'truth.csv');
  const pred = path.join(dir, 'pred.csv');
  fs.writeFileSync(truth, 'a,b,c\n1,0,0\n0,1,0\n1,1,1\n0,0,0\n1,0,0\n0,1,0\n');
  fs.writeFileSync(pred, 'a,b,c\n0.9,0.2,0.1\n0.4,0.7,0.3\n0.6,0.45,0.8\n0.1,0.3,0.2\n0.7,0.6,0.1\n0.3,0.8,0.4\n');
  return { dir, truth, pred };
}

describe('dashboard panels', () => {
  before(() => {
    if (!fs.existsSync(bundle)) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root });
  });

  test('Analyze opens a panel whose page has a strict CSP with a fresh nonce and loads only our dist/webview files', async () => {
    const { recorded, Uri, run } = activateFresh();
    await run('imbalanceLens.analyzeDataset', Uri.file(example));
    assert.deepEqual(recorded.errors, []);
    assert.equal(recorded.panels.length, 1);
    const panel = recorded.panels[0];
    assert.equal(panel.viewType, 'imbalanceLens.dashboard');
    assert.equal(panel.title, 'Imbalance: support-tickets.csv');
    assert.equal((panel.iconPath as { fsPath: string }).fsPath, path.join(root, 'media', 'icon.png'));

    const options = panel.webview.options as { enableScripts?: boolean; localResourceRoots?: { fsPath: string }[] };
    assert.equal(options.enableScripts, true);
    assert.deepEqual(
      options.localResourceRoots!.map((u) => u.fsPath),
      [path.join(root, 'dist', 'webview'), path.join(root, 'media')],
    );
    assert.ok(!panel.panelOptions.retainContextWhenHidden, 'no retainContextWhenHidden');

    const html = panel.webview.html;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1].replace(/&#39;/g, "'");
    assert.ok(csp, 'the page declares a CSP');
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce && Buffer.from(nonce, 'base64').length >= 16, 'a nonce of at least 128 bits');
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-eval/);
    assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/);
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    assert.equal(scripts.length, 1);
    assert.match(scripts[0], new RegExp(`nonce="${nonce.replace(/[+/]/g, (c) => `\\${c}`)}"`));
    assert.match(scripts[0], /src="https:\/fake-webview-resource[^"]*\/dist\/webview\/dashboard\.js"/);
    const styles = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => path.basename(m[1]));
    assert.deepEqual(styles, ['codicon.css', 'dashboard.css']);
    for (const m of html.matchAll(/(?:src|href)="([^"]+)"/g)) assert.match(m[1], /^https:\/fake-webview-resource.*\/dist\/webview\//);

    // Another panel, another nonce.
    const dir = tempDir('il-dash-nonce-');
    const other = path.join(dir, 'other.csv');
    fs.writeFileSync(other, 'x,a,b\n1,1,0\n2,0,1\n');
    await run('imbalanceLens.analyzeDataset', Uri.file(other));
    assert.equal(recorded.panels.length, 2);
    const otherNonce = /<script nonce="([^"]+)"/.exec(recorded.panels[1].webview.html)?.[1];
    assert.ok(otherNonce && otherNonce !== nonce);
  });

  test('the page gets its view after it says ready (and again after a reload), and a second analysis reveals the same panel', async () => {
    const { recorded, Uri, run } = activateFresh();
    const report = (await run('imbalanceLens.analyzeDataset', Uri.file(example))) as AnalysisReport;
    const panel = recorded.panels[0];
    assert.deepEqual(panel.webview.posted, [], 'nothing posted before the page listens');
    panel.webview.send({ type: 'ready', state: null });
    const view = viewOf(await received(panel, isView));
    assert.equal(view.kind, 'analysis');
    assert.equal(view.file, example);
    assert.deepEqual(view.report, JSON.parse(JSON.stringify(report)));
    assert.equal(view.focus, undefined);

    // Hidden (the page is torn down), shown again: the page says ready again and gets the view again.
    panel.setVisible(false);
    panel.setVisible(true);
    const count = panel.webview.posted.length;
    panel.webview.send({ type: 'ready', state: { protocol: PROTOCOL_VERSION, kind: 'analysis', file: example, ui: { tab: 'labels' } } });
    await received(panel, isView, count);

    const again = panel.webview.posted.length;
    await run('imbalanceLens.analyzeDataset', Uri.file(example));
    assert.equal(recorded.panels.length, 1, 'no second panel for the same file');
    assert.equal(panel.reveals, 1);
    await received(panel, isView, again);
  });

  test('invalid messages are logged and ignored', async () => {
    const { recorded, Uri, run } = activateFresh();
    await run('imbalanceLens.analyzeDataset', Uri.file(example));
    const panel = recorded.panels[0];
    recorded.clipboard = 'untouched';
    for (const message of [
      null,
      'ready',
      42,
      { type: 'nope' },
      { type: 'copyWeights', scheme: 'bogus', format: 'pytorch' },
      { type: 'copyWeights', scheme: 'pos', format: 'yaml' },
      { type: 'openFile', line: 0 },
      { type: 'requestCurves', requestId: 1.5, labels: ['a'] },
      { type: 'saveImage', format: 'gif', fileName: 'x', data: '' },
      { type: 'state', state: { kind: 'analysis' } },
    ]) {
      panel.webview.send(message);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(panel.webview.posted, []);
    assert.equal(recorded.clipboard, 'untouched');
    assert.equal(recorded.logs.filter((l) => /^warn: .*ignored an invalid message/.test(l)).length, 10);
  });

  test('copyWeights puts the engine snippet (PyTorch) or a label -> weight object (JSON) on the clipboard', async () => {
    const { recorded, Uri, run } = activateFresh();
    const dir = tempDir('il-dash-weights-');
    const file = path.join(dir, 'tags.csv');
    fs.writeFileSync(file, 'id,a,b,never\n1,1,0,0\n2,0,1,0\n3,1,1,0\n4,1,0,0\n');
    const report = (await run('imbalanceLens.analyzeDataset', Uri.file(file))) as AnalysisReport;
    const panel = recorded.panels[0];
    panel.webview.send({ type: 'ready', state: null });

    for (const scheme of ['pos', 'effective'] as const) {
      const message = await act(panel, { type: 'copyWeights', scheme, format: 'pytorch' });
      assert.equal(recorded.clipboard, formatWeightsPytorch(report.weights, scheme));
      assert.match(message, /^Copied .* \(PyTorch\) to the clipboard\.$/);
    }
    await act(panel, { type: 'copyWeights', scheme: 'inverse', format: 'json' });
    const json = JSON.parse(recorded.clipboard);
    assert.deepEqual(Object.keys(json), ['a', 'b', 'never']);
    assert.deepEqual(Object.values(json), report.weights.schemes.inverse);
    assert.equal(json.never, null, 'a label without positives keeps its null');
    assert.ok(recorded.logs.some((l) => /^info: dashboard tags\.csv: copyWeights: Copied/.test(l)));
  });

  test('insertWeights goes to the last active text editor, never into the dataset; with none it copies and says so', async () => {
    const { recorded, Uri, run, setActiveTextEditor, textEditor } = activateFresh();
    const dir = tempDir('il-dash-insert-');
    const data = path.join(dir, 'train.csv');
    fs.writeFileSync(data, 'id,a,b\n1,1,0\n2,0,1\n3,1,1\n');
    await run('imbalanceLens.analyzeDataset', Uri.file(data));
    const panel = recorded.panels[0];
    panel.webview.send({ type: 'ready', state: null });

    // No text editor yet: copied instead, with a message.
    const none = await act(panel, { type: 'insertWeights', scheme: 'pos', format: 'pytorch' });
    assert.match(none, /No text editor .*copied to the clipboard instead/);
    assert.match(recorded.infos.at(-1)!, /No text editor/);
    assert.match(recorded.clipboard, /pos_weight = torch\.tensor/);

    // The script, then the dataset itself, then the webview takes the focus (no active text editor).
    const script = textEditor(path.join(dir, 'train.py'), { cursorLine: 4 });
    const dataset = textEditor(data, { viewColumn: 1 });
    setActiveTextEditor(script);
    setActiveTextEditor(dataset);
    setActiveTextEditor(undefined);
    recorded.clipboard = '';
    const message = await act(panel, { type: 'insertWeights', scheme: 'sqrt', format: 'json' });
    assert.equal(message, 'Inserted square-root inverse-frequency class weights (JSON) into train.py at line 5.');
    assert.equal(dataset.edits.length, 0, 'the dataset is never written');
    assert.equal(script.edits.length, 1);
    assert.equal(script.edits[0].range.start.line, 4);
    assert.deepEqual(Object.keys(JSON.parse(script.edits[0].text)), ['a', 'b']);
    assert.equal(recorded.clipboard, '', 'nothing copied when inserted');

    // A closed document is no target.
    script.document.isClosed = true;
    assert.match(await act(panel, { type: 'insertWeights', scheme: 'pos', format: 'pytorch' }), /No text editor/);
  });

  test('an evaluation panel sends the report without its curves, plus those of the best-supported labels; more on request', async () => {
    const { recorded, Uri, run } = activateFresh();
    const { truth, pred } = evaluationFiles();
    const report = (await run('imbalanceLens.evaluatePredictions', Uri.file(pred), Uri.file(truth))) as EvaluationReport;
    const panel = recorded.panels[0];
    assert.equal(panel.title, 'Evaluation: pred.csv');
    panel.webview.send({ type: 'ready', state: null });
    const view = viewOf(await received(panel, isView));
    assert.equal(view.kind, 'evaluation');
    assert.equal(view.file, pred);
    assert.equal('curves' in view.report, false);
    assert.equal(view.report.truthFile, truth);
    assert.ok(view.curves!.length <= INITIAL_CURVE_LABELS);
    assert.deepEqual(
      view.curves!.map((c) => c.label),
      ['a', 'b', 'c'],
    );

    panel.webview.send({ type: 'requestCurves', requestId: 7, labels: ['c', 'unknown', 'a'] });
    const answer = await received(panel, (m) => m.type === 'curves');
    assert.equal(answer.requestId, 7);
    assert.deepEqual(answer.curves, JSON.parse(JSON.stringify([report.curves[2], report.curves[0]])));
  });

  test('tuned thresholds: copied as a PyTorch tensor or JSON, exported through the save dialog as JSON that --thresholds reads', async () => {
    const { recorded, Uri, run } = activateFresh();
    const { dir, truth, pred } = evaluationFiles();
    const report = (await run('imbalanceLens.evaluatePredictions', Uri.file(pred), Uri.file(truth))) as EvaluationReport;
    const panel = recorded.panels[0];
    panel.webview.send({ type: 'ready', state: null });
    const tuned = report.tuning!.thresholds.map((t) => t.threshold);

    await act(panel, { type: 'copyThresholds', format: 'pytorch' });
    assert.match(recorded.clipboard, /^thresholds = torch\.tensor\(\[$/m);
    assert.match(recorded.clipboard, /\(torch\.sigmoid\(logits\) >= thresholds\)/);
    assert.match(recorded.clipboard, /# 0 a\n.*# 1 b\n.*# 2 c/);
    await act(panel, { type: 'copyThresholds', format: 'json' });
    assert.equal(recorded.clipboard, thresholdsJson(report));

    // Export: the dialog suggests <pred>.thresholds.json beside the predictions.
    const target = path.join(dir, 'chosen.json');
    recorded.saveAnswer = Uri.file(target);
    const saved = await act(panel, { type: 'exportThresholds' });
    assert.equal(recorded.saveDialogs[0].defaultUri!.fsPath, path.join(dir, 'pred.csv.thresholds.json'));
    assert.deepEqual(recorded.saveDialogs[0].filters, { 'Thresholds (JSON)': ['json'] });
    assert.match(saved, /^Saved 3 tuned thresholds to chosen\.json/);
    assert.deepEqual(await readThresholds(target, ['a', 'b', 'c']), tuned);

    // An existing file the user confirmed in the dialog is replaced, atomically (no temp file left behind).
    fs.writeFileSync(target, 'old content');
    await act(panel, { type: 'exportThresholds' });
    assert.deepEqual(await readThresholds(target, ['a', 'b', 'c']), tuned);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['chosen.json', 'pred.csv', 'truth.csv']);

    // Cancelled dialog: nothing written.
    recorded.saveAnswer = undefined;
    assert.equal(await act(panel, { type: 'exportThresholds' }), 'Thresholds not saved.');

    // A dataset panel has no thresholds: the action says so.
    await run('imbalanceLens.analyzeDataset', Uri.file(truth));
    const datasetPanel = recorded.panels[1];
    datasetPanel.webview.send({ type: 'ready', state: null });
    assert.match(await act(datasetPanel, { type: 'copyThresholds', format: 'json' }), /^Failed: .*not an evaluation/);
  });

  test('saveImage writes SVG text and PNG bytes where the user chose; a bad payload writes nothing', async () => {
    const { recorded, Uri, run } = activateFresh();
    const dir = tempDir('il-dash-image-');
    const data = path.join(dir, 'data.csv');
    fs.writeFileSync(data, 'x,a,b\n1,1,0\n2,0,1\n');
    await run('imbalanceLens.analyzeDataset', Uri.file(data));
    const panel = recorded.panels[0];
    panel.webview.send({ type: 'ready', state: null });

    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';
    recorded.saveAnswer = Uri.file(path.join(dir, 'freq.svg'));
    assert.equal(await act(panel, { type: 'saveImage', format: 'svg', fileName: '../label frequency', data: svg }), 'Saved freq.svg.');
    assert.equal(fs.readFileSync(path.join(dir, 'freq.svg'), 'utf8'), svg);
    assert.equal(recorded.saveDialogs[0].defaultUri!.fsPath, path.join(dir, 'label frequency.svg'));
    assert.deepEqual(recorded.saveDialogs[0].filters, { 'SVG image': ['svg'] });

    const png = tinyPng();
    recorded.saveAnswer = Uri.file(path.join(dir, 'freq.png'));
    await act(panel, { type: 'saveImage', format: 'png', fileName: 'freq', data: `data:image/png;base64,${png.toString('base64')}` });
    assert.deepEqual(fs.readFileSync(path.join(dir, 'freq.png')), png);
    assert.deepEqual(recorded.saveDialogs[1].filters, { 'PNG image': ['png'] });

    const dialogs = recorded.saveDialogs.length;
    assert.match(await act(panel, { type: 'saveImage', format: 'png', fileName: 'x', data: png.toString('base64') }), /^Failed: .*not a base64 PNG/);
    assert.match(await act(panel, { type: 'saveImage', format: 'svg', fileName: 'x', data: '<script>alert(1)</script>' }), /^Failed: .*not SVG/);
    assert.equal(recorded.saveDialogs.length, dialogs, 'no dialog for a bad payload');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['data.csv', 'freq.png', 'freq.svg']);
  });

  test('openFile opens the dataset with the line selected; refresh analyses the file again and sends the new view', async () => {
    const { recorded, Uri, run } = activateFresh();
    const dir = tempDir('il-dash-refresh-');
    const data = path.join(dir, 'data.csv');
    fs.writeFileSync(data, 'x,a,b\n1,1,0\n2,0,1\n');
    await run('imbalanceLens.analyzeDataset', Uri.file(data));
    const panel = recorded.panels[0];
    panel.webview.send({ type: 'ready', state: null });
    await received(panel, isView);

    assert.equal(await act(panel, { type: 'openFile', line: 3 }), 'Opened data.csv at line 3.');
    const open = recorded.executed.find((e) => e.command === 'vscode.open')!;
    assert.equal((open.args[0] as { fsPath: string }).fsPath, data);
    const selection = (open.args[1] as { selection: { start: { line: number; character: number }; end: { line: number } } }).selection;
    assert.deepEqual([selection.start.line, selection.start.character, selection.end.line], [2, 0, 3]);

    fs.appendFileSync(data, '3,1,1\n4,1,0\n');
    const before = panel.webview.posted.length;
    assert.equal(await act(panel, { type: 'refresh' }), 'Refreshed: 4 rows, 2 labels.');
    const posted = panel.webview.posted.slice(before);
    assert.equal(posted[0].type, 'busy');
    const view = viewOf(posted.find(isView)!);
    assert.equal(view.report.instances, 4);

    // The file breaks: the refresh fails with Go to Line, and the last good view stays.
    fs.writeFileSync(data, 'x,a,b\n1,1,0\n2,0\n');
    const failedAt = panel.webview.posted.length;
    const outcome = await act(panel, { type: 'refresh' });
    assert.match(outcome, /^Refresh failed: .*line 3/);
    assert.ok(recorded.errors.some((e) => /line 3/.test(e)));
    const restored = panel.webview.posted.slice(failedAt).filter(isView).map(viewOf);
    assert.equal(restored.at(-1)!.report.instances, 4);
  });

  test('the serializer restores a panel from its saved state by analysing the file again; a vanished file is a clear failure', async () => {
    const { recorded, Uri } = activateFresh();
    const serializer = recorded.serializers.get('imbalanceLens.dashboard');
    assert.ok(serializer, 'a serializer for the panel view type');
    assert.ok(manifest.activationEvents.includes('onWebviewPanel:imbalanceLens.dashboard'));

    const state: DashboardState = { protocol: PROTOCOL_VERSION, kind: 'analysis', file: example, ui: { tab: 'weights' } };
    const restored = new FakeWebviewPanel('imbalanceLens.dashboard', 'Imbalance: support-tickets.csv');
    await serializer.deserializeWebviewPanel(restored, state);
    assert.match(restored.webview.html, /<script nonce="[^"]+" src="[^"]*dashboard\.js">/);
    assert.equal((restored.webview.options as { enableScripts?: boolean }).enableScripts, true);
    restored.webview.send({ type: 'ready', state });
    const view = viewOf(await received(restored, isView));
    assert.equal(view.file, example);
    assert.equal(view.report.instances, 3000);
    assert.ok(recorded.logs.some((l) => /analyzed .*support-tickets\.csv/.test(l)), 'analysed again');

    // Commands now reveal the restored panel instead of opening another.
    await recorded.commands.get('imbalanceLens.openDashboard')!(Uri.file(example));
    assert.equal(recorded.panels.length, 0);
    assert.equal(restored.reveals, 1);

    // An evaluation is evaluated again against the truth named in its state.
    const { truth, pred } = evaluationFiles();
    const evaluation = new FakeWebviewPanel('imbalanceLens.dashboard', 'Evaluation: pred.csv');
    await serializer.deserializeWebviewPanel(evaluation, { protocol: PROTOCOL_VERSION, kind: 'evaluation', file: pred, truthFile: truth, ui: {} });
    evaluation.webview.send({ type: 'ready', state: null });
    assert.equal(viewOf(await received(evaluation, isView)).kind, 'evaluation');

    // The dataset is gone.
    const gone = new FakeWebviewPanel('imbalanceLens.dashboard', 'Imbalance: gone.csv');
    const missing = path.join(tempDir('il-dash-gone-'), 'gone.csv');
    await serializer.deserializeWebviewPanel(gone, { protocol: PROTOCOL_VERSION, kind: 'analysis', file: missing, ui: {} });
    gone.webview.send({ type: 'ready', state: null });
    const failed = await received(gone, (m) => m.type === 'failed');
    assert.match(failed.message as string, /gone\.csv is no longer there \(moved or deleted\?\)/);
    assert.deepEqual(recorded.errors, [], 'a restore failure is shown in the panel, not as a pop-up');

    // No usable state: nothing to restore from, so the panel is closed.
    const blank = new FakeWebviewPanel('imbalanceLens.dashboard', 'Imbalance: ?');
    await serializer.deserializeWebviewPanel(blank, { kind: 'analysis' });
    assert.equal(blank.disposed, true);
  });

  test('the custom editor is contributed as an option only and shows the dataset dashboard in the editor', async () => {
    const editors = manifest.contributes.customEditors as { viewType: string; displayName: string; priority: string; selector: { filenamePattern: string }[] }[];
    assert.equal(editors.length, 1);
    assert.equal(editors[0].viewType, 'imbalanceLens.datasetDashboard');
    assert.equal(editors[0].displayName, 'Imbalance Dashboard');
    assert.equal(editors[0].priority, 'option');
    assert.deepEqual(
      editors[0].selector.map((s) => s.filenamePattern),
      ['*.csv', '*.tsv', '*.jsonl', '*.ndjson', '*.arff'],
    );

    const { recorded, Uri } = activateFresh();
    const registered = recorded.customEditors.get('imbalanceLens.datasetDashboard');
    assert.ok(registered);
    const provider = registered.provider as {
      openCustomDocument(uri: unknown): { uri: unknown };
      resolveCustomEditor(document: unknown, panel: FakeWebviewPanel): Promise<void> | void;
    };
    const document = provider.openCustomDocument(Uri.file(example));
    const panel = new FakeWebviewPanel('imbalanceLens.datasetDashboard', 'support-tickets.csv');
    await provider.resolveCustomEditor(document, panel);
    assert.match(panel.webview.html, /Content-Security-Policy/);
    panel.webview.send({ type: 'ready', state: null });
    const view = viewOf(await received(panel, isView));
    assert.equal(view.kind, 'analysis');
    assert.equal(view.report.instances, 3000);
    // The same actions as a panel.
    assert.match(await act(panel, { type: 'copyWeights', scheme: 'pos', format: 'pytorch' }), /Copied pos_weight/);
    assert.match(recorded.clipboard, /BCEWithLogitsLoss\(pos_weight=pos_weight\)/);
    assert.equal(recorded.panels.length, 0, 'no extra panel');
  });

  test('Show Weight Suggestions opens the dashboard on its weights section, once; Open Dashboard uses the active editor and the stored analysis', async () => {
    const { recorded, Uri, run, setActiveTextEditor, textEditor } = activateFresh();
    setActiveTextEditor(textEditor(example));
    await run('imbalanceLens.openDashboard');
    assert.equal(recorded.panels.length, 1);
    assert.equal(recorded.panels[0].title, 'Imbalance: support-tickets.csv');
    const analysed = recorded.logs.filter((l) => /analyzed /.test(l)).length;
    assert.equal(analysed, 1);

    await run('imbalanceLens.showWeightSuggestions', Uri.file(example));
    assert.equal(recorded.panels.length, 1, 'the same panel');
    assert.equal(recorded.logs.filter((l) => /analyzed /.test(l)).length, 1, 'the stored analysis, not a new one');
    const panel = recorded.panels[0];
    panel.webview.send({ type: 'ready', state: null });
    assert.equal(viewOf(await received(panel, isView)).focus, 'weights');
    const count = panel.webview.posted.length;
    panel.webview.send({ type: 'ready', state: null });
    assert.equal(viewOf(await received(panel, isView, count)).focus, undefined, 'a reload keeps the tab the user chose');
  });

  test('every contributed command is registered; menus offer analysis and evaluation on the right file types', () => {
    const { recorded } = activateFresh();
    const declared = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual([...recorded.commands.keys()].sort(), declared);
    for (const id of ['imbalanceLens.openDashboard', 'imbalanceLens.showWeightSuggestions', 'imbalanceLens.showReportMarkdown']) assert.ok(declared.includes(id), id);
    const titles = Object.fromEntries(manifest.contributes.commands.map((c: { command: string; title: string }) => [c.command, c.title]));
    assert.equal(titles['imbalanceLens.analyzeDataset'], 'Analyze Label Imbalance');
    assert.equal(titles['imbalanceLens.evaluatePredictions'], 'Evaluate Predictions Against…');
    const explorer = manifest.contributes.menus['explorer/context'] as { command: string; when: string }[];
    const analyze = explorer.find((m) => m.command === 'imbalanceLens.analyzeDataset')!;
    const evaluate = explorer.find((m) => m.command === 'imbalanceLens.evaluatePredictions')!;
    for (const ext of ['csv', 'tsv', 'jsonl', 'ndjson', 'arff']) assert.match(analyze.when, new RegExp(ext));
    for (const ext of ['csv', 'tsv', 'jsonl', 'ndjson', 'npy']) assert.match(evaluate.when, new RegExp(ext));
    assert.doesNotMatch(analyze.when, /npy/);
  });
});
