/**
 * "Imbalance Lens: Create Stratified Split…": folds or train/val/test files of a dataset by
 * iterative stratification (trusted workspaces only: it writes files), chosen in a short wizard,
 * written with progress, then shown in a dashboard part by part and label by label.
 */
import * as path from 'node:path';
import type { SplitReport } from '../../core/analysis/splitDataset.js';
import { isOnDisk, pickDataset } from '../pickDataset.js';
import { offerWrittenFiles } from '../resample/offerWrittenFiles.js';
import { consentToReplace, plannedOutputs } from '../resample/outputFiles.js';
import { splitWithProgress } from '../resample/runWriteJobs.js';
import { askSplitChoices } from '../resample/splitWizard.js';
import type { ExtensionServices } from '../services.js';
import { showError } from '../showError.js';
import { requireTrust } from '../trust.js';

export async function createSplitCommand(services: ExtensionServices, argument?: unknown): Promise<SplitReport | undefined> {
  if (!requireTrust('Creating a split')) return undefined;
  const uri = await pickDataset(argument);
  if (!uri || !isOnDisk(uri)) return undefined;
  try {
    const choices = await askSplitChoices(uri.fsPath);
    if (!choices) return undefined;
    const force = await consentToReplace(await plannedOutputs(uri.fsPath, choices.dataFiles), uri.fsPath);
    if (force === undefined) return undefined;
    const report = await splitWithProgress(services, uri, choices, force);
    if (!report) return undefined;
    services.dashboards.showSplit(report);
    offerWrittenFiles(summaryOf(report, choices.description), report.written);
    return report;
  } catch (e) {
    await showError(e, services.log);
    return undefined;
  }
}

function summaryOf(report: SplitReport, description: string): string {
  const absent = report.absent.length === 0 ? 'every label in every part' : `${report.absent.length} label–part pair${report.absent.length === 1 ? '' : 's'} without positives`;
  const files = report.written.filter((f) => path.extname(f).toLowerCase() !== '.xml');
  return `${path.basename(report.file)} split into ${description}: ${absent}. Wrote ${files.length === 1 ? path.basename(files[0]) : `${files.length} files`}.`;
}
