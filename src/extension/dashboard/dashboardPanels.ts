/**
 * The dashboard panels: one per analysed dataset, evaluated predictions file, resampled output,
 * split dataset, training run and pair of compared runs (an existing one is revealed, not
 * duplicated), in the editor area, and their serializer, which brings them back after a window
 * reload: an analysis or evaluation by computing its report again from the files, a resampling or
 * split by showing the report the webview saved (running it again would write the files again),
 * saying which of its files are gone, and a run by reading its run folder again.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AnalysisReport } from '../../core/analysis/analyzeDataset.js';
import type { EvaluationReport } from '../../core/analysis/evaluatePredictions.js';
import type { ResampleReport } from '../../core/analysis/resampleDataset.js';
import type { SplitReport } from '../../core/analysis/splitDataset.js';
import {
  isDashboardState,
  isResampleReport,
  isSplitReport,
  type DashboardState,
  type RestoredNote,
  type RunComparisonView,
  type TrainingEvent,
  type TrainingView,
} from '../../protocol/dashboard.js';
import type { DashboardServices } from '../services.js';
import { dashboardIcon, dashboardWebviewOptions, loadDashboardPage } from './dashboardPage.js';
import { DashboardSession } from './dashboardSession.js';
import type { DashboardSource } from './dashboardSource.js';
import { DASHBOARD_PANEL_VIEW_TYPE } from './viewTypes.js';

export class DashboardPanels implements vscode.WebviewPanelSerializer, vscode.Disposable {
  private readonly sessions = new Map<string, DashboardSession>();

  constructor(private readonly services: DashboardServices) {}

  /** Shows the analysis in its dataset's panel; `focus` names a section to open (e.g. 'weights'). */
  showAnalysis(report: AnalysisReport, options: { focus?: string } = {}): DashboardSession {
    const session = this.panelFor({ kind: 'analysis', file: report.file });
    session.showAnalysis(report, options.focus);
    return session;
  }

  showEvaluation(report: EvaluationReport): DashboardSession {
    const session = this.panelFor({ kind: 'evaluation', file: report.predFile, truthFile: report.truthFile });
    session.showEvaluation(report);
    return session;
  }

  /** Shows a finished resampling in the panel of the file it wrote. */
  showResample(report: ResampleReport): DashboardSession {
    const session = this.panelFor({ kind: 'resample', file: report.out });
    session.showResample(report);
    return session;
  }

  /** Shows a finished split in the panel of the dataset it split. */
  showSplit(report: SplitReport): DashboardSession {
    const session = this.panelFor({ kind: 'split', file: report.file });
    session.showSplit(report);
    return session;
  }

  /** Shows a training run (live or read from its folder) in the run's panel; `evaluation` is the report behind view.evaluation. */
  showTraining(view: TrainingView, evaluation?: EvaluationReport): DashboardSession {
    const session = this.panelFor({ kind: 'training', file: view.file });
    session.showTraining(view, evaluation);
    return session;
  }

  /** An event of the live run in `runDir`, for its panel when one is open. */
  trainingProgress(runDir: string, event: TrainingEvent): void {
    this.find('training', runDir)?.trainingProgress(event);
  }

  showRunComparison(view: RunComparisonView): DashboardSession {
    const session = this.panelFor({ kind: 'runComparison', file: view.file, otherFile: view.otherFile });
    session.showRunComparison(view);
    return session;
  }

  /** The open panel of a dataset (analysis, split), predictions file (evaluation), written file (resample) or run folder (training), if any. */
  find(kind: Exclude<DashboardSource['kind'], 'runComparison'>, file: string): DashboardSession | undefined {
    return this.sessions.get(panelKey({ kind, file }));
  }

  /** Called by VS Code for each dashboard panel open before a reload, with the state its webview saved. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const source = sourceOf(state);
    if (!source) {
      // No usable state (the page never got as far as saving one): nothing to rebuild it from.
      this.services.log.warn(`could not restore the dashboard "${panel.title}": it saved no usable state`);
      panel.dispose();
      return;
    }
    const session = this.adopt(panel, source);
    if (isDashboardState(state)) session.keepState(state);
    this.services.log.info(`restoring the ${source.kind} dashboard of ${source.file}`);
    const saved = isDashboardState(state) ? state.report : undefined;
    if (source.kind === 'resample' && isResampleReport(saved)) session.showResample(saved, await restoredNote(saved.written));
    else if (source.kind === 'split' && isSplitReport(saved)) session.showSplit(saved, await restoredNote(saved.written));
    else void session.load({ notify: false });
  }

  /**
   * Stops listening to the panels but leaves them open: on a window reload the workbench keeps
   * them, with their saved state, for the serializer of the next extension host.
   */
  dispose(): void {
    for (const session of this.sessions.values()) session.dispose();
    this.sessions.clear();
  }

  private panelFor(source: DashboardSource): DashboardSession {
    const existing = this.sessions.get(panelKey(source));
    if (existing) {
      existing.panel.reveal(undefined, false);
      return existing;
    }
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel(
      DASHBOARD_PANEL_VIEW_TYPE,
      panelTitle(source),
      { viewColumn: column, preserveFocus: false },
      { ...dashboardWebviewOptions(this.services.extensionUri), enableFindWidget: true },
    );
    return this.adopt(panel, source);
  }

  /** Fills a new or restored panel with the dashboard page and binds a session to it. */
  private adopt(panel: vscode.WebviewPanel, source: DashboardSource): DashboardSession {
    panel.title = panelTitle(source);
    panel.iconPath = dashboardIcon(this.services.extensionUri);
    loadDashboardPage(panel.webview, this.services.extensionUri, panel.title);
    const session = new DashboardSession(panel, this.services, source);
    const key = panelKey(source);
    // Two restored panels of the same file: the first one is the one commands reveal.
    if (!this.sessions.has(key)) this.sessions.set(key, session);
    const closed = panel.onDidDispose(() => {
      if (this.sessions.get(key) === session) this.sessions.delete(key);
      session.dispose();
      closed.dispose();
    });
    return session;
  }
}

const TITLE_PREFIXES: Record<DashboardSource['kind'], string> = {
  analysis: 'Imbalance',
  evaluation: 'Evaluation',
  resample: 'Resampled',
  split: 'Split',
  training: 'Run',
  runComparison: 'Runs',
};

/** A run folder's name without its `YYYYMMDD-HHMMSS-` prefix: the run's name. */
export function runFolderName(runDir: string): string {
  const base = path.basename(runDir);
  return base.replace(/^\d{8}-\d{6}-/, '') || base;
}

export function panelTitle(source: DashboardSource): string {
  if (source.kind === 'runComparison') return `${TITLE_PREFIXES[source.kind]}: ${runFolderName(source.file)} vs ${runFolderName(source.otherFile)}`;
  if (source.kind === 'training') return `${TITLE_PREFIXES[source.kind]}: ${runFolderName(source.file)}`;
  return `${TITLE_PREFIXES[source.kind]}: ${path.basename(source.file)}`;
}

function panelKey(source: { kind: DashboardSource['kind']; file: string; otherFile?: string }): string {
  const normal = (file: string) => {
    const resolved = path.resolve(file);
    return process.platform === 'win32' ? resolved.toLowerCase() : resolved;
  };
  return `${source.kind}:${normal(source.file)}${source.otherFile !== undefined ? `|${normal(source.otherFile)}` : ''}`;
}

/**
 * What a saved state says the panel showed; an evaluation needs its ground truth to be evaluated
 * again, and a resampling or split its saved report (nothing else can bring it back).
 */
function sourceOf(state: unknown): DashboardSource | undefined {
  if (!isDashboardState(state)) return undefined;
  switch (state.kind) {
    case 'analysis':
      return { kind: 'analysis', file: state.file };
    case 'evaluation':
      return state.truthFile ? { kind: 'evaluation', file: state.file, truthFile: state.truthFile } : undefined;
    case 'resample':
    case 'split':
      return hasReportOf(state, state.kind) ? { kind: state.kind, file: state.file } : undefined;
    case 'training':
      return { kind: 'training', file: state.file };
    case 'runComparison':
      return state.otherFile ? { kind: 'runComparison', file: state.file, otherFile: state.otherFile } : undefined;
  }
}

/** The saved report of the panel's own file (the output of a resampling, the input of a split). */
function hasReportOf(state: DashboardState, kind: 'resample' | 'split'): boolean {
  const report = state.report;
  return kind === 'resample' ? isResampleReport(report) && report.out === state.file : isSplitReport(report) && report.file === state.file;
}

/** Which of the files a run wrote are gone by the time its panel is restored. */
async function restoredNote(written: readonly string[]): Promise<RestoredNote> {
  const present = await Promise.all(written.map((file) => fs.stat(file).then(() => true, () => false)));
  return { missing: written.filter((_, i) => !present[i]) };
}
