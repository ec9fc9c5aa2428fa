/**
 * Screenshots of the Dataset view for people to look at: every tab of emotions, Reuters (90
 * labels) and a generated 1,200-label dataset, in dark and light (and one in high contrast), into
 * /tmp/webview-shots (or the folder given as the first argument). Prints console errors and CSP
 * violations. Run: node --import tsx test/webview/harness/shots.ts [folder] [--no-build]
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { AnalysisReport } from '../../../src/core/analysis/analyzeDataset.js';
import { datasetViewOf, EMOTIONS, manyLabelReport, REUTERS, sharedDatasetReport, skipUnlessDatasets, smallSyntheticReport } from './datasetReports.js';
import { reportAndClose, startHarness, type HarnessPage } from './harness.js';
import type { HarnessThemeName } from './themes.js';

const TABS = ['labels', 'cooccurrence', 'labelsets', 'weights', 'skipped'];

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const out = args.find((a) => !a.startsWith('--')) ?? '/tmp/webview-shots';
  mkdirSync(out, { recursive: true });
  const reports: { name: string; report: AnalysisReport; themes: HarnessThemeName[]; width?: number }[] = [];
  if (skipUnlessDatasets(EMOTIONS, REUTERS) === false) {
    reports.push({ name: 'emotions', report: await sharedDatasetReport(EMOTIONS), themes: ['dark', 'light', 'high-contrast'] });
    reports.push({ name: 'reuters', report: await sharedDatasetReport(REUTERS), themes: ['dark', 'light'] });
    // a narrow editor group
    reports.push({ name: 'reuters-narrow', report: await sharedDatasetReport(REUTERS), themes: ['dark'], width: 720 });
  } else {
    console.log('shared datasets not found: generated datasets only');
  }
  reports.push({ name: 'many', report: await manyLabelReport(), themes: ['dark', 'light'] });
  reports.push({ name: 'small', report: await smallSyntheticReport(), themes: ['light'] });

  const harness = await startHarness({ build: !args.includes('--no-build') });
  let problems = 0;
  try {
    for (const { name, report, themes, width } of reports) {
      for (const theme of themes) {
        const scenario = `${name}-${theme}`;
        const page = await harness.open({ name: scenario, view: datasetViewOf(report), theme }, { width: width ?? 1280, height: 900 });
        await page.chartsDrawn();
        for (const tab of TABS) {
          const header = page.page.locator(`vscode-tab-header[data-tab="${tab}"]`);
          if ((await header.count()) === 0) continue;
          await header.click();
          await settle(page);
          const file = path.join(out, `${scenario}-${tab}.png`);
          await page.page.screenshot({ path: file, fullPage: true });
          console.log(file);
          if (width !== undefined) {
            // what a narrow panel shows without scrolling, at full resolution
            await page.page.screenshot({ path: file.replace(/\.png$/, '-top.png') });
          }
        }
        if (theme === themes[0] && width === undefined) await details(page, path.join(out, `${scenario}-details.png`));
        problems += await reportAndClose(scenario, page);
      }
    }
  } finally {
    await harness.close();
  }
  console.log(problems === 0 ? 'no console errors, no CSP violations' : `${problems} problems`);
  if (problems > 0) process.exitCode = 1;
}

/** The first tab with a bar's tooltip showing, the first chart's data table open and the status line up. */
async function details(page: HarnessPage, file: string): Promise<void> {
  await page.page.locator('vscode-tab-header[data-tab="labels"]').click();
  await settle(page);
  const card = page.page.locator('.chart-card').first();
  await card.getByRole('button', { name: 'Show data' }).click();
  await card.getByRole('button', { name: 'Save SVG' }).click();
  const bar = card.locator('.mark-rect path').nth(1);
  await bar.scrollIntoViewIfNeeded();
  await bar.hover();
  await page.page.locator('#vg-tooltip-element.visible').waitFor();
  await page.page.screenshot({ path: file });
  console.log(file);
}

/** Charts of the open tab drawn (if it has any), then a frame for layout. */
async function settle(page: HarnessPage): Promise<void> {
  if ((await page.page.locator('.chart-card:visible').count()) > 0) await page.chartsDrawn();
  await page.page.waitForTimeout(150);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
