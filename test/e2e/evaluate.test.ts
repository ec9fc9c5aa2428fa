/**
 * End to end in a real VS Code (code-server + chromium): Evaluate Predictions from the explorer's
 * context menu with the truth picked in the quick pick (macro-F1 and the tuned thresholds must be
 * the engine's), and a malformed dataset (one error notification naming the line, Go to Line
 * jumps there). Skips, naming the setup command, where code-server or chromium is not installed.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { analyzeDataset } from '../../src/core/analysis/analyzeDataset.js';
import { evaluatePredictions, thresholdsJson } from '../../src/core/analysis/evaluatePredictions.js';
import { DatasetError } from '../../src/core/errors.js';
import { missingPrerequisites } from './codeServer.js';
import { BROKEN, BROKEN_LINE, PREDICTIONS, TRUTH, makeWorkspace } from './fixtures.js';
import { shownEvaluation } from './reportView.js';
import { Workbench } from './workbench.js';

const skip = missingPrerequisites();
const ANALYZE = 'imbalanceLens.analyzeDataset';
const EVALUATE = 'imbalanceLens.evaluatePredictions';
const COPY_THRESHOLDS = 'imbalanceLens.copyThresholds';

describe('e2e: Evaluate Predictions and bad input in VS Code (code-server)', { timeout: 300_000 }, () => {
  let workbench: Workbench;
  let source: string;

  before(async () => {
    if (skip) return;
    source = makeWorkspace(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'il-e2e-src-')), 'examples'));
    workbench = await Workbench.open({ suite: 'evaluate', workspace: source, theme: 'light' });
  }, { timeout: 180_000 });

  after(async () => {
    await workbench?.close();
    if (source) fs.rmSync(path.dirname(source), { recursive: true, force: true });
  });

  test('Evaluate Predictions from the explorer on a predictions file, truth picked in the quick pick, shows the engine\'s macro-F1; Copy Tuned Thresholds copies its JSON', { skip }, async () => {
    // The extension's defaults: threshold 0.5, threshold tuning on, zero_division 0.
    const expected = await evaluatePredictions(workbench.path(TRUTH), workbench.path(PREDICTIONS), { threshold: 0.5, tuneThresholds: true, zeroDivision: 0 });
    const macroF1 = expected.averages.macro.f1;
    assert.ok(macroF1 !== null && expected.tuning);

    await workbench.explorerContextMenu(PREDICTIONS, workbench.commandTitle(EVALUATE, 'menu'), {
      beforeClick: () => workbench.screenshot('context-menu-predictions'),
    });
    const offered = await workbench.quickPickLabels();
    assert.equal(offered[0], TRUTH, `the likely truth first, got ${offered.join(' / ')}`);
    assert.match(offered[offered.length - 1], /Browse/);
    await workbench.screenshotBothThemes('truth-quick-pick');
    await workbench.pickQuickPickItem(TRUTH);

    const toast = await workbench.waitForNotification(new RegExp(`^${PREDICTIONS.replace(/\./g, '\\.')}: macro-F1 ${macroF1.toFixed(3)}, `), { severity: 'info' });
    assert.match(toast.message, new RegExp(`micro-F1 ${expected.averages.micro.f1!.toFixed(3)}, mAP ${expected.mAP.macro!.toFixed(3)}$`));

    const shown = await shownEvaluation(workbench, PREDICTIONS);
    const tile = (id: string) => {
      const found = shown.metrics.get(id);
      assert.ok(found, `the dashboard shows ${id} (it shows ${[...shown.metrics.keys()].join(', ')})`);
      return found;
    };
    assert.equal(tile('f1-macro').text, macroF1.toFixed(3));
    assert.equal(tile('f1-macro').value, macroF1, 'the tile carries the engine\'s macro-F1 exactly');
    assert.equal(tile('f1-micro').value, expected.averages.micro.f1);
    assert.equal(tile('map-macro').value, expected.mAP.macro);
    assert.match(shown.text, new RegExp(`against ${TRUTH.replace('.', '\\.')}`));
    // The per-class table: each label's F1 as the engine computed it.
    await shown.frame.locator('vscode-tab-header[data-tab="per-class"]').click();
    await shown.frame.locator('table.vtable-table tr.vtable-row').first().waitFor({ timeout: 10_000 });
    const tableText = await shown.frame.locator('body').innerText();
    for (const label of expected.perLabel) {
      assert.ok(tableText.includes(label.name), `per-class table lists ${label.name}`);
      assert.ok(tableText.includes((label.f1 ?? 0).toFixed(3)), `per-class table shows F1 ${(label.f1 ?? 0).toFixed(3)} of ${label.name}`);
    }
    await workbench.screenshotBothThemes('evaluation-per-class');
    await shown.frame.locator('vscode-tab-header[data-tab="overview"]').click();
    await workbench.screenshotBothThemes('evaluation-report');

    await workbench.runExtensionCommand(COPY_THRESHOLDS);
    await workbench.waitForNotification(/tuned thresholds copied as JSON/);
    assert.equal(await workbench.clipboardText(), thresholdsJson(expected));
  });

  test('a malformed CSV gives one error notification naming the line, and Go to Line puts the cursor there', { skip }, async () => {
    const failure = await analyzeDataset(workbench.path(BROKEN)).then(
      () => assert.fail('the engine accepted broken.csv'),
      (e: unknown) => e,
    );
    assert.ok(failure instanceof DatasetError);
    assert.equal(failure.line, BROKEN_LINE);

    await workbench.clearNotifications();
    await workbench.openFile(BROKEN);
    await workbench.runExtensionCommand(ANALYZE);
    const error = await workbench.waitForNotification(new RegExp(`line ${BROKEN_LINE}\\b`), { severity: 'error' });
    assert.match(error.message, /^Imbalance Lens: /);
    assert.ok(error.message.includes(failure.message), `"${error.message}" carries the engine's message "${failure.message}"`);
    assert.doesNotMatch(error.message, /at .*\.js:\d+/, 'no stack trace');
    assert.deepEqual(error.buttons, ['Go to Line']);
    assert.equal((await workbench.notifications()).filter((n) => n.severity === 'error').length, 1);
    await workbench.screenshotBothThemes('error-notification');

    await workbench.clickNotificationButton(new RegExp(`line ${BROKEN_LINE}\\b`), 'Go to Line');
    assert.equal(await workbench.activeTab(), BROKEN);
    const cursor = await workbench.cursorPosition({ line: BROKEN_LINE });
    assert.equal(cursor.column, 1);
    await workbench.screenshot('went-to-line');
  });

  test('no Content Security Policy violation and no uncaught error in any frame', { skip }, () => {
    assert.deepEqual(workbench.cspViolations(), []);
    assert.deepEqual(workbench.pageErrors, []);
  });
});
