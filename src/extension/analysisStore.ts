/**
 * The latest reports, so follow-up commands (JSON view, copy weights or thresholds, dashboards)
 * need no re-run: analyses per dataset file, evaluations per predictions file, and which came last.
 */
import * as vscode from 'vscode';
import type { AnalysisReport } from '../core/analysis/analyzeDataset.js';
import type { EvaluationReport } from '../core/analysis/evaluatePredictions.js';

export type StoredReport = { kind: 'analysis'; report: AnalysisReport } | { kind: 'evaluation'; report: EvaluationReport };

export class AnalysisStore {
  private readonly analyses = new Map<string, AnalysisReport>();
  private readonly evaluations = new Map<string, EvaluationReport>();
  private latestAnalysisFile: string | undefined;
  private latestReport: StoredReport | undefined;

  set(report: AnalysisReport): void {
    this.analyses.set(report.file, report);
    this.latestAnalysisFile = report.file;
    this.latestReport = { kind: 'analysis', report };
    void vscode.commands.executeCommand('setContext', 'imbalanceLens.hasAnalysis', true);
    void vscode.commands.executeCommand('setContext', 'imbalanceLens.hasReport', true);
  }

  setEvaluation(report: EvaluationReport): void {
    this.evaluations.set(report.predFile, report);
    this.latestReport = { kind: 'evaluation', report };
    void vscode.commands.executeCommand('setContext', 'imbalanceLens.hasReport', true);
  }

  /** The analysis of `file`, or the most recent analysis when no file is given. */
  get(file?: string): AnalysisReport | undefined {
    const key = file ?? this.latestAnalysisFile;
    return key === undefined ? undefined : this.analyses.get(key);
  }

  /** The latest evaluation of the predictions file `predFile`. */
  getEvaluation(predFile: string): EvaluationReport | undefined {
    return this.evaluations.get(predFile);
  }

  /** The most recent report of either kind. */
  latest(): StoredReport | undefined {
    return this.latestReport;
  }
}
