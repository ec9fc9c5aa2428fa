/**
 * The two long jobs behind a cancellable progress notification, shared by the commands, the
 * dashboard's refresh, the panel serializer and the custom editor. Each resolves undefined when
 * the user cancelled, stores the new report, and logs what happened.
 */
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { analyzeDataset, type AnalysisReport } from '../../core/analysis/analyzeDataset.js';
import { evaluatePredictions, type EvaluationReport } from '../../core/analysis/evaluatePredictions.js';
import { withCancellableProgress } from '../progress.js';
import type { DashboardServices } from '../services.js';
import { analyzeOptionsFromSettings, evaluateOptionsFromSettings } from '../settings.js';

export async function analyzeWithProgress(services: DashboardServices, dataset: vscode.Uri): Promise<AnalysisReport | undefined> {
  const report = await services.statusBar.track(
    `analyzing ${path.basename(dataset.fsPath)}`,
    withCancellableProgress(`Imbalance Lens: analyzing ${path.basename(dataset.fsPath)}`, (signal, onProgress) =>
      analyzeDataset(dataset.fsPath, { ...analyzeOptionsFromSettings(dataset), workerScript: services.workerScript, signal, onProgress }),
    ),
  );
  if (!report) {
    services.log.info(`analysis of ${dataset.fsPath} cancelled`);
    return undefined;
  }
  services.log.info(`analyzed ${dataset.fsPath}: ${report.instances} rows, ${report.labels} labels, MeanIR ${report.meanIR.toFixed(2)}, in ${report.elapsedMs} ms`);
  services.analyses.set(report);
  await services.diagnostics.publish(report);
  services.statusBar.refresh();
  return report;
}

export async function evaluateWithProgress(services: DashboardServices, predictions: vscode.Uri, truth: vscode.Uri): Promise<EvaluationReport | undefined> {
  const report = await services.statusBar.track(
    `evaluating ${path.basename(predictions.fsPath)}`,
    withCancellableProgress(`Imbalance Lens: evaluating ${path.basename(predictions.fsPath)}`, (signal, onProgress) =>
      evaluatePredictions(truth.fsPath, predictions.fsPath, {
        ...evaluateOptionsFromSettings(predictions, truth),
        metricsWorkerScript: services.metricsWorkerScript,
        signal,
        onProgress,
      }),
    ),
  );
  if (!report) {
    services.log.info(`evaluation of ${predictions.fsPath} cancelled`);
    return undefined;
  }
  const f = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));
  services.log.info(
    `evaluated ${predictions.fsPath} against ${truth.fsPath}: ${report.rows} rows, ${report.labels} labels, ` +
      `macro-F1 ${f(report.averages.macro.f1)}, micro-F1 ${f(report.averages.micro.f1)}, mAP ${f(report.mAP.macro)}`,
  );
  services.analyses.setEvaluation(report);
  return report;
}

/** The stored analysis of the dataset, or a new one when there is none yet. */
export async function analysisOf(services: DashboardServices, dataset: vscode.Uri): Promise<AnalysisReport | undefined> {
  return services.analyses.get(dataset.fsPath) ?? analyzeWithProgress(services, dataset);
}
