/**
 * The label scan split over worker threads: byte ranges cut just after a line break, one worker
 * per range. Only valid for files without any `"` (a line break inside quotes would be cut), so
 * each worker stops at the first quote it meets and the caller falls back to the sequential scan.
 */
import { promises as fs } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { ScannedPart } from './mergeRanges.js';
import type { ScanHooks, ScanPlan, ScanRange } from './scanRange.js';
import type { ScanJob, WorkerMessage } from './workerProtocol.js';
import { WorkerGroup } from '../../workers/workerGroup.js';

/** Offsets where ranges start: `start`, then the first byte after an LF at or after each even cut. */
export async function splitAtLines(file: string, start: number, end: number, parts: number): Promise<number[]> {
  const handle = await fs.open(file, 'r');
  try {
    const cuts = [start];
    const probe = Buffer.allocUnsafe(1 << 16);
    for (let k = 1; k < parts; k++) {
      let at = Math.max(cuts[cuts.length - 1], Math.floor(start + ((end - start) * k) / parts));
      for (;;) {
        const { bytesRead } = await handle.read(probe, 0, probe.length, at);
        const lf = probe.subarray(0, bytesRead).indexOf(10);
        if (bytesRead === 0) {
          at = end;
          break;
        }
        if (lf >= 0) {
          at += lf + 1;
          break;
        }
        at += bytesRead;
      }
      if (at >= end) break;
      if (at > cuts[cuts.length - 1]) cuts.push(at);
    }
    return cuts;
  } finally {
    await handle.close();
  }
}

/** Runs one job in a worker; resolves with its scan, or undefined when it met a quote. */
function runWorker(script: string, job: ScanJob, onBytes: (bytes: number) => void, group: WorkerGroup): Promise<ScannedPart> {
  return new Promise((resolve, reject) => {
    const worker = group.add(new Worker(script, { workerData: job }));
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') onBytes(m.bytes);
      else if (m.type === 'done') resolve({ scan: m.scan, scannedFirstLine: job.range.firstLine });
      else reject(new Error(`CSV scan worker failed: ${m.message}`));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`CSV scan worker stopped (exit code ${code})`));
    });
  });
}

/**
 * Scans [start, end) in `threads` ranges; returns the parts in order, or undefined when a quote
 * was found (then nothing is reusable and the caller scans sequentially).
 */
export async function scanParallel(plan: ScanPlan, script: string, start: number, end: number, threads: number, hooks: ScanHooks): Promise<ScannedPart[] | undefined> {
  hooks.signal?.throwIfAborted();
  const cuts = await splitAtLines(plan.file, start, end, threads);
  const ranges: ScanRange[] = cuts.map((s, i) => ({ start: s, end: cuts[i + 1] ?? end, firstLine: 1, allowQuotes: false }));
  const group = new WorkerGroup(hooks.signal);
  let quoteSeen = false;
  const onBytes = hooks.onBytes ?? ((): void => undefined);
  try {
    const jobs = ranges.map((range) =>
      runWorker(script, { plan, range }, onBytes, group).then((part) => {
        if (part.scan.sawQuote) {
          quoteSeen = true;
          group.stopAll();
        }
        return part;
      }),
    );
    const parts = await group.race(jobs);
    return quoteSeen ? undefined : parts;
  } catch (e) {
    group.stopAll();
    if (quoteSeen && !hooks.signal?.aborted) return undefined;
    throw e;
  } finally {
    group.dispose();
  }
}
