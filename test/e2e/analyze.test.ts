/**
 * End to end in a real VS Code (code-server + chromium): Analyze Dataset from the command palette
 * on the CSV in the editor and from the explorer's context menu on an ARFF; the numbers shown must
 * be the engine's own, and Copy pos_weight must put the engine's PyTorch snippet on the clipboard.
 * Skips, naming the setup command, where code-server or chromium is not installed.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { analyzeDataset } from '../../src/core/analysis/analyzeDataset.js';
import { formatWeightsPytorch } from '../../src/core/weights/index.js';
import { missingPrerequisites } from './codeServer.js';
import { ARFF, EXAMPLE_CSV, makeWorkspace } from './fixtures.js';
import { shownAnalysis, type ShownAnalysis, type ShownMeasure } from './reportView.js';
import { Workbench } from './workbench.js';

const skip = missingPrerequisites();

/** Waits until `check` holds (the clipboard is written asynchronously by the extension host). */
async function poll(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the clipboard');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function measure(shown: ShownAnalysis, key: string): ShownMeasure {
  const found = shown.measures.get(key);
  assert.ok(found, `the ${shown.view} view shows ${key} (it shows ${[...shown.measures.keys()].join(', ')})`);
  return found;
}
const ANALYZE = 'imbalanceLens.analyzeDataset';
const COPY_POS_WEIGHT = 'imbalanceLens.copyPosWeight';

describe('e2e: Analyze Dataset in VS Code (code-server)', { timeout: 300_000 }, () => {
  let workbench: Workbench;
  let source: string;

  before(async () => {
    if (skip) return;
    source = makeWorkspace(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'il-e2e-src-')), 'examples'));
    workbench = await Workbench.open({ suite: 'analyze', workspace: source, theme: 'dark' });
  }, { timeout: 180_000 });

  after(async () => {
    await workbench?.close();
    if (source) fs.rmSync(path.dirname(source), { recursive: true, force: true });
  });

  test('the workspace opens with the extension installed', { skip }, async () => {
    await workbench.screenshot('workspace');
    for (const name of [EXAMPLE_CSV, ARFF]) {
      assert.ok(await workbench.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`).isVisible(), `${name} in the explorer`);
    }
  });

  test('Analyze Dataset from the command palette on the open CSV shows the engine\'s headline numbers; Copy pos_weight copies its snippet', { skip }, async () => {
    const expected = await analyzeDataset(workbench.path(EXAMPLE_CSV));
    await workbench.openFile(EXAMPLE_CSV);
    await workbench.runExtensionCommand(ANALYZE, { beforeAccept: () => workbench.screenshot('palette-analyze') });

    const summary = `${EXAMPLE_CSV}: ${expected.instances.toLocaleString('en-US')} rows, ${expected.labels} labels, MeanIR ${expected.meanIR.toFixed(2)}, MaxIR ${expected.maxIR.toFixed(2)}`;
    const toast = await workbench.waitForNotification(new RegExp(`^${summary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), { severity: 'info' });
    assert.deepEqual(toast.buttons, ['Show JSON', 'Copy pos_weight']);

    const shown = await shownAnalysis(workbench, EXAMPLE_CSV);
    assert.equal(measure(shown, 'instances').text, expected.instances.toLocaleString('en-US'));
    assert.equal(measure(shown, 'labels').value, expected.labels);
    assert.equal(measure(shown, 'meanIR').value.toFixed(2), expected.meanIR.toFixed(2));
    assert.equal(measure(shown, 'maxIR').value.toFixed(2), expected.maxIR.toFixed(2));
    assert.equal(shown.view, 'dashboard', 'Analyze opens the dashboard');
    const bars = shown.frame.locator('svg[role="img"] .mark-rect path');
    await bars.first().waitFor({ timeout: 15_000 });
    assert.ok((await bars.count()) >= expected.labels, 'the label frequency chart draws a bar per label');
    await workbench.screenshotBothThemes('csv-report');

    // The dashboard's Loss weights tab: "Copy as PyTorch" of pos_weight puts the engine's snippet on the clipboard.
    await shown.frame.locator('vscode-tab-header[data-tab="weights"]').click();
    await shown.frame.getByRole('button', { name: 'Copy pos weights as PyTorch' }).click();
    await poll(async () => (await workbench.clipboardText()) === formatWeightsPytorch(expected.weights, 'pos'));
    await workbench.screenshotBothThemes('csv-weights');
    await shown.frame.locator('vscode-tab-header[data-tab="labels"]').click();

    // The Problems panel: the rare labels of the dataset, from Imbalance Lens.
    const problems = await workbench.problems();
    assert.ok(problems.some((p) => /Imbalance Lens/.test(p.text) && /fewer than|rare|never occur/i.test(p.text)), `Problems lists the dataset's findings: ${JSON.stringify(problems)}`);
    await workbench.screenshot('problems');
    await workbench.runCommand('View: Toggle Panel Visibility');

    await workbench.clearNotifications();
    await workbench.runExtensionCommand(COPY_POS_WEIGHT);
    await workbench.waitForNotification(/pos_weight for \d+ labels copied as PyTorch/);
    assert.equal(await workbench.clipboardText(), formatWeightsPytorch(expected.weights, 'pos'));
    await workbench.screenshot('copied-pos-weight');
  });

  test('Analyze Dataset from the explorer context menu on an ARFF (MEKA -C) shows its numbers', { skip }, async () => {
    const expected = await analyzeDataset(workbench.path(ARFF));
    await workbench.clearNotifications();
    await workbench.explorerContextMenu(ARFF, workbench.commandTitle(ANALYZE, 'menu'), { beforeClick: () => workbench.screenshot('context-menu-arff') });

    await workbench.waitForNotification(new RegExp(`^${ARFF.replace('.', '\\.')}: ${expected.instances} rows, ${expected.labels} labels, MeanIR ${expected.meanIR.toFixed(2)}`), { severity: 'info' });
    const shown = await shownAnalysis(workbench, ARFF);
    assert.equal(measure(shown, 'instances').value, expected.instances);
    assert.equal(measure(shown, 'labels').value, expected.labels);
    assert.equal(measure(shown, 'meanIR').value.toFixed(2), expected.meanIR.toFixed(2));
    assert.match(shown.text, /MEKA -C 4/);
    await workbench.screenshotBothThemes('arff-report');

    // The palette command copies the latest analysis: now the ARFF's.
    await workbench.runExtensionCommand(COPY_POS_WEIGHT);
    await workbench.waitForNotification(new RegExp(`pos_weight for ${expected.labels} labels copied`));
    assert.equal(await workbench.clipboardText(), formatWeightsPytorch(expected.weights, 'pos'));
  });

  test('no Content Security Policy violation and no uncaught error in any frame', { skip }, () => {
    assert.deepEqual(workbench.cspViolations(), []);
    assert.deepEqual(workbench.pageErrors, []);
  });
});
