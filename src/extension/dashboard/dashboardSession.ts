/**
 * One dashboard bound to one webview (a panel or a custom editor): it answers the webview's
 * `ready` with the view, keeps the UI state the webview reports, serves curves on request, runs
 * the buttons' actions and replies `done`, and computes the report again on `refresh` (an
 * analysis or evaluation; a resampling or split is the report of a finished run, shown as it is).
 * Every message is validated first; an invalid one is logged and ignored.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AnalysisReport } from '../../core/analysis/analyzeDataset.js';
import type { EvaluationReport } from '../../core/analysis/evaluatePredictions.js';
import type { ResampleReport } from '../../core/analysis/resampleDataset.js';
import type { SplitReport } from '../../core/analysis/splitDataset.js';
import { DatasetError, isUserError, UsageError } from '../../core/errors.js';
import type { WeightScheme } from '../../core/weights/index.js';
import {
  applyTrainingEvent,
  isWebviewMessage,
  type DashboardState,
  type HostMessage,
  type RestoredNote,
  type RunComparisonView,
  type TrainingEvent,
  type TrainingView,
  type WebviewMessage,
} from '../../protocol/dashboard.js';
import type { DashboardServices } from '../services.js';
import { showError } from '../showError.js';
import { loadRunComparison, loadTrainingView } from '../training/trainingViews.js';
import { copyToClipboard, exportThresholds, insertIntoLastEditor, openAtLine, saveImage } from './dashboardActions.js';
import { curvesOf, datasetView, evaluationView, resampleView, splitView } from './dashboardViews.js';
import { thresholdsText, weightsText } from './exportText.js';
import { analyzeWithProgress, evaluateWithProgress } from './runReports.js';
import { failureSentence, imageFolderOf, inputFilesOf, textFileOf, type DashboardSource } from './dashboardSource.js';

/** A training run's view and the full evaluation its curves come from; or two runs compared. */
type RunReport = { kind: 'training'; view: TrainingView; evaluation?: EvaluationReport } | { kind: 'runComparison'; view: RunComparisonView };

type Report =
  | { kind: 'analysis'; report: AnalysisReport }
  | { kind: 'evaluation'; report: EvaluationReport }
  | { kind: 'resample'; report: ResampleReport; restored?: RestoredNote }
  | { kind: 'split'; report: SplitReport; restored?: RestoredNote }
  | RunReport;

/** The command that makes a new report of a finished run. */
const FINISHED_RUN_COMMANDS = { resample: 'Imbalance Lens: Resample Dataset…', split: 'Imbalance Lens: Create Stratified Split…' };

/** Shown instead of the report while it is being computed, or when it could not be. */
type Notice = { type: 'busy' | 'failed'; message: string };

const SCHEME_NAMES: Record<WeightScheme, string> = {
  pos: 'pos_weight',
  inverse: 'inverse-frequency class weights',
  sqrt: 'square-root inverse-frequency class weights',
  effective: 'class-balanced (effective number) weights',
};

export class DashboardSession implements vscode.Disposable {
  private report: Report | undefined;
  private notice: Notice | undefined = { type: 'busy', message: 'Loading…' };
  /** The webview has said `ready` since it was last (re)loaded: messages posted now arrive. */
  private ready = false;
  private focus: string | undefined;
  private uiState: DashboardState | undefined;
  private running: Promise<string> | undefined;
  private disposed = false;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly services: DashboardServices,
    private currentSource: DashboardSource,
  ) {
    this.subscriptions = [
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      // Without retainContextWhenHidden a hidden webview is torn down; it says `ready` again when shown.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
    ];
  }

  get source(): DashboardSource {
    return this.currentSource;
  }

  /** The UI state the webview last reported (what the serializer gets back after a reload). */
  get state(): DashboardState | undefined {
    return this.uiState;
  }

  private get name(): string {
    return path.basename(this.currentSource.file);
  }

  showAnalysis(report: AnalysisReport, focus?: string): void {
    this.currentSource = { kind: 'analysis', file: report.file };
    this.report = { kind: 'analysis', report };
    this.notice = undefined;
    this.focus = focus;
    this.sendContent();
  }

  showEvaluation(report: EvaluationReport): void {
    this.currentSource = { kind: 'evaluation', file: report.predFile, truthFile: report.truthFile };
    this.report = { kind: 'evaluation', report };
    this.notice = undefined;
    this.sendContent();
  }

  /** A finished resampling; `restored` when it comes back from a panel's saved state after a reload. */
  showResample(report: ResampleReport, restored?: RestoredNote): void {
    this.currentSource = { kind: 'resample', file: report.out };
    this.report = { kind: 'resample', report, restored };
    this.notice = undefined;
    this.sendContent();
  }

  /** A finished split; `restored` as for showResample. */
  showSplit(report: SplitReport, restored?: RestoredNote): void {
    this.currentSource = { kind: 'split', file: report.file };
    this.report = { kind: 'split', report, restored };
    this.notice = undefined;
    this.sendContent();
  }

  /** A training run; while it is `live`, trainingProgress adds to it. `evaluation` is the report its view's evaluation came from. */
  showTraining(view: TrainingView, evaluation?: EvaluationReport): void {
    this.currentSource = { kind: 'training', file: view.file };
    this.report = evaluation ? { kind: 'training', view, evaluation } : { kind: 'training', view };
    this.notice = undefined;
    this.sendContent();
  }

  /** One event of the live run this panel shows: kept for a page shown later, and posted to the page listening now. */
  trainingProgress(event: TrainingEvent): void {
    if (this.report?.kind !== 'training' || !this.report.view.live) return;
    applyTrainingEvent(this.report.view, event);
    if (this.ready && !this.notice) this.post({ type: 'trainingProgress', file: this.report.view.file, event });
  }

  showRunComparison(view: RunComparisonView): void {
    this.currentSource = { kind: 'runComparison', file: view.file, otherFile: view.otherFile };
    this.report = { kind: 'runComparison', view };
    this.notice = undefined;
    this.sendContent();
  }

  showBusy(message: string): void {
    this.notice = { type: 'busy', message };
    this.sendContent();
  }

  showFailed(message: string): void {
    this.notice = { type: 'failed', message };
    this.sendContent();
  }

  /** Takes over a restored UI state, when it belongs to this dashboard. */
  keepState(state: DashboardState): void {
    if (state.kind === this.currentSource.kind && state.file === this.currentSource.file) this.uiState = state;
    else this.services.log.warn(`dashboard ${this.name}: ignored a UI state of another dashboard (${state.kind} of ${state.file})`);
  }

  /**
   * Computes the report from the files on disk (a restored panel, a custom editor) and shows it,
   * or shows why it could not; `notify` also pops the error up (with "Go to Line").
   */
  load(options: { notify: boolean }): Promise<string> {
    return this.exclusively(async () => {
      this.showBusy(this.busyMessage());
      try {
        const report = await this.compute();
        if (!report) {
          this.showFailed(`The ${this.jobName()} of ${this.name} was cancelled: press Refresh to run it again.`);
          return 'Cancelled.';
        }
        return this.show(report);
      } catch (e) {
        this.showFailed(this.reportFailure(e, options.notify));
        return 'Failed.';
      }
    });
  }

  /** Computes the report again; on cancellation or failure the previous report stays on screen. */
  refresh(): Promise<string> {
    const finished = this.finishedRunCommand();
    if (finished) return Promise.resolve(`This is the report of a finished run, which is not run again here: run “${finished}” for a new one.`);
    if (this.report?.kind === 'training' && this.report.view.live) return Promise.resolve('This run is training now: the view follows it as it goes.');
    return this.exclusively(async () => {
      const previous = this.report;
      this.showBusy(this.busyMessage());
      const restore = () => {
        if (previous) {
          this.notice = undefined;
          this.sendContent();
        }
      };
      try {
        const report = await this.compute();
        if (!report) {
          if (previous) restore();
          else this.showFailed(`The ${this.jobName()} of ${this.name} was cancelled: press Refresh to run it again.`);
          return 'Refresh cancelled.';
        }
        return `Refreshed: ${this.show(report)}`;
      } catch (e) {
        const sentence = this.reportFailure(e, true);
        if (previous) restore();
        else this.showFailed(sentence);
        return `Refresh failed: ${sentence}`;
      }
    });
  }

  dispose(): void {
    this.disposed = true;
    for (const s of this.subscriptions) s.dispose();
  }

  private exclusively(work: () => Promise<string>): Promise<string> {
    if (this.running) return Promise.resolve(`Already computing the ${this.jobName()} of ${this.name}.`);
    this.running = work().finally(() => (this.running = undefined));
    return this.running;
  }

  /** For a resampling or split: the command that makes a new one (they are never computed again here). */
  private finishedRunCommand(): string | undefined {
    const kind = this.currentSource.kind;
    return kind === 'resample' || kind === 'split' ? FINISHED_RUN_COMMANDS[kind] : undefined;
  }

  private jobName(): string {
    const kind = this.currentSource.kind;
    return kind === 'training' ? 'training run' : kind === 'runComparison' ? 'run comparison' : kind;
  }

  private busyMessage(): string {
    const source = this.currentSource;
    if (source.kind === 'training' || source.kind === 'runComparison') return `Reading the run folder${source.kind === 'runComparison' ? 's' : ''}…`;
    return source.kind === 'evaluation' ? `Evaluating ${this.name} against ${path.basename(source.truthFile)}…` : `Analyzing ${this.name}…`;
  }

  private async compute(): Promise<AnalysisReport | EvaluationReport | RunReport | undefined> {
    const source = this.currentSource;
    if (source.kind === 'resample' || source.kind === 'split') {
      throw new UsageError(`a ${source.kind} report is not computed again: run “${FINISHED_RUN_COMMANDS[source.kind]}” for a new one`);
    }
    // A run is read back from its folder: run.json and each strategy's metrics.jsonl.
    if (source.kind === 'training') return { kind: 'training', ...(await loadTrainingView(source.file)) };
    if (source.kind === 'runComparison') return { kind: 'runComparison', view: await loadRunComparison(source.file, source.otherFile) };
    const inputs = source.kind === 'analysis' ? [source.file] : [source.file, source.truthFile];
    for (const file of inputs) {
      const exists = await fs.stat(file).then(
        (s) => s.isFile(),
        () => false,
      );
      if (!exists) throw new DatasetError({ file }, `${file} is no longer there (moved or deleted?)`, 'open the file again where it is now');
    }
    return source.kind === 'analysis'
      ? analyzeWithProgress(this.services, vscode.Uri.file(source.file))
      : evaluateWithProgress(this.services, vscode.Uri.file(source.file), vscode.Uri.file(source.truthFile));
  }

  private show(report: AnalysisReport | EvaluationReport | RunReport): string {
    if ('kind' in report && report.kind === 'training') {
      this.showTraining(report.view, report.evaluation);
      return `${report.view.summary.name}: ${report.view.summary.status}.`;
    }
    if ('kind' in report && report.kind === 'runComparison') {
      this.showRunComparison(report.view);
      return `${report.view.runs[0].name} and ${report.view.runs[1].name}.`;
    }
    if ('predFile' in report) {
      this.showEvaluation(report);
      return `${report.rows.toLocaleString('en-US')} rows, ${report.labels} labels.`;
    }
    this.showAnalysis(report);
    return `${report.instances.toLocaleString('en-US')} rows, ${report.labels} labels.`;
  }

  /** Logs a failure (popping it up when `notify`) and returns it as one sentence for the webview. */
  private reportFailure(e: unknown, notify: boolean): string {
    if (notify) void showError(e, this.services.log);
    else if (e instanceof DatasetError) this.services.log.warn(e.describe());
    else if (isUserError(e)) this.services.log.warn(e.message);
    else this.services.log.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    return failureSentence(e);
  }

  private post(message: HostMessage): void {
    if (!this.disposed) void this.panel.webview.postMessage(message);
  }

  /** The notice or the view, once the webview is listening. */
  private sendContent(): void {
    if (!this.ready) return;
    if (this.notice) {
      this.post({ type: this.notice.type, message: this.notice.message });
    } else if (this.report?.kind === 'analysis') {
      this.post({ type: 'view', view: datasetView(this.report.report, this.focus) });
      this.focus = undefined;
    } else if (this.report?.kind === 'evaluation') {
      this.post({ type: 'view', view: evaluationView(this.report.report) });
    } else if (this.report?.kind === 'resample') {
      this.post({ type: 'view', view: resampleView(this.report.report, this.report.restored) });
    } else if (this.report?.kind === 'split') {
      this.post({ type: 'view', view: splitView(this.report.report, this.report.restored) });
    } else if (this.report?.kind === 'training' || this.report?.kind === 'runComparison') {
      this.post({ type: 'view', view: this.report.view });
    }
  }

  private async receive(message: unknown): Promise<void> {
    if (this.disposed) return;
    if (!isWebviewMessage(message)) {
      this.services.log.warn(`dashboard ${this.name}: ignored an invalid message (${describeInvalid(message)})`);
      return;
    }
    switch (message.type) {
      case 'ready':
        this.ready = true;
        if (message.state) this.keepState(message.state);
        this.sendContent();
        return;
      case 'state':
        this.keepState(message.state);
        return;
      case 'requestCurves': {
        const evaluation = this.report?.kind === 'evaluation' ? this.report.report : this.report?.kind === 'training' ? this.report.evaluation : undefined;
        const curves = evaluation ? curvesOf(evaluation, message.labels) : [];
        this.post({ type: 'curves', requestId: message.requestId, curves });
        return;
      }
      default:
        await this.act(message);
    }
  }

  private async act(message: Exclude<WebviewMessage, { type: 'ready' | 'state' | 'requestCurves' }>): Promise<void> {
    let outcome: string;
    try {
      outcome = await this.perform(message);
      this.services.log.info(`dashboard ${this.name}: ${message.type}: ${outcome}`);
    } catch (e) {
      if (isUserError(e)) this.services.log.warn(`dashboard ${this.name}: ${message.type}: ${e.message}`);
      else void showError(e, this.services.log);
      outcome = `Failed: ${failureSentence(e)}`;
    }
    this.post({ type: 'done', action: message.type, message: outcome });
  }

  private perform(message: Exclude<WebviewMessage, { type: 'ready' | 'state' | 'requestCurves' }>): Promise<string> {
    switch (message.type) {
      case 'copyWeights':
      case 'insertWeights': {
        const report = this.analysisReport();
        const text = weightsText(report.weights, message.scheme, message.format);
        const what = `${SCHEME_NAMES[message.scheme]} (${message.format === 'pytorch' ? 'PyTorch' : 'JSON'})`;
        return message.type === 'copyWeights' ? copyToClipboard(text, what) : insertIntoLastEditor(this.services, text, what, inputFilesOf(this.currentSource, this.report?.kind === 'resample' ? this.report.report.file : undefined));
      }
      case 'copyThresholds': {
        const text = thresholdsText(this.evaluationReport(), message.format);
        if (text === undefined) throw new UsageError('this evaluation has no tuned thresholds (turn on imbalanceLens.tuneThresholds and refresh)');
        return copyToClipboard(text, `the tuned thresholds (${message.format === 'pytorch' ? 'PyTorch' : 'JSON'})`);
      }
      case 'exportThresholds':
        return exportThresholds(this.evaluationReport());
      case 'saveImage':
        return saveImage(message, imageFolderOf(this.currentSource));
      case 'openFile':
        return openAtLine(textFileOf(this.currentSource, this.report?.kind === 'training' ? this.report.evaluation?.predFile : undefined), message.line);
      case 'refresh':
        return this.refresh();
    }
  }

  private analysisReport(): AnalysisReport {
    if (this.report?.kind !== 'analysis') throw new UsageError('this dashboard has no loss weights: it is not a dataset analysis');
    return this.report.report;
  }

  private evaluationReport(): EvaluationReport {
    if (this.report?.kind !== 'evaluation') throw new UsageError('this dashboard has no thresholds: it is not an evaluation');
    return this.report.report;
  }
}

/** What an invalid message was, for the log, without echoing a large payload. */
function describeInvalid(message: unknown): string {
  if (typeof message !== 'object' || message === null) return typeof message;
  const type = (message as { type?: unknown }).type;
  return typeof type === 'string' ? `type "${type.slice(0, 40)}" with missing or wrong fields` : 'no type';
}
