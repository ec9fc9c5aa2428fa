/** The extension's settings (package.json `contributes.configuration`), read into engine options. */
import * as vscode from 'vscode';
import type { AnalyzeOptions } from '../core/analysis/analyzeDataset.js';
import type { EvaluateOptions } from '../core/analysis/evaluatePredictions.js';

export function analyzeOptionsFromSettings(resource: vscode.Uri): AnalyzeOptions {
  const config = vscode.workspace.getConfiguration('imbalanceLens', resource);
  const labelColumns = config.get<string[]>('labelColumns', []);
  const labelColumn = config.get<string>('labelListColumn', '');
  return {
    labels: labelColumns.length ? labelColumns : undefined,
    labelColumn: labelColumn || undefined,
    skipBadRows: config.get<boolean>('skipBadRows', false),
    rareThreshold: config.get<number>('rareLabelThreshold', 10),
    topLabelsets: config.get<number>('topLabelsets', 20),
    beta: config.get<number>('effectiveNumberBeta', 0.999),
    maxPosWeight: config.get<number>('maxPosWeight', 1000),
  };
}

export function evaluateOptionsFromSettings(resource: vscode.Uri): EvaluateOptions {
  const config = vscode.workspace.getConfiguration('imbalanceLens', resource);
  const zero = config.get<string>('zeroDivision', '0');
  return {
    threshold: config.get<number>('threshold', 0.5),
    tuneThresholds: config.get<boolean>('tuneThresholds', true),
    zeroDivision: zero === 'exclude' ? 'exclude' : zero === '1' ? 1 : 0,
    skipBadRows: config.get<boolean>('skipBadRows', false),
  };
}
