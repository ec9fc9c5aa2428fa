/**
 * "Imbalance Lens: Open Run": a run's dashboard, live when this window trains it now, else read
 * from its folder (run.json and each strategy's metrics.jsonl). The run comes from the Runs view,
 * the status bar item, a path, or a quick pick of the workspace's runs.
 */
import type { ExtensionServices } from '../services.js';
import { showError } from '../showError.js';
import { pickRun } from '../training/pickRun.js';
import { runDirOf } from '../training/runArgs.js';
import type { TrainingRunner } from '../training/trainingRunner.js';
import { loadTrainingView } from '../training/trainingViews.js';

export async function openRunCommand(services: ExtensionServices, runner: TrainingRunner, argument?: unknown): Promise<void> {
  const runDir = runDirOf(argument) ?? (await pickRun('open a training run'));
  if (!runDir) return;
  const live = runner.liveView(runDir);
  if (live) {
    services.dashboards.showTraining(live);
    return;
  }
  try {
    const loaded = await loadTrainingView(runDir);
    services.dashboards.showTraining(loaded.view, loaded.evaluation);
  } catch (e) {
    await showError(e, services.log);
  }
}
