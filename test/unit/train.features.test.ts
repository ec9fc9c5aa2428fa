/**
 * Feature transforms for training, fitted on training rows only: standardisation with missing
 * indicators (hand-computed), one-hot top-K + other, hashed TF-IDF against scikit-learn's
 * TfidfVectorizer(ngram_range=(1, 2)), the JSON round trip, a real dataset's scaled columns, and a
 * real two-valued nominal as one indicator column (more in train.indicator.test.ts).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readDatasetTable, type DatasetTable, type FeatureData } from '../../src/core/data/datasetTable.js';
import { openDataset } from '../../src/core/io/open.js';
import { bucketOf, fitFeaturizer, featurizerWidth, parseFeaturizer, terms, trainingSetFrom, transformTable } from '../../src/core/train/features/index.js';
import { UsageError } from '../../src/core/errors.js';
import { datasetPath, skipUnlessDatasets } from './helpers/datasets.js';

function table(features: FeatureData[], rows: number): DatasetTable {
  return { rows, features, labels: { rows, labelCount: 1, offsets: new Int32Array(rows + 1), labels: new Int32Array(0) } } as unknown as DatasetTable;
}

const options = { topCategories: 2, textDims: 1 << 20 };

test('numeric: (x - mean) / population std of the training rows; missing -> 0 plus an indicator column', () => {
  const t = table([{ kind: 'numeric', name: 'a', values: Float64Array.from([1, 2, NaN, 4, 100]) }, { kind: 'numeric', name: 'c', values: Float64Array.from([3, 3, 3, 3, 3]) }], 5);
  const f = fitFeaturizer(t, options, [0, 1, 2, 3]); // row 4 is not training data
  const mean = 7 / 3;
  const std = Math.sqrt(((1 - mean) ** 2 + (2 - mean) ** 2 + (4 - mean) ** 2) / 3);
  assert.equal(featurizerWidth(f), 3, 'a, its missing indicator, c');
  const x = transformTable(f, t);
  const expected = [[(1 - mean) / std, 0, 0], [(2 - mean) / std, 0, 0], [0, 1, 0], [(4 - mean) / std, 0, 0], [(100 - mean) / std, 0, 0]];
  expected.forEach((row, i) => row.forEach((v, j) => assert.ok(Math.abs(x[i * 3 + j] - v) <= 1e-6 * Math.max(1, Math.abs(v)), `[${i}][${j}] ${x[i * 3 + j]} vs ${v}`)));
});

test('categorical: one-hot over the top K training categories, one "other" column, missing all zeros', () => {
  const codes = Int32Array.from([0, 1, 1, 2, 2, 2, -1, 3]); // training rows 0-6: c x1, b x2, a x3; row 7 'd' unseen
  const t = table([{ kind: 'categorical', name: 'k', codes, categories: ['c', 'b', 'a', 'd'] }], 8);
  const f = fitFeaturizer(t, options, [0, 1, 2, 3, 4, 5, 6]);
  assert.deepEqual(f.encodings[0], { kind: 'oneHot', column: 'k', categories: ['a', 'b'] });
  const x = transformTable(f, t);
  const rows = Array.from({ length: 8 }, (_, i) => Array.from(x.subarray(i * 3, i * 3 + 3)));
  assert.deepEqual(rows, [[0, 0, 1], [0, 1, 0], [0, 1, 0], [1, 0, 0], [1, 0, 0], [1, 0, 0], [0, 0, 0], [0, 0, 1]]);
});

const DOCS = ['The cat sat on the mat', 'the dog sat', 'A cat and a dog, the end.', 'Dogs and cats 42 times'];

test('text: unigrams and bigrams of 2+ character tokens, lower-cased', () => {
  assert.deepEqual(terms('A cat, THE mat 7'), ['cat', 'the', 'mat', 'cat the', 'the mat']);
});

test('text: hashed TF-IDF rows have unit L2 norm, empty or missing text is zeros', () => {
  const t = table([{ kind: 'text', name: 'doc', values: [...DOCS, '', null] }], 6);
  const f = fitFeaturizer(t, { ...options, textDims: 64 }, [0, 1, 2, 3]);
  const x = transformTable(f, t);
  for (let i = 0; i < 4; i++) {
    const norm = Math.hypot(...x.subarray(i * 64, (i + 1) * 64));
    assert.ok(Math.abs(norm - 1) < 1e-6, `row ${i} norm ${norm}`);
  }
  assert.ok(x.subarray(4 * 64).every((v) => v === 0));
});

const python = '/usr/bin/python3';
const hasSklearn = spawnSync(python, ['-c', 'import sklearn'], { encoding: 'utf8' }).status === 0;

test('text: equals scikit-learn TfidfVectorizer(ngram_range=(1, 2)) on the training rows (no hash collisions at 2^20)', { skip: hasSklearn ? false : 'scikit-learn not found (apt-get install python3-sklearn); skipped' }, () => {
  const script = [
    'import json, sys',
    'from sklearn.feature_extraction.text import TfidfVectorizer',
    'docs = json.load(sys.stdin)',
    'v = TfidfVectorizer(ngram_range=(1, 2)).fit(docs[:3])',
    'm = v.transform(docs).toarray()',
    'print(json.dumps([{t: m[i, j] for t, j in v.vocabulary_.items() if m[i, j] != 0} for i in range(len(docs))]))',
  ].join('\n');
  const run = spawnSync(python, ['-c', script], { input: JSON.stringify(DOCS), encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const expected = JSON.parse(run.stdout) as Record<string, number>[];
  const t = table([{ kind: 'text', name: 'doc', values: DOCS }], 4);
  const f = fitFeaturizer(t, options, [0, 1, 2]);
  const x = transformTable(f, t);
  const dims = options.textDims;
  // a row with terms unseen in training differs by design: a hashed bucket cannot tell an unseen term from a seen one,
  // so such terms stay, with idf ln(1 + n) + 1 (HashingVectorizer + TfidfTransformer), where TfidfVectorizer drops them
  expected.slice(0, 3).forEach((row, i) => {
    let nonzero = 0;
    for (const [term, value] of Object.entries(row)) {
      assert.ok(Math.abs(x[i * dims + bucketOf(term, dims)] - value) < 1e-6, `doc ${i} '${term}': ${x[i * dims + bucketOf(term, dims)]} vs ${value}`);
      nonzero++;
    }
    assert.equal(x.subarray(i * dims, (i + 1) * dims).filter((v) => v !== 0).length, nonzero, `doc ${i} has exactly the training vocabulary's terms`);
  });
});

test('a featurizer survives JSON and refuses a table without its columns', () => {
  const t = table([{ kind: 'numeric', name: 'a', values: Float64Array.from([1, 5, NaN]) }, { kind: 'text', name: 'doc', values: ['x yy', 'zz', null] }], 3);
  const f = fitFeaturizer(t, { ...options, textDims: 32 });
  assert.equal(f.version, 2, 'featurizer.json version 2');
  const copy = parseFeaturizer(JSON.parse(JSON.stringify(f)));
  assert.deepEqual(copy, f);
  assert.deepEqual(transformTable(copy, t), transformTable(f, t));
  assert.throws(() => transformTable(f, table([{ kind: 'numeric', name: 'b', values: Float64Array.from([1]) }], 1)), UsageError);
  assert.throws(() => parseFeaturizer({ format: 'other' }), UsageError);
});

test('emotions-train: every standardised column has mean 0 and population std 1', { skip: skipUnlessDatasets('emotions/emotions-train.arff') }, async () => {
  const t = await readDatasetTable(await openDataset(datasetPath('emotions/emotions-train.arff')!));
  const set = trainingSetFrom(fitFeaturizer(t), t);
  assert.equal(set.features, 72);
  assert.equal(set.labels, 6);
  const x = set.x;
  assert.ok(x instanceof Float32Array, 'dense numeric features stay a dense matrix');
  for (let j = 0; j < set.features; j++) {
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < set.rows; i++) sum += x[i * set.features + j];
    const mean = sum / set.rows;
    for (let i = 0; i < set.rows; i++) squares += (x[i * set.features + j] - mean) ** 2;
    assert.ok(Math.abs(mean) < 1e-5 && Math.abs(Math.sqrt(squares / set.rows) - 1) < 1e-4, `column ${j}: mean ${mean}`);
  }
  const positives = set.y.reduce((a, b) => a + b, 0);
  assert.equal(positives, Array.from({ length: t.rows }, (_, r) => t.labels.offsets[r + 1] - t.labels.offsets[r]).reduce((a, b) => a + b, 0));
});

test('foodtruck: gender {F,M} is one indicator of the rarer value in the file, the 5-valued time stays one-hot by frequency', { skip: skipUnlessDatasets('foodtruck/foodtruck.arff') }, async () => {
  const file = datasetPath('foodtruck/foodtruck.arff')!;
  const t = await readDatasetTable(await openDataset(file));
  // the values of an attribute, from the dense data lines at its position
  const text = readFileSync(file, 'utf8');
  const attributes = [...text.matchAll(/^@attribute\s+(\S+)/gim)].map((m) => m[1]);
  const data = text.slice(text.search(/^@data/im)).split('\n').slice(1).filter((l) => l.includes(','));
  const valuesOf = (name: string): string[] => data.map((line) => line.split(',')[attributes.indexOf(name)]);
  const countOf = (name: string, value: string): number => valuesOf(name).filter((v) => v === value).length;
  const [females, males] = [countOf('gender', 'F'), countOf('gender', 'M')];
  assert.equal(females + males, t.rows);
  const rarer = males < females ? 'M' : 'F';
  const f = fitFeaturizer(t);
  assert.deepEqual(f.encodings.find((e) => e.column === 'gender'), { kind: 'indicator', column: 'gender', present: rarer });
  // one-hot: most frequent first, ties in declared order
  const times = ['lunch', 'afternoon', 'happy_hour', 'dinner', 'dawn'].filter((c) => countOf('time', c) > 0);
  times.sort((a, b) => countOf('time', b) - countOf('time', a));
  assert.deepEqual(f.encodings.find((e) => e.column === 'time'), { kind: 'oneHot', column: 'time', categories: times });
  // the indicator column holds a 1 exactly in the rows of the rarer value
  const column = t.features.findIndex((c) => c.name === 'gender');
  const offset = featurizerWidth({ ...f, encodings: f.encodings.slice(0, column) });
  const x = transformTable(f, t);
  const width = featurizerWidth(f);
  const encoded = Array.from({ length: t.rows }, (_, r) => x[r * width + offset]);
  assert.deepEqual(encoded, valuesOf('gender').map((v) => (v === rarer ? 1 : 0)));
});
