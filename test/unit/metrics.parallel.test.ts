/**
 * The per-label evaluation on worker threads gives the same report, bit for bit, as the
 * sequential path: random data with ties, rare, empty and all-positive labels, 1 to 7 workers,
 * with and without tuning; worker failures are clear errors; aborting terminates the workers.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import { buildSync } from 'esbuild';
import { evaluatePredictions, type EvaluationReport } from '../../src/core/analysis/evaluatePredictions.js';
import { UsageError } from '../../src/core/errors.js';
import { confusionCounts } from '../../src/core/metrics/confusionCounts.js';
import { labelReports, rankedLabelReports, type LabelWorkOptions } from '../../src/core/metrics/parallel/index.js';
import type { EvaluationData } from '../../src/core/metrics/types.js';
import { seededRandom } from '../../scripts/random.mjs';

const dir = mkdtempSync(path.join(tmpdir(), 'metrics-parallel-'));
const file = (name: string, content: string): string => {
  const f = path.join(dir, name);
  writeFileSync(f, content);
  return f;
};

let workerScript = '';
before(() => {
  workerScript = path.join(dir, 'metricsWorker.js');
  const entry = path.resolve(__dirname, '../../src/core/metrics/parallel/metricsWorker.ts');
  // bundled as the lead's build does it (scripts/build.mjs)
  buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: workerScript, logLevel: 'warning' });
});

/** Per label: probability of a positive, and how scores are made (ties from rounding, hard 0/1, constant). */
const LABELS: { prevalence: number; scores: 'fine' | 'coarse' | 'hard' | 'constant' }[] = [
  { prevalence: 0.5, scores: 'fine' },
  { prevalence: 0.3, scores: 'coarse' },
  { prevalence: 0.1, scores: 'coarse' },
  { prevalence: 0.02, scores: 'fine' },
  { prevalence: 0, scores: 'coarse' }, // empty label
  { prevalence: 1, scores: 'fine' }, // no negatives
  { prevalence: -1, scores: 'coarse' }, // exactly one positive
  { prevalence: 0.2, scores: 'hard' },
  { prevalence: 0.05, scores: 'constant' },
  { prevalence: 0.4, scores: 'coarse' },
  { prevalence: 0.001, scores: 'fine' },
];

function randomTable(rows: number, seed: number): { names: string[]; y: number[][]; s: number[][] } {
  const random = seededRandom(seed);
  const names = LABELS.map((_, l) => `y${l}`);
  const y: number[][] = [];
  const s: number[][] = [];
  for (let r = 0; r < rows; r++) {
    const yr = LABELS.map((spec) => (spec.prevalence < 0 ? (r === 3 ? 1 : 0) : random() < spec.prevalence ? 1 : 0));
    const sr = LABELS.map((spec, l) => {
      const raw = Math.min(1, Math.max(0, (yr[l] ? 0.6 : 0.35) + (random() - 0.5) * 0.8));
      if (spec.scores === 'hard') return raw >= 0.5 ? 1 : 0;
      if (spec.scores === 'constant') return 0.25;
      return spec.scores === 'coarse' ? Math.round(raw * 20) / 20 : Math.round(raw * 1e4) / 1e4;
    });
    y.push(yr);
    s.push(sr);
  }
  return { names, y, s };
}

function evaluationDataOf(table: ReturnType<typeof randomTable>): EvaluationData {
  const rows = table.y.length;
  const labels = table.names.length;
  const truth = new Uint8Array(rows * labels);
  const scores = new Float64Array(rows * labels);
  for (let r = 0; r < rows; r++) {
    for (let l = 0; l < labels; l++) {
      truth[l * rows + r] = table.y[r][l];
      scores[l * rows + r] = table.s[r][l];
    }
  }
  return { rows, labelNames: table.names, truth, scores };
}

function writeCsvPair(table: ReturnType<typeof randomTable>, tag: string): { truth: string; pred: string } {
  const header = 'id,' + table.names.join(',');
  const truth = [header, ...table.y.map((y, r) => `r${r},${y.join(',')}`)];
  const pred = [header, ...table.s.map((s, r) => `r${r},${s.join(',')}`)];
  return { truth: file(`truth-${tag}.csv`, truth.join('\n') + '\n'), pred: file(`pred-${tag}.csv`, pred.join('\n') + '\n') };
}

function withoutTimings(report: EvaluationReport): Omit<EvaluationReport, 'timings'> {
  const { timings: _timings, ...rest } = report;
  return rest;
}

/** Options with thresholds that differ per label (0.3, 0.4, ..., 0.7, 0.3, ...). */
function withThresholds(data: EvaluationData, options: Omit<LabelWorkOptions, 'thresholds'>): LabelWorkOptions {
  return { thresholds: data.labelNames.map((_, l) => 0.3 + 0.1 * (l % 5)), ...options };
}

describe('per-label reports on worker threads', () => {
  const data = evaluationDataOf(randomTable(600, 5));

  test('are identical to the sequential ones for 1..7 workers, with and without tuning', async () => {
    for (const tune of [false, true]) {
      const sequential = rankedLabelReports(data, withThresholds(data, { tune, maxCurvePoints: 40 }));
      for (let threads = 1; threads <= 7; threads++) {
        const parallel = await labelReports(data, withThresholds(data, { tune, maxCurvePoints: 40 }), { workerScript, threads, minRows: 0 });
        assert.deepStrictEqual(parallel, sequential, `threads ${threads}, tune ${tune}`);
        assert.equal(JSON.stringify(parallel), JSON.stringify(sequential));
      }
    }
  });

  test('count the confusion matrices at the thresholds in force and at the tuned ones, as confusionCounts does', async () => {
    const options = withThresholds(data, { tune: true });
    for (const reports of [rankedLabelReports(data, options), await labelReports(data, options, { workerScript, threads: 3, minRows: 0 })]) {
      assert.deepStrictEqual(reports.counts, confusionCounts(data, options.thresholds));
      assert.deepStrictEqual(reports.tunedCounts, confusionCounts(data, reports.tuned.map((t) => t.threshold)));
    }
    assert.equal(rankedLabelReports(data, withThresholds(data, { tune: false })).tunedCounts, null);
    await assert.rejects(labelReports(data, { thresholds: [0.5], tune: false }), (e) => e instanceof UsageError && /one threshold per label/.test(e.message));
  });

  test('more workers than labels, and data already on shared memory', async () => {
    const small = evaluationDataOf(randomTable(300, 9));
    const cells = 3 * small.rows; // the first three labels' columns
    const truth = new Uint8Array(new SharedArrayBuffer(cells));
    truth.set(small.truth.subarray(0, cells));
    const scores = new Float64Array(new SharedArrayBuffer(8 * cells));
    scores.set(small.scores.subarray(0, cells));
    const onShared = { ...small, truth, scores, labelNames: small.labelNames.slice(0, 3) };
    const sequential = rankedLabelReports(onShared, withThresholds(onShared, { tune: true }));
    assert.deepStrictEqual(await labelReports(onShared, withThresholds(onShared, { tune: true }), { workerScript, threads: 16, minRows: 0 }), sequential);
  });

  test('stay sequential without a worker script or below the row minimum', async () => {
    const sequential = rankedLabelReports(data, withThresholds(data, { tune: false }));
    assert.deepStrictEqual(await labelReports(data, withThresholds(data, { tune: false }), {}), sequential);
    assert.deepStrictEqual(await labelReports(data, withThresholds(data, { tune: false }), { workerScript: path.join(dir, 'missing.js'), threads: 2 }), sequential);
  });

  test('a crashing or failing worker is a clear error; a usage error stays one', async () => {
    const throwing = file('throwing.js', "throw new Error('boom');\n");
    await assert.rejects(labelReports(data, withThresholds(data, { tune: false }), { workerScript: throwing, threads: 2, minRows: 0 }), /evaluation worker failed: boom/);
    const exiting = file('exiting.js', "require('node:worker_threads').parentPort.once('message', () => process.exit(3));\n");
    await assert.rejects(labelReports(data, withThresholds(data, { tune: false }), { workerScript: exiting, threads: 2, minRows: 0 }), /evaluation worker stopped before finishing \(exit code 3/);
    await assert.rejects(labelReports(data, withThresholds(data, { tune: false }), { workerScript: path.join(dir, 'missing.js'), threads: 2, minRows: 0 }), /evaluation worker/);
    await assert.rejects(labelReports(data, withThresholds(data, { tune: false, maxCurvePoints: 2 }), { workerScript, threads: 2, minRows: 0 }), (e) => e instanceof UsageError && /maxPoints/.test(e.message));
  });

  test('aborting terminates the workers and rejects with the reason', async () => {
    const log = path.join(dir, 'alive.log');
    writeFileSync(log, '');
    // A worker that never finishes and leaves a trace while it lives.
    const hanging = file('hanging.js', `const fs = require('node:fs'); setInterval(() => fs.appendFileSync(${JSON.stringify(log)}, 'x'), 10);\n`);
    const controller = new AbortController();
    const running = labelReports(data, withThresholds(data, { tune: false }), { workerScript: hanging, threads: 3, minRows: 0, signal: controller.signal });
    const started = Date.now();
    while (statSync(log).size === 0 && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 20));
    assert.ok(statSync(log).size > 0, 'the workers run');
    controller.abort();
    await assert.rejects(running, { name: 'AbortError' });
    await new Promise((r) => setTimeout(r, 100));
    const size = statSync(log).size;
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(statSync(log).size, size, 'no worker is alive after the abort');

    const early = new AbortController();
    early.abort();
    await assert.rejects(labelReports(data, withThresholds(data, { tune: false }), { workerScript, threads: 2, minRows: 0, signal: early.signal }), { name: 'AbortError' });
  });
});

describe('evaluatePredictions with the metrics worker', () => {
  const table = randomTable(800, 21);
  const { truth, pred } = writeCsvPair(table, 'a');

  test('gives the same report as the sequential path for 1..7 workers', async () => {
    for (const tuneThresholds of [false, true]) {
      const sequential = withoutTimings(await evaluatePredictions(truth, pred, { tuneThresholds, maxCurvePoints: 30 }));
      assert.equal(sequential.labels, LABELS.length);
      for (let threads = 1; threads <= 7; threads++) {
        const parallel = await evaluatePredictions(truth, pred, { tuneThresholds, maxCurvePoints: 30, metricsWorkerScript: workerScript, threads, parallelMinRows: 0 });
        assert.deepStrictEqual(withoutTimings(parallel), sequential, `threads ${threads}, tune ${tuneThresholds}`);
        assert.equal(JSON.stringify(withoutTimings(parallel)), JSON.stringify(sequential));
      }
    }
  });

  test('an aborted evaluation rejects', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(evaluatePredictions(truth, pred, { metricsWorkerScript: workerScript, threads: 2, parallelMinRows: 0, signal: controller.signal }), { name: 'AbortError' });
  });
});
