/**
 * The training worker thread (bundled as dist/trainWorker.js): receives one `start` job, runs it
 * with runTraining and posts every FromTrainingWorker message to the host; `cancel` aborts the
 * run (the loop checks between batches and yields every 25 ms, so it stops within a second). A
 * problem before the run folder exists, or an uncaught error, becomes a `failed` message.
 */
import { parentPort } from 'node:worker_threads';
import { DatasetError, isUserError } from '../../errors.js';
import { isToTrainingWorker, type FromTrainingWorker, type TrainJob } from '../../../protocol/training.js';
import { runTraining } from './runTraining.js';

/** Test hook only: the worker exits with code 3 when this epoch is reported, as a crash would. */
const CRASH_AT_EPOCH = Number(process.env.IMBALANCE_LENS_TEST_TRAIN_WORKER_EXIT_AT_EPOCH ?? NaN);

const port = parentPort;
if (!port) throw new Error('trainingWorker.ts runs as a worker thread (new Worker(dist/trainWorker.js))');

let controller: AbortController | undefined;

const post = (message: FromTrainingWorker): void => {
  port.postMessage(message);
  if (message.type === 'epoch' && message.record.epoch >= CRASH_AT_EPOCH) process.exit(3);
};

function describe(e: unknown): string {
  if (e instanceof DatasetError) return e.describe();
  return e instanceof Error ? e.message : String(e);
}

async function start(job: TrainJob, signal: AbortSignal): Promise<void> {
  try {
    // runTraining posts 'finished' itself once the run folder exists (completed, cancelled or failed).
    await runTraining(job, post, { signal, backend: { wasmDir: job.wasmDir ?? __dirname } });
  } catch (e) {
    const message = signal.aborted ? 'training cancelled before the run started' : describe(e);
    post({ type: 'failed', message, userError: signal.aborted || isUserError(e) });
  }
  // The host stops this thread once it has the last message.
}

port.on('message', (message: unknown) => {
  if (!isToTrainingWorker(message)) {
    post({ type: 'failed', message: `training worker: unexpected message ${JSON.stringify(message)?.slice(0, 200)}`, userError: false });
    return;
  }
  if (message.type === 'cancel') {
    controller?.abort(new Error('training cancelled'));
    return;
  }
  if (controller) {
    post({ type: 'failed', message: 'training worker: a run is already in progress in this worker', userError: false });
    return;
  }
  controller = new AbortController();
  void start(message.job, controller.signal);
});

const fatal = (e: unknown): void => {
  post({ type: 'failed', message: `training worker error: ${describe(e)}`, userError: false });
  process.exit(1);
};
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);
