/**
 * "Open With... > Imbalance Dashboard" on a dataset file: the dataset dashboard as the file's
 * editor (read-only; never the default editor for these files, see package.json `customEditors`).
 * It shares everything else with the panels through DashboardSession.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DashboardServices } from '../services.js';
import { loadDashboardPage } from './dashboardPage.js';
import { DashboardSession } from './dashboardSession.js';
import { DATASET_EDITOR_VIEW_TYPE } from './viewTypes.js';

export class DatasetEditorProvider implements vscode.CustomReadonlyEditorProvider {
  static register(services: DashboardServices): vscode.Disposable {
    return vscode.window.registerCustomEditorProvider(DATASET_EDITOR_VIEW_TYPE, new DatasetEditorProvider(services), {
      webviewOptions: { enableFindWidget: true },
      supportsMultipleEditorsPerDocument: true,
    });
  }

  constructor(private readonly services: DashboardServices) {}

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): void {
    const file = document.uri.fsPath;
    loadDashboardPage(panel.webview, this.services.extensionUri, `Imbalance: ${path.basename(document.uri.path)}`);
    const session = new DashboardSession(panel, this.services, { kind: 'analysis', file });
    const closed = panel.onDidDispose(() => {
      session.dispose();
      closed.dispose();
    });
    if (document.uri.scheme !== 'file') {
      session.showFailed(`Imbalance Lens reads files on disk; ${document.uri.toString()} is not one.`);
      return;
    }
    const stored = this.services.analyses.get(file);
    if (stored) session.showAnalysis(stored);
    else void session.load({ notify: true });
  }
}
