/** Messages between the parallel per-label evaluation and its worker threads (plain data only). */
import type { KeyBins } from '../meanAveragePrecision.js';
import type { LabelWork, LabelWorkOptions, RowTallies } from './labelWork.js';

/**
 * One worker's job: take labels from the shared counter `next` (Atomics.add(next, 0, 1) gives
 * the next label; none are left once it reaches labelNames.length) until none are left. The truth
 * (uint8) and scores (float64) are the whole label-major matrices, shared, not copied; so are the
 * micro-AP tally's thresholds (the distinct positive-cell scores of the whole matrix, ascending).
 */
export interface MetricsJob {
  rows: number;
  labelNames: string[];
  next: Int32Array;
  truth: Uint8Array;
  scores: Float64Array;
  microThresholds: Float64Array;
  /** The tally's key-to-bin table (bins shared), when it has one. */
  microKeyBins: KeyBins | undefined;
  options: LabelWorkOptions;
}

export type MetricsWorkerMessage =
  /**
   * `negativesAt`: this share's negatives per micro-AP bin; `perRow`: its labels' per-row counts
   * (integer counts, both summed by the dispatcher).
   */
  | { type: 'done'; works: LabelWork[]; negativesAt: Int32Array; perRow: RowTallies }
  | { type: 'failed'; name: string; message: string };
