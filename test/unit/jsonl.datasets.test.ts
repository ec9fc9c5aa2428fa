/** JSONL readers on the real Reuters-21578 ModApte file, against the datasets README. */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { openJsonl, scanJsonlLabels } from '../../src/core/io/jsonl/index.js';

// Local stand-in for test/unit/helpers/datasets.ts: IMBALANCE_LENS_DATASETS, else ../shared/datasets.
const repoRoot = path.resolve(__dirname, '../..');
function datasetPath(rel: string): string | undefined {
  const dir = process.env.IMBALANCE_LENS_DATASETS ?? path.resolve(repoRoot, '../shared/datasets');
  const file = path.join(dir, rel);
  return existsSync(file) ? file : undefined;
}
const REUTERS = datasetPath('reuters21578-modapte.jsonl');
const skip = REUTERS ? false : 'reuters21578-modapte.jsonl not found (set IMBALANCE_LENS_DATASETS or provide ../shared/datasets)';

describe('JSONL readers on Reuters-21578 ModApte', { skip }, () => {
  const file = REUTERS ?? '';

  it('scans 10789 rows and 90 labels, MaxIR (max count / min count) 1982', async () => {
    const scan = await scanJsonlLabels(file, {});
    assert.equal(scan.matrix.rows, 10789);
    assert.equal(scan.matrix.labelCount, 90);
    assert.equal(scan.skippedCount, 0);
    const counts = new Array<number>(90).fill(0);
    for (const id of scan.matrix.labels) counts[id]++;
    assert.equal(Math.max(...counts) / Math.min(...counts), 1982);
    assert.equal(counts[scan.schema.labelNames.indexOf('earn')], 3964);
    assert.deepEqual(scan.schema.labelNames, [...scan.schema.labelNames].sort());
  });

  it('reads rows with id, split (7770 train / 3019 test) and title/text as text features', async () => {
    const reader = await openJsonl(file, {});
    assert.equal(reader.schema.idColumn, 'id');
    assert.equal(reader.schema.splitColumn, 'split');
    assert.deepEqual(reader.schema.features, [
      { name: 'title', kind: 'text' },
      { name: 'text', kind: 'text' },
    ]);
    const splits = new Map<string, number>();
    let rows = 0;
    let positives = 0;
    for await (const row of reader.rows()) {
      rows++;
      positives += row.labels.length;
      splits.set(row.split ?? '?', (splits.get(row.split ?? '?') ?? 0) + 1);
      if (rows === 1) assert.equal(row.features[0], 'BAHIA COCOA REVIEW');
    }
    assert.equal(rows, 10789);
    assert.deepEqual(Object.fromEntries(splits), { train: 7770, test: 3019 });
    const scan = await scanJsonlLabels(file, {});
    assert.equal(positives, scan.matrix.labels.length);
  });
});
