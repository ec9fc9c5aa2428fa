import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { openCsv, parseCsvRecords, readCsvRecords } from '../../src/core/io/csv/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'csv-records-'));
let n = 0;
function file(content: string): string {
  const f = path.join(dir, `t${n++}.csv`);
  writeFileSync(f, content);
  return f;
}

/** RFC 4180 writer: quote a field when it holds the delimiter, a quote, CR or LF (or is empty in a one-field record). */
function writeCsv(rows: string[][], d: string, eol: string): string {
  const quote = (s: string): string => (s.includes(d) || /["\r\n]/.test(s) || s === '' ? `"${s.replaceAll('"', '""')}"` : s);
  return rows.map((r) => r.map(quote).join(d)).join(eol) + eol;
}

test('parseCsvRecords: quoting rules', () => {
  assert.deepEqual(parseCsvRecords('a,"b,c","d""e"\n"x\ny",,\n'), [['a', 'b,c', 'd"e'], ['x\ny', '', '']]);
  assert.deepEqual(parseCsvRecords('a,b'), [['a', 'b']]);
  assert.deepEqual(parseCsvRecords('a,b,\r\n\r\n'), [['a', 'b', '']]);
  assert.deepEqual(parseCsvRecords('a\tb "c"\r1\t2\n', '\t'), [['a', 'b "c"'], ['1', '2']]);
  assert.deepEqual(parseCsvRecords('\uFEFFé,"ü\u{1F600}"\n'), [['é', 'ü\u{1F600}']]);
  assert.throws(() => parseCsvRecords('a\n"b\n'), /quote opened on line 2/);
});

const cell = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '\t', '"', '\r', '\n', 'é', '\u{1F600}', '0', '1', '|', ';'), maxLength: 8 });
const table = fc.integer({ min: 1, max: 5 }).chain((cols) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 12 }));

test('property: any table written with RFC 4180 quoting reads back identically (in memory)', () => {
  fc.assert(
    fc.property(table, fc.constantFrom(',', '\t'), fc.constantFrom('\n', '\r\n'), (rows, d, eol) => {
      assert.deepEqual(parseCsvRecords(writeCsv(rows, d, eol), d as ',' | '\t'), rows);
    }),
    { numRuns: 500 },
  );
});

test('property: the same through the streaming reader with records cut at every chunk size', async () => {
  await fc.assert(
    fc.asyncProperty(table, fc.constantFrom(',', '\t'), fc.integer({ min: 8, max: 64 }), async (rows, d, chunkBytes) => {
      const f = file(writeCsv(rows, d, '\r\n'));
      const back: string[][] = [];
      for await (const rec of readCsvRecords(f, { delimiter: d as ',' | '\t', chunkBytes })) back.push(rec.fields);
      assert.deepEqual(back, rows);
    }),
    { numRuns: 150 },
  );
});

test('property: openCsv returns arbitrary text features and a 0/1 label column intact', async () => {
  // text cells start with a letter: whitespace-only cells would read as missing values
  const text = fc.string({ unit: fc.constantFrom('x', ',', '"', '\n', '\r', 'é', ' '), maxLength: 10 }).map((s) => `x${s}`);
  const row = fc.tuple(text, fc.boolean());
  await fc.assert(
    fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 30 }), async (rows) => {
      const f = file(writeCsv([['text', 'y'], ...rows.map(([t, y]) => [t, y ? '1' : '0'])], ',', '\n'));
      const reader = await openCsv(f, { labels: ['y'] });
      const back: Array<[string, boolean]> = [];
      for await (const r of reader.rows()) back.push([String(r.features[0]), r.labels.length === 1]);
      assert.deepEqual(back, rows);
    }),
    { numRuns: 100 },
  );
});
