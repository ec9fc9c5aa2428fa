/**
 * Resampling and splitting behind a cancellable progress notification (and the status bar's job
 * list), on a worker thread (dist/writeJobWorker.js), with the dataset read as the settings say. Each resolves undefined when the user
 * cancelled (the engine then leaves no file behind) and logs what happened.
 */
import * as path from 'node:path';
import type * as vscode from 'vscode';
import type { ResampleReport } from '../../core/analysis/resampleDataset.js';
import { runWriteJob } from '../../core/analysis/runWriteJob.js';
import type { SplitReport } from '../../core/analysis/splitDataset.js';
import { withCancellableProgress } from '../progress.js';
import type { DashboardServices } from '../services.js';
import { resampleOptionsFromSettings } from '../settings.js';
import { METHOD_LABELS, type ResampleChoices } from './resampleWizard.js';
import type { SplitChoices } from './splitWizard.js';

export async function resampleWithProgress(services: DashboardServices, dataset: vscode.Uri, choices: ResampleChoices, force: boolean): Promise<ResampleReport | undefined> {
  const name = path.basename(dataset.fsPath);
  const method = METHOD_LABELS[choices.method];
  const report = await services.statusBar.track(
    `resampling ${name}`,
    withCancellableProgress(`Imbalance Lens: resampling ${name} with ${method}`, (signal, onProgress) =>
      runWriteJob(
        { kind: 'resample', file: dataset.fsPath, options: { ...resampleOptionsFromSettings(dataset), ...choices, force } },
        { workerScript: services.writeJobWorkerScript, signal, onProgress },
      ),
    ),
  );
  if (!report) {
    services.log.info(`resampling of ${dataset.fsPath} with ${method} cancelled; nothing written`);
    return undefined;
  }
  services.log.info(
    `resampled ${dataset.fsPath} with ${method} (seed ${report.parameters.seed}): ${report.rows.before} -> ${report.rows.after} rows, ` +
      `MeanIR ${report.before.meanIR.toFixed(3)} -> ${report.after.meanIR.toFixed(3)}, in ${report.elapsedMs} ms; wrote ${report.written.join(', ')}`,
  );
  return report;
}

export async function splitWithProgress(services: DashboardServices, dataset: vscode.Uri, choices: SplitChoices, force: boolean): Promise<SplitReport | undefined> {
  const name = path.basename(dataset.fsPath);
  const { folds, ratios, order, singleFile } = choices;
  const report = await services.statusBar.track(
    `splitting ${name}`,
    withCancellableProgress(`Imbalance Lens: splitting ${name} (${choices.description})`, (signal, onProgress) =>
      runWriteJob(
        { kind: 'split', file: dataset.fsPath, options: { ...resampleOptionsFromSettings(dataset), folds, ratios, order, singleFile, force } },
        { workerScript: services.writeJobWorkerScript, signal, onProgress },
      ),
    ),
  );
  if (!report) {
    services.log.info(`split of ${dataset.fsPath} cancelled; nothing written`);
    return undefined;
  }
  services.log.info(
    `split ${dataset.fsPath} into ${choices.description} (order ${report.order}, seed ${report.seed}): mean relative deviation ` +
      `${report.stratification.meanRelativeDeviation.toFixed(4)}, ${report.absent.length} label(s) absent from a part, in ${report.elapsedMs} ms; wrote ${report.written.join(', ')}`,
  );
  return report;
}
