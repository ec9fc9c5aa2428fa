/**
 * End to end in a real VS Code (code-server + chromium): Train Baseline from the explorer's context
 * menu on a MULAN training file with every default accepted (weighted BCE, MLP 128, the test half
 * beside it). The run trains on the worker thread while the workbench stays usable, ends with the
 * engine's numbers in the live view and the Runs view, and leaves a complete run folder.
 * Skips, naming the setup command, where code-server or chromium is not installed or the datasets
 * folder is absent.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { RunSummary } from '../../src/protocol/training.js';
import { datasetPath, skipUnlessDatasets } from '../unit/helpers/datasets.js';
import { missingPrerequisites } from './codeServer.js';
import { makeWorkspace } from './fixtures.js';
import { Workbench } from './workbench.js';

const skip = missingPrerequisites() || skipUnlessDatasets('emotions/emotions-train.arff', 'emotions/emotions-test.arff', 'emotions/emotions.xml');
const TRAIN = 'imbalanceLens.trainBaseline';

/** The run folders under the workspace's runs folder. */
function runFolders(workspace: string): string[] {
  const runs = path.join(workspace, '.imbalance-lens', 'runs');
  return fs.existsSync(runs) ? fs.readdirSync(runs).map((name) => path.join(runs, name)) : [];
}

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function readSummary(runDir: string): RunSummary | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(runDir, 'run.json'), 'utf8')) as RunSummary;
  } catch {
    return undefined; // not written yet
  }
}

describe('e2e: Train Baseline in VS Code (code-server)', { timeout: 400_000 }, () => {
  let workbench: Workbench;
  let source: string;

  before(async () => {
    if (skip) return;
    source = makeWorkspace(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'il-e2e-src-')), 'examples'));
    for (const rel of ['emotions/emotions-train.arff', 'emotions/emotions-test.arff', 'emotions/emotions.xml']) {
      fs.copyFileSync(datasetPath(rel)!, path.join(source, path.basename(rel)));
    }
    workbench = await Workbench.open({ suite: 'train', workspace: source, theme: 'dark' });
  }, { timeout: 180_000 });

  after(async () => {
    await workbench?.close();
    if (source) fs.rmSync(path.dirname(source), { recursive: true, force: true });
  });

  test('Train Baseline with the defaults: a completed run folder, its headline in the notification, the live view and the Runs view', { skip }, async () => {
    await workbench.explorerContextMenu('emotions-train.arff', workbench.commandTitle(TRAIN, 'menu'));
    await workbench.pickQuickPickItem('wbce', { beforeAccept: () => workbench.screenshot('train-loss') });
    await workbench.pickQuickPickItem('MLP 128');
    await workbench.pickQuickPickItem('emotions-test.arff', { beforeAccept: () => workbench.screenshot('train-test-file') });

    const runDir = await waitFor('a run folder', () => runFolders(workbench.folder)[0]);
    const summary = await waitFor('the run to complete', () => {
      const s = readSummary(runDir);
      return s && s.status !== 'running' ? s : undefined;
    });
    assert.equal(summary.status, 'completed', summary.error);
    assert.equal(summary.strategies.length, 1);
    const [result] = summary.strategies;
    assert.equal(result.strategy, 'wbce');
    assert.equal(summary.split.test, 202, 'tested on emotions-test.arff');
    for (const file of ['config.json', 'metrics.jsonl', 'thresholds.json', 'predictions.csv', 'model.json', 'featurizer.json']) {
      assert.ok(fs.existsSync(path.join(result.runDir, file)), `${file} in the run folder`);
    }
    const epochs = fs.readFileSync(path.join(result.runDir, 'metrics.jsonl'), 'utf8').trim().split('\n');
    assert.equal(epochs.length, result.epochsRun);

    // the headline is at the thresholds in force: tuned only when they beat 0.5 out of fold
    assert.equal(summary.thresholdsTuned, result.validation!.tuned.macroF1 > result.validation!.fixed.macroF1);
    const macro = (summary.thresholdsTuned ? result.tuned : result.fixed).macroF1.toFixed(2);
    await workbench.waitForNotification(new RegExp(`trained wbce on emotions-train\\.arff: test macro-F1 ${macro.replace('.', '\\.')}`), { severity: 'info' });

    const frame = await workbench.webviewFrame({ hasText: /wbce/ });
    await frame.locator('table.training-comparison').waitFor({ timeout: 30_000 });
    const shownRow = (await frame.locator('table.training-comparison tbody tr').first().innerText()).split('\t');
    assert.ok(result.validation, 'a run with validation rows reports its validation figures');
    assert.deepEqual(
      shownRow.slice(0, 5),
      ['wbce', result.validation.fixed.macroF1.toFixed(3), result.validation.tuned.macroF1.toFixed(3), result.fixed.macroF1.toFixed(3), result.tuned.macroF1.toFixed(3)],
      'the comparison row shows the run\'s validation macro-F1 (what a recommendation is chosen on), then its test macro-F1 at 0.5 and tuned',
    );
    await frame.locator('p.ev-headline', { hasText: `Thresholds in force: ${summary.thresholdsTuned ? 'tuned' : '0.5'}.` }).waitFor({ timeout: 15_000 });
    await frame.locator('svg[role="img"]').first().waitFor({ timeout: 15_000 });
    await workbench.screenshotBothThemes('training-view');

    // The Runs view in the Imbalance Lens activity-bar container lists the run with its headline.
    await workbench.page.locator('.activitybar .action-item a[aria-label^="Imbalance Lens"]').first().click();
    const row = workbench.page.locator('.monaco-list-row', { hasText: new RegExp(`macro-F1 ${macro.replace('.', '\\.')}`) });
    await row.first().waitFor({ timeout: 15_000 });
    await workbench.screenshot('runs-view');
  });

  test('no Content Security Policy violation and no uncaught error in any frame', { skip }, () => {
    assert.deepEqual(workbench.cspViolations(), []);
    assert.deepEqual(workbench.pageErrors, []);
  });
});
