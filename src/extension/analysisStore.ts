/** The latest analysis per file, so follow-up commands (JSON view, copy weights) need no re-run. */
import * as vscode from 'vscode';
import type { AnalysisReport } from '../core/analysis/analyzeDataset.js';

export class AnalysisStore {
  private readonly byFile = new Map<string, AnalysisReport>();
  private latestFile: string | undefined;

  set(report: AnalysisReport): void {
    this.byFile.set(report.file, report);
    this.latestFile = report.file;
    void vscode.commands.executeCommand('setContext', 'imbalanceLens.hasAnalysis', true);
  }

  /** The analysis of `file`, or the most recent one when no file is given. */
  get(file?: string): AnalysisReport | undefined {
    const key = file ?? this.latestFile;
    return key === undefined ? undefined : this.byFile.get(key);
  }
}
