/**
 * What the training tests share: the extension's training sources loaded fresh against a fake
 * `vscode` (so a test can hand the runner a stand-in training client), hand-made run summaries
 * and strategy results with known numbers, run folders written to a temp dir the way the engine
 * lays them out, and a scripted training client.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Module from 'node:module';
import type { EpochRecord, FromTrainingWorker, HeadlineMetrics, RunSummary, StrategyResult, TrainJob } from '../../src/protocol/training.js';
import { createFakeVscode, requireWithVscode } from './helpers/fakeVscode.js';

export const root = path.resolve(__dirname, '../..');

/**
 * Requires source files (paths under the repository) with `vscode` answered by `fake`, every
 * src/extension module loaded afresh, so that they share one set of module instances bound to it.
 */
export function loadSources<T extends unknown[]>(fake: object, ...rels: string[]): T {
  const require = Module.createRequire(__filename);
  for (const key of Object.keys(require.cache)) if (key.includes(`${path.sep}src${path.sep}extension${path.sep}`)) delete require.cache[key];
  const loaded: unknown[] = [];
  for (const rel of rels) {
    const file = path.join(root, rel);
    loaded.push(require.cache[require.resolve(file)]?.exports ?? requireWithVscode(file, fake));
  }
  return loaded as T;
}

export type Fake = ReturnType<typeof createFakeVscode>;

const tempDirs: string[] = [];
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}
export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export const metrics = (macroF1: number, microF1 = macroF1, mAP = macroF1, tailF1 = macroF1): HeadlineMetrics => ({ macroF1, microF1, mAP, tailF1 });

export function result(strategy: string, runDir: string, fixed: HeadlineMetrics, tuned: HeadlineMetrics, epochs = 3): StrategyResult {
  const [loss, resampling] = strategy.split('+') as [StrategyResult['loss'], StrategyResult['resampling'] | undefined];
  return { strategy, loss, resampling: resampling ?? 'none', runDir, epochsRun: epochs, bestEpoch: epochs, stoppedEarly: false, fixed, tuned };
}

export function summary(runDir: string, overrides: Partial<RunSummary> = {}): RunSummary {
  return {
    kind: 'train',
    name: path.basename(runDir).replace(/^\d{8}-\d{6}-/, ''),
    runDir,
    file: '/data/d.csv',
    status: 'completed',
    startedAt: '2024-03-01T10:00:00.000Z',
    finishedAt: '2024-03-01T10:01:00.000Z',
    backend: 'wasm',
    labelNames: ['a', 'b', 'c'],
    split: { source: 'iterative stratification 70/15/15, seed 0', train: 70, validation: 15, test: 15, absent: [] },
    strategies: [],
    ...overrides,
  };
}

export function epoch(n: number, macroF1: number | null, perLabelF1: number[] | null = null, trainLoss = 1 / n, validationLoss: number | null = 1.2 / n): EpochRecord {
  return { epoch: n, trainLoss, validationLoss, macroF1, microF1: macroF1, perLabelF1, ms: 5 };
}

/** Writes a run folder as the engine does: run.json, and per strategy config.json and metrics.jsonl (a comparison: one subfolder each). */
export function writeRun(runsDir: string, folder: string, make: (runDir: string) => RunSummary, histories: Record<string, EpochRecord[]> = {}, epochs = 3): string {
  const runDir = path.join(runsDir, folder);
  fs.mkdirSync(runDir, { recursive: true });
  const s = make(runDir);
  fs.writeFileSync(path.join(runDir, 'run.json'), JSON.stringify(s, null, 2));
  for (const [strategy, records] of Object.entries(histories)) {
    const dir = s.kind === 'train' ? runDir : path.join(runDir, strategy);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ strategy, train: { epochs } }));
    fs.writeFileSync(path.join(dir, 'metrics.jsonl'), records.map((r) => JSON.stringify(r) + '\n').join(''));
  }
  return runDir;
}

export interface ClientCall {
  job: TrainJob;
  signal: AbortSignal | undefined;
  emit: (m: FromTrainingWorker) => void;
}

/**
 * A training client the test drives: each call is recorded and waits until the test settles it
 * (resolve with a summary, or reject), or runs `script` when one is given.
 */
export function scriptedClient(script?: (call: ClientCall) => Promise<RunSummary>) {
  const calls: (ClientCall & { resolve(s: RunSummary): void; reject(e: unknown): void })[] = [];
  const client = (job: TrainJob, options: { workerScript: string; onMessage?: (m: FromTrainingWorker) => void; signal?: AbortSignal }): Promise<RunSummary> =>
    new Promise<RunSummary>((resolve, reject) => {
      const call = { job, signal: options.signal, emit: (m: FromTrainingWorker) => options.onMessage?.(m), resolve, reject };
      calls.push(call);
      if (script) script(call).then(resolve, reject);
    });
  return { client, calls };
}

/** Every message of a successful one-strategy run of `epochs` epochs, as the worker sends them; returns the final summary. */
export function playRun(call: ClientCall, runDir: string, epochs = 3): RunSummary {
  const start = summary(runDir, { status: 'running', finishedAt: undefined, name: 'd-wbce' });
  call.emit({ type: 'prepared', summary: start, strategies: ['wbce'], epochs });
  call.emit({ type: 'log', message: 'split: 70 training rows' });
  call.emit({ type: 'strategyStarted', strategy: 'wbce', index: 0, of: 1 });
  for (let e = 1; e <= epochs; e++) call.emit({ type: 'epoch', strategy: 'wbce', record: epoch(e, 0.4 + e / 100, [0.5, 0.4, 0.3]) });
  const done = result('wbce', runDir, metrics(0.55), metrics(0.6234), epochs);
  call.emit({ type: 'strategyDone', result: done });
  const end = { ...start, status: 'completed' as const, finishedAt: '2024-03-01T10:01:00.000Z', strategies: [done] };
  call.emit({ type: 'finished', summary: end });
  return end;
}

/** Lets pending promise callbacks and timers of 0 ms run. */
export const settle = (ms = 10) => new Promise((resolve) => setTimeout(resolve, ms));
