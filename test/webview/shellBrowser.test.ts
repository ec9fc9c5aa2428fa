/**
 * The dashboard in a real browser: the page the host serves (same HTML, same CSP) with a fake VS
 * Code API, driven by playwright-core and the system chromium. Asserts no CSP violations and no
 * console errors, charts drawn as SVG with marks, the headline numbers of the report, the messages
 * buttons post, theme switching, state restore, and a 1,200-row table that stays virtual.
 * Skips when /usr/bin/chromium is not installed.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { AnalysisReport } from '../../src/core/analysis/analyzeDataset.js';
import { isWebviewMessage, PROTOCOL_VERSION } from '../../src/protocol/dashboard.js';
import { measureTiles } from '../../webview/src/dataset/measureTiles.js';
import { datasetViewOf, EMOTIONS, manyLabelReport, sharedDatasetReport, skipUnlessDatasets, smallSyntheticReport } from './harness/datasetReports.js';
import { CHROMIUM, SKIP_NO_CHROMIUM, startHarness, until, type Harness, type HarnessPage } from './harness/harness.js';
import { HARNESS_THEMES } from './harness/themes.js';

const skip = existsSync(CHROMIUM) ? false : SKIP_NO_CHROMIUM;

/** Everything a page must never show: CSP violations and console errors. */
async function assertClean(page: HarnessPage): Promise<void> {
  assert.deepEqual(await page.cspViolations(), [], 'CSP violations');
  assert.deepEqual(page.errors, [], 'console errors');
}

async function postedOf(page: HarnessPage, type: string): Promise<Array<Record<string, unknown>>> {
  return (await page.posted()).filter((m) => m.type === type);
}

/** Wait until the webview has posted a message matching `match`. */
async function waitForPosted(page: HarnessPage, match: (m: Record<string, unknown>) => boolean, what: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 100; i++) {
    const found = (await page.posted()).find(match);
    if (found) return found;
    await page.page.waitForTimeout(50);
  }
  assert.fail(`the webview did not post ${what}`);
}

const openTab = async (page: HarnessPage, tab: string): Promise<void> => {
  await page.page.locator(`vscode-tab-header[data-tab="${tab}"]`).click();
};

/** The fill of the first axis label text in the first chart: the theme's foreground. */
const axisLabelFill = (page: HarnessPage): Promise<string | null> =>
  page.page.locator('.chart-card .chart-host svg .role-axis-label text').first().getAttribute('fill');

describe('dashboard webview in chromium', { skip }, () => {
  let harness: Harness;
  let small: AnalysisReport;
  let many: AnalysisReport;

  before(async () => {
    [small, many] = await Promise.all([smallSyntheticReport(), manyLabelReport()]);
    harness = await startHarness({ build: true });
  });
  after(async () => {
    await harness?.close();
  });

  test('emotions, dark: no CSP violations or console errors, charts drawn, headline numbers of the report', { skip: skipUnlessDatasets(EMOTIONS) }, async () => {
    const report = await sharedDatasetReport(EMOTIONS);
    const page = await harness.open({ name: 'emotions-dark', view: datasetViewOf(report), theme: 'dark' });
    await page.chartsDrawn();

    // charts: an SVG image with bars, and its table alternative
    const svgs = page.page.locator('.chart-card .chart-host svg');
    assert.equal(await svgs.count(), 2);
    for (let i = 0; i < 2; i++) {
      assert.equal(await svgs.nth(i).getAttribute('role'), 'img');
      assert.match((await svgs.nth(i).getAttribute('aria-label')) ?? '', /Label frequency|Imbalance ratio/);
      assert.equal(await svgs.nth(i).locator('.mark-rect path').count(), 6, 'one bar per label');
    }
    assert.equal(await page.page.locator('.chart-card .chart-data table tbody tr').count(), 12);

    // the tiles show the report's numbers
    for (const tile of measureTiles(report)) {
      const value = page.page.locator(`.tile-value[data-measure="${tile.key}"]`);
      assert.equal(await value.textContent(), tile.value, tile.key);
      assert.equal(Number(await value.getAttribute('data-raw')), report[tile.key as keyof AnalysisReport], tile.key);
    }
    assert.equal(await page.page.locator('.tile-value[data-measure="meanIR"]').textContent(), '1.478');
    assert.equal(await page.page.locator('.tile-value[data-measure="instances"]').textContent(), '593');
    const meanTile = page.page.locator('.tile', { has: page.page.locator('[data-measure="meanIR"]') });
    assert.match((await meanTile.getAttribute('title')) ?? '', /1 is balanced; above 1\.5 is imbalanced/);
    const describedBy = await meanTile.getAttribute('aria-describedby');
    assert.match((await page.page.locator(`#${describedBy}`).textContent()) ?? '', /mean imbalance ratio per label/);
    assert.equal(await axisLabelFill(page), HARNESS_THEMES.dark.vars['--vscode-editor-foreground']);

    // the handshake and every message the page posted are valid
    const posted = await page.posted();
    assert.deepEqual(posted[0], { type: 'ready', state: null });
    assert.ok(posted.every(isWebviewMessage), JSON.stringify(posted));
    await assertClean(page);
    await page.page.context().close();
  });

  test('"Copy as PyTorch" posts copyWeights for its scheme; the host\'s answer shows in the status line', async () => {
    const page = await harness.open({ name: 'copy', view: datasetViewOf(small), theme: 'dark' });
    await page.chartsDrawn();
    await openTab(page, 'weights');
    await page.page.getByRole('button', { name: 'Copy pos weights as PyTorch' }).click();
    await waitForPosted(page, (m) => m.type === 'copyWeights', 'copyWeights');
    assert.deepEqual(await postedOf(page, 'copyWeights'), [{ type: 'copyWeights', scheme: 'pos', format: 'pytorch' }]);
    await page.page.getByRole('button', { name: 'Copy effective weights as JSON' }).click();
    await page.page.getByRole('button', { name: 'Insert sqrt weights as PyTorch at the cursor' }).click();
    await waitForPosted(page, (m) => m.type === 'insertWeights', 'insertWeights');
    assert.deepEqual((await postedOf(page, 'copyWeights'))[1], { type: 'copyWeights', scheme: 'effective', format: 'json' });
    assert.deepEqual(await postedOf(page, 'insertWeights'), [{ type: 'insertWeights', scheme: 'sqrt', format: 'pytorch' }]);
    const status = page.page.getByRole('status').filter({ hasText: 'Inserted' });
    await status.waitFor();
    assert.match((await status.textContent()) ?? '', /Inserted sqrt weights at the cursor/);
    await assertClean(page);
    await page.page.context().close();
  });

  test('header buttons, log scale (persisted), Show data, Save SVG / PNG, theme switch', async () => {
    const page = await harness.open({ name: 'actions', view: datasetViewOf(small), theme: 'dark' });
    await page.chartsDrawn();
    await page.page.getByRole('button', { name: 'Refresh' }).click();
    await page.page.getByRole('button', { name: 'Open file' }).click();
    await waitForPosted(page, (m) => m.type === 'openFile', 'openFile');
    assert.deepEqual(await postedOf(page, 'refresh'), [{ type: 'refresh' }]);
    assert.deepEqual(await postedOf(page, 'openFile'), [{ type: 'openFile' }]);

    // small's MaxIR is 16, so the charts open on a log scale; switching it off is persisted
    const frequency = page.page.locator('.chart-card').first();
    assert.match((await frequency.locator('svg').textContent()) ?? '', /log scale/);
    await page.page.locator('vscode-checkbox', { hasText: 'Log scale' }).click();
    const state = await waitForPosted(page, (m) => m.type === 'state' && (m.state as { ui: Record<string, unknown> }).ui['dataset.labels.log'] === false, 'the log choice');
    assert.deepEqual((state.state as { protocol: number }).protocol, PROTOCOL_VERSION);
    await page.chartsDrawn();
    assert.doesNotMatch((await page.page.locator('.chart-card').first().locator('svg').textContent()) ?? '', /log scale/);

    // Show data reveals the table
    const card = page.page.locator('.chart-card').first();
    const toggle = card.getByRole('button', { name: 'Show data' });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.match((await card.locator('.chart-data').getAttribute('class')) ?? '', /visually-hidden/, 'in the page for screen readers, not shown');
    await toggle.click();
    assert.equal(await card.getByRole('button', { name: 'Hide data' }).getAttribute('aria-expanded'), 'true');
    assert.doesNotMatch((await card.locator('.chart-data').getAttribute('class')) ?? '', /visually-hidden/);
    const box = await card.locator('.chart-data table').boundingBox();
    assert.ok(box && box.height > 50 && box.width > 200, 'the table is shown');

    // images go to the host, with the theme's background
    await card.getByRole('button', { name: 'Save SVG' }).click();
    await card.getByRole('button', { name: 'Save PNG' }).click();
    await waitForPosted(page, (m) => m.type === 'saveImage' && m.format === 'png', 'a PNG');
    const [svg, png] = await postedOf(page, 'saveImage');
    assert.equal(svg.fileName, 'label-frequency.svg');
    assert.match(String(svg.data), /^<svg[^>]*><rect width="100%" height="100%" fill="#1f1f1f"\/>/);
    assert.equal(png.fileName, 'label-frequency.png');
    assert.match(String(png.data), /^data:image\/png;base64,iVBORw0KGgo/);
    assert.ok((await page.posted()).every(isWebviewMessage));

    // VS Code switches to a light theme: the charts are drawn again in its colours
    assert.equal(await axisLabelFill(page), HARNESS_THEMES.dark.vars['--vscode-editor-foreground']);
    await page.setTheme('light');
    await until(async () => (await axisLabelFill(page)) === HARNESS_THEMES.light.vars['--vscode-editor-foreground'], 'the light theme in the charts');
    await page.chartsDrawn();
    await assertClean(page);
    await page.page.context().close();
  });

  test('1,200 labels: the weights table renders only the rows in view, sorts, filters and scrolls', async () => {
    const page = await harness.open({ name: 'many', view: datasetViewOf(many), theme: 'light' });
    await page.chartsDrawn();
    await openTab(page, 'weights');
    const table = page.page.getByRole('table', { name: 'Weights per label' });
    await table.waitFor();
    assert.equal(await table.getAttribute('aria-rowcount'), String(many.labels + 1));
    const rendered = () => table.locator('tbody tr.vtable-row').count();
    assert.ok((await rendered()) < 80, `rendered ${await rendered()} rows`);

    // sort by label name, ascending then descending
    const nameHeader = table.locator('th', { hasText: 'Label' });
    const started = Date.now();
    await nameHeader.getByRole('button').click();
    assert.equal(await nameHeader.getAttribute('aria-sort'), 'ascending');
    assert.ok(Date.now() - started < 1000, 'sorting 1,200 rows is quick');
    assert.equal(await table.locator('tbody tr.vtable-row').first().locator('td').first().textContent(), 'finance.0005');
    await nameHeader.getByRole('button').click();
    assert.equal(await nameHeader.getAttribute('aria-sort'), 'descending');
    await waitForPosted(page, (m) => m.type === 'state' && (m.state as { ui: Record<string, unknown> }).ui['dataset.weights.sort'] === 'name:desc', 'the sort');

    // the keyboard scrolls to the end (End on the focused scroll area): the last rows are drawn, still only a screenful
    await page.page.getByRole('region', { name: 'Weights per label (scrollable)' }).focus();
    await page.page.keyboard.press('End');
    await table.locator(`tbody tr[aria-rowindex="${many.labels + 1}"]`).waitFor();
    assert.ok((await rendered()) < 80);

    // filter
    const filter = page.page.locator('vscode-textfield.vtable-filter').last();
    await filter.click();
    await page.page.keyboard.type('sport.11');
    await until(async () => (await table.getAttribute('aria-rowcount')) === '21', '20 matching rows');
    assert.ok((await table.locator('tbody tr.vtable-row td:first-child').allTextContents()).every((t) => t.includes('sport.11')));

    // labels that never occur are flagged, with text for screen readers
    await filter.click();
    await page.page.keyboard.press('Control+A');
    await page.page.keyboard.type('finance.1200');
    await until(async () => (await table.getAttribute('aria-rowcount')) === '2', 'one matching row');
    const row = table.locator('tbody tr.vtable-row').first();
    assert.match((await row.getAttribute('class')) ?? '', /highlight/);
    assert.match((await row.textContent()) ?? '', /Warning: finance\.1200.*— \(no positives\)/);
    await assertClean(page);
    await page.page.context().close();
  });

  test('a window resize while the charts are in a hidden tab (height only, as a panel resize): they get their width back when shown', async () => {
    const page = await harness.open({ name: 'resize', view: datasetViewOf(small), theme: 'dark' });
    await page.chartsDrawn();
    const card = page.page.locator('.chart-card').first();
    const svg = card.locator('.chart-host svg');
    await openTab(page, 'weights');
    // Vega measured the hidden card as 0 wide; its own observer only reacts when the card's width changes
    await page.page.setViewportSize({ width: 1280, height: 700 });
    await openTab(page, 'labels');
    await until(async () => {
      const width = Number(await svg.getAttribute('width'));
      const host = await card.locator('.chart-host').boundingBox();
      return host !== null && width > 200 && Math.abs(width - host.width) <= 2;
    }, 'the chart to fit its card');
    const bar = await page.page.locator('.chart-card').first().locator('.mark-rect path').first().boundingBox();
    assert.ok(bar && bar.width > 100, 'the bars have a width again');
    await assertClean(page);
    await page.page.context().close();
  });

  test('a restored state reopens its tab; skipped rows link to their lines', async () => {
    const state = { protocol: PROTOCOL_VERSION, kind: 'analysis' as const, file: many.file, ui: { 'dataset.tab': 'skipped' } };
    const page = await harness.open({ name: 'restored', view: datasetViewOf(many), theme: 'dark', state });
    assert.deepEqual((await page.posted())[0], { type: 'ready', state });
    const link = page.page.getByRole('button', { name: 'Go to line 1236' });
    await link.waitFor();
    await link.click();
    await waitForPosted(page, (m) => m.type === 'openFile', 'openFile');
    assert.deepEqual(await postedOf(page, 'openFile'), [{ type: 'openFile', line: 1236 }]);
    await assertClean(page);
    await page.page.context().close();
  });

  test('a view with focus opens that tab; busy, failed (Try again), and invalid messages', async () => {
    const page = await harness.open({ name: 'focus', view: { ...datasetViewOf(small), focus: 'weights' }, theme: 'light' });
    await page.page.getByRole('table', { name: 'Weights per label' }).waitFor();
    assert.equal(await page.page.locator('vscode-tab-header[data-tab="weights"]').getAttribute('active'), '');

    await page.send({ type: 'bogus', view: 1 });
    await page.send({ type: 'busy', message: 'Analysing small.csv…' });
    await page.page.getByRole('status').filter({ hasText: 'Analysing small.csv' }).waitFor();
    await page.send({ type: 'failed', message: 'No label columns found in small.csv.' });
    const alert = page.page.getByRole('alert');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /No label columns found/);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await waitForPosted(page, (m) => m.type === 'refresh', 'refresh');
    assert.ok(page.warnings.some((w) => w.includes('not a valid host message')), 'the invalid message is reported as a warning');

    // and a view after a failure draws again
    await page.send({ type: 'view', view: datasetViewOf(small) });
    await page.page.locator('.tile-value[data-measure="instances"]').waitFor();
    assert.equal(await page.page.locator('.tile-value[data-measure="instances"]').textContent(), '40');
    await assertClean(page);
    await page.page.context().close();
  });
});
