/**
 * Resampling and splitting on the worker thread (dist/writeJobWorker.js) give the same reports as on
 * this thread, bring a user's mistake back as the same DatasetError/UsageError, and a cancel leaves
 * no file behind.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { runWriteJob } from '../../src/core/analysis/runWriteJob.js';
import { DatasetError, UsageError } from '../../src/core/errors.js';
import { datasetPath, skipUnlessDatasets } from './helpers/datasets.js';

const workerScript = path.resolve(__dirname, '../../dist/writeJobWorker.js');
const skip = skipUnlessDatasets('csv/yeast.csv') || (fs.existsSync(workerScript) ? false : `${workerScript} not built (node scripts/build.mjs); skipping`);

function copyYeast(): { dir: string; input: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'il-writejob-'));
  const input = path.join(dir, 'yeast.csv');
  fs.copyFileSync(datasetPath('csv/yeast.csv')!, input);
  return { dir, input };
}

describe('resample and split jobs on a worker thread', { skip }, () => {
  test('the worker writes the same file and report as this thread', async () => {
    const here = copyYeast();
    const there = copyYeast();
    const options = { method: 'mlros' as const, percent: 10, seed: 3 };
    const a = await runWriteJob({ kind: 'resample', file: here.input, options });
    let writingSeen = false;
    const b = await runWriteJob({ kind: 'resample', file: there.input, options }, { workerScript, onWriting: () => (writingSeen = true) });
    assert.ok(writingSeen);
    assert.deepEqual({ ...b, file: '', out: '', written: [], elapsedMs: 0 }, { ...a, file: '', out: '', written: [], elapsedMs: 0 });
    assert.ok(fs.readFileSync(path.join(here.dir, 'yeast.mlros.csv')).equals(fs.readFileSync(path.join(there.dir, 'yeast.mlros.csv'))));
    const split = await runWriteJob({ kind: 'split', file: there.input, options: { folds: 3 } }, { workerScript });
    assert.equal(split.parts.length, 3);
  });

  test("a user's mistake comes back as the same kind of error, with its file and hint", async () => {
    const { dir, input } = copyYeast();
    fs.writeFileSync(path.join(dir, 'yeast.remedial.csv'), 'mine\n');
    await assert.rejects(runWriteJob({ kind: 'resample', file: input, options: { method: 'remedial' } }, { workerScript }), (e: unknown) => {
      assert.ok(e instanceof DatasetError);
      assert.match(e.file, /yeast\.remedial\.csv$/);
      assert.match(e.hint ?? '', /--force/);
      return true;
    });
    assert.equal(fs.readFileSync(path.join(dir, 'yeast.remedial.csv'), 'utf8'), 'mine\n');
    await assert.rejects(runWriteJob({ kind: 'split', file: input, options: { ratios: [0.5, 0.6] } }, { workerScript }), UsageError);
  });

  test('cancelling while it computes stops the worker at once and writes nothing', async () => {
    const { dir, input } = copyYeast();
    const controller = new AbortController();
    const started = Date.now();
    const job = runWriteJob({ kind: 'resample', file: input, options: { method: 'mlsmote' } }, { workerScript, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('cancelled by the test')), 20);
    await assert.rejects(job, /cancelled by the test/);
    assert.ok(Date.now() - started < 2000, 'stopped within a second or so');
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(fs.readdirSync(dir), ['yeast.csv']);
  });
});
