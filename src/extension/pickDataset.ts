/** Which dataset a command works on: the explorer selection, else the active editor's file, else ask. */
import * as vscode from 'vscode';
import { formatOf, SUPPORTED_EXTENSIONS } from '../core/io/open.js';

export async function pickDataset(argument: unknown): Promise<vscode.Uri | undefined> {
  if (argument instanceof vscode.Uri) return argument;
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && active.scheme === 'file' && formatOf(active.fsPath)) return active;
  const picked = await vscode.window.showOpenDialog({
    title: 'Imbalance Lens: choose a multilabel dataset',
    openLabel: 'Analyze',
    canSelectMany: false,
    filters: { 'Multilabel datasets': SUPPORTED_EXTENSIONS.map((e) => e.slice(1)), 'All files': ['*'] },
  });
  return picked?.[0];
}
