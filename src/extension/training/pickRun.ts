/** Quick picks of the runs in the workspace's runs folders: one run (Open Run) or two (Compare Runs). */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { listRuns, type RunOnDisk } from './runFiles.js';
import { localTime, runDescription } from './runItems.js';
import { workspaceRunsDirs } from './runsLocation.js';

interface RunPick extends vscode.QuickPickItem {
  runDir: string;
}

async function runPicks(): Promise<RunPick[]> {
  const runs: RunOnDisk[] = (await Promise.all(workspaceRunsDirs().map(listRuns))).flat();
  runs.sort((a, b) => b.summary.startedAt.localeCompare(a.summary.startedAt));
  return runs.map(({ runDir, summary }) => ({
    label: summary.name,
    description: runDescription(summary),
    detail: `${localTime(summary.startedAt)} · ${summary.kind === 'compare' ? `${summary.strategies.length} strategies` : (summary.strategies[0]?.strategy ?? 'baseline')} · ${path.basename(summary.file)} · ${path.basename(runDir)}`,
    runDir,
  }));
}

function noRuns(): void {
  void vscode.window.showInformationMessage('Imbalance Lens: no training runs in this workspace yet. Run “Imbalance Lens: Train Baseline” or “Compare Imbalance Strategies” on a dataset first.');
}

export async function pickRun(title: string): Promise<string | undefined> {
  const picks = await runPicks();
  if (picks.length === 0) {
    noRuns();
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(picks, { title: `Imbalance Lens: ${title}`, placeHolder: 'A training run (newest first)', matchOnDescription: true, matchOnDetail: true });
  return picked?.runDir;
}

/** Two runs; `preselected` (one run already chosen in the Runs view) comes checked. */
export async function pickTwoRuns(preselected: readonly string[] = []): Promise<[string, string] | undefined> {
  const picks = await runPicks();
  if (picks.length < 2) {
    if (picks.length === 0) noRuns();
    else void vscode.window.showInformationMessage('Imbalance Lens: Compare Runs needs two runs; this workspace has one so far.');
    return undefined;
  }
  for (const pick of picks) pick.picked = preselected.includes(pick.runDir);
  const picked = await vscode.window.showQuickPick(picks, { title: 'Imbalance Lens: compare two runs', placeHolder: 'Check two runs', canPickMany: true, matchOnDescription: true });
  if (picked === undefined) return undefined;
  if (picked.length !== 2) {
    void vscode.window.showWarningMessage(`Imbalance Lens: check exactly two runs to compare (${picked.length} checked).`);
    return undefined;
  }
  return [picked[0].runDir, picked[1].runDir];
}
