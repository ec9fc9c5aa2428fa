/**
 * writeResampled: a hand-built result (every input row, a clone, an edited row, a synthetic row)
 * written in each input format, read back with the readers, and checked against the input's own
 * raw lines: header kept, kept rows byte for byte plus the markers, labels and features as given.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readDatasetTable, type DatasetTable } from '../../src/core/data/datasetTable.js';
import { numericValueAt } from '../../src/core/data/sparseNumeric.js';
import { DatasetError, UsageError } from '../../src/core/errors.js';
import { openDataset } from '../../src/core/io/open.js';
import type { FeatureValue, ReadOptions } from '../../src/core/io/types.js';
import { resampledPath, SourceRecords, writeResampled } from '../../src/core/io/write/index.js';
import type { OutputRow, ResampleResult } from '../../src/core/resample/types.js';
import { datasetPath, skipUnlessDatasets } from './helpers/datasets.js';

let dir = '';
before(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'il-write-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Copies a shared dataset (and optionally its companions) into the temp dir; returns the copy. */
function copy(rel: string, ...companions: string[]): string {
  for (const c of companions) copyFileSync(datasetPath(c)!, path.join(dir, path.basename(c)));
  const to = path.join(dir, path.basename(rel));
  copyFileSync(datasetPath(rel)!, to);
  return to;
}

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** The file's lines (LF or CRLF), without the empty piece after a final line break. */
function lines(file: string): string[] {
  const all = readFileSync(file, 'utf8').split(/\r?\n/);
  if (all[all.length - 1] === '') all.pop();
  return all;
}

function crlfCount(file: string): number {
  return readFileSync(file, 'utf8').split('\r\n').length - 1;
}

/** ARFF: [header lines through @data, data lines (not blank, not % comments)]. */
function arffParts(file: string): [string[], string[]] {
  const all = lines(file);
  const at = all.findIndex((l) => /^\s*@data\b/i.test(l));
  return [all.slice(0, at + 1), all.slice(at + 1).filter((l) => l.trim() !== '' && !l.trim().startsWith('%'))];
}

function resultOf(rows: OutputRow[]): ResampleResult {
  return { method: 'mlros', rows, minorityLabels: [], notes: [] };
}

async function table(file: string, options: ReadOptions = {}): Promise<DatasetTable> {
  return readDatasetTable(await openDataset(file, options));
}

function labelsOf(t: DatasetTable, r: number): number[] {
  return Array.from(t.labels.labels.subarray(t.labels.offsets[r], t.labels.offsets[r + 1]));
}

function featuresOf(t: DatasetTable, r: number): FeatureValue[] {
  return t.features.map((f) => {
    if (f.kind === 'numeric') return Number.isNaN(numericValueAt(f, r)) ? null : numericValueAt(f, r);
    if (f.kind === 'categorical') return f.codes[r] < 0 ? null : f.categories[f.codes[r]];
    return f.values[r];
  });
}

/** A synthetic row's features made from row `seed`'s: numbers moved, categories changed to another declared one, text replaced. */
function syntheticFeatures(t: DatasetTable, seed: number): FeatureValue[] {
  return t.features.map((f, k) => {
    if (f.kind === 'numeric') return numericValueAt(f, seed) * 0.5 + 0.1 + k * 1e-9;
    if (f.kind === 'categorical') return f.categories[(Math.max(0, f.codes[seed]) + 1) % f.categories.length];
    return 'synthetic, "quoted"\ttext';
  });
}

function noTempFiles(): void {
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
}

const CLONE = 3;
const EDITED = 5;
const SEED = 7;

/**
 * Writes every input row, a clone of row 3, row 5 with new labels and a synthetic row seeded by
 * row 7; reads the output back and checks rows, labels, features and the raw kept rows.
 */
async function roundTrip(file: string, expected: { keptLine: (src: string, sourceRow: number) => string; dataLines: (f: string) => string[] }): Promise<{ out: string; input: DatasetTable; back: DatasetTable }> {
  const input = await table(file);
  const n = input.rows;
  const last = input.schema.labelNames.length - 1;
  const editedLabels = labelsOf(input, EDITED).includes(0) ? [last] : [0, last];
  const synthetic = syntheticFeatures(input, SEED);
  const rows: OutputRow[] = Array.from({ length: n }, (_, source) => ({ source, kind: 'original' }));
  rows.push({ source: CLONE, kind: 'clone' }, { source: EDITED, kind: 'edited', labels: editedLabels }, { source: SEED, kind: 'synthetic', labels: [1], features: synthetic });
  const out = resampledPath(file, 'mlros');
  const written = await writeResampled(file, input.schema, resultOf(rows), out);
  assert.equal(written.rows, n + 3);
  assert.equal(written.files[0], out);

  const back = await table(out);
  assert.equal(back.rows, n + 3);
  assert.deepEqual(back.schema.labelNames, input.schema.labelNames);
  assert.deepEqual(back.schema.features.map((f) => [f.name, f.kind]), input.schema.features.map((f) => [f.name, f.kind]), 'markers are neither features nor labels');
  for (let r = 0; r < n; r++) {
    assert.deepEqual(labelsOf(back, r), labelsOf(input, r), `labels of row ${r}`);
    assert.deepEqual(featuresOf(back, r), featuresOf(input, r), `features of row ${r}`);
  }
  assert.deepEqual(labelsOf(back, n), labelsOf(input, CLONE));
  assert.deepEqual(featuresOf(back, n), featuresOf(input, CLONE));
  assert.deepEqual(labelsOf(back, n + 1), editedLabels, 'edited labels read back as given');
  assert.deepEqual(featuresOf(back, n + 1), featuresOf(input, EDITED), 'an edited row keeps its features');
  assert.deepEqual(labelsOf(back, n + 2), [1]);
  assert.deepEqual(featuresOf(back, n + 2), synthetic, 'synthetic features read back exactly');

  const src = expected.dataLines(file);
  const got = expected.dataLines(out);
  assert.equal(src.length, n);
  assert.equal(got.length, n + 3);
  for (let r = 0; r < n; r++) assert.equal(got[r], expected.keptLine(src[r], r + 1), `row ${r} is its source line plus the markers`);
  assert.equal(got[n], expected.keptLine(src[CLONE], CLONE + 1), 'the clone is its source line plus the markers');
  noTempFiles();
  return { out, input, back };
}

const csvData = (f: string): string[] => lines(f).slice(1);
const csvKept = (src: string, sourceRow: number): string => `${src},0,${sourceRow}`;

describe('writeResampled: CSV', { skip: skipUnlessDatasets('csv/yeast.csv', 'csv/scene.csv') }, () => {
  it('one-hot yeast.csv: header gets the two marker columns; rows byte for byte; labels and features read back', async () => {
    const file = copy('csv/yeast.csv');
    const { out } = await roundTrip(file, { keptLine: csvKept, dataLines: csvData });
    assert.equal(lines(out)[0], `${lines(file)[0]},is_synthetic,source_row`);
    assert.equal(crlfCount(file), 2418, 'the input has CRLF line endings');
    assert.equal(crlfCount(out), 2418 + 3, 'every output line keeps CRLF');
    const data = csvData(out);
    const markers = data.map((l) => l.split(',').slice(-2).join(','));
    assert.deepEqual(markers.slice(-3), [`0,${CLONE + 1}`, `0,${EDITED + 1}`, `1,${SEED + 1}`]);
    // the edited row: the source line with only the label cells changed
    const src = csvData(file)[EDITED].split(',');
    const edited = data[data.length - 2].split(',');
    assert.deepEqual(edited.slice(0, 103), src.slice(0, 103));
  });

  it('label-list scene.csv: the labels column re-encoded with its separator; a synthetic row has no id', async () => {
    const file = copy('csv/scene.csv');
    const { out, input } = await roundTrip(file, { keptLine: csvKept, dataLines: csvData });
    const data = csvData(out);
    const names = input.schema.labelNames;
    const last = names.length - 1;
    const editedNames = (labelsOf(input, EDITED).includes(0) ? [last] : [0, last]).map((id) => names[id]).join('|');
    assert.equal(data[data.length - 2], `${csvData(file)[EDITED].replace(/,[^,]*$/, '')},${editedNames},0,${EDITED + 1}`);
    const synthetic = data[data.length - 1].split(',');
    assert.equal(synthetic[0], '', 'the synthetic row has an empty id');
    assert.deepEqual(synthetic.slice(-3), [names[1], '1', String(SEED + 1)]);
  });

  it('hand-written CSV with quoted commas, quotes, line breaks and CRLF: exact bytes out', async () => {
    const file = write('quoted.csv', 'id,note,x,A,B,C\r\nr1,"hello, world",1.5,1,0,0\r\nr2,"she said ""hi""",2,0,1,0\r\nr3,"line one\r\nline two",3,1,1,0\r\nr4,plain,4,0,0,1\r\n');
    const input = await table(file);
    assert.deepEqual(input.schema.labelNames, ['A', 'B', 'C']);
    assert.equal(input.rows, 4);
    const rows: OutputRow[] = [0, 1, 2, 3].map((source) => ({ source, kind: 'original' }));
    rows.push({ source: 2, kind: 'clone' }, { source: 1, kind: 'edited', labels: [2] }, { source: 0, kind: 'synthetic', labels: [0, 2], features: ['new, "x"\nvalue', 0.1 + 0.2] });
    const out = resampledPath(file, 'mlros');
    await writeResampled(file, input.schema, resultOf(rows), out);
    const expected =
      'id,note,x,A,B,C,is_synthetic,source_row\r\n' +
      'r1,"hello, world",1.5,1,0,0,0,1\r\n' +
      'r2,"she said ""hi""",2,0,1,0,0,2\r\n' +
      'r3,"line one\r\nline two",3,1,1,0,0,3\r\n' +
      'r4,plain,4,0,0,1,0,4\r\n' +
      'r3,"line one\r\nline two",3,1,1,0,0,3\r\n' +
      'r2,"she said ""hi""",2,0,0,1,0,2\r\n' +
      ',"new, ""x""\nvalue",0.30000000000000004,1,0,1,1,1\r\n';
    assert.equal(readFileSync(out, 'utf8'), expected);
    const back = await table(out);
    assert.deepEqual(featuresOf(back, 6), ['new, "x"\nvalue', 0.1 + 0.2]);
    assert.deepEqual(labelsOf(back, 5), [2]);
    assert.deepEqual(back.ids, ['r1', 'r2', 'r3', 'r4', 'r3', 'r2', '']);
  });

  it('a comma-separated label list is quoted; true/false one-hot cells keep their spelling; no final newline is fine', async () => {
    const list = write('tags.csv', 'name,tags\na,"x,y"\nb,y\nc,"x,z"');
    const listTable = await table(list);
    assert.deepEqual(listTable.schema.labelNames, ['x', 'y', 'z']);
    const out = resampledPath(list, 'lpros');
    await writeResampled(list, listTable.schema, resultOf([{ source: 1, kind: 'edited', labels: [0, 2] }, { source: 2, kind: 'clone' }, { source: 0, kind: 'synthetic', labels: [], features: ['d'] }]), out, { markRows: false });
    assert.equal(readFileSync(out, 'utf8'), 'name,tags\nb,"x,z"\nc,"x,z"\nd,\n');

    const bools = write('bools.csv', 'f,L1,L2\n1,true,false\n2,False,TRUE\n');
    const boolTable = await table(bools);
    const boolOut = resampledPath(bools, 'mlros');
    await writeResampled(bools, boolTable.schema, resultOf([{ source: 0, kind: 'edited', labels: [1] }, { source: 1, kind: 'edited', labels: [0] }]), boolOut, { markRows: false });
    assert.equal(readFileSync(boolOut, 'utf8'), 'f,L1,L2\n1,false,true\n2,True,FALSE\n');
  });
});

describe('writeResampled: JSONL', { skip: skipUnlessDatasets('reuters21578-modapte.jsonl') }, () => {
  it('Reuters (first 200 lines): fields appended in the line\'s own spacing; edited labels; synthetic row with null id', async () => {
    const file = write('reuters.jsonl', `${readFileSync(datasetPath('reuters21578-modapte.jsonl')!, 'utf8').split('\n').slice(0, 200).join('\n')}\n`);
    const keptLine = (src: string, sourceRow: number): string => `${src.slice(0, -1)}, "is_synthetic": false, "source_row": ${sourceRow}}`;
    const { out, input } = await roundTrip(file, { keptLine, dataLines: lines });
    const data = lines(out).map((l) => JSON.parse(l) as Record<string, unknown>);
    const srcEdited = JSON.parse(lines(file)[EDITED]) as Record<string, unknown>;
    const edited = data[data.length - 2];
    const { labels: _l1, is_synthetic: _s1, source_row: _r1, ...editedRest } = edited;
    const { labels: _l2, ...srcRest } = srcEdited;
    assert.deepEqual(editedRest, srcRest, 'only the labels of an edited row change');
    assert.deepEqual(Object.keys(edited), [...Object.keys(srcEdited), 'is_synthetic', 'source_row']);
    const synthetic = data[data.length - 1];
    assert.equal(synthetic.id, null);
    assert.equal(synthetic.split, (JSON.parse(lines(file)[SEED]) as Record<string, unknown>).split);
    assert.deepEqual(synthetic.labels, [input.schema.labelNames[1]]);
    assert.equal(synthetic.is_synthetic, true);
    assert.equal(synthetic.source_row, SEED + 1);
  });

  it('keeps the label form of each row: 0/1 objects, booleans, single names, numbers', async () => {
    const file = write('forms.jsonl', '{"x":1,"labels":{"a":1,"b":0}}\n{"x":2,"labels":{"a":false,"c":true}}\n{"x":3,"labels":"b"}\n{"x":4,"labels":[7]}\n');
    const t = await table(file);
    assert.deepEqual(t.schema.labelNames, ['7', 'a', 'b', 'c']);
    const rows: OutputRow[] = [
      { source: 0, kind: 'edited', labels: [2, 3] },
      { source: 1, kind: 'edited', labels: [1] },
      { source: 2, kind: 'edited', labels: [1] },
      { source: 2, kind: 'edited', labels: [1, 2] },
      { source: 3, kind: 'edited', labels: [0] },
    ];
    const out = resampledPath(file, 'remedial');
    await writeResampled(file, t.schema, resultOf(rows), out, { markRows: false });
    assert.deepEqual(lines(out), [
      '{"x":1,"labels":{"a":0,"b":1,"c":1}}',
      '{"x":2,"labels":{"a":true,"c":false}}',
      '{"x":3,"labels":"a"}',
      '{"x":3,"labels":["a","b"]}',
      '{"x":4,"labels":[7]}',
    ]);
    const back = await table(out);
    assert.deepEqual([0, 1, 2, 3, 4].map((r) => labelsOf(back, r)), [[2, 3], [1], [1], [1, 2], [0]]);
  });
});

describe('writeResampled: ARFF', { skip: skipUnlessDatasets('yeast/yeast.arff', 'enron/enron.arff', 'scene-meka/Scene.arff', 'birds/birds-train.arff') }, () => {
  const arffData = (f: string): string[] => arffParts(f)[1];

  it('MULAN dense yeast: attributes added after the last one, xml copied beside the output', async () => {
    const file = copy('yeast/yeast.arff', 'yeast/yeast.xml');
    const { out } = await roundTrip(file, { keptLine: csvKept, dataLines: arffData });
    const [inHead] = arffParts(file);
    const [outHead] = arffParts(out);
    const lastAttr = inHead.map((l) => /^@attribute/i.test(l)).lastIndexOf(true);
    assert.deepEqual(outHead, [...inHead.slice(0, lastAttr + 1), '@attribute is_synthetic {0,1}', '@attribute source_row numeric', ...inHead.slice(lastAttr + 1)]);
    assert.equal(readFileSync(path.join(dir, 'yeast.mlros.xml'), 'utf8'), readFileSync(path.join(dir, 'yeast.xml'), 'utf8'));
  });

  it('MULAN sparse enron: marker entries appended inside the braces', async () => {
    const file = copy('enron/enron.arff', 'enron/enron.xml');
    const attributes = arffParts(file)[0].filter((l) => /^@attribute/i.test(l)).length;
    const keptLine = (src: string, sourceRow: number): string => src.replace(/}$/, `,${attributes} 0,${attributes + 1} ${sourceRow}}`);
    const { out } = await roundTrip(file, { keptLine, dataLines: arffData });
    const synthetic = arffData(out).at(-1)!;
    assert.match(synthetic, new RegExp(`^\\{.*,${attributes} 1,${attributes + 1} ${SEED + 1}\\}$`));
    assert.ok(!/ 0[,}]/.test(synthetic.replace(`${attributes} 1`, '')), 'a synthetic sparse row omits zero values');
  });

  it('MEKA Scene (labels first, -C 6): markers at the end', async () => {
    const file = copy('scene-meka/Scene.arff');
    const { out } = await roundTrip(file, { keptLine: csvKept, dataLines: arffData });
    assert.equal(arffParts(out)[0][0], arffParts(file)[0][0], 'the @relation line with -C 6 is kept');
  });

  it('birds (nominal features, label names with spaces): nominal values written and read back', async () => {
    const file = copy('birds/birds-train.arff', 'birds/birds.xml');
    const { back, input } = await roundTrip(file, { keptLine: csvKept, dataLines: arffData });
    const location = back.schema.features.findIndex((f) => f.name === 'location');
    assert.ok(location >= 0);
    assert.equal(featuresOf(back, back.rows - 1)[location], syntheticFeatures(input, SEED)[location]);
    assert.ok(readdirSync(dir).includes('birds-train.mlros.xml'));
  });

  it('MEKA labels last (-C -2): markers inserted before the labels, sparse indices renumbered, quotes and comments kept', async () => {
    const file = write(
      'tiny.arff',
      [
        '% a comment',
        "@relation 'Tiny: -C -2'",
        '',
        '@attribute f1 numeric',
        '@attribute name string',
        '@attribute L1 {0,1}',
        '@attribute L2 {0,1}',
        '',
        '@data',
        "1.5,'a, b',1,0",
        '2.5,plain,0,1 % trailing comment',
        "{0 3.5,1 'x y',3 1}",
        "4.5,'it\\'s',1,1,{2}",
        '',
      ].join('\n'),
    );
    const input = await table(file);
    assert.deepEqual(input.schema.labelNames, ['L1', 'L2']);
    const rows: OutputRow[] = [0, 1, 2, 3].map((source) => ({ source, kind: 'original' }));
    rows.push(
      { source: 2, kind: 'edited', labels: [0] },
      { source: 0, kind: 'synthetic', labels: [1], features: [9.25, "new 'one'"] },
      { source: 2, kind: 'synthetic', labels: [], features: [0, ''] },
    );
    const out = resampledPath(file, 'mlsmote');
    await writeResampled(file, input.schema, resultOf(rows), out);
    assert.deepEqual(lines(out), [
      '% a comment',
      "@relation 'Tiny: -C -2'",
      '',
      '@attribute f1 numeric',
      '@attribute name string',
      '@attribute is_synthetic {0,1}',
      '@attribute source_row numeric',
      '@attribute L1 {0,1}',
      '@attribute L2 {0,1}',
      '',
      '@data',
      "1.5,'a, b',0,1,1,0",
      '2.5,plain,0,2,0,1 % trailing comment',
      "{0 3.5,1 'x y',2 0,3 3,5 1}",
      "4.5,'it\\'s',0,4,1,1,{2}",
      "{0 3.5,1 'x y',2 0,3 3,4 1}",
      "9.25,'new \\'one\\'',1,1,0,1",
      '{2 1,3 3}',
    ]);
    const back = await table(out);
    assert.deepEqual(back.schema.labelNames, ['L1', 'L2']);
    assert.deepEqual(back.schema.features.map((f) => f.name), ['f1', 'name']);
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map((r) => labelsOf(back, r)), [[0], [1], [1], [0, 1], [0], [1], []]);
    assert.deepEqual(featuresOf(back, 5), [9.25, "new 'one'"]);
    assert.deepEqual(featuresOf(back, 6), [0, '']);
  });
});

describe('writeResampled: never overwrite, errors, markers off, chained resampling', { skip: skipUnlessDatasets('csv/yeast.csv', 'yeast/yeast.arff') }, () => {
  it('an existing output is untouched and named in the error; force replaces it', async () => {
    const file = copy('csv/yeast.csv');
    const input = await table(file);
    const out = path.join(dir, 'existing.csv');
    writeFileSync(out, 'keep me\n');
    const result = resultOf([{ source: 0, kind: 'original' }]);
    await assert.rejects(writeResampled(file, input.schema, result, out), (e: unknown) => e instanceof DatasetError && e.file === out && /already exists/.test(e.message));
    assert.equal(readFileSync(out, 'utf8'), 'keep me\n');
    noTempFiles();
    await writeResampled(file, input.schema, result, out, { force: true });
    assert.equal(lines(out).length, 2);
    noTempFiles();
  });

  it('an existing MULAN xml copy stops the write before the data file is made', async () => {
    const file = copy('yeast/yeast.arff', 'yeast/yeast.xml');
    const input = await table(file);
    const out = path.join(dir, 'blocked.arff');
    writeFileSync(path.join(dir, 'blocked.xml'), 'x');
    await assert.rejects(writeResampled(file, input.schema, resultOf([{ source: 0, kind: 'original' }]), out), (e: unknown) => e instanceof DatasetError && e.file === path.join(dir, 'blocked.xml'));
    assert.ok(!readdirSync(dir).includes('blocked.arff'));
    noTempFiles();
  });

  it('the input as output is refused; a bad source index or label id is a UsageError; an abort leaves nothing', async () => {
    const file = copy('csv/yeast.csv');
    const input = await table(file);
    const before = statSync(file).mtimeMs;
    await assert.rejects(writeResampled(file, input.schema, resultOf([]), file, { force: true }), (e: unknown) => e instanceof DatasetError && e.file === file);
    assert.equal(statSync(file).mtimeMs, before);
    const out = path.join(dir, 'bad.csv');
    await assert.rejects(writeResampled(file, input.schema, resultOf([{ source: input.rows, kind: 'clone' }]), out), UsageError);
    await assert.rejects(writeResampled(file, input.schema, resultOf([{ source: 0, kind: 'edited', labels: [3, 1] }]), out), UsageError);
    await assert.rejects(writeResampled(file, input.schema, resultOf([{ source: 0, kind: 'synthetic', labels: [], features: [1] }]), out), UsageError);
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(writeResampled(file, input.schema, resultOf([{ source: 0, kind: 'original' }]), out, { signal: controller.signal }));
    assert.ok(!readdirSync(dir).includes('bad.csv'));
    noTempFiles();
  });

  it('markRows false: header and kept rows are the input bytes', async () => {
    const file = copy('csv/yeast.csv');
    const input = await table(file);
    const out = path.join(dir, 'plain.csv');
    const rows: OutputRow[] = Array.from({ length: input.rows }, (_, source) => ({ source, kind: 'original' }));
    await writeResampled(file, input.schema, resultOf(rows), out, { markRows: false });
    assert.deepEqual(readFileSync(out), readFileSync(file));
  });

  it('resampling an output again updates its marker columns in place instead of adding more', async () => {
    const file = copy('csv/yeast.csv');
    const input = await table(file);
    const first = path.join(dir, 'chain1.csv');
    await writeResampled(file, input.schema, resultOf([{ source: 10, kind: 'original' }, { source: 0, kind: 'synthetic', labels: [0], features: featuresOf(input, 0) }]), first);
    const mid = await table(first);
    assert.deepEqual(mid.schema.features.map((f) => f.name), input.schema.features.map((f) => f.name));
    const second = path.join(dir, 'chain2.csv');
    await writeResampled(first, mid.schema, resultOf([{ source: 1, kind: 'clone' }, { source: 0, kind: 'clone' }]), second);
    const out = lines(second);
    assert.equal(out[0], `${lines(file)[0]},is_synthetic,source_row`);
    assert.equal(out[1], lines(first)[2].replace(/,1,1$/, ',0,2'));
    assert.equal(out[2], `${lines(file)[11]},0,1`);
  });

  it('with the reader\'s row lines, a file read with skipped rows maps row indices to the right records', async () => {
    const file = write('skips.csv', 'f,A,B\n1,0,1\n2,2,0\n3,1,1\n4,1,0\n');
    const input = await table(file, { labels: ['A', 'B'], skipBadRows: true });
    assert.equal(input.rows, 3);
    const out = path.join(dir, 'skips.out.csv');
    await writeResampled(file, input.schema, resultOf([{ source: 1, kind: 'clone' }, { source: 2, kind: 'clone' }]), out, { sourceLines: input.lines, markRows: false });
    assert.deepEqual(lines(out), ['f,A,B', '3,1,1', '4,1,0']);
  });
});

describe('writeResampled: line endings, BOM, TSV', () => {
  it('TSV with a quoted tab and CRLF endings', async () => {
    const file = write('tabs.tsv', 'id\tnote\tA\tB\r\nr1\t"a\tb"\t1\t0\r\nr2\tplain\t0\t1\r\n');
    const input = await table(file);
    assert.equal(input.schema.format, 'tsv');
    const out = resampledPath(file, 'mlsmote');
    await writeResampled(file, input.schema, resultOf([{ source: 0, kind: 'edited', labels: [1] }, { source: 1, kind: 'synthetic', labels: [0], features: ['x\ty'] }]), out);
    assert.equal(readFileSync(out, 'utf8'), 'id\tnote\tA\tB\tis_synthetic\tsource_row\r\nr1\t"a\tb"\t0\t1\t0\t1\r\n\t"x\ty"\t1\t0\t1\t2\r\n');
    assert.deepEqual(featuresOf(await table(out), 1), ['x\ty']);
  });

  it('ARFF with CRLF: added @attribute lines end in CRLF too', async () => {
    const file = write('crlf.arff', "@relation 'r: -C -2'\r\n@attribute f numeric\r\n@attribute L1 {0,1}\r\n@attribute L2 {0,1}\r\n@data\r\n1,0,1\r\n");
    const input = await table(file);
    const out = resampledPath(file, 'mlros');
    await writeResampled(file, input.schema, resultOf([{ source: 0, kind: 'original' }, { source: 0, kind: 'clone' }]), out);
    assert.equal(
      readFileSync(out, 'utf8'),
      "@relation 'r: -C -2'\r\n@attribute f numeric\r\n@attribute is_synthetic {0,1}\r\n@attribute source_row numeric\r\n@attribute L1 {0,1}\r\n@attribute L2 {0,1}\r\n@data\r\n1,0,1,0,1\r\n1,0,1,0,1\r\n",
    );
  });

  it('JSONL with a BOM keeps it once; resampling the output again replaces its markers in place', async () => {
    const file = write('bom.jsonl', '\ufeff{"x": 1, "labels": ["a"]}\n{"x": 2, "labels": ["b"]}\n');
    const input = await table(file);
    const first = path.join(dir, 'bom.out1.jsonl');
    await writeResampled(file, input.schema, resultOf([{ source: 1, kind: 'original' }, { source: 0, kind: 'clone' }]), first);
    assert.equal(readFileSync(first, 'utf8'), '\ufeff{"x": 2, "labels": ["b"], "is_synthetic": false, "source_row": 2}\n{"x": 1, "labels": ["a"], "is_synthetic": false, "source_row": 1}\n');
    const mid = await table(first);
    assert.deepEqual(mid.schema.features.map((f) => f.name), ['x']);
    const second = path.join(dir, 'bom.out2.jsonl');
    await writeResampled(first, mid.schema, resultOf([{ source: 1, kind: 'clone' }]), second);
    assert.equal(readFileSync(second, 'utf8'), '\ufeff{"x": 1, "labels": ["a"], "is_synthetic": false, "source_row": 2}\n');
  });
});

describe('SourceRecords', { skip: skipUnlessDatasets('csv/scene.csv') }, () => {
  it('reads the same record bytes from memory and by positional reads, in any order', async () => {
    const file = copy('csv/scene.csv');
    const memory = await SourceRecords.open(file, 'csv');
    const disk = await SourceRecords.open(file, 'csv', { inMemoryMax: 0 });
    try {
      assert.equal(memory.count, 2407);
      assert.equal(disk.count, 2407);
      const src = csvData(file);
      const order = [...Array.from({ length: 300 }, (_, i) => i), 2406, 5, 1200, 1201, 7, 2000];
      for (const i of order) {
        const a = await memory.record(i);
        const b = await disk.record(i);
        assert.equal(a.content.toString('utf8'), src[i]);
        assert.deepEqual(b.content, a.content);
        assert.deepEqual(b.ending, a.ending);
      }
      assert.equal(memory.line(0), 2);
    } finally {
      await memory.close();
      await disk.close();
    }
  });
});
