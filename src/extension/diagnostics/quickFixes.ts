/**
 * Quick fixes on the Imbalance Lens diagnostics: open the dashboard for the file, show the label
 * counts, change the rare-label threshold, or analyse the file again after fixing skipped rows.
 */
import * as vscode from 'vscode';
import type { FindingCode } from './findings.js';
import { DIAGNOSTIC_SOURCE } from './datasetDiagnostics.js';

/** Commands the fixes run (the dashboard command is contributed with the dashboard). */
export const QuickFixCommand = {
  OpenDashboard: 'imbalanceLens.openDashboard',
  ShowReportJson: 'imbalanceLens.showReportJson',
  AnalyzeDataset: 'imbalanceLens.analyzeDataset',
  OpenSettings: 'workbench.action.openSettings',
} as const;

const LABEL_CODES: readonly FindingCode[] = ['rare-label', 'rare-labels', 'absent-label', 'absent-labels'];
const RARE_CODES: readonly FindingCode[] = ['rare-label', 'rare-labels'];
const SKIPPED_CODES: readonly FindingCode[] = ['skipped-row', 'skipped-rows'];

export class DatasetQuickFixes implements vscode.CodeActionProvider {
  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (ours.length === 0) return [];
    const withCode = (codes: readonly FindingCode[]) => ours.filter((d) => (codes as readonly string[]).includes(codeOf(d)));
    const actions = [fix('Open Imbalance Dashboard', QuickFixCommand.OpenDashboard, [document.uri], ours)];
    const labels = withCode(LABEL_CODES);
    if (labels.length > 0) actions.push(fix('Show label frequencies (report as JSON)', QuickFixCommand.ShowReportJson, [document.uri.fsPath], labels));
    const rare = withCode(RARE_CODES);
    if (rare.length > 0) actions.push(fix('Change the rare-label threshold (imbalanceLens.minPositives)', QuickFixCommand.OpenSettings, ['imbalanceLens.minPositives'], rare));
    const skipped = withCode(SKIPPED_CODES);
    if (skipped.length > 0) actions.push(fix('Analyze the file again', QuickFixCommand.AnalyzeDataset, [document.uri], skipped));
    return actions;
  }
}

export function quickFixMetadata(): vscode.CodeActionProviderMetadata {
  return { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };
}

function fix(title: string, command: string, args: unknown[], diagnostics: vscode.Diagnostic[]): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.command = { command, title, arguments: args };
  action.diagnostics = diagnostics;
  return action;
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? '' : String(code);
}
