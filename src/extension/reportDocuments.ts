/**
 * Read-only virtual documents for reports (`imbalance-lens-report:` URIs): the analysis as
 * Markdown or JSON, kept in memory, never written to the user's disk.
 */
import * as vscode from 'vscode';

export const REPORT_SCHEME = 'imbalance-lens-report';

export class ReportDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  /** Stores (or replaces) a report and returns its URI, e.g. `imbalance-lens-report:/yeast.csv.imbalance.md`. */
  put(name: string, content: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${name}` });
    this.contents.set(uri.toString(), content);
    this.changed.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? 'This report is no longer available: run the analysis again.';
  }

  dispose(): void {
    this.changed.dispose();
    this.contents.clear();
  }
}
