/**
 * The status bar: while jobs run, a spinning item naming them (a count when several overlap) that
 * reveals the log when clicked; and, when the active editor's file has an analysis, its MeanIR,
 * which opens the dashboard for that file.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CommandId } from './commandIds.js';
import type { AnalysisReport } from '../core/analysis/analyzeDataset.js';

/** Reveals the Imbalance Lens log; the running-jobs item runs it when clicked. */
export const SHOW_LOG_COMMAND = CommandId.ShowLog;
/** Contributed with the dashboard; takes the dataset file's URI. */
const OPEN_DASHBOARD_COMMAND = 'imbalanceLens.openDashboard';

/** Where the status bar looks up a file's analysis (the AnalysisStore). */
export interface AnalysisLookup {
  get(file: string): AnalysisReport | undefined;
}

interface Job {
  label: string;
  started: number;
}

export class ImbalanceStatusBar implements vscode.Disposable {
  private readonly jobsItem: vscode.StatusBarItem;
  private readonly datasetItem: vscode.StatusBarItem;
  /** Running jobs in start order, by a number of their own (two jobs may share a label). */
  private readonly jobs = new Map<number, Job>();
  private nextJob = 1;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly analyses: AnalysisLookup) {
    this.jobsItem = vscode.window.createStatusBarItem('imbalanceLens.jobs', vscode.StatusBarAlignment.Left, 10);
    this.jobsItem.name = 'Imbalance Lens: running jobs';
    this.jobsItem.command = { command: SHOW_LOG_COMMAND, title: 'Show Imbalance Lens Log' };
    this.datasetItem = vscode.window.createStatusBarItem('imbalanceLens.dataset', vscode.StatusBarAlignment.Right, 100);
    this.datasetItem.name = 'Imbalance Lens: label imbalance';
    this.subscriptions = [
      vscode.window.tabGroups.onDidChangeTabs(() => this.refresh()),
      vscode.window.tabGroups.onDidChangeTabGroups(() => this.refresh()),
    ];
    this.refresh();
  }

  /**
   * Shows `label` (e.g. "analyzing emotions.arff") while `work` runs and returns its result;
   * `work` is a promise, or a function started here. Jobs may nest and overlap.
   */
  track<T>(label: string, work: Thenable<T> | (() => Thenable<T>)): Promise<T> {
    const id = this.nextJob++;
    this.jobs.set(id, { label, started: Date.now() });
    this.renderJobs();
    const done = () => {
      this.jobs.delete(id);
      this.renderJobs();
    };
    let running: Thenable<T>;
    try {
      running = typeof work === 'function' ? work() : work;
    } catch (e) {
      done();
      return Promise.reject(e);
    }
    return Promise.resolve(running).finally(done);
  }

  /** The labels of the jobs running now, oldest first. */
  get running(): string[] {
    return [...this.jobs.values()].map((j) => j.label);
  }

  /** Shows or hides the MeanIR item for the active editor's file; call after storing an analysis. */
  refresh(): void {
    const uri = activeFile();
    const report = uri ? this.analyses.get(uri.fsPath) : undefined;
    if (!uri || !report) {
      this.datasetItem.hide();
      return;
    }
    const name = path.basename(report.file);
    const rare = report.rareLabels.filter((l) => l.count > 0).length;
    const absent = report.absentLabels.length;
    this.datasetItem.text = `$(graph) MeanIR ${ratio(report.meanIR)}`;
    this.datasetItem.tooltip = [
      `${name}: ${report.instances.toLocaleString('en-US')} rows, ${report.labels} labels`,
      `MeanIR ${ratio(report.meanIR)}, MaxIR ${ratio(report.maxIR)} (imbalance ratio per label: 1 = as frequent as the most frequent label)`,
      `${rare} rare label${rare === 1 ? '' : 's'} (fewer than ${report.rareThreshold} positives), ${absent} absent`,
      '',
      'Click to open the Imbalance Dashboard.',
    ].join('\n');
    this.datasetItem.accessibilityInformation = { label: `Imbalance Lens: ${name}, mean imbalance ratio ${ratio(report.meanIR)}` };
    this.datasetItem.command = { command: OPEN_DASHBOARD_COMMAND, title: 'Open Imbalance Dashboard', arguments: [uri] };
    this.datasetItem.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.jobsItem.dispose();
    this.datasetItem.dispose();
  }

  private renderJobs(): void {
    const jobs = [...this.jobs.values()];
    if (jobs.length === 0) {
      this.jobsItem.hide();
      return;
    }
    const what = jobs.length === 1 ? `${jobs[0].label}…` : `${jobs.length} jobs running…`;
    this.jobsItem.text = `$(sync~spin) Imbalance Lens: ${what}`;
    this.jobsItem.tooltip = ['Imbalance Lens is working on:', ...jobs.map((j) => `• ${j.label}`), '', 'Click to show the log.'].join('\n');
    this.jobsItem.accessibilityInformation = { label: `Imbalance Lens: ${what}` };
    this.jobsItem.show();
  }
}

/**
 * Creates the status bar items and the command the running-jobs item runs (it reveals `log`).
 * Everything is disposed with the extension.
 */
export function registerStatusBar(
  context: { subscriptions: vscode.Disposable[] },
  log: { show(preserveFocus?: boolean): void },
  analyses: AnalysisLookup,
): ImbalanceStatusBar {
  const statusBar = new ImbalanceStatusBar(analyses);
  context.subscriptions.push(statusBar, vscode.commands.registerCommand(SHOW_LOG_COMMAND, () => log.show(true)));
  return statusBar;
}

/** The file in the active editor tab, text or custom editor; undefined for anything else. */
function activeFile(): vscode.Uri | undefined {
  const input: unknown = vscode.window.tabGroups.activeTabGroup?.activeTab?.input;
  const uri = input && typeof input === 'object' && 'uri' in input ? input.uri : undefined;
  return uri instanceof vscode.Uri && uri.scheme === 'file' ? uri : undefined;
}

/** An imbalance ratio for the status bar: two decimals below 100, whole numbers above. */
function ratio(value: number): string {
  return value < 100 ? value.toFixed(2) : Math.round(value).toLocaleString('en-US');
}
