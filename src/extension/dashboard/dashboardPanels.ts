/**
 * The dashboard panels: one per analysed dataset and one per evaluated predictions file (an
 * existing one is revealed, not duplicated), in the editor area, and their serializer, which
 * brings them back after a window reload by computing their report again from the files.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AnalysisReport } from '../../core/analysis/analyzeDataset.js';
import type { EvaluationReport } from '../../core/analysis/evaluatePredictions.js';
import { isDashboardState } from '../../protocol/dashboard.js';
import type { DashboardServices } from '../services.js';
import { dashboardIcon, dashboardWebviewOptions, loadDashboardPage } from './dashboardPage.js';
import { DashboardSession, type DashboardSource } from './dashboardSession.js';
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

  /** The open panel of a dataset (analysis) or predictions file (evaluation), if any. */
  find(kind: DashboardSource['kind'], file: string): DashboardSession | undefined {
    return this.sessions.get(panelKey(kind, file));
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
    void session.load({ notify: false });
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
    const existing = this.sessions.get(panelKey(source.kind, source.file));
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
    const key = panelKey(source.kind, source.file);
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

export function panelTitle(source: DashboardSource): string {
  return `${source.kind === 'analysis' ? 'Imbalance' : 'Evaluation'}: ${path.basename(source.file)}`;
}

function panelKey(kind: DashboardSource['kind'], file: string): string {
  const resolved = path.resolve(file);
  return `${kind}:${process.platform === 'win32' ? resolved.toLowerCase() : resolved}`;
}

/** What a saved state says the panel showed; an evaluation needs its ground truth to be evaluated again. */
function sourceOf(state: unknown): DashboardSource | undefined {
  if (!isDashboardState(state)) return undefined;
  if (state.kind === 'analysis') return { kind: 'analysis', file: state.file };
  return state.truthFile ? { kind: 'evaluation', file: state.file, truthFile: state.truthFile } : undefined;
}
