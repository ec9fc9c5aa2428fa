/**
 * The per-label part of an evaluation split over worker threads, reading the truth and scores
 * from shared memory. This thread tallies the micro-AP positives (the workers need those
 * thresholds) and computes the row-wise ranking metrics; every thread takes labels one at a time
 * from a shared counter as it becomes free, so the threads finish together however the labels'
 * costs differ. Results are merged in label order (and the shared counts are integers), so the
 * report is identical, bit for bit, to the sequential rankedLabelReports.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { UsageError } from '../../errors.js';
import { WorkerGroup } from '../../workers/workerGroup.js';
import { startMicroTally } from '../meanAveragePrecision.js';
import { rankingMetrics } from '../rankingMetrics.js';
import type { EvaluationData } from '../types.js';
import { checkShape } from '../confusionCounts.js';
import { addRowTallies, labelsWork, mergeLabelWork, nextLabelOf, rankedLabelReports, rowTallies, type LabelWork, type LabelWorkOptions, type RankedLabelReports, type RowTallies } from './labelWork.js';
import type { MetricsJob, MetricsWorkerMessage } from './protocol.js';

/** Fewer rows than this stay on this thread: starting workers would cost more than they save. */
export const MIN_PARALLEL_ROWS = 20_000;

export interface ParallelOptions {
  /** Path of the bundled worker (dist/metricsWorker.js); without it everything runs on this thread. */
  workerScript?: string;
  /** Workers at most (default: available cores; 1 = no workers). Capped by the label count. */
  threads?: number;
  /** Fewer rows than this run sequentially (default MIN_PARALLEL_ROWS). */
  minRows?: number;
  /** Aborting terminates the workers and rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** The per-label reports, on worker threads when worthwhile and possible, else on this one. */
export async function labelReports(data: EvaluationData, options: LabelWorkOptions, parallel: ParallelOptions = {}): Promise<RankedLabelReports> {
  parallel.signal?.throwIfAborted();
  checkShape(data, options.thresholds); // before any worker starts
  const labels = data.labelNames.length;
  const threads = Math.min(labels, Math.max(1, Math.floor(parallel.threads ?? availableParallelism())));
  if (!parallel.workerScript || threads < 2 || data.rows < (parallel.minRows ?? MIN_PARALLEL_ROWS)) return rankedLabelReports(data, options);
  return parallelLabelReports(data, options, parallel.workerScript, threads, parallel.signal);
}

/** Label-major matrices on shared memory: as they are when they already are, else copied once. */
function shared<T extends Uint8Array | Int32Array | Float64Array>(values: T, make: (buffer: SharedArrayBuffer) => T): T {
  if (values.buffer instanceof SharedArrayBuffer) return values;
  const copy = make(new SharedArrayBuffer(values.byteLength));
  copy.set(values);
  return copy;
}

async function parallelLabelReports(data: EvaluationData, options: LabelWorkOptions, script: string, threads: number, signal?: AbortSignal): Promise<RankedLabelReports> {
  const group = new WorkerGroup(signal);
  try {
    // threads - 1 workers start first (their startup overlaps with the tally); this thread computes
    // the ranking metrics before it takes labels, so that all threads end on the same label queue.
    const labels = data.labelNames.length;
    // Raced at once, so that a worker failing while this thread is busy is never an unhandled rejection.
    const finished = group.race(Array.from({ length: threads - 1 }, () => startWorker(script, group)));
    const truth = shared(data.truth, (b) => new Uint8Array(b));
    const scores = shared(data.scores, (b) => new Float64Array(b));
    const tally = startMicroTally(data);
    const microThresholds = shared(tally.thresholds, (b) => new Float64Array(b));
    const microKeyBins = tally.keyBins && { ...tally.keyBins, bins: shared(tally.keyBins.bins, (b) => new Int32Array(b)) };
    const next = new Int32Array(new SharedArrayBuffer(4));
    for (const worker of group.workers) {
      const job: MetricsJob = { rows: data.rows, labelNames: data.labelNames, next, truth, scores, microThresholds, microKeyBins, options };
      worker.postMessage(job);
    }
    // Hand control back once the workers have their jobs, so that whatever the caller does next
    // on this thread (evaluateScores finds the confused pairs) overlaps with them, not with nothing.
    await new Promise((resolve) => setImmediate(resolve));
    signal?.throwIfAborted();
    const ranking = rankingMetrics(data);
    const perRow = rowTallies(data.rows, options.tune);
    const own = labelsWork(data, nextLabelOf(next, labels), tally, options, perRow);
    const parts = await finished;
    const works: LabelWork[] = [...own];
    for (const part of parts) {
      works.push(...part.works);
      for (let m = 0; m < part.negativesAt.length; m++) tally.negativesAt[m] += part.negativesAt[m];
      addRowTallies(perRow, part.perRow);
    }
    return mergeLabelWork(works, tally, ranking, perRow);
  } catch (e) {
    group.stopAll();
    throw e;
  } finally {
    group.dispose();
  }
}

/** A started worker, resolving with its share's results once it has been sent a job. */
function startWorker(script: string, group: WorkerGroup): Promise<{ works: LabelWork[]; negativesAt: Int32Array; perRow: RowTallies }> {
  return new Promise((resolve, reject) => {
    // No inherited execArgv: the worker is a self-contained bundle, and a loader (tsx in tests) would start again in every worker.
    const worker = group.add(new Worker(script, { execArgv: [] }));
    let settled = false;
    worker.on('message', (m: MetricsWorkerMessage) => {
      settled = true;
      if (m.type === 'done') resolve({ works: m.works, negativesAt: m.negativesAt, perRow: m.perRow });
      else if (m.name === 'UsageError') reject(new UsageError(m.message));
      else reject(new Error(`evaluation worker failed: ${m.message}`));
    });
    worker.on('error', (e) => {
      settled = true;
      reject(new Error(`evaluation worker failed: ${e.message}`, { cause: e }));
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`evaluation worker stopped before finishing (exit code ${code}; worker script ${script})`));
    });
  });
}
