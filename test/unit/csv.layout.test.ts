import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import type { LabelScan } from '../../src/core/io/types.js';
import { openCsv, scanCsvLabels } from '../../src/core/io/csv/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'csv-layout-'));
let n = 0;
function file(content: string | Buffer, ext = '.csv'): string {
  const f = path.join(dir, `t${n++}${ext}`);
  writeFileSync(f, content);
  return f;
}
function rowsOf(scan: LabelScan): number[][] {
  const m = scan.matrix;
  return Array.from({ length: m.rows }, (_, r) => Array.from(m.labels.subarray(m.offsets[r], m.offsets[r + 1])));
}

test('one-hot columns detected at the end; features typed', async () => {
  const f = file('x,color,note,a,b,c\n1.5,red,hello there,1,0,1\n?,blue,,0,0,0\n2,red,more text,0,1,0\n');
  const scan = await scanCsvLabels(f, {});
  assert.deepEqual(scan.schema.labelNames, ['a', 'b', 'c']);
  assert.deepEqual(rowsOf(scan), [[0, 2], [], [1]]);
  assert.deepEqual(scan.schema.features.map((x) => x.kind), ['numeric', 'categorical', 'categorical']);
  assert.equal(scan.schema.labelSource, '3 one-hot label columns a, b, c (found by their 0/1 values)');
  const rows = [];
  for await (const row of (await openCsv(f, {})).rows()) rows.push(row);
  assert.deepEqual(rows[0].features, [1.5, 'red', 'hello there']);
  assert.deepEqual(rows[1].features, [null, 'blue', null]);
  assert.deepEqual(rows.map((r) => r.line), [2, 3, 4]);
});

test('true/false, yes/no, 1.0/0.0 spellings; a label with no positives', async () => {
  const f = file('f,a,b,c\n0.3,TRUE,no,0.0\n0.1,false,Yes,0\n');
  const scan = await scanCsvLabels(f, {});
  assert.deepEqual(rowsOf(scan), [[0], [1]]);
  assert.equal(scan.schema.labelNames.length, 3);
});

test('RFC 4180 quoting: delimiters, doubled quotes, newlines inside quotes, CRLF, BOM', async () => {
  const text = '\uFEFFid,text,a,b\r\n1,"hello, world",1,0\r\n2,"say ""hi""",0,1\r\n3,"two\r\nlines",1,1\r\n4,plain,0,0';
  const f = file(text);
  const scan = await scanCsvLabels(f, {});
  assert.deepEqual(rowsOf(scan), [[0], [1], [0, 1], []]);
  assert.equal(scan.schema.idColumn, 'id');
  const rows = [];
  for await (const row of (await openCsv(f, {})).rows()) rows.push(row);
  assert.deepEqual(rows.map((r) => r.features[0]), ['hello, world', 'say "hi"', 'two\r\nlines', 'plain']);
  assert.deepEqual(rows.map((r) => r.line), [2, 3, 4, 6]);
  assert.deepEqual(rows.map((r) => r.id), ['1', '2', '3', '4']);
});

test('blank lines in the middle and at the end are skipped; LF and CRLF mixed', async () => {
  const f = file('f,a,b\n1,1,0\n\n2,0,1\r\n\r\n3,1,1\n\n\n');
  const scan = await scanCsvLabels(f, {});
  assert.deepEqual(rowsOf(scan), [[0], [1], [0, 1]]);
});

test('TSV by extension, and by sniffing an unknown extension', async () => {
  for (const ext of ['.tsv', '.txt']) {
    const f = file('f\tlabels\n1,5\tcat|dog\n2\t\n', ext);
    const scan = await scanCsvLabels(f, {});
    assert.equal(scan.schema.format, 'tsv');
    assert.deepEqual(scan.schema.labelNames, ['cat', 'dog']);
    assert.deepEqual(rowsOf(scan), [[0, 1], []]);
  }
});

test('label list spellings: |, ;, quoted commas, Python repr, JSON; empty and [] are empty labelsets', async () => {
  const cases: Array<[string, string]> = [
    ['tags', 'x,tags\n1,b|a\n2,\n3,c\n'],
    ['labels', 'x,labels\n1,b;a\n2,\n3,c\n'],
    ['labels', 'x,labels\n1,"b,a"\n2,""\n3,c\n'],
    ['labels', "x,labels\n1,\"['b', 'a']\"\n2,[]\n3,['c']\n"],
    ['categories', 'x,categories\n1,"[""b"",""a""]"\n2,[]\n3,"[""c""]"\n'],
  ];
  for (const [column, text] of cases) {
    const scan = await scanCsvLabels(file(text), {});
    assert.deepEqual(scan.schema.labelNames, ['a', 'b', 'c'], text);
    assert.deepEqual(rowsOf(scan), [[0, 1], [], [2]], text);
    assert.match(scan.schema.labelSource, new RegExp(`column "${column}"`));
  }
});

test('bracketed lists are found without a telling name', async () => {
  const scan = await scanCsvLabels(file('x,y\n1,"[""p""]"\n2,"[""q"", ""p""]"\n'), {});
  assert.deepEqual(scan.schema.labelNames, ['p', 'q']);
  assert.deepEqual(rowsOf(scan), [[0], [0, 1]]);
});

test('explicit choices: labels, labelsFrom, labelColumn; split column', async () => {
  const f = file('id,split,f,g,h,topics\n1,train,0,1,1,x|y\n2,test,1,0,1,y\n');
  let scan = await scanCsvLabels(f, { labels: ['h', 'f'] });
  assert.deepEqual(scan.schema.labelNames, ['h', 'f']);
  assert.deepEqual(rowsOf(scan), [[0], [0, 1]]);
  assert.equal(scan.schema.splitColumn, 'split');
  assert.deepEqual(scan.schema.features.map((x) => x.name), ['g', 'topics']);
  scan = await scanCsvLabels(f, { labelColumn: 'topics' });
  assert.deepEqual(scan.schema.labelNames, ['x', 'y']);
  assert.equal(scan.schema.features.length, 3);
  const g = file('f,g,a,b\n0.5,x,1,0\n0.7,y,0,0\n');
  scan = await scanCsvLabels(g, { labelsFrom: 2 });
  assert.deepEqual(scan.schema.labelNames, ['a', 'b']);
  assert.match(scan.schema.labelSource, /--labels-from 2/);
  const reader = await openCsv(f, { labelColumn: 'topics' });
  const rows = [];
  for await (const row of reader.rows()) rows.push(row);
  assert.deepEqual(rows.map((r) => [r.split, r.labels]), [['train', [0, 1]], ['test', [1]]]);
});

test('pandas index column without a name becomes the id', async () => {
  const scan = await scanCsvLabels(file(',f,a\n0,0.5,1\n1,0.25,0\n'), {});
  assert.equal(scan.schema.idColumn, 'column1');
  assert.deepEqual(scan.schema.features.map((x) => x.name), ['f']);
});

test('labels beyond the sample: a non-binary value later is an error at its line', async () => {
  const lines = ['f,a,b'];
  for (let i = 0; i < 1500; i++) lines.push(`${i},1,0`);
  lines.push('9,1,maybe');
  const f = file(lines.join('\n'));
  await assert.rejects(scanCsvLabels(f, {}), (e: Error & { line?: number; column?: number; hint?: string }) => {
    assert.equal(e.message, 'expected 0 or 1 in label column "b", found "maybe"');
    assert.equal(e.line, 1502);
    assert.equal(e.column, 3);
    assert.match(e.hint ?? '', /--labels/);
    return true;
  });
});
