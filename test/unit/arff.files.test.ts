/** ARFF reading on small hand-written files: syntax corners, both label conventions, every error. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { DatasetError } from '../../src/core/errors.js';
import { openArff, scanArffLabels } from '../../src/core/io/arff/index.js';
import type { DatasetRow, ReadOptions } from '../../src/core/io/types.js';
import { collectRows, labelRows } from './helpers/readers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'il-arff-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
/** Writes `name.arff` (and `name.xml` listing `labels`, when given) in a fresh folder. */
function arff(content: string, labels?: string[] | string, name = 'data'): string {
  const folder = path.join(dir, `case${counter++}`);
  mkdirSync(folder);
  return writeCase(folder, name, content, labels);
}

function writeCase(folder: string, name: string, content: string, labels?: string[] | string): string {
  const file = path.join(folder, `${name}.arff`);
  writeFileSync(file, content);
  if (labels !== undefined) {
    const xml = typeof labels === 'string' ? labels : xmlOf(labels);
    writeFileSync(path.join(folder, `${name.replace(/-(train|test)$/, '')}.xml`), xml);
  }
  return file;
}

function xmlOf(labels: string[]): string {
  const items = labels.map((l) => `<label name="${l.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></label>`).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<labels xmlns="http://mulan.sourceforge.net/labels">\n${items}\n</labels>\n`;
}

const rowsOf = (file: string, options: ReadOptions = {}): Promise<DatasetRow[]> => collectRows(openArff(file, options));

interface Expected {
  line?: number;
  column?: number;
  message: RegExp;
}

/** Asserts a DatasetError with the given place and message, from both openArff+rows and scanArffLabels. */
async function bothFail(file: string, expected: Expected, options: ReadOptions = {}): Promise<void> {
  await assert.rejects(rowsOf(file, options), matches(file, expected), 'openArff/rows');
  await assert.rejects(scanArffLabels(file, options), matches(file, expected), 'scanArffLabels');
}

function matches(file: string, expected: Expected): (e: unknown) => boolean {
  return (e) => {
    assert.ok(e instanceof DatasetError, `expected a DatasetError, got ${String(e)}`);
    assert.equal(e.file, file);
    assert.match(e.message, expected.message);
    if ('line' in expected) assert.equal(e.line, expected.line, `line of: ${e.message}`);
    if ('column' in expected) assert.equal(e.column, expected.column, `column of: ${e.message}`);
    return true;
  };
}

const HEADER = `% a comment before anything
@RELATION 'test data'

@Attribute 'Att 1' REAL
@attribute 'it\\'s' Integer   % a trailing comment
@attribute "dq \\"x\\"" numeric
@attribute colour {red, 'light blue', "dark green"}
@attribute note string
@attribute when date "yyyy-MM-dd"
@attribute 'A & B' {0,1}
@attribute L2 {0,1}
@attribute L3 numeric
% labels above: L2, A & B, L3 (xml order)
@DATA
`;

describe('openArff / scanArffLabels on hand-written files', () => {
  it('reads a MULAN dense file: quoted names, escapes, types, comments, missing values, xml order', async () => {
    const file = arff(`${HEADER}1.5,2,3,red,hello,2020-01-01,1,0,1\n\n% comment row\n?,-1,1e3,'light blue','a, b',?,0,1,0\n  0 , 0 , 0 , "dark green" , x , 2021-02-03 , 0 , 0 , 0  \n`, ['L2', 'A & B', 'L3']);
    const reader = await openArff(file, {});
    const { schema } = reader;
    assert.deepEqual(schema.labelNames, ['L2', 'A & B', 'L3']);
    assert.equal(schema.format, 'arff');
    assert.deepEqual(schema.features.map((f) => [f.name, f.kind]), [
      ['Att 1', 'numeric'],
      ["it's", 'numeric'],
      ['dq "x"', 'numeric'],
      ['colour', 'categorical'],
      ['note', 'text'],
      ['when', 'text'],
    ]);
    assert.deepEqual(schema.features[3].values, ['red', 'light blue', 'dark green']);
    assert.match(schema.labelSource, /3 labels named in data\.xml \(MULAN\)/);
    const rows = await rowsOf(file);
    assert.deepEqual(rows, [
      { line: 15, features: [1.5, 2, 3, 'red', 'hello', '2020-01-01'], labels: [1, 2] },
      { line: 18, features: [null, -1, 1000, 'light blue', 'a, b', null], labels: [0] },
      { line: 19, features: [0, 0, 0, 'dark green', 'x', '2021-02-03'], labels: [] },
    ]);
    const scan = await scanArffLabels(file, {});
    assert.deepEqual(labelRows(scan), [[1, 2], [0], []]);
    assert.equal(scan.matrix.labelCount, 3);
    assert.equal(scan.skippedCount, 0);
  });

  it('reads CRLF line endings and a BOM the same as LF', async () => {
    const text = '@relation r\n@attribute a numeric\n@attribute "l 1" {0,1}\n@attribute l2 {0,1}\n@data\n1,1,0\n2,0,1\n3,1,1';
    const plain = arff(text, ['l 1', 'l2']);
    const windows = arff(`\ufeff${text.replace(/\n/g, '\r\n')}\r\n`, ['l 1', 'l2']);
    assert.deepEqual(await rowsOf(windows), await rowsOf(plain));
    assert.deepEqual(labelRows(await scanArffLabels(windows, {})), [[0], [1], [0, 1]]);
  });

  it('reads sparse rows: omitted numeric = 0, omitted nominal = its first declared value', async () => {
    const file = arff(
      `@relation s\n@attribute x numeric\n@attribute c {b,a}\n@attribute t string\n@attribute l1 {0,1}\n@attribute l2 {1,0}\n@data\n` +
        `{0 2.5, 3 1}\n{}\n{1 a, 2 'x, y', 4 0}\n{ 1 b , 3 1 },{3}\n`,
      ['l1', 'l2'],
    );
    const rows = await rowsOf(file);
    assert.deepEqual(rows.map((r) => r.features), [
      [2.5, 'b', ''],
      [0, 'b', ''],
      [0, 'a', 'x, y'],
      [0, 'b', ''],
    ]);
    // l2 is declared {1,0}: a sparse row that omits it holds its first value, 1
    assert.deepEqual(rows.map((r) => r.labels), [[0, 1], [1], [], [0, 1]]);
    assert.deepEqual(labelRows(await scanArffLabels(file, {})), [[0, 1], [1], [], [0, 1]]);
  });

  it('keeps empty labelsets and a label with no positives in the label space', async () => {
    const file = arff('@relation e\n@attribute f numeric\n@attribute a {0,1}\n@attribute b {0,1}\n@attribute never {0,1}\n@data\n1,0,0,0\n2,1,0,0\n3,1,1,0\n', ['a', 'b', 'never']);
    const scan = await scanArffLabels(file, {});
    assert.deepEqual(scan.schema.labelNames, ['a', 'b', 'never']);
    assert.deepEqual(labelRows(scan), [[], [0], [0, 1]]);
  });

  it('reads numeric 0/1 labels, a weighted dense row, quoted values with commas and a trailing comment', async () => {
    const file = arff("@relation w\n@attribute s string\n@attribute l numeric\n@data\n'a,b',1.0,{2}\n\"c\",0 % no label\n", ['l']);
    const rows = await rowsOf(file);
    assert.deepEqual(rows.map((r) => [r.features, r.labels]), [[['a,b'], [0]], [['c'], []]]);
    assert.deepEqual(labelRows(await scanArffLabels(file, {})), [[0], []]);
  });

  it('finds the MULAN xml without a -train/-test suffix', async () => {
    const folder = path.join(dir, `suffix${counter++}`);
    mkdirSync(folder);
    const content = '@relation x\n@attribute f numeric\n@attribute y {0,1}\n@data\n1,1\n';
    const train = writeCase(folder, 'toy-train', content, ['y']);
    const test = writeCase(folder, 'toy-test', content);
    assert.deepEqual((await scanArffLabels(train, {})).schema.labelNames, ['y']);
    assert.match((await scanArffLabels(test, {})).schema.labelSource, /toy\.xml/);
  });

  it('reads nested (hierarchical) xml labels and entities', async () => {
    const xml = '<?xml version="1.0"?>\n<labels xmlns="http://mulan.sourceforge.net/labels">\n<!-- <label name="ignored"/> -->\n<label name="A">\n  <label name="A&amp;1"/>\n  <label name=\'A&#46;2\'></label>\n</label>\n</labels>';
    const file = arff('@relation h\n@attribute f numeric\n@attribute A {0,1}\n@attribute A&1 {0,1}\n@attribute A.2 {0,1}\n@data\n0,1,1,0\n', xml);
    const scan = await scanArffLabels(file, {});
    assert.deepEqual(scan.schema.labelNames, ['A', 'A&1', 'A.2']);
    assert.deepEqual(labelRows(scan), [[0, 1]]);
  });

  it('reads MEKA -C N (first N attributes) and -C -N (last N)', async () => {
    const first = arff("@relation 'Toy: -C 2 -R'\n@attribute a {0,1}\n@attribute b {0,1}\n@attribute f numeric\n@data\n1,0,5\n0,1,6\n");
    const firstScan = await scanArffLabels(first, {});
    assert.deepEqual(firstScan.schema.labelNames, ['a', 'b']);
    assert.deepEqual(firstScan.schema.features.map((f) => f.name), ['f']);
    assert.match(firstScan.schema.labelSource, /first 2 attributes \(MEKA -C 2/);
    assert.deepEqual(labelRows(firstScan), [[0], [1]]);
    const last = arff('@relation "Toy: -C -1"\n@attribute f numeric\n@attribute g numeric\n@attribute z {0,1}\n@data\n1,2,1\n');
    const lastScan = await scanArffLabels(last, {});
    assert.deepEqual(lastScan.schema.labelNames, ['z']);
    assert.deepEqual((await rowsOf(last))[0], { line: 6, features: [1, 2], labels: [0] });
  });

  it('lets a MULAN xml win over a MEKA -C option, with a note', async () => {
    const file = arff("@relation 'T: -C 1'\n@attribute a {0,1}\n@attribute b {0,1}\n@data\n1,0\n", ['b']);
    const scan = await scanArffLabels(file, {});
    assert.deepEqual(scan.schema.labelNames, ['b']);
    assert.match(scan.schema.notes.join(' '), /-C 1 option was ignored/);
  });

  it('takes labels given by name in the options', async () => {
    const file = arff('@relation n\n@attribute a {0,1}\n@attribute b {0,1}\n@data\n1,0\n');
    assert.deepEqual(labelRows(await scanArffLabels(file, { labels: ['a'] })), [[0]]);
  });
});

describe('ARFF errors: DatasetError with file, line, column and what was expected', () => {
  const ok = '@relation r\n@attribute f numeric\n@attribute c {x,y}\n@attribute l {0,1}\n@data\n';

  it('an unknown attribute type', async () => {
    await bothFail(arff('@relation r\n@attribute f numbr\n@data\n1\n', ['f']), { line: 2, column: 14, message: /unknown type 'numbr'; expected numeric, real, integer, string, date or \{/ });
  });

  it('a missing @data', async () => {
    await bothFail(arff('@relation r\n@attribute f numeric\n\n', ['f']), { line: 3, message: /no @data line/ });
  });

  it('an empty file, and one with only blank lines', async () => {
    await bothFail(arff('', ['l']), { message: /the file is empty/ });
    await bothFail(arff('\n  \n', ['l']), { message: /the file is empty/ });
  });

  it('a header without data rows', async () => {
    await bothFail(arff(`${ok}\n% nothing\n`, ['l']), { line: 5, message: /has no data rows/ });
  });

  it('a dense row with too few or too many values', async () => {
    await bothFail(arff(`${ok}1,x,0\n2,y\n`, ['l']), { line: 7, column: 4, message: /expected 3 values \(one per @attribute\), found 2/ });
    await bothFail(arff(`${ok}1,x,0,9\n`, ['l']), { line: 6, column: 7, message: /expected 3 values \(one per @attribute\), found 4/ });
    await bothFail(arff(`${ok}'1',x,0,9\n`, ['l']), { line: 6, column: 9, message: /found 4/ });
  });

  it('a sparse index out of range', async () => {
    await bothFail(arff(`${ok}{0 1, 3 1}\n`, ['l']), { line: 6, column: 7, message: /sparse index 3 is out of range: the header declares 3 attributes \(indices 0\.\.2\)/ });
  });

  it('a nominal value not in the declared set (reading rows)', async () => {
    const file = arff(`${ok}1,x,0\n2,z,1\n`, ['l']);
    await assert.rejects(rowsOf(file), matches(file, { line: 7, column: 3, message: /'z' is not a declared value of attribute 'c' \{x,y\}/ }));
    assert.equal((await scanArffLabels(file, {})).matrix.rows, 2, 'the label scan does not decode features');
  });

  it('a value that is not a number in a numeric attribute (reading rows)', async () => {
    const file = arff(`${ok}abc,x,0\n`, ['l']);
    await assert.rejects(rowsOf(file), (e) => e instanceof DatasetError && e.line === 6 && e.column === 1 && /expected a number for attribute 'f', found 'abc'/.test(e.message));
  });

  it('an unterminated quote, in the header and in a row', async () => {
    await bothFail(arff("@relation r\n@attribute 'f numeric\n@data\n1\n", ['f']), { line: 2, column: 12, message: /unterminated quoted string: no closing '/ });
    await bothFail(arff(`${ok}1,"x,0\n`, ['l']), { line: 6, column: 3, message: /unterminated quoted string/ });
  });

  it('an unterminated nominal list', async () => {
    await bothFail(arff('@relation r\n@attribute c {a,b\n@data\n', ['c']), { line: 2, message: /unterminated nominal value list: expected '\}'/ });
  });

  it('a label value other than 0/1, dense and sparse', async () => {
    await bothFail(arff(`${ok}1,x,0\n1, y, 2\n`, ['l']), { line: 7, column: 7, message: /label 'l' must be 0 or 1, found '2'/ });
    await bothFail(arff(`${ok}1,x,?\n`, ['l']), { line: 6, column: 5, message: /label 'l' must be 0 or 1, found '\?' \(missing\)/ });
    const numericLabel = '@relation r\n@attribute f numeric\n@attribute l numeric\n@data\n';
    await bothFail(arff(`${numericLabel}{0 1,1 0.5}\n`, ['l']), { line: 5, column: 8, message: /label 'l' must be 0 or 1, found '0.5'/ });
  });

  it('no label convention: neither a MULAN xml nor MEKA -C', async () => {
    await bothFail(arff(`${ok}1,x,0\n`), { message: /no MULAN label file beside this ARFF and @relation has no MEKA -C option/ });
    await assert.rejects(scanArffLabels(arff(`${ok}1,x,0\n`), {}), (e) => e instanceof DatasetError && /MEKA: name the relation 'Name: -C N'/.test(e.hint ?? '') && /data\.xml/.test(e.hint ?? ''));
  });

  it('an xml label that is not an attribute', async () => {
    await bothFail(arff(`${ok}1,x,0\n`, ['l', 'ghost']), { message: /label 'ghost' \(named in data\.xml\) is not an attribute of data\.arff/ });
  });

  it('a label attribute of the wrong type', async () => {
    await bothFail(arff(`${ok}1,x,0\n`, ['c']), { line: 3, message: /label attribute 'c' is declared \{x,y\}: a label must be nominal \{0,1\} or numeric 0\/1/ });
  });

  it('a MEKA -C larger than the attribute count', async () => {
    await bothFail(arff("@relation 'x: -C 5'\n@attribute a {0,1}\n@data\n1\n"), { line: 1, message: /-C 5 asks for 5 labels but the header declares only 1 attributes/ });
  });

  it('an unknown keyword and a duplicated attribute', async () => {
    await bothFail(arff('@relation r\n@atribute f numeric\n@data\n', ['f']), { line: 2, column: 1, message: /expected @relation, @attribute or @data in the ARFF header, found '@atribute'/ });
    await bothFail(arff('@relation r\n@attribute f numeric\n@attribute f numeric\n@data\n', ['f']), { line: 3, message: /attribute 'f' is declared twice/ });
  });
});

describe('skipBadRows', () => {
  it('counts every bad row, keeps the first 100 with line and reason, and reads the rest', async () => {
    const good = Array.from({ length: 50 }, (_, k) => `${k},x,${k % 2}`);
    const bad = Array.from({ length: 150 }, (_, k) => (k % 3 === 0 ? `${k},x,7` : k % 3 === 1 ? `${k},x` : `{9 1}`));
    const body = good.slice(0, 25).concat(bad, good.slice(25)).join('\n');
    const file = arff(`@relation r\n@attribute f numeric\n@attribute c {x,y}\n@attribute l {0,1}\n@data\n${body}\n`, ['l']);
    const scan = await scanArffLabels(file, { skipBadRows: true });
    assert.equal(scan.matrix.rows, 50);
    assert.equal(scan.skippedCount, 150);
    assert.equal(scan.skipped.length, 100);
    assert.deepEqual(scan.skipped[0], { line: 31, reason: "column 5: label 'l' must be 0 or 1, found '7'" });
    assert.match(scan.skipped[1].reason, /expected 3 values/);
    assert.match(scan.skipped[2].reason, /sparse index 9 is out of range/);
    const reader = await openArff(file, { skipBadRows: true });
    let rows = 0;
    for await (const row of reader.rows()) rows += row.features.length === 2 ? 1 : 0;
    assert.equal(rows, 50);
    const skipped = reader.skipped();
    assert.equal(skipped.count, 150);
    assert.equal(skipped.rows.length, 100);
    assert.equal(skipped.rows[99].line, 31 + 99);
  });
});

describe('ARFF header corners', () => {
  it('reads an unquoted MEKA relation with spaces, ignoring a trailing comment', async () => {
    const file = arff('@relation Toy: -C -1 % labels last\n@attribute f numeric\n@attribute y {0,1}\n@data\n3,1\n');
    const scan = await scanArffLabels(file, {});
    assert.deepEqual(scan.schema.labelNames, ['y']);
  });

  it('reads a nominal declaration glued to the name and tabs as spaces', async () => {
    const file = arff('@relation r\n@attribute\tc{a, b}\n@attribute y\t{0,1}\n@data\nb,1\n', ['y']);
    assert.deepEqual(await rowsOf(file), [{ line: 5, features: ['b'], labels: [0] }]);
  });

  it('reports progress and honours an abort signal', async () => {
    const file = arff('@relation r\n@attribute f numeric\n@attribute y {0,1}\n@data\n1,1\n', ['y']);
    const seen: number[] = [];
    await scanArffLabels(file, { onProgress: (done, total) => seen.push(done / total) });
    assert.equal(seen.at(-1), 1);
    await assert.rejects(scanArffLabels(file, { signal: AbortSignal.abort() }), { name: 'AbortError' });
  });
});
