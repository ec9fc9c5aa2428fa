/** "Imbalance Lens: Analyze Dataset": scan a dataset with progress, then show the report. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { analyzeDataset, type AnalysisReport } from '../../core/analysis/analyzeDataset.js';
import { analysisDocument } from '../../core/report/analysisDocument.js';
import { renderMarkdown } from '../../core/report/renderMarkdown.js';
import { formatWeightsPytorch } from '../../core/weights/index.js';
import { CommandId } from '../commandIds.js';
import { pickDataset } from '../pickDataset.js';
import { analyzeOptionsFromSettings } from '../settings.js';
import { showError } from '../showError.js';
import { withCancellableProgress } from '../progress.js';
import type { ExtensionServices } from '../services.js';

export async function analyzeDatasetCommand(services: ExtensionServices, argument?: unknown): Promise<AnalysisReport | undefined> {
  const uri = await pickDataset(argument);
  if (!uri) return undefined;
  if (uri.scheme !== 'file') {
    void vscode.window.showErrorMessage(`Imbalance Lens reads files on disk; ${uri.toString()} is not one.`);
    return undefined;
  }
  try {
    const report = await runWithProgress(services, uri);
    if (!report) return undefined;
    services.analyses.set(report);
    await showReport(services, report);
    return report;
  } catch (e) {
    await showError(e, services.log);
    return undefined;
  }
}

async function runWithProgress(services: ExtensionServices, uri: vscode.Uri): Promise<AnalysisReport | undefined> {
  const report = await withCancellableProgress(`Imbalance Lens: analyzing ${path.basename(uri.fsPath)}`, (signal, onProgress) =>
    analyzeDataset(uri.fsPath, { ...analyzeOptionsFromSettings(uri), workerScript: services.workerScript, signal, onProgress }),
  );
  if (report) services.log.info(`analyzed ${uri.fsPath}: ${report.instances} rows, ${report.labels} labels in ${report.elapsedMs} ms`);
  else services.log.info(`analysis of ${uri.fsPath} cancelled`);
  return report;
}

async function showReport(services: ExtensionServices, report: AnalysisReport): Promise<void> {
  const name = path.basename(report.file);
  const doc = analysisDocument(report);
  doc.sections.push({
    title: 'Loss weights for PyTorch',
    blocks: [{ kind: 'code', language: 'python', text: formatWeightsPytorch(report.weights, 'pos').trimEnd() }],
  });
  const uri = services.reports.put(`${name}.imbalance.md`, renderMarkdown(doc));
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.window.showTextDocument(uri, { preview: false });
  }
  const summary = `${name}: ${report.instances.toLocaleString('en-US')} rows, ${report.labels} labels, MeanIR ${report.meanIR.toFixed(2)}, MaxIR ${report.maxIR.toFixed(2)}`;
  const choice = await vscode.window.showInformationMessage(summary, 'Show JSON', 'Copy pos_weight');
  if (choice === 'Show JSON') await vscode.commands.executeCommand(CommandId.ShowReportJson, report.file);
  if (choice === 'Copy pos_weight') await vscode.commands.executeCommand(CommandId.CopyPosWeight, report.file);
}
