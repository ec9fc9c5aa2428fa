/**
 * Where training runs live: `imbalanceLens.runsFolder` (default `.imbalance-lens/runs`), relative
 * to the workspace folder of the dataset (absolute as written).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { runsFolderFromSettings } from '../settings.js';

/**
 * The runs folder for a setting: an absolute setting as it is, a relative one under the
 * workspace folder, or (a dataset outside every workspace folder) under the dataset's own folder.
 */
export function resolveRunsDir(setting: string, workspaceFolder: string | undefined, datasetFolder: string): string {
  if (path.isAbsolute(setting)) return path.normalize(setting);
  return path.resolve(workspaceFolder ?? datasetFolder, setting);
}

/** The runs folder a training of `dataset` writes into. */
export function runsDirFor(dataset: vscode.Uri, setting: string): string {
  const folder = vscode.workspace.getWorkspaceFolder(dataset);
  return resolveRunsDir(setting, folder?.uri.fsPath, path.dirname(dataset.fsPath));
}

/** The runs folder of each workspace folder (the Runs view lists them), without duplicates. */
export function workspaceRunsDirs(): string[] {
  const dirs = (vscode.workspace.workspaceFolders ?? []).map((folder) => resolveRunsDir(runsFolderFromSettings(folder.uri), folder.uri.fsPath, folder.uri.fsPath));
  return [...new Set(dirs)];
}
