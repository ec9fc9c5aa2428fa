/** Messages between the parallel label scan and its worker threads (plain data only). */
import type { RangeScan, ScanPlan, ScanRange } from './scanRange.js';

export interface ScanJob {
  plan: ScanPlan;
  range: ScanRange;
}

export type WorkerMessage =
  | { type: 'progress'; bytes: number }
  | { type: 'done'; scan: RangeScan }
  | { type: 'failed'; message: string };
