/** "Imbalance Lens: Evaluate Predictions Against…": a predictions file against its ground truth, per class, in a dashboard. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EvaluationReport } from '../../core/analysis/evaluatePredictions.js';
import { CommandId } from '../commandIds.js';
import { evaluateWithProgress } from '../dashboard/runReports.js';
import { isOnDisk, pickPredictions, pickTruth } from '../pickDataset.js';
import type { ExtensionServices } from '../services.js';
import { showError } from '../showError.js';

/** `argument`: the predictions file (explorer); `truthArgument`: the ground truth, when a caller already knows it. */
export async function evaluatePredictionsCommand(services: ExtensionServices, argument?: unknown, truthArgument?: unknown): Promise<EvaluationReport | undefined> {
  const predictions = await pickPredictions(argument);
  if (!predictions || !isOnDisk(predictions)) return undefined;
  const truth = truthArgument instanceof vscode.Uri ? truthArgument : await pickTruth(predictions);
  if (!truth || !isOnDisk(truth)) return undefined;
  try {
    const report = await evaluateWithProgress(services, predictions, truth);
    if (!report) return undefined;
    services.dashboards.showEvaluation(report);
    offerFollowUps(report);
    return report;
  } catch (e) {
    await showError(e, services.log);
    return undefined;
  }
}

/** The headline metrics in a notification, with the follow-ups that need no dashboard; not awaited. */
function offerFollowUps(report: EvaluationReport): void {
  const f = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));
  const summary = `${path.basename(report.predFile)}: macro-F1 ${f(report.averages.macro.f1)}, micro-F1 ${f(report.averages.micro.f1)}, mAP ${f(report.mAP.macro)}`;
  const buttons = report.tuning ? ['Show JSON', 'Copy Tuned Thresholds'] : ['Show JSON'];
  void vscode.window.showInformationMessage(summary, ...buttons).then((choice) => {
    if (choice === 'Show JSON') void vscode.commands.executeCommand(CommandId.ShowReportJson);
    if (choice === 'Copy Tuned Thresholds') void vscode.commands.executeCommand(CommandId.CopyThresholds);
  });
}
