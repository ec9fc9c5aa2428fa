/**
 * ARFF readers on the real MULAN/MEKA benchmark files, checked against the published sizes
 * (datasets README, mldr's values) and the independently extracted label fixtures.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { LabelMatrix } from '../../src/core/data/labelMatrix.js';
import { openArff, scanArffLabels } from '../../src/core/io/arff/index.js';
import type { LabelScan } from '../../src/core/io/types.js';

// Local stand-in for test/unit/helpers/datasets.ts: IMBALANCE_LENS_DATASETS, else ../shared/datasets.
const repoRoot = path.resolve(__dirname, '../..');
function datasetsDir(): string | undefined {
  const dir = process.env.IMBALANCE_LENS_DATASETS ?? path.resolve(repoRoot, '../shared/datasets');
  return existsSync(dir) ? dir : undefined;
}
const DATA = datasetsDir();
const skip = DATA ? false : 'real datasets not found (set IMBALANCE_LENS_DATASETS or provide ../shared/datasets)';
const data = (rel: string): string => path.join(DATA ?? '', rel);

function labelCounts(m: LabelMatrix): number[] {
  const counts = new Array<number>(m.labelCount).fill(0);
  for (const id of m.labels) counts[id]++;
  return counts;
}

function rowKeys(m: LabelMatrix): string[] {
  return Array.from({ length: m.rows }, (_, r) => Array.from(m.labels.subarray(m.offsets[r], m.offsets[r + 1])).join('.'));
}

function summary(scan: LabelScan): { rows: number; labels: number; inputs: number; cardinality: string; labelsets: number } {
  const m = scan.matrix;
  return {
    rows: m.rows,
    labels: m.labelCount,
    inputs: scan.schema.features.length,
    cardinality: (m.labels.length / m.rows).toFixed(4),
    labelsets: new Set(rowKeys(m)).size,
  };
}

/** The fixture's rows in the same `a.b` decimal form as rowKeys. */
function fixtureRows(name: string): { labelNames: string[]; rows: string[] } {
  const fixture = JSON.parse(readFileSync(path.join(repoRoot, 'test/fixtures', `${name}.labels.json`), 'utf8')) as { labelNames: string[]; rows: string };
  const rows = fixture.rows.split(' ').map((row) => (row === '' ? '' : row.split('.').map((h) => parseInt(h, 16)).sort((a, b) => a - b).join('.')));
  return { labelNames: fixture.labelNames, rows };
}

describe('ARFF readers on the real benchmark datasets', { skip }, () => {
  // rows / labels / inputs / cardinality / distinct labelsets: datasets README (mldr's values)
  const published = [
    ['emotions', 'emotions/emotions.arff', { rows: 593, labels: 6, inputs: 72, cardinality: '1.8685', labelsets: 27 }],
    ['yeast', 'yeast/yeast.arff', { rows: 2417, labels: 14, inputs: 103, cardinality: '4.2371', labelsets: 198 }],
    ['enron', 'enron/enron.arff', { rows: 1702, labels: 53, inputs: 1001, cardinality: '3.3784', labelsets: 753 }],
  ] as const;

  for (const [name, rel, expected] of published) {
    it(`${name}: size, cardinality and labelsets as published, labels as in the fixture`, async () => {
      const scan = await scanArffLabels(data(rel), {});
      assert.deepEqual(summary(scan), expected);
      const fixture = fixtureRows(name);
      assert.deepEqual(scan.schema.labelNames, fixture.labelNames);
      assert.deepEqual(rowKeys(scan.matrix), fixture.rows);
      assert.equal(scan.skippedCount, 0);
    });
  }

  it('openArff rows agree with the label scan, and features have the schema length', async () => {
    for (const rel of ['emotions/emotions.arff', 'enron/enron.arff', 'birds/birds-test.arff', 'foodtruck/foodtruck.arff', 'scene-meka/Scene.arff']) {
      const scan = await scanArffLabels(data(rel), {});
      const reader = await openArff(data(rel), {});
      const keys: string[] = [];
      for await (const row of reader.rows()) {
        assert.equal(row.features.length, reader.schema.features.length);
        keys.push(row.labels.join('.'));
      }
      assert.deepEqual(keys, rowKeys(scan.matrix), rel);
    }
  });

  it('MULAN split files find the shared xml; train + test = the whole file', async () => {
    for (const name of ['emotions', 'yeast', 'enron']) {
      const whole = await scanArffLabels(data(`${name}/${name}.arff`), {});
      const train = await scanArffLabels(data(`${name}/${name}-train.arff`), {});
      const test = await scanArffLabels(data(`${name}/${name}-test.arff`), {});
      assert.equal(train.matrix.rows + test.matrix.rows, whole.matrix.rows, name);
      assert.deepEqual(train.schema.labelNames, whole.schema.labelNames);
      const sum = labelCounts(train.matrix).map((c, k) => c + labelCounts(test.matrix)[k]);
      assert.deepEqual(sum, labelCounts(whole.matrix), name);
    }
  });

  it('enron-train keeps the label it lacks, with count 0', async () => {
    const scan = await scanArffLabels(data('enron/enron-train.arff'), {});
    assert.equal(scan.matrix.rows, 1123);
    assert.equal(scan.matrix.labelCount, 53);
    assert.equal(labelCounts(scan.matrix).filter((c) => c === 0).length, 1);
  });

  it('scene-meka (MEKA -C 6) equals scene-train + scene-test in rows and per-label counts', async () => {
    const meka = await scanArffLabels(data('scene-meka/Scene.arff'), {});
    const train = await scanArffLabels(data('scene/scene-train.arff'), {});
    const test = await scanArffLabels(data('scene/scene-test.arff'), {});
    assert.equal(meka.matrix.rows, 2407);
    assert.equal(train.matrix.rows + test.matrix.rows, 2407);
    assert.equal(meka.schema.features.length, 294);
    assert.equal(train.schema.features.length, 294);
    // The two publications spell the names differently (MULAN `Beach`, `FallFoliage`; MEKA `beach`,
    // `foliage`): compare case-insensitively, with that one alias.
    const canonical = (n: string): string => (n.toLowerCase() === 'foliage' ? 'fallfoliage' : n.toLowerCase());
    const byName = (scan: LabelScan): Map<string, number> => new Map(scan.schema.labelNames.map((n, k) => [canonical(n), labelCounts(scan.matrix)[k]]));
    const mulan = byName(train);
    for (const [n, c] of byName(test)) mulan.set(n, (mulan.get(n) ?? 0) + c);
    assert.deepEqual(new Map([...byName(meka)].sort()), new Map([...mulan].sort()));
    assert.equal(mulan.size, 6);
  });

  it('birds: 260 inputs (258 numeric + 2 nominal), 19 labels, empty labelsets in 143/151 rows', async () => {
    for (const [rel, rows, empty] of [['birds/birds-train.arff', 322, 143], ['birds/birds-test.arff', 323, 151]] as const) {
      const scan = await scanArffLabels(data(rel), {});
      assert.equal(scan.matrix.rows, rows);
      assert.equal(scan.matrix.labelCount, 19);
      assert.equal(scan.schema.features.filter((f) => f.kind === 'numeric').length, 258);
      assert.equal(scan.schema.features.filter((f) => f.kind === 'categorical').length, 2);
      assert.equal(rowKeys(scan.matrix).filter((k) => k === '').length, empty);
      assert.ok(scan.schema.labelNames.includes("Swainson's Thrush"));
    }
  });

  it('foodtruck: nominal string-valued features are categorical values', async () => {
    const reader = await openArff(data('foodtruck/foodtruck.arff'), {});
    assert.equal(reader.schema.labelNames.length, 12);
    assert.equal(reader.schema.features.length, 21);
    const time = reader.schema.features.findIndex((f) => f.name === 'time');
    assert.deepEqual(reader.schema.features[time].values, ['lunch', 'afternoon', 'happy_hour', 'dinner', 'dawn']);
    let rows = 0;
    for await (const row of reader.rows()) {
      if (rows++ === 0) assert.equal(row.features[time], 'dinner');
    }
    assert.equal(rows, 407);
  });

  it('scans enron (sparse) and scene (dense) in well under a second', async () => {
    for (const rel of ['enron/enron.arff', 'scene/scene-test.arff']) {
      await scanArffLabels(data(rel), {}); // warm-up: compile the hot paths
      const start = performance.now();
      await scanArffLabels(data(rel), {});
      const ms = performance.now() - start;
      assert.ok(ms < 1000, `${rel} took ${ms.toFixed(0)} ms`);
    }
  });
});
