/**
 * loadEvaluationData on 200,000 rows x 100 labels: a one-hot truth CSV and a ~180 MB predictions
 * CSV of 6-decimal probabilities. Target: a few seconds on a dev machine (about 2 s measured);
 * the assertion leaves room for a loaded CI machine, the time goes to the test diagnostics.
 */
import assert from 'node:assert/strict';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { loadEvaluationData } from '../../src/core/io/predictions/index.js';

const ROWS = 200_000;
const LABELS = 100;

async function writeCsv(file: string, header: string[], row: (r: number) => string): Promise<void> {
  const out = createWriteStream(file);
  out.write(header.join(',') + '\n');
  let text = '';
  for (let r = 0; r < ROWS; r++) {
    text += row(r);
    if (text.length > 1 << 20) {
      if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      text = '';
    }
  }
  out.write(text);
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

test('200,000 x 100 CSV predictions load in a few seconds', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'predictions-perf-'));
  try {
    const names = Array.from({ length: LABELS }, (_, l) => `label${l}`);
    const truth = path.join(dir, 'truth.csv');
    const pred = path.join(dir, 'pred.csv');
    const positive = (r: number, l: number): boolean => (r * 31 + l * 17) % 23 === 0;
    const score = (r: number, l: number): number => ((r * 7919 + l * 104729) % 999983) / 999983;
    await writeCsv(truth, ['f', ...names], (r) => `${r}.5,${names.map((_, l) => (positive(r, l) ? '1' : '0')).join(',')}\n`);
    await writeCsv(pred, names, (r) => names.map((_, l) => score(r, l).toFixed(6)).join(',') + '\n');
    const start = performance.now();
    const res = await loadEvaluationData(truth, pred, {});
    const seconds = (performance.now() - start) / 1000;
    t.diagnostic(`loaded in ${seconds.toFixed(2)} s`);
    assert.equal(res.data.rows, ROWS);
    assert.equal(res.scoreKind, 'probabilities');
    for (const [r, l] of [[0, 0], [12345, 67], [ROWS - 1, LABELS - 1]]) {
      assert.equal(res.data.scores[l * ROWS + r], Number(score(r, l).toFixed(6)));
      assert.equal(res.data.truth[l * ROWS + r], positive(r, l) ? 1 : 0);
    }
    assert.ok(seconds < 60, `took ${seconds.toFixed(1)} s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
