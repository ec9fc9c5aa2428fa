/**
 * What the dashboard's buttons do on the host: copy or insert text, save the tuned thresholds or
 * a chart image through a save dialog, open the analysed file at a line. Each returns the one
 * sentence the webview shows in its status line; a payload that makes no sense is a UsageError.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { thresholdsJson, type EvaluationReport } from '../../core/analysis/evaluatePredictions.js';
import { UsageError } from '../../core/errors.js';
import type { WebviewMessage } from '../../protocol/dashboard.js';
import type { DashboardServices } from '../services.js';
import { requireTrust } from '../trust.js';
import { looksLikeSvg, pngFromDataUrl, safeFileName } from './imagePayload.js';
import { askSaveLocation, writeChosenFile } from './saveOutput.js';

export async function copyToClipboard(text: string, what: string): Promise<string> {
  await vscode.env.clipboard.writeText(text);
  return `Copied ${what} to the clipboard.`;
}

/**
 * Inserts `text` at the cursor of the last active text editor (replacing its selection), never
 * into `inputFiles`; with no such editor, copies it and says so.
 */
export async function insertIntoLastEditor(services: DashboardServices, text: string, what: string, inputFiles: readonly string[]): Promise<string> {
  const remembered = services.textEditors.lastEditor(inputFiles);
  if (!remembered) {
    await vscode.env.clipboard.writeText(text);
    const message = `No text editor to insert ${what} into (open your training script first): copied to the clipboard instead.`;
    void vscode.window.showInformationMessage(`Imbalance Lens: ${message}`);
    return message;
  }
  // A text editor that is no longer visible cannot be edited: show its document again where it was.
  const editor = vscode.window.visibleTextEditors.includes(remembered)
    ? remembered
    : await vscode.window.showTextDocument(remembered.document, { viewColumn: remembered.viewColumn, selection: remembered.selection });
  const at = editor.selection;
  const inserted = await editor.edit((edit) => edit.replace(at, text));
  const name = path.basename(editor.document.uri.path);
  if (!inserted) {
    await vscode.env.clipboard.writeText(text);
    return `Could not edit ${name}: copied ${what} to the clipboard instead.`;
  }
  return `Inserted ${what} into ${name} at line ${at.start.line + 1}.`;
}

/** Saves the tuned thresholds as the JSON `--thresholds FILE` reads, by default `<predictions>.thresholds.json` beside the predictions. */
export async function exportThresholds(report: EvaluationReport): Promise<string> {
  if (!report.tuning) throw new UsageError('this evaluation has no tuned thresholds (turn on imbalanceLens.tuneThresholds and refresh)');
  if (!requireTrust('Exporting thresholds')) return 'Thresholds not saved: writing files is off in Restricted Mode.';
  const defaultFile = path.join(path.dirname(report.predFile), `${path.basename(report.predFile)}.thresholds.json`);
  const target = await askSaveLocation('Imbalance Lens: save the tuned thresholds', defaultFile, { 'Thresholds (JSON)': ['json'] });
  if (!target) return 'Thresholds not saved.';
  await writeChosenFile(target, thresholdsJson(report));
  return `Saved ${report.tuning.thresholds.length} tuned thresholds to ${path.basename(target.path)} (evaluate with them: --thresholds ${path.basename(target.path)}).`;
}

type SaveImageMessage = Extract<WebviewMessage, { type: 'saveImage' }>;

/** Saves a chart as SVG (the markup as sent) or PNG (decoded from its data: URL), suggesting a name in `folder`. */
export async function saveImage(message: SaveImageMessage, folder: string): Promise<string> {
  let content: string | Uint8Array;
  if (message.format === 'svg') {
    if (!looksLikeSvg(message.data)) throw new UsageError('the chart image is not SVG markup; nothing saved');
    content = message.data;
  } else {
    const png = pngFromDataUrl(message.data);
    if (!png) throw new UsageError('the chart image is not a base64 PNG data: URL; nothing saved');
    content = png;
  }
  if (!requireTrust('Saving a chart image')) return 'Image not saved: writing files is off in Restricted Mode.';
  const name = safeFileName(message.fileName, message.format);
  const filters: Record<string, string[]> = message.format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] };
  const target = await askSaveLocation(`Imbalance Lens: save the chart as ${message.format.toUpperCase()}`, path.join(folder, name), filters);
  if (!target) return 'Image not saved.';
  await writeChosenFile(target, content);
  return `Saved ${path.basename(target.path)}.`;
}

/** Opens `file` beside the dashboard (or where it is already shown), with the whole 1-based `line` selected. */
export async function openAtLine(file: string, line?: number): Promise<string> {
  const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'file' && e.document.uri.fsPath === file);
  const selection = line === undefined ? undefined : new vscode.Range(new vscode.Position(line - 1, 0), new vscode.Position(line, 0));
  const options: vscode.TextDocumentShowOptions = { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.Beside, preview: true, ...(selection ? { selection } : {}) };
  // vscode.open rather than showTextDocument: it also opens files too large to sync to the extension host.
  await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(file), options);
  return line === undefined ? `Opened ${path.basename(file)}.` : `Opened ${path.basename(file)} at line ${line}.`;
}
