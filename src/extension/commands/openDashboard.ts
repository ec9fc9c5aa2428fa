/**
 * "Imbalance Lens: Open Dashboard": the dashboard of the active editor's file (or one picked):
 * its open panel, else its latest evaluation (for a predictions file) or analysis, analysing it
 * first when there is none.
 */
import { analysisOf } from '../dashboard/runReports.js';
import { isOnDisk, pickDataset } from '../pickDataset.js';
import type { ExtensionServices } from '../services.js';
import { showError } from '../showError.js';

export async function openDashboardCommand(services: ExtensionServices, argument?: unknown): Promise<void> {
  const uri = await pickDataset(argument);
  if (!uri || !isOnDisk(uri)) return;
  const file = uri.fsPath;
  const open = services.dashboards.find('analysis', file) ?? services.dashboards.find('evaluation', file);
  if (open) {
    open.panel.reveal(undefined, false);
    return;
  }
  const evaluation = services.analyses.getEvaluation(file);
  if (evaluation) {
    services.dashboards.showEvaluation(evaluation);
    return;
  }
  try {
    const report = await analysisOf(services, uri);
    if (report) services.dashboards.showAnalysis(report);
  } catch (e) {
    await showError(e, services.log);
  }
}
