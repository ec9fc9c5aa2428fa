/**
 * The imbalance measures against the R package mldr's own published values (the datasets
 * README), on label matrices extracted from the MULAN ARFF files into test/fixtures.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { LabelMatrixBuilder, type LabelMatrix } from '../../src/core/data/labelMatrix.js';
import { computeMeasures } from '../../src/core/stats/index.js';

interface LabelFixture {
  labelNames: string[];
  inputs: number;
  rowCount: number;
  /** One entry per row, separated by ' '; a row is its hex label ids joined by '.'. */
  rows: string;
}

function loadFixture(name: string): { matrix: LabelMatrix; labelNames: string[]; inputs: number } {
  const file = path.resolve(__dirname, '../fixtures', `${name}.labels.json`);
  const fixture = JSON.parse(readFileSync(file, 'utf8')) as LabelFixture;
  const builder = new LabelMatrixBuilder(fixture.labelNames.length, fixture.rowCount);
  for (const row of fixture.rows.split(' ')) builder.addRow(row === '' ? [] : row.split('.').map((h) => parseInt(h, 16)));
  const matrix = builder.build();
  assert.equal(matrix.rows, fixture.rowCount);
  return { matrix, labelNames: fixture.labelNames, inputs: fixture.inputs };
}

// mldr's published values: rows, labels, inputs, cardinality, density, labelsets, MeanIR, MaxIR, CVIR, SCUMBLE, SCUMBLE.CV, TCS
const reference = {
  emotions: [593, 6, 72, 1.8685, 0.3114, 27, 1.4781, 1.7838, 0.1796, 0.011, 1.2646, 9.3643],
  yeast: [2417, 14, 103, 4.2371, 0.3026, 198, 7.1968, 53.4118, 1.8838, 0.1044, 1.0645, 12.5621],
  enron: [1702, 53, 1001, 3.3784, 0.0637, 753, 73.9528, 913.0, 1.9596, 0.3028, 0.7429, 17.5031],
} as const;

function close(actual: number, expected: number, what: string): void {
  assert.ok(Math.abs(actual - expected) < 5e-5, `${what}: ${actual} vs mldr ${expected}`);
}

describe('computeMeasures matches mldr to 4 decimals', () => {
  for (const [name, ref] of Object.entries(reference)) {
    it(name, () => {
      const { matrix, labelNames, inputs } = loadFixture(name);
      const m = computeMeasures(matrix, labelNames, inputs);
      const [rows, labels, inp, card, dens, labelsets, meanIR, maxIR, cvIR, scumble, scumbleCV, tcs] = ref;
      assert.equal(m.instances, rows);
      assert.equal(m.labels, labels);
      assert.equal(m.inputs, inp);
      assert.equal(m.labelsets, labelsets);
      close(m.cardinality, card, 'cardinality');
      close(m.density, dens, 'density');
      close(m.meanIR, meanIR, 'MeanIR');
      // MaxIR is published to 4 decimals, or as 913.0 for enron: absolute or relative 5e-5
      assert.ok(Math.abs(m.maxIR - maxIR) < 5e-5 || Math.abs(m.maxIR - maxIR) / maxIR < 5e-5, `MaxIR ${m.maxIR} vs ${maxIR}`);
      close(m.cvIR, cvIR, 'CVIR');
      close(m.scumble, scumble, 'SCUMBLE');
      close(m.scumbleCV, scumbleCV, 'SCUMBLE.CV');
      close(m.tcs, tcs, 'TCS');
    });
  }
});

describe('computeMeasures on emotions: internal consistency', () => {
  const { matrix, labelNames, inputs } = loadFixture('emotions');
  const m = computeMeasures(matrix, labelNames, inputs, { topLabelsets: 5 });

  it('per-label counts sum to the label total and IRLbl is max/count', () => {
    const total = m.perLabel.reduce((s, l) => s + l.count, 0);
    close(total / m.instances, m.cardinality, 'cardinality from counts');
    const max = Math.max(...m.perLabel.map((l) => l.count));
    for (const l of m.perLabel) close(l.irLbl, max / l.count, `IRLbl ${l.name}`);
  });

  it('per-label SCUMBLE is the mean row SCUMBLE over the rows carrying the label (brute force, product form)', () => {
    const sums = new Array<number>(labelNames.length).fill(0);
    for (let r = 0; r < matrix.rows; r++) {
      const ids = Array.from(matrix.labels.subarray(matrix.offsets[r], matrix.offsets[r + 1]));
      if (ids.length === 0) continue;
      const irs = ids.map((id) => m.perLabel[id].irLbl);
      const value = 1 - irs.reduce((p, x) => p * x, 1) ** (1 / irs.length) / (irs.reduce((s, x) => s + x, 0) / irs.length);
      for (const id of ids) sums[id] += value;
    }
    m.perLabel.forEach((l, i) => assert.ok(Math.abs(l.scumble - sums[i] / l.count) < 1e-12, l.name));
  });

  it('co-occurrence is symmetric with counts on the diagonal', () => {
    const { counts, labels } = m.cooccurrence;
    assert.deepEqual(labels, labelNames);
    for (let a = 0; a < labels.length; a++) {
      assert.equal(counts[a][a], m.perLabel[a].count);
      for (let b = 0; b < labels.length; b++) assert.equal(counts[a][b], counts[b][a]);
    }
  });

  it('top labelsets are sorted by count and cover the most frequent one', () => {
    assert.equal(m.topLabelsets.length, 5);
    assert.equal(m.topLabelsets[0].count, m.maxLabelsetFrequency);
    for (let i = 1; i < m.topLabelsets.length; i++) assert.ok(m.topLabelsets[i - 1].count >= m.topLabelsets[i].count);
  });

  it('is JSON-serialisable without loss', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(m)), m);
  });
});
