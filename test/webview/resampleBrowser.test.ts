/**
 * The resample and split views in a real browser (the harness page: the host's HTML and CSP, a
 * fake VS Code API, playwright-core and the system chromium), on reports the engine made from a
 * temp copy of yeast: they draw without console errors or CSP violations, the tiles and tables
 * show the report's numbers, chart options persist, the saved state keeps the report while the
 * `state` messages leave it out, and a restored panel says so. Skips without chromium or datasets.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { resampleDataset, type ResampleReport } from '../../src/core/analysis/resampleDataset.js';
import { splitDataset, type SplitReport } from '../../src/core/analysis/splitDataset.js';
import type { DashboardState, ResampleView, SplitView } from '../../src/protocol/dashboard.js';
import { datasetPath, skipUnlessDatasets } from '../unit/helpers/datasets.js';
import { CHROMIUM, SKIP_NO_CHROMIUM, startHarness, until, type Harness, type HarnessPage } from './harness/harness.js';

const skip = existsSync(CHROMIUM) ? skipUnlessDatasets('yeast/yeast.arff', 'yeast/yeast.xml') : SKIP_NO_CHROMIUM;

async function assertClean(page: HarnessPage): Promise<void> {
  assert.deepEqual(await page.cspViolations(), [], 'CSP violations');
  assert.deepEqual(page.errors, [], 'console errors');
}

describe('resample and split views in chromium', { skip }, () => {
  let harness: Harness;
  let dir: string;
  let resample: ResampleReport;
  let split: SplitReport;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'il-browser-'));
    for (const name of ['yeast.arff', 'yeast.xml']) fs.copyFileSync(datasetPath(`yeast/${name}`)!, path.join(dir, name));
    const input = path.join(dir, 'yeast.arff');
    resample = JSON.parse(JSON.stringify(await resampleDataset(input, { method: 'mlros', dryRun: true })));
    split = JSON.parse(JSON.stringify(await splitDataset(input, { ratios: [0.7, 0.15, 0.15], dryRun: true })));
    harness = await startHarness({ build: true });
  });
  after(async () => {
    await harness?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('resample: tiles before and after, the chart, the table, and the options kept in the saved state with the report', async () => {
    const view: ResampleView = { kind: 'resample', file: resample.out, report: resample };
    const page = await harness.open({ name: 'resample', view, theme: 'dark' });
    try {
      await page.chartsDrawn();
      assert.equal(await page.page.locator('h1 .file-name').textContent(), 'yeast.mlros.arff');
      const value = (key: string) => page.page.locator(`.tile-value[data-measure="${key}"]`).textContent();
      assert.equal(await value('rows'), resample.rows.after.toLocaleString('en-US'));
      assert.equal(await value('meanIR'), resample.after.meanIR.toFixed(3));
      assert.equal(await page.page.locator('.tile-detail[data-change="meanIR"]').count(), 1);
      assert.equal(await page.page.locator('.chart-card .vega-embed svg').count(), 1);
      assert.equal(await page.page.locator('.vtable tbody tr.vtable-row').count(), resample.perLabel.length);
      const minority = resample.perLabel.filter((l) => l.minority).length;
      assert.equal(await page.page.locator('.vtable tbody tr.vtable-row.highlight').count(), minority);

      // yeast's MaxIR of 53 opens on a log scale; turning it off persists, and the state messages carry no report
      const log = page.page.locator('vscode-checkbox', { hasText: 'Log scale' });
      assert.equal(await log.evaluate((box) => (box as unknown as { checked: boolean }).checked), true);
      await log.click();
      const savedState = async () => (await page.page.evaluate('window.__harness.state()')) as DashboardState;
      await until(async () => (await savedState()).ui['resample.labels.log'] === false, 'the log choice saved');
      const saved = await savedState();
      assert.deepEqual(saved.report, resample, 'the saved state keeps the report for a reload');
      const states = (await page.posted()).filter((m) => m.type === 'state') as { state: DashboardState }[];
      assert.ok(states.length >= 2);
      for (const m of states) assert.equal('report' in m.state, false);
      await page.chartsDrawn();

      await page.page.getByRole('button', { name: 'Open resampled file' }).click();
      await until(async () => (await page.posted()).some((m) => m.type === 'openFile'), 'openFile posted');
      await assertClean(page);
    } finally {
      await page.page.context().close();
    }
  });

  test('split: tiles, the shares chart, the measures per part, the label table, and absent labels called out', async () => {
    const absentSplit: SplitReport = {
      ...split,
      stratification: { ...split.stratification, absent: [{ label: 13, part: 2 }] },
      absent: [`${split.labelNames[13]} in test`],
    };
    const view: SplitView = { kind: 'split', file: split.file, report: absentSplit, restored: { missing: ['/gone/yeast.test.arff'] } };
    const page = await harness.open({ name: 'split', view, theme: 'light' });
    try {
      await page.chartsDrawn();
      assert.equal(await page.page.locator('.tile-value[data-measure="parts"]').textContent(), '3');
      assert.equal(await page.page.locator('.tile-value[data-measure="absent"]').textContent(), '1');
      assert.equal(await page.page.locator('.chart-card .vega-embed svg').count(), 1);
      const caveats = await page.page.locator('.ev-caveat').allTextContents();
      assert.equal(caveats.length, 2);
      assert.match(caveats[0], /saved state after a window reload.*no longer there: yeast\.test\.arff.*Create Stratified Split/);
      assert.match(caveats[1], new RegExp(`^1 label–part pair without a single positive: ${split.labelNames[13]} in test\\.`));
      const partRows = await page.page.locator('section[aria-label="Measures per part"] .data-table tbody tr').count();
      assert.equal(partRows, 3);
      assert.equal(await page.page.locator('.vtable tbody tr.vtable-row').count(), split.labelNames.length);
      assert.equal(await page.page.locator('.vtable tbody tr.vtable-row.highlight').count(), 1);
      await assertClean(page);
    } finally {
      await page.page.context().close();
    }
  });
});
