/** "Imbalance Lens: Show Weight Suggestions": the dataset dashboard opened on its loss-weights section. */
import { analysisOf } from '../dashboard/runReports.js';
import { isOnDisk, pickDataset } from '../pickDataset.js';
import type { ExtensionServices } from '../services.js';
import { showError } from '../showError.js';

/** The section name the webview opens for `focus: 'weights'`. */
export const WEIGHTS_SECTION = 'weights';

export async function showWeightSuggestionsCommand(services: ExtensionServices, argument?: unknown): Promise<void> {
  const uri = await pickDataset(argument);
  if (!uri || !isOnDisk(uri)) return;
  try {
    const report = await analysisOf(services, uri);
    if (report) services.dashboards.showAnalysis(report, { focus: WEIGHTS_SECTION });
  } catch (e) {
    await showError(e, services.log);
  }
}
