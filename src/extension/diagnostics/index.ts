/** Diagnostics on analysed dataset files, with their quick fixes. */
import * as vscode from 'vscode';
import { DatasetDiagnostics } from './datasetDiagnostics.js';
import { DatasetQuickFixes, quickFixMetadata } from './quickFixes.js';

export { DatasetDiagnostics, DIAGNOSTIC_COLLECTION, DIAGNOSTIC_SOURCE } from './datasetDiagnostics.js';
export { datasetFindings } from './findings.js';
export type { DatasetLayout, Finding, FindingCode, FindingSeverity, Span } from './findings.js';

/** Creates the diagnostic collection and the quick-fix provider; both go away with the extension. */
export function registerDatasetDiagnostics(context: { subscriptions: vscode.Disposable[] }): DatasetDiagnostics {
  const diagnostics = new DatasetDiagnostics();
  context.subscriptions.push(
    diagnostics,
    vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, new DatasetQuickFixes(), quickFixMetadata()),
  );
  return diagnostics;
}
