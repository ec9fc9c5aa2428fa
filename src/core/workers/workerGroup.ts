/**
 * The worker threads of one parallel job: they all stop when the job fails or its AbortSignal
 * fires, and `race` turns an abort into a rejection with the signal's reason.
 */
import type { Worker } from 'node:worker_threads';

export class WorkerGroup {
  readonly workers: Worker[] = [];
  private readonly aborted: Promise<never>;
  private readonly onAbort: () => void;

  constructor(private readonly signal: AbortSignal | undefined) {
    let reject: (reason: unknown) => void = () => undefined;
    this.aborted = new Promise<never>((_, r) => (reject = r));
    this.aborted.catch(() => undefined);
    this.onAbort = () => {
      this.stopAll();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  add(worker: Worker): Worker {
    this.workers.push(worker);
    return worker;
  }

  stopAll(): void {
    for (const w of this.workers) void w.terminate();
  }

  /**
   * The jobs' results, or a rejection as soon as one fails or the signal aborts. Handles every
   * job's rejection from the moment it is called, so call it as soon as the jobs exist.
   */
  race<T>(jobs: Promise<T>[]): Promise<T[]> {
    const all = Promise.all(jobs);
    const raced = Promise.race([all, this.aborted]);
    raced.catch(() => undefined);
    return raced;
  }

  /** Stops listening to the signal; call when the job is over. */
  dispose(): void {
    this.signal?.removeEventListener('abort', this.onAbort);
  }
}
