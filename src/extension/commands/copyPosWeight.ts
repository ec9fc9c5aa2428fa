/** "Imbalance Lens: Copy pos_weight as PyTorch": the BCEWithLogitsLoss snippet of the latest analysis. */
import * as vscode from 'vscode';
import { formatWeightsPytorch } from '../../core/weights/index.js';
import type { ExtensionServices } from '../services.js';

export async function copyPosWeightCommand(services: ExtensionServices, file?: unknown): Promise<void> {
  const report = services.analyses.get(typeof file === 'string' ? file : undefined);
  if (!report) {
    void vscode.window.showInformationMessage('Imbalance Lens: no analysis yet. Run "Imbalance Lens: Analyze Label Imbalance" first.');
    return;
  }
  await vscode.env.clipboard.writeText(formatWeightsPytorch(report.weights, 'pos'));
  void vscode.window.showInformationMessage(`Imbalance Lens: pos_weight for ${report.labels} labels copied as PyTorch.`);
}
