import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { DatasetError } from '../../src/core/errors.js';
import { openCsv, scanCsvLabels } from '../../src/core/io/csv/index.js';
import { expectDatasetError } from './helpers/errors.js';

const dir = mkdtempSync(path.join(tmpdir(), 'csv-errors-'));
let n = 0;
function file(content: string | Buffer): string {
  const f = path.join(dir, `t${n++}.csv`);
  writeFileSync(f, content);
  return f;
}

/** The exact message (a string) or a pattern, and exactly this line and column (undefined: none). */
function expectError(p: Promise<unknown>, message: string | RegExp, line?: number, column?: number): Promise<DatasetError> {
  const pattern = typeof message === 'string' ? new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : message;
  return expectDatasetError(p, pattern, { line, column });
}

test('empty file', async () => {
  await expectError(scanCsvLabels(file(''), {}), 'file is empty');
  await expectError(scanCsvLabels(file('\n\n'), {}), 'file is empty');
});

test('header only', async () => {
  await expectError(scanCsvLabels(file('a,b,c\n'), {}), 'has a header but no data rows');
  await expectError(openCsv(file('a,b,c'), {}), 'has a header but no data rows');
});

test('wrong field count names line and column', async () => {
  const f = file('f,a,b\n1,0,1\n2,1\n3,0,0\n');
  const e = await expectError(scanCsvLabels(f, {}), 'expected 3 fields as in the header, found 2', 3, 3);
  assert.ok(e.describe().startsWith(`${f}:3:3: expected 3 fields`));
  await expectError(scanCsvLabels(file('f,a,b\n1,0,1\n2,1,0,7\n'), {}), 'expected 3 fields as in the header, found 4', 3, 4);
  const reader = await openCsv(f, {});
  await expectError((async () => {
    for await (const row of reader.rows()) void row;
  })(), 'expected 3 fields as in the header, found 2', 3, 3);
});

test('non-0/1 value in an explicitly chosen label column', async () => {
  const f = file('f,a,b\n1,0,1\n2,1,2\n');
  const e = await expectError(scanCsvLabels(f, { labels: ['a', 'b'] }), 'expected 0 or 1 in label column "b", found "2"', 3, 3);
  assert.match(e.hint ?? '', /--labels or --labels-from/);
  const reader = await openCsv(f, { labels: ['a', 'b'] });
  await expectError((async () => {
    for await (const row of reader.rows()) void row;
  })(), 'expected 0 or 1 in label column "b", found "2"', 3, 3);
});

test('unterminated quote at the end names the line where it opened', async () => {
  await expectError(scanCsvLabels(file('t,a\nx,1\n"open,0\nmore,1\n'), { labels: ['a'] }), 'unterminated quoted field: the quote opened on line 3 is never closed', 3, 1);
});

test('text after a closing quote', async () => {
  await expectError(scanCsvLabels(file('t,a\n"x"y,1\n'), { labels: ['a'] }), 'expected a delimiter or the end of the line after a closing quote', 2, 1);
});

test('duplicate header names', async () => {
  await expectError(scanCsvLabels(file('a,b,a\n1,0,1\n'), {}), 'duplicate column name "a" (columns 1 and 3)', 1, 3);
});

test('no label columns found, with the hint how to choose them', async () => {
  const e = await expectError(scanCsvLabels(file('x,y\n1.5,abc\n2.5,def\n'), {}), /^no label columns found/, 1);
  assert.match(e.hint ?? '', /--labels a,b,c/);
  assert.match(e.hint ?? '', /--labels-from N/);
  assert.match(e.hint ?? '', /--label-column NAME/);
});

test('unknown label names list the available columns', async () => {
  const f = file('x,a,b\n1,0,1\n');
  await expectError(scanCsvLabels(f, { labels: ['a', 'zz'] }), 'no column named "zz"; the columns are: x, a, b', 1);
  await expectError(scanCsvLabels(f, { labelColumn: 'nope' }), 'no column named "nope"; the columns are: x, a, b', 1);
  await expectError(scanCsvLabels(f, { labelsFrom: 3 }), /--labels-from 3 is outside the 3 columns/, 1);
});

test('UTF-16 is refused with a hint', async () => {
  const e = await expectError(scanCsvLabels(file(Buffer.from('\uFEFFa,b\n', 'utf16le')), {}), /UTF-16/, 1);
  assert.match(e.hint ?? '', /UTF-8/);
});

test('skipBadRows counts bad rows and keeps lines and reasons; structural errors still throw', async () => {
  const f = file('f,a,b\n1,0,1\n2,1\n3,1,x\n4,1,1\n"5,0,0\n');
  const scan = await scanCsvLabels(f, { labels: ['a', 'b'], skipBadRows: true });
  assert.equal(scan.matrix.rows, 2);
  assert.equal(scan.skippedCount, 3);
  assert.deepEqual(scan.skipped, [
    { line: 3, reason: 'column 3: expected 3 fields as in the header, found 2' },
    { line: 4, reason: 'column 3: expected 0 or 1 in label column "b", found "x"' },
    { line: 6, reason: 'column 1: unterminated quoted field: the quote opened on line 6 is never closed' },
  ]);
  const reader = await openCsv(f, { labels: ['a', 'b'], skipBadRows: true });
  const lines: number[] = [];
  for await (const row of reader.rows()) lines.push(row.line);
  assert.deepEqual(lines, [2, 5]);
  assert.equal(reader.skipped().count, 3);
  await expectError(scanCsvLabels(file(''), { skipBadRows: true }), 'file is empty');
});

test('a non-number in a numeric column fails in openCsv', async () => {
  const lines = ['x,a'];
  for (let i = 0; i < 1001; i++) lines.push(`${i},1`);
  lines.push('abc,0');
  const reader = await openCsv(file(lines.join('\n')), {});
  await expectError((async () => {
    for await (const row of reader.rows()) void row;
  })(), 'expected a number in column "x" (numeric in the first rows), found "abc"', 1003, 1);
});

test('abort stops with an AbortError; progress is reported', async () => {
  const lines = ['x,a'];
  for (let i = 0; i < 200000; i++) lines.push(`${i},1`);
  const f = file(lines.join('\n'));
  const controller = new AbortController();
  controller.abort();
  await assert.rejects(scanCsvLabels(f, { signal: controller.signal }), { name: 'AbortError' });
  const seen: number[] = [];
  await scanCsvLabels(f, { onProgress: (done, total) => seen.push(done / total) });
  assert.ok(seen.length > 0);
  assert.equal(seen[seen.length - 1], 1);
});
