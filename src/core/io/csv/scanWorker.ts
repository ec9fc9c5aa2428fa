/**
 * Worker thread entry for the parallel label scan (bundled to dist/csvScanWorker.js): scans the
 * byte range in workerData and posts the result back, with the matrix buffers transferred.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { scanCsvRange } from './scanRange.js';
import type { ScanJob, WorkerMessage } from './workerProtocol.js';

/** Post progress about every this many bytes. */
const PROGRESS_BYTES = 16 << 20;

async function run(job: ScanJob): Promise<void> {
  const port = parentPort;
  if (!port) return;
  let pending = 0;
  const onBytes = (bytes: number): void => {
    pending += bytes;
    if (pending < PROGRESS_BYTES) return;
    port.postMessage({ type: 'progress', bytes: pending } satisfies WorkerMessage);
    pending = 0;
  };
  try {
    const scan = await scanCsvRange(job.plan, job.range, { onBytes });
    if (pending > 0) port.postMessage({ type: 'progress', bytes: pending } satisfies WorkerMessage);
    const transfer = [scan.matrix.offsets.buffer, scan.matrix.labels.buffer] as ArrayBuffer[];
    port.postMessage({ type: 'done', scan } satisfies WorkerMessage, transfer);
  } catch (e) {
    port.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) } satisfies WorkerMessage);
  }
}

void run(workerData as ScanJob);
