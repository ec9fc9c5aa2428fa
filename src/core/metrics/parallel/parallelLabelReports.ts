/**
 * The per-label part of an evaluation split over worker threads: contiguous label chunks, one
 * per thread, reading the truth and scores from shared memory. This thread tallies the micro-AP
 * positives (the workers need those thresholds), then takes a smaller share of the labels itself
 * and computes the row-wise ranking metrics. Results are merged in label order, so the report is
 * identical, bit for bit, to the sequential rankedLabelReports.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { UsageError } from '../../errors.js';
import { WorkerGroup } from '../../workers/workerGroup.js';
import { startMicroTally } from '../meanAveragePrecision.js';
import { rankingMetrics } from '../rankingMetrics.js';
import type { EvaluationData } from '../types.js';
import { checkShape } from '../confusionCounts.js';
import { addRowTallies, labelRangeWork, mergeLabelWork, rankedLabelReports, rowTallies, type LabelWork, type LabelWorkOptions, type RankedLabelReports, type RowTallies } from './labelWork.js';
import type { MetricsJob, MetricsWorkerMessage } from './protocol.js';

/** Fewer rows than this stay on this thread: starting workers would cost more than they save. */
export const MIN_PARALLEL_ROWS = 20_000;

/** This thread's share of the labels relative to a worker's (it also computes the ranking metrics). */
const MAIN_SHARE = 0.7;

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

/** [from, to) of chunk k of `parts` near-equal contiguous chunks of `labels`. */
function chunk(labels: number, parts: number, k: number): [number, number] {
  return [Math.floor((labels * k) / parts), Math.floor((labels * (k + 1)) / parts)];
}

async function parallelLabelReports(data: EvaluationData, options: LabelWorkOptions, script: string, threads: number, signal?: AbortSignal): Promise<RankedLabelReports> {
  const group = new WorkerGroup(signal);
  try {
    // threads - 1 workers start first (their startup overlaps with the tally); this thread is the
    // last of the threads: it takes a smaller share of the labels, as it also computes the ranking metrics.
    const labels = data.labelNames.length;
    const mine = Math.max(1, Math.floor((labels / threads) * MAIN_SHARE));
    // Raced at once, so that a worker failing while this thread is busy is never an unhandled rejection.
    const finished = group.race(Array.from({ length: threads - 1 }, () => startWorker(script, group)));
    const truth = shared(data.truth, (b) => new Uint8Array(b));
    const scores = shared(data.scores, (b) => new Float64Array(b));
    const tally = startMicroTally(data);
    const microThresholds = shared(tally.thresholds, (b) => new Float64Array(b));
    const microKeyBins = tally.keyBins && { ...tally.keyBins, bins: shared(tally.keyBins.bins, (b) => new Int32Array(b)) };
    group.workers.forEach((worker, k) => {
      const [from, to] = chunk(labels - mine, threads - 1, k).map((x) => x + mine);
      const job: MetricsJob = { rows: data.rows, labelNames: data.labelNames, from, to, truth, scores, microThresholds, microKeyBins, options };
      worker.postMessage(job);
    });
    const perRow = rowTallies(data.rows, options.tune);
    const own = labelRangeWork(data, 0, mine, tally, options, perRow);
    const ranking = rankingMetrics(data);
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
