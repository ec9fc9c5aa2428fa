/** Entry point of the extension host bundle: builds the shared services, registers every command, the dashboards and their restorer. */
import * as vscode from 'vscode';
import { AnalysisStore } from './analysisStore.js';
import { CommandId } from './commandIds.js';
import { analyzeDatasetCommand } from './commands/analyzeDataset.js';
import { copyPosWeightCommand } from './commands/copyPosWeight.js';
import { copyThresholdsCommand } from './commands/copyThresholds.js';
import { createSplitCommand } from './commands/createSplit.js';
import { evaluatePredictionsCommand } from './commands/evaluatePredictions.js';
import { openDashboardCommand } from './commands/openDashboard.js';
import { resampleDatasetCommand } from './commands/resampleDataset.js';
import { showReportJsonCommand } from './commands/showReportJson.js';
import { showReportMarkdownCommand } from './commands/showReportMarkdown.js';
import { showWeightSuggestionsCommand } from './commands/showWeightSuggestions.js';
import { DashboardPanels } from './dashboard/dashboardPanels.js';
import { DatasetEditorProvider } from './dashboard/datasetEditorProvider.js';
import { TextEditorHistory } from './dashboard/textEditorHistory.js';
import { DASHBOARD_PANEL_VIEW_TYPE } from './dashboard/viewTypes.js';
import { registerDatasetDiagnostics } from './diagnostics/index.js';
import { registerStatusBar } from './statusBar.js';
import { REPORT_SCHEME, ReportDocuments } from './reportDocuments.js';
import type { DashboardServices, ExtensionServices } from './services.js';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Imbalance Lens', { log: true });
  const reports = new ReportDocuments();
  const textEditors = new TextEditorHistory();
  const analyses = new AnalysisStore();
  const base: DashboardServices = {
    log,
    reports,
    analyses,
    diagnostics: registerDatasetDiagnostics(context),
    statusBar: registerStatusBar(context, log, analyses),
    extensionUri: context.extensionUri,
    textEditors,
    workerScript: vscode.Uri.joinPath(context.extensionUri, 'dist', 'csvScanWorker.js').fsPath,
    metricsWorkerScript: vscode.Uri.joinPath(context.extensionUri, 'dist', 'metricsWorker.js').fsPath,
    writeJobWorkerScript: vscode.Uri.joinPath(context.extensionUri, 'dist', 'writeJobWorker.js').fsPath,
  };
  const dashboards = new DashboardPanels(base);
  const services: ExtensionServices = { ...base, dashboards };
  context.subscriptions.push(
    log,
    reports,
    textEditors,
    dashboards,
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reports),
    vscode.window.registerWebviewPanelSerializer(DASHBOARD_PANEL_VIEW_TYPE, dashboards),
    DatasetEditorProvider.register(base),
    vscode.commands.registerCommand(CommandId.AnalyzeDataset, (arg?: unknown) => analyzeDatasetCommand(services, arg)),
    vscode.commands.registerCommand(CommandId.EvaluatePredictions, (pred?: unknown, truth?: unknown) => evaluatePredictionsCommand(services, pred, truth)),
    vscode.commands.registerCommand(CommandId.OpenDashboard, (arg?: unknown) => openDashboardCommand(services, arg)),
    vscode.commands.registerCommand(CommandId.ShowWeightSuggestions, (arg?: unknown) => showWeightSuggestionsCommand(services, arg)),
    vscode.commands.registerCommand(CommandId.ShowReportMarkdown, (arg?: unknown) => showReportMarkdownCommand(services, arg)),
    vscode.commands.registerCommand(CommandId.ShowReportJson, (arg?: unknown) => showReportJsonCommand(services, arg)),
    vscode.commands.registerCommand(CommandId.CopyPosWeight, (arg?: unknown) => copyPosWeightCommand(services, arg)),
    vscode.commands.registerCommand(CommandId.CopyThresholds, () => copyThresholdsCommand(services)),
    vscode.commands.registerCommand(CommandId.ResampleDataset, (arg?: unknown) => resampleDatasetCommand(services, arg)),
    vscode.commands.registerCommand(CommandId.CreateSplit, (arg?: unknown) => createSplitCommand(services, arg)),
  );
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
