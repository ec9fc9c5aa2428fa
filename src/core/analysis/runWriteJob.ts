/**
 * Runs a resampling or split job on a worker thread when the bundled worker is at hand (else on
 * this thread). Cancelling while the job computes terminates the worker at once (nothing has been
 * written yet); while it writes, the worker is asked to stop, which removes its temp files, and is
 * terminated if it has not stopped within a few seconds.
 */
import { Worker } from 'node:worker_threads';
import { deserializeError } from '../errors.js';
import { runWriteJobHere, type FromWriteJobWorker, type ToWriteJobWorker, type WriteJob, type WriteJobCallbacks, type WriteJobReport } from './writeJobs.js';

/** How long a worker asked to stop mid-write may take to clean up before it is terminated. */
const CANCEL_GRACE_MS = 5000;

export function runWriteJob<J extends WriteJob>(job: J, callbacks: WriteJobCallbacks & { workerScript?: string } = {}): Promise<WriteJobReport<J>> {
  const { workerScript, signal } = callbacks;
  if (!workerScript) return runWriteJobHere(job, callbacks);
  signal?.throwIfAborted();
  return new Promise<WriteJobReport<J>>((resolve, reject) => {
    // No inherited execArgv: the worker is a self-contained bundle (a loader such as tsx would start again in it).
    const worker = new Worker(workerScript, { execArgv: [] });
    let writing = false;
    let settled = false;
    let grace: NodeJS.Timeout | undefined;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      if (grace) clearTimeout(grace);
      void worker.terminate();
      outcome();
    };
    const onAbort = (): void => {
      const reason: unknown = signal?.reason ?? new Error('cancelled');
      if (!writing) {
        finish(() => reject(reason));
        return;
      }
      worker.postMessage({ type: 'cancel' } satisfies ToWriteJobWorker);
      grace = setTimeout(() => finish(() => reject(reason)), CANCEL_GRACE_MS);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: FromWriteJobWorker) => {
      switch (message.type) {
        case 'progress':
          callbacks.onProgress?.(message.done, message.total);
          return;
        case 'writing':
          writing = true;
          callbacks.onWriting?.();
          return;
        case 'done':
          finish(() => resolve(message.report as WriteJobReport<J>));
          return;
        case 'failed':
          finish(() => reject(message.cancelled && signal?.aborted ? signal.reason : deserializeError(message.error)));
          return;
      }
    });
    worker.on('error', (e) => finish(() => reject(new Error(`the resampling worker failed: ${e.message}`, { cause: e }))));
    worker.on('exit', (code) => finish(() => reject(new Error(`the resampling worker stopped before finishing (exit code ${code})`))));
    worker.postMessage({ type: 'start', job } satisfies ToWriteJobWorker);
  });
}
