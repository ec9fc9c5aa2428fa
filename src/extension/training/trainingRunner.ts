/**
 * Runs one training at a time in the background: the worker thread through the training client,
 * a cancellable progress notification (`strategy 2/7 (focal) · epoch 12/60 · val macro-F1 0.512`),
 * a status bar item that opens the live view, the context key that enables Cancel Training, the
 * live dashboard fed one event at a time, the log, and one message at the end. Cancelling aborts
 * the client's signal (the worker stops within a second; the run folder is kept, marked
 * cancelled) and ends the notification at once. A worker that crashes or fails shows its message;
 * the extension host carries on.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EvaluationReport } from '../../core/analysis/evaluatePredictions.js';
import { TrainingRunError } from '../../core/train/run/workerClient.js';
import type { TrainingEvent, TrainingView } from '../../protocol/dashboard.js';
import { usesTunedThresholds, type FromTrainingWorker, type RunSummary, type TrainJob } from '../../protocol/training.js';
import { CommandId } from '../commandIds.js';
import { evaluationView } from '../dashboard/dashboardViews.js';
import { showError } from '../showError.js';
import { LiveRun, splitText } from './liveRun.js';
import { evaluatedStrategy } from './trainingViews.js';

/** The host-side training client (src/core/train/run/workerClient.ts startTrainingRun), or a stand-in in tests. */
export type StartTrainingRun = (
  job: TrainJob,
  options: { workerScript: string; onMessage?: (message: FromTrainingWorker) => void; signal?: AbortSignal },
) => Promise<RunSummary>;

/** What the runner needs of the dashboard panels. */
export interface TrainingPanels {
  showTraining(view: TrainingView, evaluation?: EvaluationReport): unknown;
  trainingProgress(runDir: string, event: TrainingEvent): void;
  find(kind: 'training', file: string): { showTraining(view: TrainingView, evaluation?: EvaluationReport): void } | undefined;
}

export interface TrainingRunnerOptions {
  log: vscode.LogOutputChannel;
  panels: TrainingPanels;
  client: StartTrainingRun;
  /** dist/trainWorker.js. */
  workerScript: string;
}

/** True while a run trains (and has not been cancelled): enables "Cancel Training". */
export const TRAINING_ACTIVE_CONTEXT = 'imbalanceLens.trainingActive';

export const OPEN_RUN = 'Open Run';
export const REVEAL_RUN = 'Reveal in Explorer';
export const SHOW_LOG = 'Show Log';
export const CANCEL_AND_START = 'Cancel It and Start';
export const START_WHEN_DONE = 'Start When It Ends';

interface ActiveRun {
  title: string;
  live: LiveRun;
  controller: AbortController;
  /** Settles when the run has ended, however it ended. */
  done: Promise<unknown>;
}

export class TrainingRunner implements vscode.Disposable {
  private active: ActiveRun | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** A run started, finished a strategy, or ended: the Runs view refreshes. */
  readonly onDidChange = this.changed.event;
  /** Made by the first run (a window that never trains has no such item). */
  private item: vscode.StatusBarItem | undefined;
  /** Reports to the progress notification of the active run, once it is showing. */
  private notification: { report(text: string, fraction: number): void; end(): void } | undefined;

  constructor(private readonly options: TrainingRunnerOptions) {}

  /** The folder of the run training now (once the worker made it). */
  get activeRunDir(): string | undefined {
    return this.active?.live.runDir;
  }

  /** The run folder of the active run and its stage (for the Runs view), once the folder exists. */
  liveStage(): { runDir: string; progress: string } | undefined {
    const live = this.active?.live;
    return live?.runDir ? { runDir: live.runDir, progress: live.stageText() } : undefined;
  }

  get isTraining(): boolean {
    return this.active !== undefined;
  }

  /** The live view of the run in `runDir` when this window trains it now, else undefined. */
  liveView(runDir: string): TrainingView | undefined {
    const live = this.active?.live;
    return live?.runDir !== undefined && path.resolve(live.runDir) === path.resolve(runDir) ? live.view() : undefined;
  }

  /**
   * Trains `job` (titled e.g. "training wbce on emotions-train.arff"); with a run already going,
   * first asks whether to cancel it or to start when it ends. Resolves with the run's summary
   * (completed, cancelled or failed), or undefined when nothing ran or the run never got a folder.
   */
  async start(job: TrainJob, title: string): Promise<RunSummary | undefined> {
    while (this.active) {
      const current = this.active;
      const choice = await vscode.window.showWarningMessage(
        `A training run is in progress: ${current.title} (${current.live.progressText()}).`,
        { modal: true, detail: 'Imbalance Lens trains one run at a time. Cancel it (its folder is kept, marked cancelled) and start the new one, or start the new one when it ends.' },
        CANCEL_AND_START,
        START_WHEN_DONE,
      );
      if (choice === undefined) return undefined;
      if (choice === CANCEL_AND_START) this.cancel();
      else this.options.log.info(`${title}: waiting for ${current.title} to end`);
      await current.done;
    }
    return this.run(job, title);
  }

  /** Cancels the active run; false when nothing runs (or it is already cancelling). */
  cancel(): boolean {
    const run = this.active;
    if (!run || run.controller.signal.aborted) return false;
    this.options.log.info(`${run.title}: cancelling`);
    run.controller.abort();
    void vscode.commands.executeCommand('setContext', TRAINING_ACTIVE_CONTEXT, false);
    this.notification?.end();
    this.renderStatus();
    return true;
  }

  dispose(): void {
    this.cancel();
    this.item?.dispose();
    this.changed.dispose();
  }

  private async run(job: TrainJob, title: string): Promise<RunSummary | undefined> {
    const { log, client, workerScript } = this.options;
    const live = new LiveRun(job);
    const controller = new AbortController();
    let finished!: () => void;
    const run: ActiveRun = { title, live, controller, done: new Promise<void>((resolve) => (finished = resolve)) };
    this.active = run;
    void vscode.commands.executeCommand('setContext', TRAINING_ACTIVE_CONTEXT, true);
    this.showNotification(run);
    this.renderStatus();
    this.changed.fire();
    log.info(`${title}: ${job.strategies.length} strateg${job.strategies.length === 1 ? 'y' : 'ies'}, hidden [${job.hidden.join(', ')}], up to ${job.epochs} epochs (patience ${job.patience}), seed ${job.seed}; runs in ${job.runsDir}`);
    try {
      const summary = await client(job, { workerScript, signal: controller.signal, onMessage: (message) => this.onMessage(run, message) });
      this.finish(run, summary);
      return summary;
    } catch (e) {
      return this.failed(run, e);
    } finally {
      this.active = undefined;
      this.notification?.end();
      this.notification = undefined;
      void vscode.commands.executeCommand('setContext', TRAINING_ACTIVE_CONTEXT, false);
      this.renderStatus();
      this.changed.fire();
      finished();
    }
  }

  private onMessage(run: ActiveRun, message: FromTrainingWorker): void {
    const { log, panels } = this.options;
    if (message.type === 'log') {
      log.info(`${run.title}: ${message.message}`);
      return;
    }
    const event = run.live.apply(message);
    const runDir = run.live.runDir;
    switch (message.type) {
      case 'prepared': {
        log.info(`${run.title}: run folder ${message.summary.runDir}; ${message.summary.split.source}; ${splitText(message.summary)}; backend ${message.summary.backend}`);
        const view = run.live.view();
        if (view) panels.showTraining(view);
        this.changed.fire();
        break;
      }
      case 'strategyStarted':
        log.info(`${run.title}: strategy ${message.index + 1}/${message.of}: ${message.strategy}`);
        this.changed.fire();
        break;
      case 'epoch': {
        const r = message.record;
        const f = (x: number | null) => (x === null ? 'n/a' : x.toFixed(4));
        log.info(`${run.title}: [${message.strategy}] epoch ${r.epoch}: train loss ${f(r.trainLoss)}, validation loss ${f(r.validationLoss)}, validation macro-F1 ${f(r.macroF1)} (${r.ms} ms)`);
        break;
      }
      case 'strategyDone': {
        const s = message.result;
        log.info(
          `${run.title}: ${s.strategy} done after ${s.epochsRun} epochs (best ${s.bestEpoch}${s.stoppedEarly ? ', stopped early' : ''}): ` +
            `test macro-F1 ${s.fixed.macroF1.toFixed(4)} at 0.5, ${s.tuned.macroF1.toFixed(4)} tuned; mAP ${s.tuned.mAP.toFixed(4)}; tail F1 ${s.tuned.tailF1.toFixed(4)}`,
        );
        this.changed.fire();
        break;
      }
      case 'failed':
        log.warn(`${run.title}: ${message.message}`);
        break;
    }
    if (event && runDir) panels.trainingProgress(runDir, event);
    this.notification?.report(run.live.progressText(), run.live.fraction());
    this.renderStatus();
  }

  /** The run ended with a summary: the panel shows the final view, the log and one message say how it went. */
  private finish(run: ActiveRun, summary: RunSummary): void {
    const { log } = this.options;
    this.showFinalView(run, summary);
    const name = path.basename(summary.file);
    if (summary.status === 'completed') {
      log.info(`${run.title}: completed in ${summary.runDir}`);
      void vscode.window.showInformationMessage(`Imbalance Lens: ${completedSentence(summary)}`, OPEN_RUN, REVEAL_RUN).then((choice) => this.followUp(choice, summary.runDir));
    } else if (summary.status === 'cancelled') {
      const done = summary.strategies.length;
      log.info(`${run.title}: cancelled; ${done} strateg${done === 1 ? 'y' : 'ies'} finished; the run is kept in ${summary.runDir}`);
      const kept = summary.kind === 'compare' ? ` (${done} of ${run.live.strategyCount} strategies finished)` : '';
      void vscode.window.showInformationMessage(`Imbalance Lens: training on ${name} cancelled. The run is kept, marked cancelled${kept}.`, OPEN_RUN).then((choice) => this.followUp(choice, summary.runDir));
    } else {
      log.error(`${run.title}: failed: ${summary.error ?? 'no message'}`);
      void vscode.window.showErrorMessage(`Imbalance Lens: training on ${name} failed: ${summary.error ?? 'the worker gave no reason'}`, SHOW_LOG, OPEN_RUN).then((choice) => this.followUp(choice, summary.runDir));
    }
  }

  /** The client rejected: cancelled before the run folder existed, a problem with the input, or a crash. */
  private failed(run: ActiveRun, e: unknown): RunSummary | undefined {
    const { log } = this.options;
    if (run.controller.signal.aborted && !(e instanceof TrainingRunError && e.summary)) {
      log.info(`${run.title}: cancelled before anything was written`);
      return undefined;
    }
    if (e instanceof TrainingRunError) {
      if (e.summary) this.showFinalView(run, e.summary);
      if (e.userError) {
        log.warn(`${run.title}: ${e.message}`);
        void vscode.window.showErrorMessage(`Imbalance Lens: ${e.message}`);
      } else {
        log.error(`${run.title}: ${e.message}`);
        const actions = e.summary ? [SHOW_LOG, OPEN_RUN] : [SHOW_LOG];
        void vscode.window.showErrorMessage(`Imbalance Lens: training on ${path.basename(run.live.job.file)} failed: ${e.message}`, ...actions).then((choice) => this.followUp(choice, e.summary?.runDir));
      }
      return e.summary;
    }
    void showError(e, log);
    return undefined;
  }

  /** The ended run's view, in its panel when one is open (a closed panel stays closed: the message offers Open Run). */
  private showFinalView(run: ActiveRun, summary: RunSummary): void {
    const view = run.live.view();
    if (!view) return;
    const { evaluation, ...rest } = summary;
    const final: TrainingView = { ...view, summary: rest, live: false, current: null };
    if (evaluation) final.evaluation = evaluationView(evaluation);
    this.options.panels.find('training', summary.runDir)?.showTraining(final, evaluation);
  }

  private followUp(choice: string | undefined, runDir: string | undefined): void {
    if (choice === SHOW_LOG) this.options.log.show(true);
    else if (choice === OPEN_RUN && runDir) void vscode.commands.executeCommand(CommandId.OpenRun, runDir);
    else if (choice === REVEAL_RUN && runDir) void vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(runDir));
  }

  /** The cancellable notification of `run`; it ends when the run ends or the user cancels (the run then winds down in the background). */
  private showNotification(run: ActiveRun): void {
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Imbalance Lens: ${run.title}`, cancellable: true }, (progress, token) => {
      let reported = 0;
      return new Promise<void>((resolve) => {
        const end = () => {
          if (this.notification === handle) this.notification = undefined;
          resolve();
        };
        const handle = {
          report: (text: string, fraction: number) => {
            const percent = Math.floor(fraction * 100);
            progress.report({ message: text, ...(percent > reported ? { increment: percent - reported } : {}) });
            reported = Math.max(reported, percent);
          },
          end,
        };
        if (this.active !== run || run.controller.signal.aborted) return resolve();
        this.notification = handle;
        handle.report(run.live.progressText(), run.live.fraction());
        token.onCancellationRequested(() => {
          if (this.active === run) this.cancel();
          end();
        });
      });
    });
  }

  private renderStatus(): void {
    const run = this.active;
    if (!run) {
      this.item?.hide();
      return;
    }
    if (!this.item) {
      this.item = vscode.window.createStatusBarItem('imbalanceLens.training', vscode.StatusBarAlignment.Left, 9);
      this.item.name = 'Imbalance Lens: training';
    }
    const cancelling = run.controller.signal.aborted;
    const progress = cancelling ? 'cancelling…' : run.live.progressText();
    const item = this.item;
    item.text = `$(sync~spin) ${path.basename(run.live.job.file)}: ${progress}`;
    const runDir = run.live.runDir;
    item.tooltip = [`Imbalance Lens: ${run.title}`, progress, '', runDir ? 'Click to open the live view.' : 'Click to show the log.'].join('\n');
    item.accessibilityInformation = { label: `Imbalance Lens: ${run.title}, ${progress}` };
    item.command = runDir
      ? { command: CommandId.OpenRun, title: 'Open the live training view', arguments: [runDir] }
      : { command: CommandId.ShowLog, title: 'Show Imbalance Lens Log' };
    item.show();
  }
}

/** `trained wbce on emotions-train.arff: test macro-F1 0.62 (tuned thresholds).` / `compared 7 strategies on …: focal is recommended (…).` */
export function completedSentence(summary: RunSummary): string {
  const name = path.basename(summary.file);
  const chosen = evaluatedStrategy(summary);
  if (!chosen) return `the run on ${name} finished without a trained strategy.`;
  const tuned = usesTunedThresholds(summary);
  const macro = (tuned ? chosen.tuned : chosen.fixed).macroF1.toFixed(2);
  const how = tuned ? 'tuned thresholds' : 'threshold 0.5';
  if (summary.kind === 'compare') {
    return `compared ${summary.strategies.length} strategies on ${name}: ${chosen.strategy} is recommended (test macro-F1 ${macro}, ${how}).`;
  }
  return `trained ${chosen.strategy} on ${name}: test macro-F1 ${macro} (${how}).`;
}
