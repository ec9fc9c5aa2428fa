/** JSONL reading on small hand-written files: label forms, field kinds, every error. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { DatasetError } from '../../src/core/errors.js';
import { openJsonl, scanJsonlLabels } from '../../src/core/io/jsonl/index.js';
import type { DatasetRow, ReadOptions } from '../../src/core/io/types.js';
import { collectRows, labelRows } from './helpers/readers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'il-jsonl-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
function jsonl(content: string): string {
  const file = path.join(dir, `f${counter++}.jsonl`);
  writeFileSync(file, content);
  return file;
}
const lines = (...objects: unknown[]): string => objects.map((o) => (typeof o === 'string' ? o : JSON.stringify(o))).join('\n') + '\n';

const rowsOf = (file: string, options: ReadOptions = {}): Promise<DatasetRow[]> => collectRows(openJsonl(file, options));

interface Expected {
  line?: number;
  column?: number;
  message: RegExp;
  hint?: RegExp;
}

async function bothFail(file: string, expected: Expected, options: ReadOptions = {}): Promise<void> {
  const check = (e: unknown): boolean => {
    assert.ok(e instanceof DatasetError, `expected a DatasetError, got ${String(e)}`);
    assert.equal(e.file, file);
    assert.match(e.message, expected.message);
    if ('line' in expected) assert.equal(e.line, expected.line, `line of: ${e.message}`);
    if ('column' in expected) assert.equal(e.column, expected.column, `column of: ${e.message}`);
    if (expected.hint) assert.match(e.hint ?? '', expected.hint);
    return true;
  };
  await assert.rejects(rowsOf(file, options), check, 'openJsonl/rows');
  await assert.rejects(scanJsonlLabels(file, options), check, 'scanJsonlLabels');
}

describe('openJsonl / scanJsonlLabels on hand-written files', () => {
  it('reads label arrays into a sorted label space, with id, split and typed features', async () => {
    const file = jsonl(
      lines(
        { id: 'a1', split: 'train', n: 1.5, colour: 'red', meta: { x: 1 }, labels: ['zebra', 'ant'] },
        '',
        { id: 'a2', split: 'test', n: 2, colour: 'blue', labels: [3, 'ant', 'ant'] },
        '   ',
        { id: 7, split: 'train', colour: 'red', labels: [] },
      ),
    );
    const reader = await openJsonl(file, {});
    const { schema } = reader;
    assert.deepEqual(schema.labelNames, ['3', 'ant', 'zebra']);
    assert.equal(schema.idColumn, 'id');
    assert.equal(schema.splitColumn, 'split');
    assert.deepEqual(schema.features, [
      { name: 'n', kind: 'numeric' },
      { name: 'colour', kind: 'categorical', values: ['blue', 'red'] },
    ]);
    assert.match(schema.labelSource, /3 labels from the "labels" field \(arrays of names\); label space: the union over the file, sorted by name/);
    assert.match(schema.notes.join(' '), /field "meta" holds nested objects or arrays: not used as a feature/);
    assert.deepEqual(await rowsOf(file), [
      { line: 1, features: [1.5, 'red'], labels: [1, 2], id: 'a1', split: 'train' },
      { line: 3, features: [2, 'blue'], labels: [0, 1], id: 'a2', split: 'test' },
      { line: 5, features: [null, 'red'], labels: [], id: '7', split: 'train' },
    ]);
    const scan = await scanJsonlLabels(file, {});
    assert.deepEqual(scan.schema.labelNames, ['3', 'ant', 'zebra']);
    assert.deepEqual(labelRows(scan), [[1, 2], [0, 1], []]);
  });

  it('reads CRLF line endings and a BOM', async () => {
    const file = jsonl('\ufeff{"tags":["b"]}\r\n\r\n{"tags":["a","b"]}\r\n');
    const scan = await scanJsonlLabels(file, {});
    assert.deepEqual(scan.schema.labelNames, ['a', 'b']);
    assert.deepEqual(labelRows(scan), [[1], [0, 1]]);
    assert.deepEqual((await rowsOf(file)).map((r) => r.line), [1, 3]);
  });

  it('reads 0/1 and boolean label objects: keys with no positives stay in the label space', async () => {
    const file = jsonl(lines({ categories: { cat: 1, dog: 0 } }, { categories: { cat: false, dog: 0, eel: true } }, { categories: { cat: true } }));
    const scan = await scanJsonlLabels(file, {});
    assert.deepEqual(scan.schema.labelNames, ['cat', 'dog', 'eel']);
    assert.deepEqual(labelRows(scan), [[0], [2], [0]]);
    assert.match(scan.schema.labelSource, /objects of 0\/1 per name/);
  });

  it('reads a single name as a one-label list, and null or "" as no labels', async () => {
    const file = jsonl(lines({ label: 'x' }, { label: null }, { label: '' }, { label: 4 }));
    assert.deepEqual(labelRows(await scanJsonlLabels(file, {})), [[1], [], [], [0]]);
  });

  it('detects the label field by candidate order, then in any case; an option overrides it', async () => {
    const both = jsonl(lines({ target: ['t'], tags: ['g'], Other: ['o'] }));
    assert.deepEqual((await scanJsonlLabels(both, {})).schema.labelNames, ['g']);
    assert.deepEqual((await scanJsonlLabels(both, { labelColumn: 'Other' })).schema.labelNames, ['o']);
    const upper = jsonl(lines({ Classes: ['c'] }));
    assert.deepEqual((await scanJsonlLabels(upper, {})).schema.labelNames, ['c']);
  });

  it('tells text from categorical strings, and notes mixed fields', async () => {
    const objects = Array.from({ length: 60 }, (_, k) => ({
      title: `a distinct title number ${k}`,
      kind: k % 3 === 0 ? 'x' : 'y',
      flag: k % 2 === 0,
      mixed: k % 2 === 0 ? 1 : 'one',
      labels: ['l'],
    }));
    const { schema } = await openJsonl(jsonl(lines(...objects)), {});
    assert.deepEqual(schema.features.map((f) => [f.name, f.kind]), [
      ['title', 'text'],
      ['kind', 'categorical'],
      ['flag', 'categorical'],
      ['mixed', 'categorical'],
    ]);
    assert.match(schema.notes.join(' '), /field "mixed" mixes strings, numbers or booleans: read as strings/);
  });
});

describe('JSONL errors: DatasetError with file, line, column and what was expected', () => {
  it('invalid JSON, with the parser complaint and column', async () => {
    await bothFail(jsonl('{"labels":["a"]}\n{"labels":["a"],}\n'), { line: 2, column: 17, message: /^invalid JSON: Expected double-quoted property name$/ });
    await bothFail(jsonl('{"labels":["a"]}\n{"labels":["a"]\n'), { line: 2, column: 16, message: /invalid JSON: Expected ',' or '\}' after property value/ });
  });

  it('invalid JSON without a position: no column, and no echo of the line', async () => {
    await bothFail(jsonl('{"labels": tru}\n'), { line: 1, message: /^invalid JSON: Unexpected token '\}'$/ });
  });

  it('a line that is not an object', async () => {
    await bothFail(jsonl('{"labels":["a"]}\n["a"]\n'), { line: 2, column: 1, message: /expected a JSON object \{\.\.\.\} on each line, found an array/ });
    await bothFail(jsonl('42\n'), { line: 1, message: /found a number/ });
  });

  it('a labels field of the wrong type', async () => {
    await bothFail(jsonl('{"labels":["a"]}\n{"labels":true}\n'), { line: 2, message: /"labels" is a boolean; expected an array of label names, an object of 0\/1 or true\/false, or a single name/ });
    await bothFail(jsonl('{"labels":["a", {"b":1}]}\n'), { line: 1, message: /"labels"\[1\] is an object; a label list holds strings or numbers/ });
    await bothFail(jsonl('{"labels":{"a":2}}\n'), { line: 1, message: /"labels"\."a" is 2; a label object maps names to 0\/1 or true\/false/ });
  });

  it('no labels field: a hint to name one', async () => {
    await bothFail(jsonl('{"text":"x","y":["a"]}\n'), { line: 1, message: /no labels field found: looked for "labels", "tags"/, hint: /--label-column NAME.*"text", "y"/ });
    await bothFail(jsonl('{"labels":["a"]}\n'), { line: 1, message: /the label field "nope" is not in the first object/ }, { labelColumn: 'nope' });
  });

  it('a row without the labels field', async () => {
    await bothFail(jsonl('{"labels":["a"]}\n{"text":"x"}\n'), { line: 2, message: /this row has no "labels" field/ });
  });

  it('an empty file, or only blank lines', async () => {
    await bothFail(jsonl(''), { message: /the file is empty: expected one JSON object per line/ });
    await bothFail(jsonl('\n \r\n'), { message: /the file is empty/ });
  });

  it('skipBadRows: counts every bad row, keeps the first 100, reads the rest', async () => {
    const good = Array.from({ length: 30 }, (_, k) => JSON.stringify({ labels: [`l${k % 4}`], n: k }));
    const bad = Array.from({ length: 120 }, (_, k) => (k % 2 === 0 ? '{bad' : '{"labels": 5.5e400}'));
    const file = jsonl([good[0], ...bad, ...good.slice(1)].join('\n'));
    const scan = await scanJsonlLabels(file, { skipBadRows: true });
    assert.equal(scan.matrix.rows, 30);
    assert.equal(scan.matrix.labelCount, 4);
    assert.equal(scan.skippedCount, 120);
    assert.equal(scan.skipped.length, 100);
    assert.deepEqual(scan.skipped[0], { line: 2, reason: "column 2: invalid JSON: Expected property name or '}'" });
    assert.match(scan.skipped[1].reason, /"labels" is a number/);
    const reader = await openJsonl(file, { skipBadRows: true });
    let rows = 0;
    for await (const row of reader.rows()) rows += row.features.length === 1 ? 1 : 0;
    assert.equal(rows, 30);
    assert.equal(reader.skipped().count, 120);
    assert.equal(reader.skipped().rows.length, 100);
  });

  it('skipBadRows with nothing readable is still an error', async () => {
    await bothFail(jsonl('{x\n{y\n'), { message: /no row could be read: all 2 non-blank lines were skipped/ }, { skipBadRows: true });
  });
});

describe('JSONL progress and cancellation', () => {
  it('reports progress up to the file size and honours an abort signal', async () => {
    const file = jsonl(lines({ labels: ['a'] }, { labels: ['b'] }));
    const seen: number[] = [];
    await scanJsonlLabels(file, { onProgress: (done, total) => seen.push(done / total) });
    assert.equal(seen.at(-1), 1);
    await assert.rejects(scanJsonlLabels(file, { signal: AbortSignal.abort() }), { name: 'AbortError' });
    await assert.rejects(openJsonl(file, { signal: AbortSignal.abort() }), { name: 'AbortError' });
  });
});
