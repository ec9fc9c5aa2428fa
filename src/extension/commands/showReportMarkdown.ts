/**
 * "Imbalance Lens: Show Report as Markdown": the latest report (or the given dataset's analysis)
 * as a read-only Markdown preview, for those who prefer text to the dashboard.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AnalysisReport } from '../../core/analysis/analyzeDataset.js';
import { analysisDocument } from '../../core/report/analysisDocument.js';
import { evaluationDocument } from '../../core/report/evaluationDocument.js';
import { renderMarkdown } from '../../core/report/renderMarkdown.js';
import { formatWeightsPytorch } from '../../core/weights/index.js';
import { weightSchemeFromSettings } from '../settings.js';
import type { ExtensionServices } from '../services.js';

export async function showReportMarkdownCommand(services: ExtensionServices, file?: unknown): Promise<void> {
  const wanted = typeof file === 'string' ? file : file instanceof vscode.Uri ? file.fsPath : undefined;
  const analysis = wanted !== undefined ? services.analyses.get(wanted) : undefined;
  const evaluation = wanted !== undefined && !analysis ? services.analyses.getEvaluation(wanted) : undefined;
  const stored = analysis
    ? { kind: 'analysis' as const, report: analysis }
    : evaluation
      ? { kind: 'evaluation' as const, report: evaluation }
      : services.analyses.latest();
  if (!stored) {
    void vscode.window.showInformationMessage('Imbalance Lens: no report yet. Run "Analyze Label Imbalance" or "Evaluate Predictions Against…" first.');
    return;
  }
  const uri =
    stored.kind === 'analysis'
      ? services.reports.put(`${path.basename(stored.report.file)}.imbalance.md`, analysisMarkdown(stored.report))
      : services.reports.put(`${path.basename(stored.report.predFile)}.evaluation.md`, renderMarkdown(evaluationDocument(stored.report)));
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.window.showTextDocument(uri, { preview: false });
  }
}

function analysisMarkdown(report: AnalysisReport): string {
  const doc = analysisDocument(report);
  doc.sections.push({
    title: 'Loss weights for PyTorch',
    blocks: [{ kind: 'code', language: 'python', text: formatWeightsPytorch(report.weights, weightSchemeFromSettings(vscode.Uri.file(report.file))).trimEnd() }],
  });
  return renderMarkdown(doc);
}
