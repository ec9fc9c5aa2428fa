import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LabelMatrix } from '../../src/core/data/labelMatrix.js';
import { openCsv, scanCsvLabels } from '../../src/core/io/csv/index.js';
import { datasetPath, skipUnlessDatasets } from './helpers/datasets.js';

function labelsets(m: LabelMatrix): number {
  const sets = new Set<string>();
  for (let r = 0; r < m.rows; r++) sets.add(Array.from(m.labels.subarray(m.offsets[r], m.offsets[r + 1])).join(','));
  return sets.size;
}

test('yeast.csv: 14 one-hot columns, mldr cardinality and labelsets', { skip: skipUnlessDatasets('csv/yeast.csv') }, async () => {
  const file = datasetPath('csv/yeast.csv')!;
  const scan = await scanCsvLabels(file, {});
  assert.equal(scan.matrix.rows, 2417);
  assert.equal(scan.schema.labelNames.length, 14);
  assert.equal(scan.schema.features.length, 103);
  assert.ok(scan.schema.features.every((f) => f.kind === 'numeric'));
  // mldr reference: cardinality 4.2371, 198 distinct labelsets
  assert.equal((scan.matrix.labels.length / scan.matrix.rows).toFixed(4), '4.2371');
  assert.equal(labelsets(scan.matrix), 198);
  assert.match(scan.schema.labelSource, /^14 one-hot label columns Class1\.\.Class14/);
  assert.equal(scan.skippedCount, 0);
});

test('yeast.csv: openCsv rows agree with the label scan', { skip: skipUnlessDatasets('csv/yeast.csv') }, async () => {
  const file = datasetPath('csv/yeast.csv')!;
  const scan = await scanCsvLabels(file, {});
  const reader = await openCsv(file, {});
  let r = 0;
  for await (const row of reader.rows()) {
    assert.deepEqual(row.labels, Array.from(scan.matrix.labels.subarray(scan.matrix.offsets[r], scan.matrix.offsets[r + 1])));
    assert.equal(row.features.length, 103);
    assert.equal(row.line, r + 2);
    r++;
  }
  assert.equal(r, 2417);
});

test('scene.csv: id column, 294 features, "|"-separated label list', { skip: skipUnlessDatasets('csv/scene.csv') }, async () => {
  const file = datasetPath('csv/scene.csv')!;
  const scan = await scanCsvLabels(file, {});
  assert.equal(scan.matrix.rows, 2407);
  assert.deepEqual(scan.schema.labelNames, ['beach', 'field', 'foliage', 'mountain', 'sunset', 'urban']);
  assert.equal(scan.schema.idColumn, 'id');
  assert.equal(scan.schema.features.length, 294);
  assert.match(scan.schema.labelSource, /label list column "labels" separated by "\|"/);
  // mldr scene: cardinality 1.074, 15 labelsets
  assert.equal((scan.matrix.labels.length / scan.matrix.rows).toFixed(3), '1.074');
  assert.equal(labelsets(scan.matrix), 15);
  const reader = await openCsv(file, {});
  const first = (await reader.rows()[Symbol.asyncIterator]().next()).value;
  assert.equal(first.id, 'img0000');
  assert.deepEqual(first.labels, [0, 3]); // beach|mountain
});
