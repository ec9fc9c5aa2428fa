/** "Imbalance Lens: Show Analysis as JSON": the latest analysis (or the given file's) as a read-only JSON document. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionServices } from '../services.js';

export async function showAnalysisJsonCommand(services: ExtensionServices, file?: unknown): Promise<void> {
  const report = services.analyses.get(typeof file === 'string' ? file : undefined);
  if (!report) {
    void vscode.window.showInformationMessage('Imbalance Lens: no analysis yet. Run "Imbalance Lens: Analyze Dataset" first.');
    return;
  }
  const uri = services.reports.put(`${path.basename(report.file)}.imbalance.json`, JSON.stringify(report, null, 2));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(document, 'json');
  await vscode.window.showTextDocument(document, { preview: false });
}
