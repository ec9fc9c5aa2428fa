/** The Runs view's own commands: Refresh, Reveal in Explorer, and Delete Run (modal confirmation; only inside a runs folder). */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { isUserError } from '../../core/errors.js';
import type { ExtensionServices } from '../services.js';
import { showError } from '../showError.js';
import { requireTrust } from '../trust.js';
import { runDirOf } from './runArgs.js';
import { deleteRunFolder, readRunSummary } from './runFiles.js';
import { workspaceRunsDirs } from './runsLocation.js';
import type { RunsTreeProvider } from './runsTree.js';
import type { TrainingRunner } from './trainingRunner.js';

export const DELETE = 'Delete';

/** In the Explorer when the folder is in the workspace; in the OS file manager otherwise. */
export async function revealRunCommand(argument: unknown): Promise<void> {
  const folder = strategyFolderOf(argument) ?? runDirOf(argument);
  if (!folder) return;
  const uri = vscode.Uri.file(folder);
  await vscode.commands.executeCommand(vscode.workspace.getWorkspaceFolder(uri) ? 'revealInExplorer' : 'revealFileInOS', uri);
}

/** A strategy node reveals its own folder (a comparison keeps one per strategy). */
function strategyFolderOf(argument: unknown): string | undefined {
  if (typeof argument !== 'object' || argument === null) return undefined;
  const node = argument as { type?: unknown; result?: { runDir?: unknown } };
  return node.type === 'strategy' && typeof node.result?.runDir === 'string' ? node.result.runDir : undefined;
}

/**
 * Deletes a run folder after a modal confirmation; refuses the run training now and any folder
 * that is not a run strictly inside a runs folder of the workspace. Resolves true when deleted.
 */
export async function deleteRunCommand(services: ExtensionServices, runner: TrainingRunner, runs: RunsTreeProvider | undefined, argument: unknown): Promise<boolean> {
  const runDir = runDirOf(argument);
  if (!runDir) return false;
  if (!requireTrust('Deleting a run')) return false;
  if (runner.activeRunDir !== undefined && path.resolve(runner.activeRunDir) === path.resolve(runDir)) {
    void vscode.window.showWarningMessage('Imbalance Lens: this run is training now. Cancel it first (Imbalance Lens: Cancel Training), then delete it.');
    return false;
  }
  const summary = await readRunSummary(runDir);
  const name = summary?.name ?? path.basename(runDir);
  const choice = await vscode.window.showWarningMessage(
    `Delete the run “${name}”?`,
    { modal: true, detail: `${runDir} and everything in it (models, predictions, thresholds, metrics) will be deleted. This cannot be undone.` },
    DELETE,
  );
  if (choice !== DELETE) return false;
  try {
    await deleteRunFolder(runDir, workspaceRunsDirs());
  } catch (e) {
    if (isUserError(e)) {
      services.log.warn(`delete run: ${e.message}`);
      void vscode.window.showErrorMessage(`Imbalance Lens: ${e.message}.`);
    } else await showError(e, services.log);
    return false;
  }
  services.log.info(`deleted the run ${runDir}`);
  runs?.refresh();
  return true;
}
