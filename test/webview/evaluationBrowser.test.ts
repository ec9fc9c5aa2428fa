/**
 * The Evaluation view in a real browser (the harness page: the host's HTML and CSP, a fake VS
 * Code API, playwright-core and the system chromium): every tab draws without console errors or
 * CSP violations, curves not sent with the view are fetched once and only when missing, the tuning
 * buttons post the right messages, an untuned report says how to get tuning, choices persist,
 * and 1,000 labels draw the top N only. Skips when /usr/bin/chromium is not installed.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { EvaluationReport } from '../../src/core/analysis/evaluatePredictions.js';
import { PROTOCOL_VERSION, type DashboardState, type EvaluationView } from '../../src/protocol/dashboard.js';
import { orderBySupport } from '../../webview/src/evaluation/labelSelection.js';
import { EVALUATION_TABS, evaluationPage, type EvaluationPage } from './harness/evaluationHarness.js';
import { evaluationViewOf, syntheticReport } from './harness/evaluationReports.js';
import { CHROMIUM, SKIP_NO_CHROMIUM, startHarness, type Harness } from './harness/harness.js';

const skip = existsSync(CHROMIUM) ? false : SKIP_NO_CHROMIUM;

async function assertClean(page: EvaluationPage): Promise<void> {
  assert.deepEqual(await page.cspViolations(), [], 'CSP violations');
  assert.deepEqual(page.errors, [], 'console errors');
}

async function postedOf(page: EvaluationPage, type: string): Promise<Array<Record<string, unknown>>> {
  return (await page.posted()).filter((m) => m.type === type);
}

async function waitFor(page: EvaluationPage, check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await page.page.waitForTimeout(50);
  }
  assert.fail(`timed out waiting for ${what}`);
}

function restored(view: EvaluationView, ui: DashboardState['ui']): DashboardState {
  return { protocol: PROTOCOL_VERSION, kind: 'evaluation', file: view.file, truthFile: view.report.truthFile, ui };
}

describe('evaluation view in chromium', { skip }, () => {
  let harness: Harness;
  let small: EvaluationReport;
  let many: EvaluationReport;

  before(async () => {
    [small, many] = await Promise.all([syntheticReport(30, 600, 11), syntheticReport()]);
    harness = await startHarness({ build: true });
  });
  after(async () => {
    await harness?.close();
  });

  test('every tab draws its charts as SVG, with the report numbers in the tiles and table', async () => {
    const view = evaluationViewOf(small);
    const page = await evaluationPage(harness, { name: 'eval-tabs', view, theme: 'dark', curves: small.curves });
    try {
      await page.chartsDrawn();
      const tiles = await page.page.locator('.ev-tiles .tile-value').allTextContents();
      assert.equal(tiles.length, 12);
      assert.equal(tiles[1], small.averages.macro.f1!.toFixed(3));
      for (const tab of EVALUATION_TABS) {
        await page.openTab(tab);
        const cards = await page.page.locator('.chart-card:visible').count();
        const svgs = await page.page.locator('.chart-card:visible .chart-host svg').count();
        assert.equal(svgs, cards, `${tab}: every card drew`);
        assert.ok(cards > 0, `${tab} has charts`);
      }
      await page.openTab('per-class');
      const firstLabel = await page.page.locator('.ev-per-class-table tbody tr.vtable-row td').first().textContent();
      assert.match(firstLabel ?? '', new RegExp(orderBySupport(small.perLabel)[0].name));
      await assertClean(page);
    } finally {
      await page.page.context().close();
    }
  });

  test('curves not sent with the view are asked for once, only the missing ones', async () => {
    const view = evaluationViewOf(small, 3);
    const extra = orderBySupport(small.perLabel).slice(5, 7).map((l) => l.name);
    const ui = { 'eval.tab': 'curves', 'eval.curves.labels': [view.curves[0].label, ...extra] };
    const page = await evaluationPage(harness, { name: 'eval-curves', view, theme: 'light', curves: small.curves, state: restored(view, ui) });
    try {
      await page.chartsDrawn();
      const requests = await postedOf(page, 'requestCurves');
      assert.deepEqual(requests.map((r) => r.labels), [extra]);
      const legend = await page.page.locator('.chart-card:visible svg .role-legend-label text').allTextContents();
      for (const label of [view.curves[0].label, ...extra]) assert.ok(legend.includes(label), `${label} in the legend`);

      // Another label: one request for it alone; then a label already fetched: no request.
      const another = orderBySupport(small.perLabel)[8].name;
      await page.page.locator('.ev-pick-list vscode-checkbox', { hasText: `${another} (` }).click();
      await waitFor(page, async () => (await postedOf(page, 'requestCurves')).length === 2, 'the second request');
      assert.deepEqual((await postedOf(page, 'requestCurves'))[1].labels, [another]);
      await page.page.locator('.ev-chip', { hasText: extra[0] }).click();
      await page.page.locator('.ev-pick-list vscode-checkbox', { hasText: `${extra[0]} (` }).click();
      await page.page.waitForTimeout(300);
      assert.equal((await postedOf(page, 'requestCurves')).length, 2);
      const states = await postedOf(page, 'state');
      const last = states[states.length - 1].state as DashboardState;
      assert.deepEqual(last.ui['eval.curves.labels'], [view.curves[0].label, extra[1], another, extra[0]]);
      await assertClean(page);
    } finally {
      await page.page.context().close();
    }
  });

  test('the tuning buttons post export and copy messages; an untuned report says how to tune', async () => {
    const view = evaluationViewOf(small);
    const page = await evaluationPage(harness, { name: 'eval-tuned', view, theme: 'dark', curves: small.curves, state: restored(view, { 'eval.tab': 'thresholds' }) });
    try {
      await page.chartsDrawn();
      await page.page.getByText('Export thresholds (JSON)…').click();
      await page.page.getByText('Copy as PyTorch').click();
      await page.page.getByText('Copy as JSON').click();
      const actions = (await page.posted()).filter((m) => m.type === 'exportThresholds' || m.type === 'copyThresholds');
      assert.deepEqual(actions, [{ type: 'exportThresholds' }, { type: 'copyThresholds', format: 'pytorch' }, { type: 'copyThresholds', format: 'json' }]);
      assert.match((await page.page.locator('.ev-headline').textContent()) ?? '', /Macro F1 \d\.\d{3} → \d\.\d{3} \(\+\d\.\d{3}\)/);
      await assertClean(page);
    } finally {
      await page.page.context().close();
    }

    const untunedView: EvaluationView = { ...view, report: { ...view.report, tuning: null } };
    const untuned = await evaluationPage(harness, { name: 'eval-untuned', view: untunedView, theme: 'light', state: restored(untunedView, { 'eval.tab': 'thresholds' }) });
    try {
      await untuned.page.waitForSelector('.ev-not-tuned');
      assert.match((await untuned.page.locator('.ev-not-tuned').textContent()) ?? '', /imbalanceLens\.tuneThresholds.*--tune-thresholds/s);
      assert.equal(await untuned.page.locator('.ev-not-tuned .chart-card').count(), 0);
      await untuned.page.locator('.ev-not-tuned vscode-button', { hasText: 'Refresh' }).click();
      assert.equal((await postedOf(untuned, 'refresh')).length, 1);
      await assertClean(untuned);
    } finally {
      await untuned.page.context().close();
    }
  });

  test('1,000 labels: the bar chart draws the top N only, and a new N persists', async () => {
    const view = evaluationViewOf(many);
    const page = await evaluationPage(harness, { name: 'eval-many', view, theme: 'dark', curves: many.curves, state: restored(view, { 'eval.tab': 'per-class' }) });
    try {
      await page.chartsDrawn();
      const bars = page.page.locator('.chart-card:visible').first();
      // The label axis is the one with the most tick labels.
      const labelsOnAxis = () => bars.locator('svg .role-axis-label').evaluateAll((axes) => Math.max(...axes.map((a) => a.querySelectorAll('text').length)));
      assert.equal(await labelsOnAxis(), 50, 'fifty labels on the bar chart axis');
      const field = page.page.locator('.ev-block vscode-textfield.number-field').first();
      await field.locator('input').fill('20');
      await waitFor(page, async () => (await labelsOnAxis().catch(() => 0)) === 20, 'the chart to redraw with 20 labels');
      const states = await postedOf(page, 'state');
      assert.equal((states[states.length - 1].state as DashboardState).ui['eval.bars.topN'], 20);
      const rows = await page.page.locator('.ev-per-class-table tbody tr.vtable-row').count();
      assert.ok(rows < 100, `the 1,000-row table renders only the rows in view (${rows})`);
      await assertClean(page);
    } finally {
      await page.page.context().close();
    }
  });
});
