/** "Imbalance Lens: Copy Tuned Thresholds": the latest evaluation's F1-tuned thresholds as JSON. */
import * as vscode from 'vscode';
import { thresholdsJson } from '../../core/analysis/evaluatePredictions.js';
import type { ExtensionServices } from '../services.js';

export async function copyThresholdsCommand(services: ExtensionServices): Promise<void> {
  const latest = services.analyses.latest();
  if (latest?.kind !== 'evaluation' || !latest.report.tuning) {
    void vscode.window.showInformationMessage('Imbalance Lens: no tuned thresholds yet. Run "Evaluate Predictions Against…" (threshold tuning is on by default).');
    return;
  }
  await vscode.env.clipboard.writeText(thresholdsJson(latest.report));
  void vscode.window.showInformationMessage(`Imbalance Lens: ${latest.report.labels} tuned thresholds copied as JSON (use them with --thresholds).`);
}
