
/** readDatasetTable: every row of a real dataset in columns, with the source lines and labels. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readDatasetTable } from '../../src/core/data/datasetTable.js';
import { numericValues } from '../../src/core/data/sparseNumeric.js';
import { openDataset, scanLabels } from '../../src/core/io/open.js';
import { datasetPath, skipUnlessDatasets } from './helpers/datasets.js';

describe('readDatasetTable', { skip: skipUnlessDatasets('foodtruck/foodtruck.arff', 'reuters21578-modapte.jsonl') }, () => {
  it('reads foodtruck: nominal features as codes, numeric as numbers, labels as the scan sees them', async () => {
    const file = datasetPath('foodtruck/foodtruck.arff')!;
    const table = await readDatasetTable(await openDataset(file));
    const scan = await scanLabels(file);
    assert.equal(table.rows, 407);
    assert.deepEqual(Array.from(table.labels.labels), Array.from(scan.matrix.labels));
    assert.deepEqual(Array.from(table.labels.offsets), Array.from(scan.matrix.offsets));
    const kinds = table.features.map((f) => f.kind);
    assert.equal(kinds.filter((k) => k === 'categorical').length, 4);
    assert.equal(kinds.filter((k) => k === 'numeric').length, 17);
    for (const f of table.features) {
      if (f.kind === 'categorical') assert.ok(Array.from(f.codes).every((c) => c >= -1 && c < f.categories.length));
      if (f.kind === 'numeric') assert.equal(numericValues(f).length, 407);
    }
    assert.ok(table.lines[0] > 1 && table.lines[406] > table.lines[0]);
  });

  it('reads the Reuters JSONL text fields and its split column', async () => {
    const table = await readDatasetTable(await openDataset(datasetPath('reuters21578-modapte.jsonl')!));
    assert.equal(table.rows, 10789);
    assert.ok(table.features.some((f) => f.kind === 'text'));
    assert.deepEqual([...new Set(table.splits)].sort(), ['test', 'train']);
  });
});
