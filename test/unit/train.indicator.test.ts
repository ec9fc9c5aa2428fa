/**
 * Two-valued categorical columns as one 0/1 indicator column (hand-computed small tables: which
 * category is "present", missing and unseen values, dense and CSR agreeing, the sparsity estimate),
 * featurizer.json version 2 with version 1 still read, and the real enron train file: 1001
 * nominal {0,1} attributes give 1001 columns, CSR rows storing exactly the file's 1-values.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { readDatasetTable, type CategoricalColumn, type DatasetTable, type FeatureData } from '../../src/core/data/datasetTable.js';
import { UsageError } from '../../src/core/errors.js';
import { openDataset } from '../../src/core/io/open.js';
import type { DatasetSchema } from '../../src/core/io/types.js';
import { denseFromCsr, isCsr, storedEntries } from '../../src/core/train/featureRows.js';
import { encodeRows, featurizerWidth, fitFeaturizer, looksPositive, parseFeaturizer, transformTable, type Featurizer } from '../../src/core/train/features/index.js';
import { transformTableCsr } from '../../src/core/train/features/featurizer.js';
import { predictLogits } from '../../src/core/train/model.js';
import { loadModel } from '../../src/core/train/modelJson.js';
import { datasetPath, skipUnlessDatasets } from './helpers/datasets.js';

/** A table of the given columns; `declared` lists the schema's declared values per column (undefined: none). */
function table(features: FeatureData[], rows: number, declared?: (string[] | undefined)[]): DatasetTable {
  const schema: DatasetSchema = {
    file: 'hand.arff',
    format: 'arff',
    labelNames: ['L'],
    features: features.map((f, i) => ({ name: f.name, kind: f.kind, ...(declared?.[i] ? { values: declared[i] } : {}) })),
    labelSource: 'by hand',
    notes: [],
  };
  return { schema, rows, features, labels: { rows, labelCount: 1, offsets: new Int32Array(rows + 1), labels: new Int32Array(0) }, lines: new Int32Array(rows) } as unknown as DatasetTable;
}

function nominal(name: string, categories: string[], values: (string | null)[]): CategoricalColumn {
  return { kind: 'categorical', name, categories, codes: Int32Array.from(values, (v) => (v === null ? -1 : categories.indexOf(v))) };
}

/** The single encoded column of a one-column table, dense. */
function encodedColumn(f: Featurizer, t: DatasetTable): number[] {
  assert.equal(featurizerWidth(f), 1);
  return Array.from(transformTable(f, t));
}

const OPTIONS = { topCategories: 20, textDims: 16 };

describe('which category is "present"', () => {
  test('positive spellings: 1, 1.0, y, yes, t, true in any case; nothing else', () => {
    for (const p of ['1', '1.0', 'y', 'Y', 'yes', 'YES', 'Yes', 't', 'T', 'true', 'TRUE', 'True', ' 1 ']) assert.ok(looksPositive(p), p);
    for (const n of ['0', '0.0', 'n', 'no', 'f', 'false', '2', '10', '1.00', '+1', 'yess', 'positive', '']) assert.ok(!looksPositive(n), n);
  });

  test('{0,1} declared: 1 is present, even when it is the more frequent one; missing is 0', () => {
    const rare = nominal('w', ['0', '1'], ['0', '1', '0', '0', '1', '0', null]);
    const t = table([rare], 7, [['0', '1']]);
    const f = fitFeaturizer(t, OPTIONS);
    assert.deepEqual(f.encodings, [{ kind: 'indicator', column: 'w', present: '1' }]);
    assert.deepEqual(encodedColumn(f, t), [0, 1, 0, 0, 1, 0, 0]);
    const often = table([nominal('w', ['0', '1'], ['1', '1', '1', '0'])], 4, [['0', '1']]);
    const g = fitFeaturizer(often, OPTIONS);
    assert.deepEqual(g.encodings, [{ kind: 'indicator', column: 'w', present: '1' }], 'the positive spelling wins over rarity');
    assert.deepEqual(encodedColumn(g, often), [1, 1, 1, 0]);
  });

  test('{yes,no}, {F,T}, {false,TRUE}: the positive spelling, whatever its position and case', () => {
    const cases: [string[], string[], string, number[]][] = [
      [['yes', 'no'], ['no', 'yes', 'no', 'no'], 'yes', [0, 1, 0, 0]],
      [['F', 'T'], ['T', 'T', 'F'], 'T', [1, 1, 0]],
      [['false', 'TRUE'], ['false', 'false', 'TRUE'], 'TRUE', [0, 0, 1]],
      [['0.0', '1.0'], ['1.0', '0.0'], '1.0', [1, 0]],
    ];
    for (const [declared, values, present, expected] of cases) {
      const t = table([nominal('c', declared, values)], values.length, [declared]);
      const f = fitFeaturizer(t, OPTIONS);
      assert.deepEqual(f.encodings, [{ kind: 'indicator', column: 'c', present }], declared.join(','));
      assert.deepEqual(encodedColumn(f, t), expected, declared.join(','));
    }
  });

  test('neither (or both) spelled like a positive: the rarer in the training rows; a tie goes to the later declared', () => {
    // training rows 0-3: red x3, blue x1; row 4 (blue) is not training data
    const colours = table([nominal('colour', ['red', 'blue'], ['red', 'blue', 'red', 'red', 'blue'])], 5, [['red', 'blue']]);
    const f = fitFeaturizer(colours, OPTIONS, [0, 1, 2, 3]);
    assert.deepEqual(f.encodings, [{ kind: 'indicator', column: 'colour', present: 'blue' }]);
    assert.deepEqual(encodedColumn(f, colours), [0, 1, 0, 0, 1]);
    // blue is rarer over all 5 rows, but red over rows 1, 2, 4 (blue x2, red x1)
    assert.deepEqual(fitFeaturizer(colours, OPTIONS, [1, 2, 4]).encodings[0], { kind: 'indicator', column: 'colour', present: 'red' });
    const tie = table([nominal('k', ['a', 'b'], ['b', 'a', 'a', 'b'])], 4, [['a', 'b']]);
    assert.deepEqual(fitFeaturizer(tie, OPTIONS).encodings[0], { kind: 'indicator', column: 'k', present: 'b' }, 'tie: the later declared');
    const bothPositive = table([nominal('k', ['yes', '1'], ['yes', '1', '1'])], 3, [['yes', '1']]);
    assert.deepEqual(fitFeaturizer(bothPositive, OPTIONS).encodings[0], { kind: 'indicator', column: 'k', present: 'yes' }, 'both positive: the rarer');
  });

  test('an undeclared column (CSV-like, no schema values) whose training rows show two of its three categories', () => {
    // training rows 0-3 show x x3, y x1; z appears only in row 4, outside training
    const t = table([nominal('k', ['x', 'y', 'z'], ['x', 'x', 'y', 'x', 'z', null])], 6);
    const f = fitFeaturizer(t, OPTIONS, [0, 1, 2, 3]);
    assert.deepEqual(f.encodings, [{ kind: 'indicator', column: 'k', present: 'y' }]);
    assert.deepEqual(encodedColumn(f, t), [0, 0, 1, 0, 0, 0], 'z (unseen in training) and missing are 0');
  });

  test('declared with two values, one seen in training: chosen between the two declared', () => {
    // {0,1} with only 0 in training: 1 is still the present one, so a later 1 encodes as 1
    const t = table([nominal('w', ['0', '1'], ['0', '0', '0', '1'])], 4, [['0', '1']]);
    const f = fitFeaturizer(t, OPTIONS, [0, 1, 2]);
    assert.deepEqual(f.encodings, [{ kind: 'indicator', column: 'w', present: '1' }]);
    assert.deepEqual(encodedColumn(f, t), [0, 0, 0, 1]);
    // {a,b} with only a in training: neither positive, b is the rarer (0 rows)
    const u = table([nominal('k', ['a', 'b'], ['a', 'a', 'b'])], 3, [['a', 'b']]);
    const g = fitFeaturizer(u, OPTIONS, [0, 1]);
    assert.deepEqual(g.encodings, [{ kind: 'indicator', column: 'k', present: 'b' }]);
    assert.deepEqual(encodedColumn(g, u), [0, 0, 1]);
    // undeclared, one category seen: that one
    const v = table([nominal('k', ['a', 'b'], ['a', 'a', 'b'])], 3);
    assert.deepEqual(fitFeaturizer(v, OPTIONS, [0, 1]).encodings[0], { kind: 'indicator', column: 'k', present: 'a' });
  });

  test('three categories in training: one-hot as before (top K + other)', () => {
    const t = table([nominal('k', ['0', '1', '2'], ['0', '1', '2', '1', null])], 5, [['0', '1', '2']]);
    const f = fitFeaturizer(t, OPTIONS);
    assert.deepEqual(f.encodings, [{ kind: 'oneHot', column: 'k', categories: ['1', '0', '2'] }]);
    assert.deepEqual(Array.from(transformTable(f, t)), [0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
    // declared with three values but two in training: an indicator
    const g = fitFeaturizer(t, OPTIONS, [0, 1, 3]);
    assert.deepEqual(g.encodings, [{ kind: 'indicator', column: 'k', present: '1' }]);
  });
});

describe('transforming', () => {
  test('a category unseen in training and a table whose categories come in another order', () => {
    const train = table([nominal('w', ['no', 'yes'], ['no', 'yes', 'no'])], 3, [['no', 'yes']]);
    const f = fitFeaturizer(train, OPTIONS);
    assert.deepEqual(f.encodings, [{ kind: 'indicator', column: 'w', present: 'yes' }]);
    // another file: 'maybe' never seen in training, codes in another order
    const other = table([nominal('w', ['maybe', 'yes', 'no'], ['maybe', 'yes', null, 'no', 'yes'])], 5);
    assert.deepEqual(Array.from(transformTable(f, other)), [0, 1, 0, 0, 1]);
    const csr = transformTableCsr(f, other);
    assert.deepEqual(Array.from(csr.indptr), [0, 0, 1, 1, 1, 2]);
    assert.deepEqual(Array.from(csr.indices), [0, 0]);
    assert.deepEqual(Array.from(csr.values), [1, 1]);
  });

  test('mostly-absent indicators give CSR rows storing only the 1s; dense and CSR agree, with numeric and one-hot columns beside', () => {
    // 8 rows; a, b: {0,1} with one or two 1s; c: 3 categories (one-hot, 4 columns); x: a numeric column, mostly zeros
    const a = nominal('a', ['0', '1'], ['0', '0', '1', '0', '0', '0', '0', null]);
    const b = nominal('b', ['0', '1'], ['1', '0', '0', '0', '0', '0', '1', '0']);
    const c = nominal('c', ['p', 'q', 'r'], ['p', 'q', 'r', 'p', 'p', 'q', 'r', null]);
    const x: FeatureData = { kind: 'numeric', name: 'x', values: Float64Array.from([0, 0, 0, 3, 0, 0, 0, 0]) };
    const d = nominal('d', ['0', '1'], ['0', '0', '0', '0', '0', '0', '0', '0']);
    const t = table([a, b, c, x, d], 8, [['0', '1'], ['0', '1'], ['p', 'q', 'r'], undefined, ['0', '1']]);
    const f = fitFeaturizer(t, OPTIONS);
    // width 1 + 1 + 4 + 1 + 1 = 8; non-zeros per row: 1/8 + 2/8 + 1 (one-hot) + 1/8 (x uncentred) + 0 = 1.5 < 0.25 x 8
    assert.equal(featurizerWidth(f), 8);
    assert.equal(f.rows, 'csr');
    assert.deepEqual(f.encodings.map((e) => e.kind), ['indicator', 'indicator', 'oneHot', 'numeric', 'indicator']);
    const rows = encodeRows(f, t);
    assert.ok(isCsr(rows));
    // stored: a's one 1, b's two 1s, c's 7 non-missing rows, x's one non-zero; d nothing
    assert.equal(storedEntries(rows), 1 + 2 + 7 + 1);
    const dense = transformTable(f, t);
    assert.deepEqual(denseFromCsr(rows, 8), dense);
    const some = encodeRows(f, t, [7, 2, 2, 0]);
    assert.ok(isCsr(some));
    assert.deepEqual(denseFromCsr(some, 8), transformTable(f, t, [7, 2, 2, 0]));
    // column 0 (a) and 1 (b) as written by hand
    assert.deepEqual(Array.from({ length: 8 }, (_, r) => dense[r * 8]), [0, 0, 1, 0, 0, 0, 0, 0]);
    assert.deepEqual(Array.from({ length: 8 }, (_, r) => dense[r * 8 + 1]), [1, 0, 0, 0, 0, 0, 1, 0]);
  });

  test('indicators present in half the rows: the estimate says dense, and they stay 0/1 (not standardised)', () => {
    // 4 columns present in 2 of 4 rows each: 2 non-zeros per row, not under 0.25 x 4
    const cols = ['a', 'b', 'c', 'd'].map((name, i) => nominal(name, ['0', '1'], Array.from({ length: 4 }, (_, r) => ((r + i) % 2 === 0 ? '1' : '0'))));
    const t = table(cols, 4, cols.map(() => ['0', '1']));
    const f = fitFeaturizer(t, OPTIONS);
    assert.equal(f.rows, undefined);
    assert.ok(!isCsr(encodeRows(f, t)));
    assert.deepEqual(Array.from(transformTable(f, t)), [1, 0, 1, 0, 0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 0, 1]);
  });
});

/** A hand-written version 1 featurizer (as written before indicators): numeric centred (no `center`), numeric uncentred, one-hot. */
const V1 = {
  format: 'imbalance-lens-featurizer',
  version: 1,
  encodings: [
    { kind: 'numeric', column: 'n', mean: 2, std: 4, missingIndicator: true },
    { kind: 'numeric', column: 's', mean: 1, std: 2, missingIndicator: false, center: false },
    { kind: 'oneHot', column: 'w', categories: ['1', '0'] },
  ],
};

function v1Table(): DatasetTable {
  return table([
    { kind: 'numeric', name: 'n', values: Float64Array.from([6, NaN, -2]) },
    { kind: 'numeric', name: 's', values: Float64Array.from([0, 4, NaN]) },
    nominal('w', ['0', '1'], ['1', '0', null]),
  ], 3, [undefined, undefined, ['0', '1']]);
}

/** n: (x - 2) / 4 and its missing indicator; s: x / 2, missing imputed with the mean (1 / 2); w: one-hot ['1', '0', other]. */
const V1_EXPECTED = [
  [1, 0, 0, 1, 0, 0],
  [0, 1, 2, 0, 1, 0],
  [-1, 0, 0.5, 0, 0, 0],
].flat();

describe('featurizer.json versions', () => {
  test('a version 1 featurizer loads and transforms as before (two-valued one-hot kept), and comes back as version 2', () => {
    const f = parseFeaturizer(JSON.parse(JSON.stringify(V1)));
    assert.equal(f.version, 2);
    assert.deepEqual(f.encodings, V1.encodings);
    assert.deepEqual(Array.from(transformTable(f, v1Table())), V1_EXPECTED);
    const csr = parseFeaturizer({ ...V1, rows: 'csr' });
    assert.equal(csr.rows, 'csr');
    const rows = encodeRows(csr, v1Table());
    assert.ok(isCsr(rows));
    assert.deepEqual(Array.from(denseFromCsr(rows, 6)), V1_EXPECTED);
    // a fresh fit of the same table would give w an indicator instead
    assert.equal(fitFeaturizer(v1Table(), OPTIONS).encodings[2].kind, 'indicator');
  });

  test('a version 1 model.json (featurizer inside) still predicts the same logits', () => {
    // one output, no hidden layer: logit = weights . x + bias
    const weights = [0.5, -1, 0.25, 2, -3, 1.5];
    const params = Buffer.from(Float32Array.from([...weights, 0.125]).buffer).toString('base64');
    const saved = { format: 'imbalance-lens-mlp', version: 1, inputs: 6, outputs: 1, hidden: [], dropout: 0, labelNames: ['L'], threshold: 0.5, featurizer: V1, params };
    const { model, featurizer } = loadModel(JSON.parse(JSON.stringify(saved)));
    const logits = predictLogits(model, transformTable(featurizer, v1Table()), 3);
    const expected = [0, 1, 2].map((r) => weights.reduce((sum, w, j) => sum + w * V1_EXPECTED[r * 6 + j], 0.125));
    expected.forEach((v, r) => assert.ok(Math.abs(logits[r] - v) < 1e-6, `row ${r}: ${logits[r]} vs ${v}`));
  });

  test('an indicator featurizer is written as version 2 and survives JSON', () => {
    const t = table([nominal('w', ['0', '1'], ['0', '1', null, '0'])], 4, [['0', '1']]);
    const f = fitFeaturizer(t, OPTIONS);
    assert.equal(f.version, 2);
    assert.equal(f.format, 'imbalance-lens-featurizer');
    const copy = parseFeaturizer(JSON.parse(JSON.stringify(f)));
    assert.deepEqual(copy, f);
    assert.deepEqual(transformTable(copy, t), transformTable(f, t));
  });

  test('other versions, garbage and damaged encodings are refused with a message naming what is read', () => {
    const refused = (value: unknown, message: RegExp): void => {
      assert.throws(() => parseFeaturizer(value), (e: unknown) => e instanceof UsageError && message.test(e.message), JSON.stringify(value)?.slice(0, 80));
    };
    refused({ ...V1, version: 3 }, /version 3 is not understood.*versions 1 and 2/);
    refused({ ...V1, version: '2' }, /version "2" is not understood.*versions 1 and 2/);
    refused({ ...V1, version: undefined }, /version undefined is not understood/);
    refused(null, /not an Imbalance Lens featurizer.*versions 1 and 2/);
    refused('featurizer', /not an Imbalance Lens featurizer/);
    refused([V1], /not an Imbalance Lens featurizer/);
    refused({ ...V1, format: 'other' }, /not an Imbalance Lens featurizer/);
    refused({ ...V1, encodings: 'all' }, /no encodings list/);
    refused({ ...V1, rows: 'sparse' }, /rows form is "sparse"/);
    refused({ ...V1, version: 1, encodings: [{ kind: 'indicator', column: 'w', present: '1' }] }, /encoding 0 \(column 'w'\).*from featurizer version 2 on/);
    refused({ ...V1, version: 2, encodings: [{ kind: 'binary', column: 'w' }] }, /unknown kind "binary"/);
    refused({ ...V1, version: 2, encodings: [{ kind: 'indicator', column: 'w' }] }, /present is not a string/);
    refused({ ...V1, version: 2, encodings: [{ kind: 'numeric', column: 'n', mean: 0, std: 0, missingIndicator: false }] }, /positive std/);
    refused({ ...V1, version: 2, encodings: [{ kind: 'oneHot', column: 'w', categories: [1, 2] }] }, /categories/);
    refused({ ...V1, version: 2, encodings: [{ kind: 'tfidf', column: 't', dims: 2, idf: [1] }] }, /idf is not 2 finite numbers/);
    refused({ ...V1, version: 2, encodings: [{ kind: 'oneHot', categories: [] }] }, /encoding 0 is not valid: no column name/);
    // inside a model file: the same message
    const model = { format: 'imbalance-lens-mlp', version: 1, inputs: 1, outputs: 1, hidden: [], dropout: 0, labelNames: ['L'], threshold: 0.5, featurizer: { ...V1, version: 3 }, params: Buffer.from(new Float32Array(2).buffer).toString('base64') };
    assert.throws(() => loadModel(model), (e: unknown) => e instanceof UsageError && /version 3 is not understood.*versions 1 and 2/.test(e.message));
  });
});

test('enron-train: 1001 {0,1} attributes give 1001 indicator columns, CSR rows storing exactly the file\'s 1-values', { skip: skipUnlessDatasets('enron/enron-train.arff', 'enron/enron.xml') }, async () => {
  const file = datasetPath('enron/enron-train.arff')!;
  const t = await readDatasetTable(await openDataset(file));
  // the header's attributes, less the labels named in enron.xml
  const text = readFileSync(file, 'utf8');
  const attributes = [...text.matchAll(/^@attribute\s+('[^']*'|\S+)/gim)].map((m) => m[1].replace(/^'|'$/g, ''));
  const labelNames = new Set([...readFileSync(datasetPath('enron/enron.xml')!, 'utf8').matchAll(/<label\s+name="([^"]*)"/g)].map((m) => m[1]));
  const featureIndex = new Set(attributes.flatMap((name, i) => (labelNames.has(name) ? [] : [i])));
  assert.equal(labelNames.size, 53);
  assert.equal(featureIndex.size, 1001);

  const f = fitFeaturizer(t);
  assert.equal(f.rows, 'csr');
  assert.equal(featurizerWidth(f), featureIndex.size, 'one column per feature attribute (was 2 or 3 each as one-hot)');
  assert.ok(f.encodings.every((e) => e.kind === 'indicator' && e.present === '1'));
  const x = encodeRows(f, t);
  assert.ok(isCsr(x));
  assert.ok(x.values.every((v) => v === 1));

  // the file's 1-values, from its sparse data lines `{index value, ...}` (an omitted nominal is its first declared value, 0)
  const data = text.slice(text.search(/^@data/im)).split('\n').slice(1).filter((l) => l.trim().startsWith('{'));
  assert.equal(data.length, t.rows);
  let ones = 0;
  for (const line of data) for (const [, index, value] of line.matchAll(/(\d+)\s+([^,}\s]+)/g)) if (featureIndex.has(Number(index)) && value === '1') ones++;
  assert.equal(storedEntries(x), ones);
  // and from the table's codes
  const fromCodes = t.features.reduce((sum, c) => sum + (c.kind === 'categorical' ? c.codes.filter((code) => c.categories[code] === '1').length : 0), 0);
  assert.equal(fromCodes, ones);
  assert.deepEqual(denseFromCsr(x, featurizerWidth(f)), transformTable(f, t));
});
