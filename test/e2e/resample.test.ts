/**
 * End to end in a real VS Code (code-server + chromium): Resample Dataset from the explorer's context
 * menu on an ARFF with every default accepted, and Create Stratified Split from the palette on the
 * CSV in the editor. The files written must be the engine's own (the same seed on a copy gives the
 * same bytes), and the dashboard must show the engine's numbers.
 * Skips, naming the setup command, where code-server or chromium is not installed.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { resampleDataset } from '../../src/core/analysis/resampleDataset.js';
import { splitDataset } from '../../src/core/analysis/splitDataset.js';
import { missingPrerequisites } from './codeServer.js';
import { ARFF, EXAMPLE_CSV, makeWorkspace } from './fixtures.js';
import { Workbench } from './workbench.js';

const skip = missingPrerequisites();
const RESAMPLE = 'imbalanceLens.resampleDataset';
const SPLIT = 'imbalanceLens.createSplit';

/** Waits until `file` exists (the extension writes it on a worker thread). */
async function waitForFile(file: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${file}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The same job by the engine on a copy of the input, for the expected bytes and numbers. */
function copyOf(file: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'il-e2e-expected-'));
  const copy = path.join(dir, path.basename(file));
  fs.copyFileSync(file, copy);
  return copy;
}

describe('e2e: Resample Dataset and Create Stratified Split in VS Code (code-server)', { timeout: 300_000 }, () => {
  let workbench: Workbench;
  let source: string;

  before(async () => {
    if (skip) return;
    source = makeWorkspace(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'il-e2e-src-')), 'examples'));
    workbench = await Workbench.open({ suite: 'resample', workspace: source, theme: 'dark' });
  }, { timeout: 180_000 });

  after(async () => {
    await workbench?.close();
    if (source) fs.rmSync(path.dirname(source), { recursive: true, force: true });
  });

  test('Resample Dataset on an ARFF, defaults all the way: the ML-ROS file the engine writes, and its numbers in the dashboard', { skip }, async () => {
    const input = workbench.path(ARFF);
    const expectedCopy = copyOf(input);
    const expected = await resampleDataset(expectedCopy, { method: 'mlros' });
    const outName = ARFF.replace(/\.arff$/, '.mlros.arff');

    await workbench.explorerContextMenu(ARFF, workbench.commandTitle(RESAMPLE, 'menu'));
    await workbench.pickQuickPickItem('ML-ROS', { beforeAccept: () => workbench.screenshot('resample-method') });
    await workbench.acceptInputBox('25');
    await workbench.pickQuickPickItem(outName, { beforeAccept: () => workbench.screenshot('resample-output') });

    const written = workbench.path(outName);
    await waitForFile(written);
    await workbench.waitForNotification(new RegExp(`^${ARFF.replace('.', '\\.')} with ML-ROS: .* rows, MeanIR .*Wrote ${outName.replace(/\./g, '\\.')}\\.$`), { severity: 'info' });
    assert.ok(fs.readFileSync(written).equals(fs.readFileSync(expected.out)), 'the file written is the engine\'s, byte for byte');

    const frame = await workbench.webviewFrame({ hasText: /MeanIR/ });
    const meanIR = frame.locator('[data-measure="meanIR"]');
    await meanIR.waitFor({ timeout: 15_000 });
    assert.equal(Number(await meanIR.innerText()).toFixed(3), expected.after.meanIR.toFixed(3));
    assert.equal((await frame.locator('[data-measure="rows"]').innerText()).replace(/,/g, ''), String(expected.rows.after));
    await workbench.screenshotBothThemes('resample-view');
  });

  test('Create Stratified Split from the palette on the open CSV: train/val/test files, each the engine\'s', { skip }, async () => {
    const input = workbench.path(EXAMPLE_CSV);
    const expectedCopy = copyOf(input);
    const expected = await splitDataset(expectedCopy, { ratios: [0.7, 0.15, 0.15] });
    await workbench.clearNotifications();
    await workbench.openFile(EXAMPLE_CSV);
    await workbench.runExtensionCommand(SPLIT);
    await workbench.pickQuickPickItem('train / val / test: 70 / 15 / 15');
    await workbench.pickQuickPickItem('Labels');
    await workbench.pickQuickPickItem('One file per part', { beforeAccept: () => workbench.screenshot('split-output') });

    for (const part of ['train', 'val', 'test']) {
      const name = EXAMPLE_CSV.replace(/\.csv$/, `.${part}.csv`);
      await waitForFile(workbench.path(name));
      const expectedFile = expected.written.find((f) => f.endsWith(name));
      assert.ok(expectedFile, `the engine wrote ${name} too`);
      assert.ok(fs.readFileSync(workbench.path(name)).equals(fs.readFileSync(expectedFile)), `${name} is the engine's, byte for byte`);
    }
    await workbench.waitForNotification(/split into /, { severity: 'info' });
    const frame = await workbench.webviewFrame({ hasText: /Share of each label/ });
    await frame.locator('svg[role="img"]').first().waitFor({ timeout: 15_000 });
    await workbench.screenshotBothThemes('split-view');
  });

  test('no Content Security Policy violation and no uncaught error in any frame', { skip }, () => {
    assert.deepEqual(workbench.cspViolations(), []);
    assert.deepEqual(workbench.pageErrors, []);
  });
});
