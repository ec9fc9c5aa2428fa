/**
 * The training worker from the built bundle (node scripts/build.mjs, then dist/trainWorker.js
 * with the tfjs .wasm files beside it): a normal run while the caller's thread stays responsive,
 * a cancel that ends within a second, a user error, a crash, running out of memory, and the
 * bundled CLI (dist/cli.js) running train through the worker, with Ctrl-C.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { before, describe, test } from 'node:test';
import { DatasetError } from '../../src/core/errors.js';
import { openDataset } from '../../src/core/io/open.js';
import { DEFAULT_JOB_SETTINGS } from '../../src/core/train/run/trainJob.js';
import { startTrainingRun, TrainingRunError } from '../../src/core/train/run/workerClient.js';
import type { FromTrainingWorker, RunSummary, TrainJob } from '../../src/protocol/training.js';
import { datasetPath, skipUnlessDatasets } from './helpers/datasets.js';

const root = path.resolve(__dirname, '..', '..');
const workerScript = path.join(root, 'dist', 'trainWorker.js');
const cliScript = path.join(root, 'dist', 'cli.js');
const FILES = ['emotions/emotions-train.arff', 'emotions/emotions-test.arff'];

function job(extra: Partial<TrainJob> = {}): TrainJob {
  const runsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'il-worker-'));
  return { kind: 'train', file: datasetPath(FILES[0])!, testFile: datasetPath(FILES[1])!, runsDir, strategies: [{ loss: 'wbce', resampling: 'none' }], ...DEFAULT_JOB_SETTINGS, epochs: 3, ...extra };
}

const runJson = (runDir: string): RunSummary => JSON.parse(fs.readFileSync(path.join(runDir, 'run.json'), 'utf8')) as RunSummary;

describe('the training worker bundle', { skip: skipUnlessDatasets(...FILES) }, () => {
  before(() => {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    for (const wasm of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm']) assert.ok(fs.existsSync(path.join(root, 'dist', wasm)), `dist/${wasm} is copied beside the worker`);
  });

  test('a normal run: every message forwarded, the wasm backend found beside the worker, this thread free', async () => {
    const busyBefore = performance.eventLoopUtilization();
    const messages: FromTrainingWorker[] = [];
    const summary = await startTrainingRun(job({ epochs: 15, patience: 0, testFile: undefined }), { workerScript, onMessage: (m) => messages.push(m) });
    const busy = performance.eventLoopUtilization(busyBefore);
    assert.equal(summary.status, 'completed', summary.error);
    assert.equal(summary.backend, 'wasm');
    assert.deepEqual(runJson(summary.runDir), summary);
    assert.equal(messages[0].type, 'prepared');
    assert.equal(messages.at(-1)?.type, 'finished');
    assert.equal(messages.filter((m) => m.type === 'epoch').length, 15);
    // the training ran on the worker: this thread's event loop was mostly idle (on this thread it would be ~1)
    assert.ok(busy.utilization < 0.5, `this thread was busy ${(busy.utilization * 100).toFixed(0)}% of ${busy.idle + busy.active | 0} ms`);
  });

  test('a cancel ends the run within a second, the run folder kept and marked cancelled', async () => {
    const controller = new AbortController();
    let abortedAt = 0;
    const summary = await startTrainingRun(job({ kind: 'compare', epochs: 500, patience: 0, strategies: [{ loss: 'bce', resampling: 'none' }, { loss: 'asl', resampling: 'none' }] }), {
      workerScript,
      signal: controller.signal,
      onMessage: (m) => {
        if (m.type === 'epoch' && m.record.epoch === 2 && abortedAt === 0) {
          abortedAt = performance.now();
          controller.abort();
        }
      },
    });
    const took = performance.now() - abortedAt;
    assert.ok(took < 1000, `cancel took ${took.toFixed(0)} ms`);
    assert.equal(summary.status, 'cancelled');
    assert.deepEqual(summary.strategies, []);
    assert.equal(runJson(summary.runDir).status, 'cancelled');
  });

  test("a file that does not exist: a user error with the DatasetError's message, no run folder", async () => {
    const missing = path.join(os.tmpdir(), 'il-no-such-dataset.arff');
    const expected = await openDataset(missing).then(
      () => assert.fail('the file exists'),
      (e: unknown) => (e as DatasetError).describe(),
    );
    const j = job({ file: missing });
    await assert.rejects(startTrainingRun(j, { workerScript }), (e: unknown) => e instanceof TrainingRunError && e.userError && e.message === expected && e.summary === undefined);
    assert.deepEqual(fs.readdirSync(j.runsDir), []);
  });

  test('a worker that exits mid-run: a clear error, and run.json marked failed by the host', async () => {
    process.env.IMBALANCE_LENS_TEST_TRAIN_WORKER_EXIT_AT_EPOCH = '2';
    try {
      const error = await startTrainingRun(job({ epochs: 10 }), { workerScript }).then(
        () => assert.fail('the run should have failed'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof TrainingRunError);
      assert.match(error.message, /training worker stopped before finishing \(exit code 3\)/);
      assert.equal(error.userError, false);
      assert.equal(error.summary?.status, 'failed');
      const onDisk = runJson(error.summary!.runDir);
      assert.equal(onDisk.status, 'failed');
      assert.equal(onDisk.error, error.message);
    } finally {
      delete process.env.IMBALANCE_LENS_TEST_TRAIN_WORKER_EXIT_AT_EPOCH;
    }
  });

  test('running out of memory ends the promise with a clear error', async () => {
    await assert.rejects(startTrainingRun(job(), { workerScript, resourceLimits: { maxOldGenerationSizeMb: 4 } }), (e: unknown) => e instanceof TrainingRunError && /ran out of memory \(worker heap limit 4 MB\)/.test(e.message));
  });

  test('the bundled CLI trains through the worker; Ctrl-C cancels and keeps the run folder', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'il-cli-worker-'));
    const [train, testFile] = FILES.map((f) => datasetPath(f)!);
    const ok = spawnSync(process.execPath, [cliScript, 'train', train, '--test', testFile, '--epochs', '2', '--folds', '0', '--out', out, '--format', 'json'], { encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(JSON.parse(ok.stdout).status, 'completed');
    assert.match(ok.stderr, /^\[wbce\] epoch 2\/2 {2}loss \d+\.\d{3} {2}val macro-F1 \d\.\d{3}$/m);

    const child = spawn(process.execPath, [cliScript, 'compare', train, '--test', testFile, '--epochs', '500', '--patience', '0', '--out', out, '--format', 'json']);
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (/epoch 2\//.test(stderr) && !child.killed) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    assert.equal(code, 130, stderr);
    const summary = JSON.parse(stdout) as RunSummary;
    assert.equal(summary.status, 'cancelled');
    assert.equal(runJson(summary.runDir).status, 'cancelled');
    assert.match(stderr, /cancelled: the run folder is kept/);
  });
});
