/**
 * Worker thread entry for resampling and splitting (bundled to dist/writeJobWorker.js): runs one
 * WriteJob, posting progress, the moment it starts writing, and its report or error. A cancel
 * message aborts the job's signal, so that a write in progress removes its temp files.
 */
import { parentPort } from 'node:worker_threads';
import { serializeError } from '../errors.js';
import { runWriteJobHere, type FromWriteJobWorker, type ToWriteJobWorker } from './writeJobs.js';

const controller = new AbortController();
const post = (message: FromWriteJobWorker): void => parentPort?.postMessage(message);

parentPort?.on('message', (message: ToWriteJobWorker) => {
  if (message.type === 'cancel') {
    controller.abort(new Error('cancelled'));
    return;
  }
  runWriteJobHere(message.job, {
    signal: controller.signal,
    onProgress: (done, total) => post({ type: 'progress', done, total }),
    onWriting: () => post({ type: 'writing' }),
  }).then(
    (report) => post({ type: 'done', report }),
    (e: unknown) => post({ type: 'failed', error: serializeError(e), cancelled: controller.signal.aborted }),
  );
});
