/** "Imbalance Lens: Analyze Label Imbalance": scan a dataset with progress, then show its dashboard. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AnalysisReport } from '../../core/analysis/analyzeDataset.js';
import { CommandId } from '../commandIds.js';
import { analyzeWithProgress } from '../dashboard/runReports.js';
import { isOnDisk, pickDataset } from '../pickDataset.js';
import type { ExtensionServices } from '../services.js';
import { showError } from '../showError.js';

export async function analyzeDatasetCommand(services: ExtensionServices, argument?: unknown): Promise<AnalysisReport | undefined> {
  const uri = await pickDataset(argument);
  if (!uri || !isOnDisk(uri)) return undefined;
  try {
    const report = await analyzeWithProgress(services, uri);
    if (!report) return undefined;
    services.dashboards.showAnalysis(report);
    offerFollowUps(report);
    return report;
  } catch (e) {
    await showError(e, services.log);
    return undefined;
  }
}

/** The headline numbers in a notification, with the follow-ups that need no dashboard; not awaited, so the command returns at once. */
function offerFollowUps(report: AnalysisReport): void {
  const summary = `${path.basename(report.file)}: ${report.instances.toLocaleString('en-US')} rows, ${report.labels} labels, MeanIR ${report.meanIR.toFixed(2)}, MaxIR ${report.maxIR.toFixed(2)}`;
  void vscode.window.showInformationMessage(summary, 'Show JSON', 'Copy pos_weight').then((choice) => {
    if (choice === 'Show JSON') void vscode.commands.executeCommand(CommandId.ShowReportJson, report.file);
    if (choice === 'Copy pos_weight') void vscode.commands.executeCommand(CommandId.CopyPosWeight, report.file);
  });
}
