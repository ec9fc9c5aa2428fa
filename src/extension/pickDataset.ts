/** Which file a command works on: the explorer selection, else the active editor's file, else ask. */
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

export function pickDataset(argument: unknown): Promise<vscode.Uri | undefined> {
  return pickFile(argument, { title: 'Imbalance Lens: choose a multilabel dataset', openLabel: 'Analyze', extensions: SUPPORTED_EXTENSIONS });
}

export function pickPredictions(argument: unknown): Promise<vscode.Uri | undefined> {
  return pickFile(argument, { title: 'Imbalance Lens: choose the predictions file', openLabel: 'Predictions', extensions: PREDICTION_EXTENSIONS });
}

/** The ground truth for a predictions file: always asked, starting in the predictions' folder. */
export function pickTruth(predictions: vscode.Uri): Promise<vscode.Uri | undefined> {
  return askForFile({
    title: `Imbalance Lens: choose the ground truth for ${path.basename(predictions.fsPath)}`,
    openLabel: 'Ground truth',
    extensions: SUPPORTED_EXTENSIONS,
    defaultUri: vscode.Uri.file(path.dirname(predictions.fsPath)),
  });
}
