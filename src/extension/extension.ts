/** Entry point of the extension host bundle: builds the shared services and registers every command. */
import * as vscode from 'vscode';
import { AnalysisStore } from './analysisStore.js';
import { CommandId } from './commandIds.js';
import { analyzeDatasetCommand } from './commands/analyzeDataset.js';
import { copyPosWeightCommand } from './commands/copyPosWeight.js';
import { copyThresholdsCommand } from './commands/copyThresholds.js';
import { evaluatePredictionsCommand } from './commands/evaluatePredictions.js';
import { showReportJsonCommand } from './commands/showReportJson.js';
import { REPORT_SCHEME, ReportDocuments } from './reportDocuments.js';
import type { ExtensionServices } from './services.js';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Imbalance Lens', { log: true });
  const reports = new ReportDocuments();
  const services: ExtensionServices = {
    log,
    reports,
    analyses: new AnalysisStore(),
    workerScript: vscode.Uri.joinPath(context.extensionUri, 'dist', 'csvScanWorker.js').fsPath,
    metricsWorkerScript: vscode.Uri.joinPath(context.extensionUri, 'dist', 'metricsWorker.js').fsPath,
  };
  context.subscriptions.push(
    log,
    reports,
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reports),
    vscode.commands.registerCommand(CommandId.AnalyzeDataset, (arg?: unknown) => analyzeDatasetCommand(services, arg)),
    vscode.commands.registerCommand(CommandId.EvaluatePredictions, (pred?: unknown, truth?: unknown) => evaluatePredictionsCommand(services, pred, truth)),
    vscode.commands.registerCommand(CommandId.ShowReportJson, (arg?: unknown) => showReportJsonCommand(services, arg)),
    vscode.commands.registerCommand(CommandId.CopyPosWeight, (arg?: unknown) => copyPosWeightCommand(services, arg)),
    vscode.commands.registerCommand(CommandId.CopyThresholds, () => copyThresholdsCommand(services)),
  );
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
