/** "Imbalance Lens: Evaluate Predictions": a predictions file against its ground truth, per class. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { evaluatePredictions, type EvaluationReport } from '../../core/analysis/evaluatePredictions.js';
import { evaluationDocument } from '../../core/report/evaluationDocument.js';
import { renderMarkdown } from '../../core/report/renderMarkdown.js';
import { CommandId } from '../commandIds.js';
import { pickPredictions, pickTruth } from '../pickDataset.js';
import { withCancellableProgress } from '../progress.js';
import type { ExtensionServices } from '../services.js';
import { evaluateOptionsFromSettings } from '../settings.js';
import { showError } from '../showError.js';

/** `argument`: the predictions file (explorer); `truthArgument`: the ground truth, when a caller already knows it. */
export async function evaluatePredictionsCommand(services: ExtensionServices, argument?: unknown, truthArgument?: unknown): Promise<EvaluationReport | undefined> {
  const predictions = await pickPredictions(argument);
  if (!predictions) return undefined;
  const truth = truthArgument instanceof vscode.Uri ? truthArgument : await pickTruth(predictions);
  if (!truth) return undefined;
  if (predictions.scheme !== 'file' || truth.scheme !== 'file') {
    void vscode.window.showErrorMessage('Imbalance Lens reads files on disk; pick files in the workspace or on this machine.');
    return undefined;
  }
  try {
    const report = await withCancellableProgress(`Imbalance Lens: evaluating ${path.basename(predictions.fsPath)}`, (signal, onProgress) =>
      evaluatePredictions(truth.fsPath, predictions.fsPath, {
        ...evaluateOptionsFromSettings(predictions),
        metricsWorkerScript: services.metricsWorkerScript,
        signal,
        onProgress,
      }),
    );
    if (!report) return undefined;
    services.log.info(`evaluated ${predictions.fsPath} against ${truth.fsPath}: ${report.rows} rows, ${report.labels} labels`);
    services.analyses.setEvaluation(report);
    await showEvaluation(services, report);
    return report;
  } catch (e) {
    await showError(e, services.log);
    return undefined;
  }
}

async function showEvaluation(services: ExtensionServices, report: EvaluationReport): Promise<void> {
  const uri = services.reports.put(`${path.basename(report.predFile)}.evaluation.md`, renderMarkdown(evaluationDocument(report)));
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.window.showTextDocument(uri, { preview: false });
  }
  const f = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));
  const summary = `${path.basename(report.predFile)}: macro-F1 ${f(report.averages.macro.f1)}, micro-F1 ${f(report.averages.micro.f1)}, mAP ${f(report.mAP.macro)}`;
  const buttons = report.tuning ? ['Show JSON', 'Copy Tuned Thresholds'] : ['Show JSON'];
  const choice = await vscode.window.showInformationMessage(summary, ...buttons);
  if (choice === 'Show JSON') await vscode.commands.executeCommand(CommandId.ShowReportJson);
  if (choice === 'Copy Tuned Thresholds') await vscode.commands.executeCommand(CommandId.CopyThresholds);
}
