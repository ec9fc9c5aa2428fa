/** Entry point of the extension host bundle: builds the shared services, registers every command, the dashboards and their restorer, the training runner and the Runs view. */
import * as vscode from 'vscode';
import { startTrainingRun } from '../core/train/run/workerClient.js';
import { AnalysisStore } from './analysisStore.js';
import { CommandId } from './commandIds.js';
import { analyzeDatasetCommand } from './commands/analyzeDataset.js';
import { cancelTrainingCommand } from './commands/cancelTraining.js';
import { compareRunsCommand } from './commands/compareRuns.js';
import { compareStrategiesCommand } from './commands/compareStrategies.js';
import { copyPosWeightCommand } from './commands/copyPosWeight.js';
import { copyThresholdsCommand } from './commands/copyThresholds.js';
import { createSplitCommand } from './commands/createSplit.js';
import { evaluatePredictionsCommand } from './commands/evaluatePredictions.js';
import { openDashboardCommand } from './commands/openDashboard.js';
import { openRunCommand } from './commands/openRun.js';
import { resampleDatasetCommand } from './commands/resampleDataset.js';
import { showReportJsonCommand } from './commands/showReportJson.js';
import { showReportMarkdownCommand } from './commands/showReportMarkdown.js';
import { showWeightSuggestionsCommand } from './commands/showWeightSuggestions.js';
import { trainBaselineCommand } from './commands/trainBaseline.js';
import { DashboardPanels } from './dashboard/dashboardPanels.js';
import { DatasetEditorProvider } from './dashboard/datasetEditorProvider.js';
import { TextEditorHistory } from './dashboard/textEditorHistory.js';
import { DASHBOARD_PANEL_VIEW_TYPE } from './dashboard/viewTypes.js';
import { registerDatasetDiagnostics } from './diagnostics/index.js';
import { registerStatusBar } from './statusBar.js';
import { REPORT_SCHEME, ReportDocuments } from './reportDocuments.js';
import type { DashboardServices, ExtensionServices } from './services.js';
import { deleteRunCommand, revealRunCommand } from './training/runCommands.js';
import { workspaceRunsDirs } from './training/runsLocation.js';
import { registerRunsView } from './training/runsTree.js';
import { TrainingRunner } from './training/trainingRunner.js';

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
  const dist = vscode.Uri.joinPath(context.extensionUri, 'dist').fsPath;
  const runner = new TrainingRunner({ log, panels: dashboards, client: startTrainingRun, workerScript: vscode.Uri.joinPath(context.extensionUri, 'dist', 'trainWorker.js').fsPath });
  const training = { services, runner, wasmDir: dist };
  const runsView = registerRunsView({ runsDirs: workspaceRunsDirs, live: () => runner.liveStage() }, runner.onDidChange);
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
    runner,
    runsView.disposable,
    vscode.commands.registerCommand(CommandId.TrainBaseline, (arg?: unknown) => trainBaselineCommand(training, arg)),
    vscode.commands.registerCommand(CommandId.CompareStrategies, (arg?: unknown) => compareStrategiesCommand(training, arg)),
    vscode.commands.registerCommand(CommandId.CancelTraining, () => cancelTrainingCommand(runner)),
    vscode.commands.registerCommand(CommandId.OpenRun, (arg?: unknown) => openRunCommand(services, runner, arg)),
    vscode.commands.registerCommand(CommandId.CompareRuns, (clicked?: unknown, selected?: unknown) => compareRunsCommand(services, clicked, selected)),
    vscode.commands.registerCommand(CommandId.RefreshRuns, () => runsView.provider.refresh()),
    vscode.commands.registerCommand(CommandId.RevealRun, (arg?: unknown) => revealRunCommand(arg)),
    vscode.commands.registerCommand(CommandId.DeleteRun, (arg?: unknown) => deleteRunCommand(services, runner, runsView.provider, arg)),
  );
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
