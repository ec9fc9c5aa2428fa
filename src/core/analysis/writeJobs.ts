/**
 * Resampling and splitting as jobs that can run on a worker thread (dist/writeJobWorker.js), so that
 * a long MLSMOTE never blocks the thread that asked for it: the job as plain data, the messages both
 * ways, and the job run on the current thread.
 */
import type { SerializedError } from '../errors.js';
import { resampleDataset, type ResampleOptions, type ResampleReport } from './resampleDataset.js';
import { splitDataset, type SplitOptions, type SplitReport } from './splitDataset.js';

type Callbacks = 'signal' | 'onProgress' | 'onWriting';

export type WriteJob =
  | { kind: 'resample'; file: string; options: Omit<ResampleOptions, Callbacks> }
  | { kind: 'split'; file: string; options: Omit<SplitOptions, Callbacks> };

export type WriteJobReport<J extends WriteJob> = J extends { kind: 'resample' } ? ResampleReport : SplitReport;

export interface WriteJobCallbacks {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  onWriting?: () => void;
}

/** Host to worker: the job, then perhaps a cancel (honoured once the job is writing; before that the host terminates the worker). */
export type ToWriteJobWorker = { type: 'start'; job: WriteJob } | { type: 'cancel' };

export type FromWriteJobWorker =
  | { type: 'progress'; done: number; total: number }
  | { type: 'writing' }
  | { type: 'done'; report: ResampleReport | SplitReport }
  | { type: 'failed'; error: SerializedError; cancelled: boolean };

export function runWriteJobHere<J extends WriteJob>(job: J, callbacks: WriteJobCallbacks = {}): Promise<WriteJobReport<J>> {
  const { signal, onProgress, onWriting } = callbacks;
  if (job.kind === 'resample') return resampleDataset(job.file, { ...job.options, signal, onProgress, onWriting }) as Promise<WriteJobReport<J>>;
  return splitDataset(job.file, { ...job.options, signal, onProgress, onWriting }) as Promise<WriteJobReport<J>>;
}
