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

function runWithProgress(services: ExtensionServices, uri: vscode.Uri): Thenable<AnalysisReport | undefined> {
  const name = path.basename(uri.fsPath);
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Imbalance Lens: analyzing ${name}`, cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      let reported = 0;
      const options = {
        ...analyzeOptionsFromSettings(uri),
        workerScript: services.workerScript,
        signal: controller.signal,
        onProgress: (bytesRead: number, totalBytes: number) => {
          const percent = totalBytes > 0 ? Math.floor((100 * bytesRead) / totalBytes) : 0;
          if (percent > reported) {
            progress.report({ increment: percent - reported, message: `${percent}%` });
            reported = percent;
          }
        },
      };
      try {
        const report = await analyzeDataset(uri.fsPath, options);
        services.log.info(`analyzed ${uri.fsPath}: ${report.instances} rows, ${report.labels} labels in ${report.elapsedMs} ms`);
        return report;
      } catch (e) {
        if (controller.signal.aborted) {
          services.log.info(`analysis of ${uri.fsPath} cancelled`);
          return undefined;
        }
        throw e;
      }
    },
  );
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
  if (choice === 'Show JSON') await vscode.commands.executeCommand(CommandId.ShowAnalysisJson, report.file);
  if (choice === 'Copy pos_weight') await vscode.commands.executeCommand(CommandId.CopyPosWeight, report.file);
}
