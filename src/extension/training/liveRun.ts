/**
 * A run in progress as this window sees it, from the worker's messages: the training view so far
 * (once the run folder exists), the strategy and epoch it is at, and the one line the progress
 * notification and the status bar show, e.g. `strategy 2/7 (focal) · epoch 12/60 · val macro-F1 0.512`.
 * No `vscode`: the runner feeds it messages and shows what it says.
 */
import * as path from 'node:path';
import { applyTrainingEvent, type TrainingEvent, type TrainingView } from '../../protocol/dashboard.js';
import { crossValidated, splitRowsText, type EpochRecord, type FromTrainingWorker, type RunSummary, type TrainJob } from '../../protocol/training.js';
import { strategyName } from '../../core/train/run/strategies.js';
import { DEFAULT_ENSEMBLE } from '../../core/train/run/trainJob.js';

export class LiveRun {
  private liveView: TrainingView | undefined;
  private strategyIndex = -1;
  private strategy: string | undefined;
  private lastEpoch: EpochRecord | undefined;
  /** The final model being trained after cross-validation, if the current strategy is there. */
  private finalModel: { member: number; of: number; epochs: number } | undefined;
  /** The current strategy's progress (0 to 1) when its final models started: they share out the rest. */
  private finalModelsFrom = 0;
  private readonly planned: string[];
  /** The epoch cap: the job's, then the one the worker says it trains with. */
  private epochs: number;

  constructor(readonly job: TrainJob) {
    this.planned = job.strategies.map(strategyName);
    this.epochs = job.epochs;
  }

  /** The dataset's file name, for titles. */
  get datasetName(): string {
    return path.basename(this.job.file);
  }

  /** The run folder, once the worker made it. */
  get runDir(): string | undefined {
    return this.liveView?.file;
  }

  /** How many strategies the run trains. */
  get strategyCount(): number {
    return this.planned.length;
  }

  /**
   * Takes in a worker message; returns the event the open training view needs for it (none for
   * log lines, `prepared` and the end, which make or replace the whole view).
   */
  apply(message: FromTrainingWorker): TrainingEvent | undefined {
    switch (message.type) {
      case 'prepared':
        this.epochs = message.epochs;
        this.liveView = initialView(message.summary, message.strategies, message.epochs);
        return undefined;
      case 'strategyStarted':
        this.strategyIndex = message.index;
        this.strategy = message.strategy;
        this.lastEpoch = undefined;
        this.finalModel = undefined;
        return this.record({ kind: 'strategyStarted', strategy: message.strategy, index: message.index });
      case 'finalModel': {
        if (!this.finalModel) this.finalModelsFrom = this.strategyFraction();
        const { strategy, member, of, epochs } = message;
        this.finalModel = { member, of, epochs };
        return this.record({ kind: 'finalModel', strategy, member, of, epochs });
      }
      case 'epoch':
        this.lastEpoch = message.record;
        return this.record({ kind: 'epoch', strategy: message.strategy, record: message.record });
      case 'strategyDone':
        return this.record({ kind: 'strategyDone', result: message.result });
      case 'finished':
        if (this.liveView) {
          const { finalModel: _over, ...view } = finishedView(message.summary, this.liveView);
          this.liveView = { ...view, live: false, current: null };
        }
        return undefined;
      default:
        return undefined;
    }
  }

  /** A copy of the view so far, for a panel opened now; undefined before the run folder exists. */
  view(): TrainingView | undefined {
    return this.liveView ? structuredClone(this.liveView) : undefined;
  }

  /** Where the run is, in one line. */
  progressText(): string {
    if (!this.liveView) return 'preparing the split…';
    if (this.strategyIndex < 0) return `split ready: ${splitText(this.liveView.summary)}`;
    const parts: string[] = [];
    if (this.planned.length > 1) parts.push(`strategy ${this.strategyIndex + 1}/${this.planned.length} (${this.strategy})`);
    else if (this.strategy) parts.push(this.strategy);
    if (this.finalModel) {
      // after cross-validation: the final model(s) on every training row, without epoch messages
      const { member, of, epochs } = this.finalModel;
      parts.push(`${of > 1 ? `final model ${member}/${of}` : 'final model'}: ${epochs} epoch${epochs === 1 ? '' : 's'} on every training row`);
    } else if (this.lastEpoch) {
      parts.push(`epoch ${this.lastEpoch.epoch}/${this.epochs}`);
      // a cross-validated run's epochs are scored out of fold
      const scoredOn = crossValidated(this.liveView.summary.split) ? 'out-of-fold' : 'val';
      if (this.lastEpoch.macroF1 !== null) parts.push(`${scoredOn} macro-F1 ${this.lastEpoch.macroF1.toFixed(3)}`);
    } else parts.push('starting…');
    return parts.join(' · ');
  }

  /** Where the run is without the epoch (the Runs view refreshes per strategy, not per epoch): `strategy 2/7 (focal)`, `wbce`. */
  stageText(): string {
    if (this.strategyIndex < 0) return this.liveView ? 'split ready' : 'preparing the split';
    return this.planned.length > 1 ? `strategy ${this.strategyIndex + 1}/${this.planned.length} (${this.strategy})` : (this.strategy ?? '');
  }

  /** How far the run is, 0 to 1: finished strategies plus the current one's part (early stopping may skip ahead). */
  fraction(): number {
    if (this.strategyIndex < 0 || this.planned.length === 0) return 0;
    return Math.min(1, (this.strategyIndex + this.strategyFraction()) / this.planned.length);
  }

  /**
   * How far the current strategy is, 0 to 1. Without cross-validation: its epochs against the cap.
   * With k folds, an epoch of the k fold models reads the training rows k - 1 times and the final
   * models then read them once per member and epoch, so the folds' epochs fill the first
   * (k - 1) / (k - 1 + members) of the strategy, and the final models share out whatever is left
   * when they start (early stopping leaves more), a member at a time: the bar never jumps back.
   */
  private strategyFraction(): number {
    const epochs = this.lastEpoch ? Math.min(1, this.lastEpoch.epoch / Math.max(1, this.epochs)) : 0;
    const folds = this.liveView?.summary.split.folds ?? 0;
    if (folds < 2) return epochs;
    if (this.finalModel) return this.finalModelsFrom + ((1 - this.finalModelsFrom) * (this.finalModel.member - 1)) / this.finalModel.of;
    const members = this.job.ensemble ?? DEFAULT_ENSEMBLE;
    return (epochs * (folds - 1)) / (folds - 1 + members);
  }

  private record(event: TrainingEvent): TrainingEvent {
    if (this.liveView) applyTrainingEvent(this.liveView, event);
    return event;
  }
}

/** The view of a run that has just been prepared: nothing trained yet, every planned strategy listed. */
export function initialView(summary: RunSummary, strategies: string[], epochs: number): TrainingView {
  const { evaluation: _none, ...rest } = summary;
  return { kind: 'training', file: summary.runDir, summary: rest, strategies: [...strategies], epochs, history: [], live: true, current: null };
}

/** The view with the run's final summary (its evaluation travels apart). */
function finishedView(summary: RunSummary, view: TrainingView): TrainingView {
  const { evaluation: _sentApart, ...rest } = summary;
  return { ...view, summary: rest };
}

/** `273 training, 59 validation, 59 test rows`. */
export function splitText(summary: Pick<RunSummary, 'split'>): string {
  return splitRowsText(summary.split);
}
