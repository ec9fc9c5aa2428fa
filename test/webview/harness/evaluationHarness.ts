/**
 * The browser harness (harness.ts) for Evaluation views: opens a page with an evaluation view,
 * makes sure evaluation.css is on the page (served through a route when the built dashboard.css
 * does not include it yet), and opens a tab and waits for its charts.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EVALUATION_TABS, type EvaluationTab } from '../../../webview/src/evaluation/tabs.js';
import type { Harness, HarnessPage, HarnessScenario } from './harness.js';

export { EVALUATION_TABS };

const EVALUATION_CSS = path.resolve(__dirname, '..', '..', '..', 'webview', 'src', 'evaluation', 'evaluation.css');
const DIST_CSS = path.resolve(__dirname, '..', '..', '..', 'dist', 'webview', 'dashboard.css');

export interface EvaluationPage extends HarnessPage {
  /** Click a tab's header, wait for its charts (if any) and a frame for layout. */
  openTab(tab: EvaluationTab): Promise<void>;
}

/** Whether the built dashboard.css already carries the Evaluation view's rules. */
function distHasEvaluationCss(): boolean {
  try {
    return readFileSync(DIST_CSS, 'utf8').includes('.ev-curves');
  } catch {
    return false;
  }
}

export async function evaluationPage(harness: Harness, scenario: HarnessScenario, viewport = { width: 1280, height: 900 }): Promise<EvaluationPage> {
  const page = await harness.open(scenario, viewport);
  if (!distHasEvaluationCss()) {
    // Same origin as the page (allowed by style-src), answered by a route rather than a file in dist/.
    const url = `${harness.origin}/dist/webview/evaluation.css`;
    await page.page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/css; charset=utf-8', body: readFileSync(EVALUATION_CSS, 'utf8') }));
    await page.page.addStyleTag({ url });
  }
  await page.page.waitForSelector('.evaluation-view vscode-tabs');
  const settle = async (): Promise<void> => {
    const hasCharts = await page.page.evaluate(`[...document.querySelectorAll('.chart-card')].some((c) => c.offsetParent !== null)`);
    if (hasCharts) await page.chartsDrawn();
    await page.page.waitForTimeout(200);
  };
  return Object.assign(page, {
    async openTab(tab: EvaluationTab) {
      await page.page.locator(`vscode-tab-header[data-tab="${tab}"]`).click();
      await settle();
    },
  });
}
