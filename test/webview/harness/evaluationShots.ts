/**
 * Screenshots of the Evaluation view for people to look at: every tab of yeast (generated
 * predictions, tuned) and of a synthetic 1,000-label evaluation, in dark and light (yeast also in
 * high contrast), plus an untuned evaluation, into /tmp/webview-shots (or the folder given as the
 * first argument). The fake host answers curve requests from the report's curves. Prints console
 * errors and CSP violations. Run: node --import tsx test/webview/harness/evaluationShots.ts [folder] [--no-build]
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { EvaluationReport } from '../../../src/core/analysis/evaluatePredictions.js';
import { PROTOCOL_VERSION, type DashboardState } from '../../../src/protocol/dashboard.js';
import { EVALUATION_TABS, evaluationPage, type EvaluationPage } from './evaluationHarness.js';
import { evaluationViewOf, skipUnlessYeast, syntheticReport, yeastReport } from './evaluationReports.js';
import { reportAndClose, startHarness } from './harness.js';
import type { HarnessThemeName } from './themes.js';

interface Shot {
  name: string;
  report: EvaluationReport;
  themes: HarnessThemeName[];
  /** Restored UI state, e.g. curves of labels not sent with the view. */
  ui?: DashboardState['ui'];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const out = args.find((a) => !a.startsWith('--')) ?? '/tmp/webview-shots';
  mkdirSync(out, { recursive: true });
  const shots: Shot[] = [];
  if (skipUnlessYeast() === false) {
    const yeast = (await yeastReport())!;
    shots.push({ name: 'eval-yeast', report: yeast, themes: ['dark', 'light', 'high-contrast'] });
    const { tuning: _tuning, ...untuned } = yeast;
    shots.push({ name: 'eval-yeast-untuned', report: { ...untuned, tuning: null }, themes: ['light'] });
  } else {
    console.log('shared datasets not found: synthetic evaluations only');
    shots.push({ name: 'eval-small', report: await syntheticReport(30, 600, 11), themes: ['dark', 'light'] });
  }
  const many = await syntheticReport();
  // Restored with three curve labels the view did not bring: they are fetched from the host.
  const rare = many.perLabel.filter((l) => l.support >= 12).slice(-3).map((l) => l.name);
  shots.push({ name: 'eval-1000', report: many, themes: ['dark', 'light'], ui: { 'eval.curves.labels': [many.perLabel[0].name, ...rare] } });

  const harness = await startHarness({ build: !args.includes('--no-build') });
  let problems = 0;
  try {
    for (const shot of shots) {
      for (const theme of shot.themes) {
        const scenario = `${shot.name}-${theme}`;
        const view = evaluationViewOf(shot.report);
        const state: DashboardState | undefined = shot.ui ? { protocol: PROTOCOL_VERSION, kind: 'evaluation', file: view.file, ui: shot.ui } : undefined;
        const page: EvaluationPage = await evaluationPage(harness, { name: scenario, view, theme, state, curves: shot.report.curves });
        for (const tab of EVALUATION_TABS) {
          await page.openTab(tab);
          const file = path.join(out, `${scenario}-${tab}.png`);
          await page.page.screenshot({ path: file, fullPage: true });
          console.log(file);
        }
        problems += await reportAndClose(scenario, page);
      }
    }
  } finally {
    await harness.close();
  }
  console.log(problems === 0 ? 'no console errors, no CSP violations' : `${problems} problems`);
  if (problems > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
