/**
 * "Imbalance Lens: Resample Dataset…": a resampled copy of a dataset beside it (trusted workspaces
 * only: it writes a file), chosen in a short wizard, written with progress, then shown in a
 * dashboard with the measures before and after.
 */
import * as path from 'node:path';
import type { ResampleReport } from '../../core/analysis/resampleDataset.js';
import { isOnDisk, pickDataset } from '../pickDataset.js';
import { offerWrittenFiles } from '../resample/offerWrittenFiles.js';
import { consentToReplace, plannedOutputs } from '../resample/outputFiles.js';
import { askResampleChoices, METHOD_LABELS } from '../resample/resampleWizard.js';
import { resampleWithProgress } from '../resample/runWriteJobs.js';
import type { ExtensionServices } from '../services.js';
import { showError } from '../showError.js';
import { requireTrust } from '../trust.js';

export async function resampleDatasetCommand(services: ExtensionServices, argument?: unknown): Promise<ResampleReport | undefined> {
  if (!requireTrust('Resampling a dataset')) return undefined;
  const uri = await pickDataset(argument);
  if (!uri || !isOnDisk(uri)) return undefined;
  try {
    const choices = await askResampleChoices(uri.fsPath);
    if (!choices) return undefined;
    const force = await consentToReplace(await plannedOutputs(uri.fsPath, [choices.out]), uri.fsPath);
    if (force === undefined) return undefined;
    const report = await resampleWithProgress(services, uri, choices, force);
    if (!report) return undefined;
    services.dashboards.showResample(report);
    offerWrittenFiles(summaryOf(report), report.written);
    return report;
  } catch (e) {
    await showError(e, services.log);
    return undefined;
  }
}

function summaryOf(report: ResampleReport): string {
  const rows = (n: number) => n.toLocaleString('en-US');
  return (
    `${path.basename(report.file)} with ${METHOD_LABELS[report.method]}: ${rows(report.rows.before)} → ${rows(report.rows.after)} rows, ` +
    `MeanIR ${report.before.meanIR.toFixed(2)} → ${report.after.meanIR.toFixed(2)}. Wrote ${path.basename(report.out)}.`
  );
}
