/** What the commands share: the log, the report documents, the analyses, where the worker lives. */
import type * as vscode from 'vscode';
import type { AnalysisStore } from './analysisStore.js';
import type { ReportDocuments } from './reportDocuments.js';

export interface ExtensionServices {
  log: vscode.LogOutputChannel;
  reports: ReportDocuments;
  analyses: AnalysisStore;
  /** Absolute path of the bundled CSV scan worker (dist/csvScanWorker.js). */
  workerScript: string;
  /** Absolute path of the bundled metrics worker (dist/metricsWorker.js), beside the scan worker. */
  metricsWorkerScript: string;
}
