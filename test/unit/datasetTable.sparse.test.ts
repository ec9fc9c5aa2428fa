/**
 * Sparse ARFF rows kept sparse in the DatasetTable: numeric columns of a file with sparse rows hold
 * only their non-zero entries, with the values a dense expansion gives (hand-written file, enron
 * with numeric features); subsets, MLSMOTE, training resampling and the featurizer give what they
 * give on the densified table; dense files keep dense columns.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { readDatasetTable, type DatasetTable, type FeatureData } from '../../src/core/data/datasetTable.js';
import { numericValueAt, numericValues } from '../../src/core/data/sparseNumeric.js';
import { subsetTable } from '../../src/core/data/subsetTable.js';
import { openDataset } from '../../src/core/io/open.js';
import { mlSmote } from '../../src/core/resample/mlsmote/index.js';
import { encodeRows, fitFeaturizer, trainingSetFrom, transformTable } from '../../src/core/train/features/index.js';
import { denseFromCsr, isCsr, storedEntries } from '../../src/core/train/featureRows.js';
import { resampleTraining } from '../../src/core/train/run/resampleTraining.js';
import { trainModel } from '../../src/core/train/trainLoop.js';
import { DEFAULT_TRAIN_CONFIG } from '../../src/core/train/types.js';
import { datasetPath, skipUnlessDatasets } from './helpers/datasets.js';

const dir = mkdtempSync(path.join(tmpdir(), 'il-sparse-table-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The same table with every numeric column dense (expanded by hand from the entries). */
function densified(table: DatasetTable): DatasetTable {
  const features = table.features.map((f): FeatureData => {
    if (f.kind !== 'numeric' || !f.entries) return f;
    const values = new Float64Array(f.rows);
    f.entries.rowIds.forEach((r, k) => (values[r] = f.entries.values[k]));
    return { kind: 'numeric', name: f.name, values };
  });
  return { ...table, features };
}

function columnValues(table: DatasetTable): number[][] {
  return table.features.map((f) => (f.kind === 'numeric' ? Array.from(numericValues(f)) : []));
}

// attributes: 0 a, 1 b, 2 zero (never given), 3 colour, 4 c, 5 L1, 6 L2
const SPARSE = `@relation 'sparse: -C -2'
@attribute a numeric
@attribute b numeric
@attribute zero numeric
@attribute colour {red,blue}
@attribute c numeric
@attribute L1 {0,1}
@attribute L2 {0,1}
@data
{}
{0 1.5, 1 -2, 3 blue, 4 3, 5 1, 6 1}
{4 7, 0 2}
{1 ?, 6 1}
1,0,0,red,0.5,0,1
{0 0, 1 4}
`;

describe('sparse ARFF rows in a DatasetTable', () => {
  it('numeric columns keep only their non-zero entries: an empty row, a full row, an all-zero column, missing, unordered and explicit zeros', async () => {
    const file = path.join(dir, 'sparse.arff');
    writeFileSync(file, SPARSE);
    const table = await readDatasetTable(await openDataset(file));
    assert.equal(table.rows, 6);
    const [a, b, zero, colour, c] = table.features;
    assert.ok(a.kind === 'numeric' && a.entries && b.kind === 'numeric' && b.entries && zero.kind === 'numeric' && zero.entries && c.kind === 'numeric' && c.entries);
    assert.deepEqual(Array.from(a.entries.rowIds), [1, 2, 4], 'row 5 gives a an explicit 0: not stored');
    assert.deepEqual(Array.from(a.entries.values), [1.5, 2, 1]);
    assert.deepEqual(Array.from(b.entries.rowIds), [1, 3, 5]);
    assert.ok(Number.isNaN(b.entries.values[1]), 'a missing value is an entry (NaN)');
    assert.equal(zero.entries.rowIds.length, 0, 'the all-zero column stores nothing');
    assert.deepEqual(Array.from(numericValues(c)), [0, 3, 7, 0, 0.5, 0], 'the dense row 4 joins the entries');
    assert.ok(colour.kind === 'categorical');
    assert.deepEqual(Array.from(colour.codes), [0, 1, 0, 0, 0, 0], 'nominal: the first declared value where omitted');
    assert.deepEqual(Array.from(table.labels.offsets), [0, 0, 2, 2, 3, 4, 4]);
    assert.equal(numericValueAt(b, 5), 4);
    assert.equal(numericValueAt(b, 0), 0);
  });

  it('rows() without the option still hands dense features (other readers of rows are unchanged)', async () => {
    const file = path.join(dir, 'sparse-rows.arff');
    writeFileSync(file, SPARSE);
    const reader = await openDataset(file);
    const rows = [];
    for await (const row of reader.rows()) rows.push(row);
    assert.deepEqual(rows[2].features, [2, 0, 0, 'red', 7]);
    assert.equal(rows[2].sparseNumeric, undefined);
  });

  it('subsets keep sparse columns sparse, in the order given, repeats included', async () => {
    const file = path.join(dir, 'sparse-subset.arff');
    writeFileSync(file, SPARSE);
    const table = await readDatasetTable(await openDataset(file));
    const rows = [5, 1, 1, 0, 4];
    const subset = subsetTable(table, rows);
    const a = subset.features[0];
    assert.ok(a.kind === 'numeric' && a.entries, 'still sparse');
    assert.deepEqual(columnValues(subset), columnValues(subsetTable(densified(table), rows)));
    assert.deepEqual(Array.from(numericValues(a)), [0, 1.5, 1.5, 0, 1]);
  });

  it('dense ARFF keeps dense numeric columns', { skip: skipUnlessDatasets('emotions/emotions-train.arff') }, async () => {
    const table = await readDatasetTable(await openDataset(datasetPath('emotions/emotions-train.arff')!));
    assert.ok(table.features.every((f) => f.kind === 'numeric' && f.entries === undefined && f.values.length === table.rows));
  });
});

describe('enron with numeric features (its {0,1} feature attributes declared numeric)', { skip: skipUnlessDatasets('enron/enron.arff') }, () => {
  /** enron.arff with every feature attribute (not the labels, named in enron.xml) made numeric. */
  function numericEnron(): string {
    const xml = readFileSync(datasetPath('enron/enron.xml')!, 'utf8');
    const labels = new Set([...xml.matchAll(/<label name="([^"]+)"/g)].map((m) => m[1]));
    const text = readFileSync(datasetPath('enron/enron.arff')!, 'utf8').replace(/^@attribute\s+(\S+)\s+\{0,1\}\s*$/gim, (line, name: string) => (labels.has(name.replace(/^'|'$/g, '')) ? line : `@attribute ${name} numeric`));
    const file = path.join(dir, 'enron.arff');
    writeFileSync(file, text);
    writeFileSync(path.join(dir, 'enron.xml'), xml);
    return file;
  }

  it('loads with the same values as a dense expansion of its rows, and trains on CSR rows', async () => {
    const file = numericEnron();
    const table = await readDatasetTable(await openDataset(file));
    assert.equal(table.rows, 1702);
    assert.equal(table.features.length, 1001);
    assert.ok(table.features.every((f) => f.kind === 'numeric' && f.entries));
    // the dense expansion, written out from the data lines: `{index value, ...}`, attribute index = feature index (features come first)
    const lines = readFileSync(file, 'utf8').split('\n');
    const data = lines.slice(lines.findIndex((l) => /^@data/i.test(l)) + 1).filter((l) => l.trim().startsWith('{'));
    assert.equal(data.length, 1702);
    const expected = Array.from({ length: 1001 }, () => new Float64Array(1702));
    data.forEach((line, r) => {
      for (const [, index, value] of line.matchAll(/(\d+) ([^,}]+)/g)) if (Number(index) < 1001) expected[Number(index)][r] = Number(value);
    });
    table.features.forEach((f, j) => assert.ok(f.kind === 'numeric' && numericValues(f).every((v, r) => v === expected[j][r]), `column ${j}`));
    const entries = table.features.reduce((sum, f) => sum + (f.kind === 'numeric' && f.entries ? f.entries.rowIds.length : 0), 0);
    assert.ok(entries < 0.1 * 1702 * 1001, `${entries} entries: a few % of the dense cells`);

    const featurizer = fitFeaturizer(table);
    assert.equal(featurizer.rows, 'csr');
    const x = encodeRows(featurizer, table);
    assert.ok(isCsr(x));
    featurizer.encodings.forEach((e, j) => {
      const f = table.features[j];
      const share = f.kind === 'numeric' && f.entries ? f.entries.rowIds.length / table.rows : 1;
      assert.equal(e.kind === 'numeric' && e.center === false, share < 0.25, `column ${j}: uncentred exactly when under a quarter non-zero`);
    });
    assert.ok(storedEntries(x) < 0.1 * 1702 * 1001, `${storedEntries(x)} stored values`);
    const dense = densified(table);
    assert.deepEqual(fitFeaturizer(dense), featurizer, 'the same fit as on the dense table');
    assert.deepEqual(denseFromCsr(x, 1001), transformTable(featurizer, dense));
    const rows = [5, 17, 5, 1700];
    const some = encodeRows(featurizer, table, rows);
    assert.ok(isCsr(some));
    assert.deepEqual(denseFromCsr(some, 1001), transformTable(featurizer, dense, rows));

    const set = trainingSetFrom(featurizer, table);
    const result = await trainModel(set, undefined, { ...DEFAULT_TRAIN_CONFIG, epochs: 3, batchSize: 32, model: { hidden: [64], dropout: 0 } });
    assert.equal(result.epochs.length, 3);
    assert.ok(result.epochs[2].trainLoss < result.epochs[0].trainLoss);
    // measured ~190 MB for this whole test process (tsx included)
    const rssMb = process.memoryUsage().rss / 2 ** 20;
    assert.ok(rssMb < 400, `resident ${rssMb.toFixed(0)} MB`);
  });

  it('MLSMOTE and training resampling give on the sparse table what they give on the dense one', async () => {
    const table = await readDatasetTable(await openDataset(numericEnron()));
    const part = subsetTable(table, Array.from({ length: 400 }, (_, i) => i * 4));
    const dense = densified(part);
    const sparseResult = mlSmote(part, { seed: 3 });
    assert.deepEqual(sparseResult, mlSmote(dense, { seed: 3 }));
    assert.ok(sparseResult.rows.some((r) => r.kind === 'synthetic'));
    const fromSparse = resampleTraining(part, 'mlsmote', 3);
    const fromDense = resampleTraining(dense, 'mlsmote', 3);
    assert.ok(fromSparse.table.features.every((f) => f.kind === 'numeric' && f.entries), 'synthetic rows join the entries');
    assert.deepEqual(columnValues(fromSparse.table), columnValues(fromDense.table));
    assert.deepEqual(fromSparse.table.labels, fromDense.table.labels);
  });
});
