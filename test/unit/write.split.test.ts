/**
 * writeSplit: part files in the input's own format (header copied, rows byte for byte in input
 * order, each row in the part the assignment names), the single-file form with a `split` column,
 * and the output names. Checked against the input's raw lines and by reading the parts back.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readDatasetTable, type DatasetTable } from '../../src/core/data/datasetTable.js';
import { DatasetError, UsageError } from '../../src/core/errors.js';
import { openDataset } from '../../src/core/io/open.js';
import { mulanXmlPathFor, resampledPath, splitPartNames, splitPartPath, writeSplit } from '../../src/core/io/write/index.js';
import { datasetPath, skipUnlessDatasets } from './helpers/datasets.js';

let dir = '';
before(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'il-split-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

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

function lines(file: string): string[] {
  const all = readFileSync(file, 'utf8').split(/\r?\n/);
  if (all[all.length - 1] === '') all.pop();
  return all;
}

/** [header lines, data lines]: CSV the first line; ARFF through @data (data: not blank, not comments); JSONL none. */
function parts(file: string): [string[], string[]] {
  const all = lines(file);
  if (file.endsWith('.jsonl')) return [[], all];
  if (file.endsWith('.csv')) return [all.slice(0, 1), all.slice(1)];
  const at = all.findIndex((l) => /^\s*@data\b/i.test(l));
  return [all.slice(0, at + 1), all.slice(at + 1).filter((l) => l.trim() !== '' && !l.trim().startsWith('%'))];
}

async function table(file: string): Promise<DatasetTable> {
  return readDatasetTable(await openDataset(file));
}

/** A fixed, uneven assignment of n rows to k parts (not a stratification: the writer must not care). */
function assignmentOf(n: number, k: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => (i * 7 + (i >> 3)) % k);
}

function noTempFiles(folder = dir): void {
  assert.deepEqual(readdirSync(folder).filter((f) => f.endsWith('.tmp')), []);
}

/** Each part: the input's header, then exactly the input rows assigned to it, in input order; all parts together are the input. */
async function checkParts(input: string, files: string[], assignment: Int32Array): Promise<void> {
  const [head, rows] = parts(input);
  const inputTable = await table(input);
  const union: string[] = [];
  for (let p = 0; p < files.length; p++) {
    const [partHead, partRows] = parts(files[p]);
    assert.deepEqual(partHead, head, `${files[p]}: header copied`);
    assert.deepEqual(partRows, rows.filter((_, i) => assignment[i] === p), `${files[p]}: its rows in input order`);
    union.push(...partRows);
    const back = await table(files[p]);
    assert.equal(back.rows, partRows.length);
    if (inputTable.schema.labelColumn === undefined) {
      assert.deepEqual(back.schema.labelNames, inputTable.schema.labelNames, 'label columns/attributes are kept');
    } else {
      // a label list or JSONL field: the label space is the union over the file, so a part holds the labels its rows use
      const used = new Set(Array.from(back.labels.labels, (id) => back.schema.labelNames[id]));
      assert.deepEqual(back.schema.labelNames, inputTable.schema.labelNames.filter((n) => used.has(n)));
    }
  }
  assert.deepEqual([...union].sort(), [...rows].sort(), 'the parts together are the input');
}

describe('output names', () => {
  it('puts the method or part before the extension, beside the input or in a folder', () => {
    assert.equal(resampledPath('/d/yeast.arff', 'mlros'), '/d/yeast.mlros.arff');
    assert.equal(resampledPath('/d/my.data.csv', 'remedial'), '/d/my.data.remedial.csv');
    assert.equal(splitPartPath('/d/yeast.csv', 'train'), path.join('/d', 'yeast.train.csv'));
    assert.equal(splitPartPath('/d/yeast.csv', 'fold3', '/out'), path.join('/out', 'yeast.fold3.csv'));
    assert.equal(mulanXmlPathFor('/d/yeast.train.arff'), '/d/yeast.train.xml');
  });

  it('names ratio parts train/val/test and folds fold1..foldK', () => {
    assert.deepEqual(splitPartNames(3, 'ratios'), ['train', 'val', 'test']);
    assert.deepEqual(splitPartNames(2, 'ratios'), ['train', 'test']);
    assert.deepEqual(splitPartNames(4, 'ratios'), ['part1', 'part2', 'part3', 'part4']);
    assert.deepEqual(splitPartNames(5, 'folds'), ['fold1', 'fold2', 'fold3', 'fold4', 'fold5']);
    assert.throws(() => splitPartNames(0, 'folds'), UsageError);
    assert.throws(() => splitPartNames(2.5, 'ratios'), UsageError);
  });
});

describe('writeSplit: one file per part', { skip: skipUnlessDatasets('csv/yeast.csv', 'yeast/yeast.arff', 'enron/enron.arff', 'reuters21578-modapte.jsonl') }, () => {
  it('CSV yeast into train/val/test in a new folder', async () => {
    const input = copy('csv/yeast.csv');
    const { schema } = await openDataset(input);
    const assignment = assignmentOf(2417, 3);
    const outDir = path.join(dir, 'yeast-parts');
    const { files } = await writeSplit(input, schema, assignment, splitPartNames(3, 'ratios'), { outDir });
    assert.deepEqual(files, ['train', 'val', 'test'].map((p) => path.join(outDir, `yeast.${p}.csv`)));
    await checkParts(input, files, assignment);
    noTempFiles(outDir);
  });

  it('MULAN ARFF yeast into 5 folds, each with its label xml', async () => {
    const input = copy('yeast/yeast.arff', 'yeast/yeast.xml');
    const { schema } = await openDataset(input);
    const assignment = assignmentOf(2417, 5);
    const { files } = await writeSplit(input, schema, assignment, splitPartNames(5, 'folds'), {});
    const data = files.filter((f) => f.endsWith('.arff'));
    assert.equal(data.length, 5);
    assert.deepEqual(files.filter((f) => f.endsWith('.xml')), data.map(mulanXmlPathFor));
    for (const xml of files.filter((f) => f.endsWith('.xml'))) assert.equal(readFileSync(xml, 'utf8'), readFileSync(path.join(dir, 'yeast.xml'), 'utf8'));
    await checkParts(input, data, assignment);
  });

  it('sparse ARFF enron into train/test', async () => {
    const input = copy('enron/enron.arff', 'enron/enron.xml');
    const { schema } = await openDataset(input);
    const assignment = assignmentOf(1702, 2);
    const { files } = await writeSplit(input, schema, assignment, ['train', 'test'], {});
    await checkParts(input, files.filter((f) => f.endsWith('.arff')), assignment);
  });

  it('JSONL with its own split field: parts are fine, a single file with another split column is refused', async () => {
    const input = write('reuters.jsonl', `${readFileSync(datasetPath('reuters21578-modapte.jsonl')!, 'utf8').split('\n').slice(0, 200).join('\n')}\n`);
    const { schema } = await openDataset(input);
    assert.equal(schema.splitColumn, 'split');
    const assignment = assignmentOf(200, 3);
    const { files } = await writeSplit(input, schema, assignment, ['train', 'val', 'test'], {});
    await checkParts(input, files, assignment);
    await assert.rejects(writeSplit(input, schema, assignment, ['train', 'val', 'test'], { singleFile: path.join(dir, 'reuters.one.jsonl') }), UsageError);
  });

  it('an empty part is a header-only file; markRows adds the markers to every row', async () => {
    const input = write('small.csv', 'f,A,B\n1,0,1\n2,1,0\n3,1,1\n');
    const { schema } = await openDataset(input);
    const outDir = path.join(dir, 'small-parts');
    const { files } = await writeSplit(input, schema, Int32Array.from([0, 2, 0]), ['train', 'val', 'test'], { outDir, markRows: true });
    assert.deepEqual(files.map((f) => readFileSync(f, 'utf8')), [
      'f,A,B,is_synthetic,source_row\n1,0,1,0,1\n3,1,1,0,3\n',
      'f,A,B,is_synthetic,source_row\n',
      'f,A,B,is_synthetic,source_row\n2,1,0,0,2\n',
    ]);
  });
});

describe('writeSplit: one file with a split column', { skip: skipUnlessDatasets('csv/scene.csv', 'scene-meka/Scene.arff') }, () => {
  it('CSV scene: a split column appended; read back as the split, not a feature', async () => {
    const input = copy('csv/scene.csv');
    const inputTable = await table(input);
    const assignment = assignmentOf(2407, 3);
    const names = ['train', 'val', 'test'];
    const out = path.join(dir, 'scene.split.csv');
    const { files } = await writeSplit(input, inputTable.schema, assignment, names, { singleFile: out });
    assert.deepEqual(files, [out]);
    const [head, rows] = parts(input);
    assert.deepEqual(parts(out), [[`${head[0]},split`], rows.map((r, i) => `${r},${names[assignment[i]]}`)]);
    const back = await table(out);
    assert.equal(back.schema.splitColumn, 'split');
    assert.deepEqual(back.splits, Array.from(assignment, (p) => names[p]));
    assert.deepEqual(back.schema.features.map((f) => f.name), inputTable.schema.features.map((f) => f.name));
    assert.deepEqual(back.schema.labelNames, inputTable.schema.labelNames);
  });

  it('MEKA ARFF Scene (labels first): a nominal split attribute at the end, read back as the split', async () => {
    const input = copy('scene-meka/Scene.arff');
    const inputTable = await table(input);
    const assignment = assignmentOf(2407, 2);
    const out = path.join(dir, 'Scene.split.arff');
    await writeSplit(input, inputTable.schema, assignment, ['train', 'test'], { singleFile: out });
    const [head, rows] = parts(input);
    const lastAttr = head.map((l) => /^@attribute/i.test(l)).lastIndexOf(true);
    const [outHead, outRows] = parts(out);
    assert.deepEqual(outHead, [...head.slice(0, lastAttr + 1), '@attribute split {train,test}', ...head.slice(lastAttr + 1)]);
    assert.deepEqual(outRows, rows.map((r, i) => `${r},${assignment[i] === 0 ? 'train' : 'test'}`));
    const back = await table(out);
    assert.equal(back.schema.splitColumn, 'split');
    assert.deepEqual(back.schema.labelNames, inputTable.schema.labelNames);
    assert.deepEqual(back.schema.features.map((f) => f.name), inputTable.schema.features.map((f) => f.name));
    assert.deepEqual(back.splits, Array.from(assignment, (p) => (p === 0 ? 'train' : 'test')));
  });

  it('MEKA labels last (-C -2): the split attribute goes before the labels, in dense and sparse rows', async () => {
    const input = write('tiny.arff', "@relation 'Tiny: -C -2'\n@attribute f1 numeric\n@attribute L1 {0,1}\n@attribute L2 {0,1}\n@data\n1.5,1,0\n{0 2.5,2 1}\n");
    const { schema } = await openDataset(input);
    const out = path.join(dir, 'tiny.split.arff');
    await writeSplit(input, schema, Int32Array.from([1, 0]), ['train', 'test'], { singleFile: out });
    assert.equal(readFileSync(out, 'utf8'), "@relation 'Tiny: -C -2'\n@attribute f1 numeric\n@attribute split {train,test}\n@attribute L1 {0,1}\n@attribute L2 {0,1}\n@data\n1.5,test,1,0\n{0 2.5,1 train,3 1}\n");
    const back = await table(out);
    assert.deepEqual(back.splits, ['test', 'train']);
    assert.deepEqual(back.schema.labelNames, ['L1', 'L2']);
  });

  it('JSONL without a split field gets one', async () => {
    const input = write('nosplit.jsonl', '{"x": 1, "labels": ["a"]}\n{"x": 2, "labels": []}\n');
    const { schema } = await openDataset(input);
    const out = path.join(dir, 'nosplit.split.jsonl');
    await writeSplit(input, schema, Int32Array.from([0, 1]), ['train', 'test'], { singleFile: out });
    assert.equal(readFileSync(out, 'utf8'), '{"x": 1, "labels": ["a"], "split": "train"}\n{"x": 2, "labels": [], "split": "test"}\n');
    const back = await table(out);
    assert.deepEqual(back.splits, ['train', 'test']);
  });
});

describe('writeSplit: checks before writing', () => {
  it('an existing part stops the split before any part is written; force replaces', async () => {
    const input = write('guard.csv', 'f,A\n1,0\n2,1\n3,1\n');
    const { schema } = await openDataset(input);
    const test = path.join(dir, 'guard.test.csv');
    writeFileSync(test, 'keep\n');
    const assignment = Int32Array.from([0, 1, 0]);
    await assert.rejects(writeSplit(input, schema, assignment, ['train', 'test'], {}), (e: unknown) => e instanceof DatasetError && e.file === test);
    assert.equal(readFileSync(test, 'utf8'), 'keep\n');
    assert.ok(!existsSync(path.join(dir, 'guard.train.csv')));
    noTempFiles();
    await writeSplit(input, schema, assignment, ['train', 'test'], { force: true });
    assert.equal(readFileSync(test, 'utf8'), 'f,A\n2,1\n');
  });

  it('an assignment that does not fit the input or the parts is a UsageError', async () => {
    const input = write('fit.csv', 'f,A\n1,0\n2,1\n');
    const { schema } = await openDataset(input);
    const outDir = path.join(dir, 'fit');
    await assert.rejects(writeSplit(input, schema, Int32Array.from([0, 1, 0]), ['train', 'test'], { outDir }), UsageError);
    await assert.rejects(writeSplit(input, schema, Int32Array.from([0, 2]), ['train', 'test'], { outDir }), UsageError);
    await assert.rejects(writeSplit(input, schema, Int32Array.from([0, 1]), ['train', 'train'], { outDir }), UsageError);
    await assert.rejects(writeSplit(input, schema, Int32Array.from([0, 0]), ['x'], { singleFile: input }), DatasetError);
    assert.deepEqual(existsSync(outDir) ? readdirSync(outDir) : [], []);
  });
});
