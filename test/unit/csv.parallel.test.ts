import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { before, test } from 'node:test';
import { buildSync } from 'esbuild';
import fc from 'fast-check';
import type { LabelMatrix } from '../../src/core/data/labelMatrix.js';
import { openCsv, scanCsvLabels, scanCsvRange } from '../../src/core/io/csv/index.js';
import { mergeRanges } from '../../src/core/io/csv/mergeRanges.js';
import { scanParallel, splitAtLines } from '../../src/core/io/csv/parallelScan.js';
import { planCsv } from '../../src/core/io/csv/plan.js';

const dir = mkdtempSync(path.join(tmpdir(), 'csv-parallel-'));
let n = 0;
function file(content: string): string {
  const f = path.join(dir, `t${n++}.csv`);
  writeFileSync(f, content);
  return f;
}
function rowsOf(m: LabelMatrix): number[][] {
  return Array.from({ length: m.rows }, (_, r) => Array.from(m.labels.subarray(m.offsets[r], m.offsets[r + 1])));
}

/** A one-hot table: 3 numeric features, 9 labels with falling frequency, some odd spellings. */
function oneHotText(rows: number, eol = '\n', withQuotes = false): string {
  let seed = 7;
  const rnd = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296;
  const lines = ['x0,x1,x2,' + Array.from({ length: 9 }, (_, k) => `y${k}`).join(',')];
  for (let r = 0; r < rows; r++) {
    const f = [rnd().toFixed(5), (-rnd() * 100).toFixed(3), withQuotes && r % 50 === 7 ? '"1,5"' : String(r)];
    const y = Array.from({ length: 9 }, (_, k) => (rnd() < 0.5 / (k + 1) ? (r % 97 === 3 ? 'true' : '1') : r % 89 === 5 ? '0.0' : '0'));
    lines.push([...f, ...y].join(','));
  }
  return lines.join(eol) + eol;
}

/** Label rows as read by the (general) row reader, the reference for the fast scan. */
async function readerRows(f: string): Promise<number[][]> {
  const out: number[][] = [];
  for await (const row of (await openCsv(f, {})).rows()) out.push(row.labels);
  return out;
}

let workerScript = '';
before(() => {
  workerScript = path.join(dir, 'csvScanWorker.js');
  const entry = path.resolve(__dirname, '../../src/core/io/csv/scanWorker.ts');
  // bundled as the lead's build does it (scripts/build.mjs)
  buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: workerScript, logLevel: 'warning' });
});

test('the fast one-hot scan agrees with the row reader (LF and CRLF, odd spellings)', async () => {
  for (const eol of ['\n', '\r\n']) {
    const f = file(oneHotText(3000, eol));
    const scan = await scanCsvLabels(f, {});
    assert.equal(scan.matrix.rows, 3000);
    assert.deepEqual(rowsOf(scan.matrix), await readerRows(f));
  }
});

test('property: label scan equals row reader for any chunk size', async () => {
  const f = file(oneHotText(300));
  const plan = await planCsv(f, {});
  const reference = await readerRows(f);
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 8, max: 4096 }), async (chunkBytes) => {
      const range = { start: plan.head.dataStart, end: plan.head.fileSize, firstLine: 2, allowQuotes: true };
      const scan = await scanCsvRange(plan.scan, range, { chunkBytes });
      assert.deepEqual(rowsOf(scan.matrix), reference);
    }),
    { numRuns: 60 },
  );
});

test('range scans split at line breaks merge to the sequential result, errors at absolute lines', async () => {
  const text = oneHotText(2000);
  const f = file(text);
  const plan = await planCsv(f, {});
  const sequential = await scanCsvLabels(f, {});
  for (const parts of [2, 3, 7]) {
    const cuts = await splitAtLines(f, plan.head.dataStart, plan.head.fileSize, parts);
    assert.equal(cuts.length, parts);
    const scans = await Promise.all(cuts.map((start, i) => scanCsvRange(plan.scan, { start, end: cuts[i + 1] ?? plan.head.fileSize, firstLine: 1, allowQuotes: false })));
    const merged = mergeRanges(f, scans.map((scan) => ({ scan, scannedFirstLine: 1 })), plan.head.dataLine, false, 9);
    assert.deepEqual(merged.matrix, sequential.matrix);
  }
  const broken = text.split('\n');
  broken[1700] = broken[1700].replace(/,0$/, ',7');
  const g = file(broken.join('\n'));
  const gplan = await planCsv(g, {});
  const cuts = await splitAtLines(g, gplan.head.dataStart, gplan.head.fileSize, 4);
  const scans = await Promise.all(cuts.map((start, i) => scanCsvRange(gplan.scan, { start, end: cuts[i + 1] ?? gplan.head.fileSize, firstLine: 1, allowQuotes: false })));
  assert.throws(() => mergeRanges(g, scans.map((scan) => ({ scan, scannedFirstLine: 1 })), gplan.head.dataLine, false, 9), { line: 1701, column: 12 });
});

test('worker threads give the same matrix as the sequential scan', async () => {
  const f = file(oneHotText(5000));
  const sequential = await scanCsvLabels(f, {});
  for (const threads of [2, 3]) {
    const parallel = await scanCsvLabels(f, { workerScript, threads, parallelMinBytes: 0 });
    assert.deepEqual(parallel.matrix, sequential.matrix);
    assert.deepEqual(parallel.schema, sequential.schema);
  }
  const lines = oneHotText(5000).split('\n');
  lines[4000] = lines[4000].replace(/,0$/, ',oops');
  const g = file(lines.join('\n'));
  await assert.rejects(scanCsvLabels(g, { workerScript, threads: 2, parallelMinBytes: 0 }), {
    message: 'expected 0 or 1 in label column "y8", found "oops"',
    line: 4001,
    column: 12,
  });
  const skipped = await scanCsvLabels(g, { workerScript, threads: 2, parallelMinBytes: 0, skipBadRows: true });
  assert.deepEqual(skipped.skipped, [{ line: 4001, reason: 'column 12: expected 0 or 1 in label column "y8", found "oops"' }]);
  assert.equal(skipped.matrix.rows, 4999);
});

test('worker threads over a label-list column remap to one sorted label space', async () => {
  const lines = ['id,f,tags'];
  const names = ['zeta', 'alpha', 'mid', 'beta'];
  for (let r = 0; r < 4000; r++) lines.push(`${r},${r * 0.5},${names.filter((_, k) => (r >> k) % 3 === 0).join('|')}`);
  const f = file(lines.join('\n'));
  const sequential = await scanCsvLabels(f, {});
  const parallel = await scanCsvLabels(f, { workerScript, threads: 3, parallelMinBytes: 0 });
  assert.deepEqual(parallel.schema.labelNames, ['alpha', 'beta', 'mid', 'zeta']);
  assert.deepEqual(parallel.matrix, sequential.matrix);
});

test('a file with quotes after the sample falls back to the sequential scan', async () => {
  const lines = oneHotText(3000).split('\n');
  lines[2500] = lines[2500].replace(/^[^,]*,/, '"quoted, with comma",');
  const f = file(lines.join('\n'));
  const plan = await planCsv(f, {});
  assert.equal(plan.head.sampleHasQuote, false);
  assert.equal(await scanParallel(plan.scan, workerScript, plan.head.dataStart, plan.head.fileSize, 2, {}), undefined);
  const parallel = await scanCsvLabels(f, { workerScript, threads: 2, parallelMinBytes: 0 });
  assert.equal(parallel.matrix.rows, 3000);
  assert.deepEqual(parallel.matrix, (await scanCsvLabels(f, {})).matrix);
  const quotedEarly = file(oneHotText(3000, '\n', true));
  const q = await scanCsvLabels(quotedEarly, { workerScript, threads: 2, parallelMinBytes: 0 });
  assert.deepEqual(q.matrix, (await scanCsvLabels(quotedEarly, {})).matrix);
  assert.equal(q.matrix.rows, 3000);
});
