/**
 * The host side of a training run (extension host or CLI; no vscode): starts the worker thread,
 * forwards its messages, and turns every way it can end into one outcome. The promise resolves
 * with the run summary the worker finished with (completed, cancelled or failed), and rejects with
 * a TrainingRunError when the worker reports a problem before the run folder exists, crashes,
 * stops without finishing, or runs out of memory. A run folder the worker leaves behind is then
 * marked failed (or cancelled, when the caller cancelled) by this side. The caller's thread never
 * blocks: everything heavy happens in the worker.
 */
import { totalmem } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { isFromTrainingWorker, type FromTrainingWorker, type RunSummary, type StrategyResult, type ToTrainingWorker, type TrainJob } from '../../../protocol/training.js';
import { writeRunSummary } from './runFolder.js';

export interface StartTrainingOptions {
  /** The bundled worker, dist/trainWorker.js (the tfjs .wasm files beside it, unless job.wasmDir says otherwise). */
  workerScript: string;
  onMessage?: (message: FromTrainingWorker) => void;
  /** Aborting asks the worker to cancel; a worker still busy after `cancelGraceMs` is stopped. */
  signal?: AbortSignal;
  /** Heap limits of the worker (default: old generation up to a quarter of the machine's memory, 1-4 GB). */
  resourceLimits?: ResourceLimits;
  /** How long a cancelled worker may take to mark its run cancelled itself (default 800 ms). */
  cancelGraceMs?: number;
}

export class TrainingRunError extends Error {
  /** A problem with the user's input (file, options): show the message as it is. */
  readonly userError: boolean;
  /** The run as this side last knew it, marked failed, when the run folder existed. */
  readonly summary: RunSummary | undefined;

  constructor(message: string, userError: boolean, summary?: RunSummary) {
    super(message);
    this.name = 'TrainingRunError';
    this.userError = userError;
    this.summary = summary;
  }
}

/** Old-generation heap of the worker: a quarter of the memory, at least 1 GB, at most 4 GB (typed arrays live outside it). */
export function defaultResourceLimits(): ResourceLimits {
  const quarterMb = Math.floor(totalmem() / (4 * 1024 * 1024));
  return { maxOldGenerationSizeMb: Math.min(4096, Math.max(1024, quarterMb)) };
}

export function startTrainingRun(job: TrainJob, options: StartTrainingOptions): Promise<RunSummary> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(cancelledError());
  return new Promise<RunSummary>((resolve, reject) => {
    const limits = options.resourceLimits ?? defaultResourceLimits();
    // No inherited execArgv: the worker is a self-contained bundle (a loader such as tsx would start again in it).
    const worker = new Worker(options.workerScript, { execArgv: [], resourceLimits: limits });
    let prepared: RunSummary | undefined;
    const done: StrategyResult[] = [];
    let settled = false;
    let graceTimer: NodeJS.Timeout | undefined;

    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      if (graceTimer) clearTimeout(graceTimer);
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate().catch(() => undefined);
      outcome();
    };

    /** The run folder as this side knows it, with the given ending, written to run.json (best effort). */
    const endRun = async (status: 'failed' | 'cancelled', error?: string): Promise<RunSummary | undefined> => {
      if (!prepared) return undefined;
      const summary: RunSummary = { ...prepared, status, strategies: done, finishedAt: new Date().toISOString(), ...(error ? { error } : {}) };
      await writeRunSummary(summary).catch(() => undefined);
      return summary;
    };

    /** The worker is gone (or stopped) without finishing: a crash, or the end of a cancel. */
    const lost = (message: string): void =>
      settle(() => {
        const cancelled = signal?.aborted === true;
        void endRun(cancelled ? 'cancelled' : 'failed', cancelled ? undefined : message).then((summary) => {
          if (cancelled && summary) resolve(summary);
          else if (cancelled) reject(cancelledError());
          else reject(new TrainingRunError(message, false, summary));
        });
      });

    function onAbort(): void {
      worker.postMessage({ type: 'cancel' } satisfies ToTrainingWorker);
      graceTimer = setTimeout(() => lost('the training worker did not stop after the cancel'), options.cancelGraceMs ?? 800);
    }
    signal?.addEventListener('abort', onAbort, { once: true });

    worker.on('message', (message: unknown) => {
      if (settled || !isFromTrainingWorker(message)) return;
      if (message.type === 'prepared') prepared = message.summary;
      if (message.type === 'strategyDone') done.push(message.result);
      try {
        options.onMessage?.(message);
      } catch {
        // a failing progress callback must not end the run
      }
      if (message.type === 'finished') settle(() => resolve(message.summary));
      else if (message.type === 'failed') {
        const failure = message;
        // After 'prepared' the run folder exists: it must not stay marked running.
        if (signal?.aborted || prepared) lost(failure.message);
        else settle(() => reject(new TrainingRunError(failure.message, failure.userError)));
      }
    });
    worker.on('error', (e: Error & { code?: string }) => {
      const mb = limits.maxOldGenerationSizeMb;
      lost(
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `the training ran out of memory (worker heap limit ${mb ?? '?'} MB): try fewer rows or features, smaller hidden layers, or no MLSMOTE`
          : `the training worker crashed: ${e.message}`,
      );
    });
    worker.on('exit', (code) => lost(`the training worker stopped before finishing (exit code ${code})`));
    worker.postMessage({ type: 'start', job } satisfies ToTrainingWorker);
  });
}

function cancelledError(): Error {
  const e = new Error('training cancelled');
  e.name = 'AbortError';
  return e;
}
