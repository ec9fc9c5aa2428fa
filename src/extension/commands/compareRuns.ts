/**
 * "Imbalance Lens: Compare Runs": two runs side by side, their headline metrics and the per-class
 * F1 difference on the test split at the thresholds in force. The two runs are the Runs view's
 * selection, or checked in a quick pick.
 */
import type { ExtensionServices } from '../services.js';
import { showError } from '../showError.js';
import { pickTwoRuns } from '../training/pickRun.js';
import { selectedRunDirs } from '../training/runArgs.js';
import { loadRunComparison } from '../training/trainingViews.js';

export async function compareRunsCommand(services: ExtensionServices, clicked?: unknown, selected?: unknown): Promise<void> {
  const chosen = selectedRunDirs(clicked, selected);
  const pair = chosen.length === 2 ? ([chosen[0], chosen[1]] as [string, string]) : await pickTwoRuns(chosen);
  if (!pair) return;
  try {
    services.dashboards.showRunComparison(await loadRunComparison(pair[0], pair[1]));
  } catch (e) {
    await showError(e, services.log);
  }
}
