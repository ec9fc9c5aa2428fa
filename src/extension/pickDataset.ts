/** Which file a command works on: the explorer selection, else the active editor's file, else ask. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SUPPORTED_EXTENSIONS } from '../core/io/open.js';

const PREDICTION_EXTENSIONS = ['.csv', '.tsv', '.jsonl', '.ndjson', '.npy'];

interface PickSpec {
  title: string;
  openLabel: string;
  extensions: readonly string[];
  defaultUri?: vscode.Uri;
}

async function pickFile(argument: unknown, spec: PickSpec): Promise<vscode.Uri | undefined> {
  if (argument instanceof vscode.Uri) return argument;
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && active.scheme === 'file' && spec.extensions.includes(path.extname(active.fsPath).toLowerCase())) return active;
  return askForFile(spec);
}

async function askForFile(spec: PickSpec): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title: spec.title,
    openLabel: spec.openLabel,
    canSelectMany: false,
    defaultUri: spec.defaultUri,
    filters: { [spec.openLabel]: spec.extensions.map((e) => e.slice(1)), 'All files': ['*'] },
  });
  return picked?.[0];
}

/** True for a file on disk (what the engine reads); otherwise says so and returns false. */
export function isOnDisk(uri: vscode.Uri): boolean {
  if (uri.scheme === 'file') return true;
  void vscode.window.showErrorMessage(`Imbalance Lens reads files on disk; ${uri.toString()} is not one.`);
  return false;
}

export function pickDataset(argument: unknown): Promise<vscode.Uri | undefined> {
  return pickFile(argument, { title: 'Imbalance Lens: choose a multilabel dataset', openLabel: 'Analyze', extensions: SUPPORTED_EXTENSIONS });
}

export function pickPredictions(argument: unknown): Promise<vscode.Uri | undefined> {
  return pickFile(argument, { title: 'Imbalance Lens: choose the predictions file', openLabel: 'Predictions', extensions: PREDICTION_EXTENSIONS });
}

/**
 * The ground truth for a predictions file: a quick pick of the dataset files beside it (the most
 * likely first: a name the predictions' name starts with, e.g. `val.arff` for `val.pred.csv`),
 * with "Browse..." for anything else.
 */
export async function pickTruth(predictions: vscode.Uri): Promise<vscode.Uri | undefined> {
  const folder = path.dirname(predictions.fsPath);
  const candidates = await truthCandidates(folder, path.basename(predictions.fsPath));
  const browse = { label: '$(folder-opened) Browse...', description: 'choose a file anywhere' };
  const items = [...candidates.map((name) => ({ label: name, description: folder })), browse];
  const picked = await vscode.window.showQuickPick(items, {
    title: `Imbalance Lens: the ground truth for ${path.basename(predictions.fsPath)}`,
    placeHolder: 'Pick the dataset file with the true labels',
  });
  if (!picked) return undefined;
  if (picked !== browse) return vscode.Uri.file(path.join(folder, picked.label));
  return askForFile({
    title: `Imbalance Lens: choose the ground truth for ${path.basename(predictions.fsPath)}`,
    openLabel: 'Ground truth',
    extensions: SUPPORTED_EXTENSIONS,
    defaultUri: predictions,
  });
}

async function truthCandidates(folder: string, predictionsName: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return [];
  }
  const stem = (name: string) => name.slice(0, name.length - path.extname(name).length);
  const likely = (name: string) => predictionsName.startsWith(stem(name)) ? 0 : 1;
  return names
    .filter((name) => name !== predictionsName && SUPPORTED_EXTENSIONS.includes(path.extname(name).toLowerCase()))
    .sort((a, b) => likely(a) - likely(b) || a.localeCompare(b));
}
