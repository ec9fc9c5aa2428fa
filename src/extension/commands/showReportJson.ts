/** "Imbalance Lens: Show Last Report as JSON": the latest analysis or evaluation (or the given file's analysis) as read-only JSON. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionServices } from '../services.js';

export async function showReportJsonCommand(services: ExtensionServices, file?: unknown): Promise<void> {
  const analysis = typeof file === 'string' ? services.analyses.get(file) : undefined;
  const stored = analysis ? { kind: 'analysis' as const, report: analysis } : services.analyses.latest();
  if (!stored) {
    void vscode.window.showInformationMessage('Imbalance Lens: no report yet. Run "Analyze Label Imbalance" or "Evaluate Predictions Against…" first.');
    return;
  }
  const name =
    stored.kind === 'analysis'
      ? `${path.basename(stored.report.file)}.imbalance.json`
      : `${path.basename(stored.report.predFile)}.evaluation.json`;
  const uri = services.reports.put(name, JSON.stringify(stored.report, null, 2));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(document, 'json');
  await vscode.window.showTextDocument(document, { preview: false });
}
