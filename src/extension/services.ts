/** What the commands and dashboards share: the log, the reports, the workers, the open dashboards. */
import type * as vscode from 'vscode';
import type { AnalysisStore } from './analysisStore.js';
import type { DashboardPanels } from './dashboard/dashboardPanels.js';
import type { TextEditorHistory } from './dashboard/textEditorHistory.js';
import type { DatasetDiagnostics } from './diagnostics/index.js';
import type { ImbalanceStatusBar } from './statusBar.js';
import type { ReportDocuments } from './reportDocuments.js';

/** What a dashboard needs to compute and act: everything but the panels themselves. */
export interface DashboardServices {
  log: vscode.LogOutputChannel;
  reports: ReportDocuments;
  analyses: AnalysisStore;
  /** The extension's folder: dist/webview and media are served to the dashboards from here. */
  extensionUri: vscode.Uri;
  /** The recent text editors, where "Insert" puts weights. */
  textEditors: TextEditorHistory;
  /** Absolute path of the bundled CSV scan worker (dist/csvScanWorker.js). */
  workerScript: string;
  /** Absolute path of the bundled metrics worker (dist/metricsWorker.js), beside the scan worker. */
  metricsWorkerScript: string;
  /** Absolute path of the bundled resample/split worker (dist/writeJobWorker.js); absent: those jobs run on this thread. */
  writeJobWorkerScript?: string;
  /** The Problems-panel findings of each analysed dataset. */
  diagnostics: DatasetDiagnostics;
  /** The running jobs, and the MeanIR of the active editor's dataset. */
  statusBar: ImbalanceStatusBar;
}

export interface ExtensionServices extends DashboardServices {
  /** The dashboard panels, one per analysed dataset or evaluated predictions file. */
  dashboards: DashboardPanels;
}
