/**
 * The whole analysis, from the real files through the readers to the measures, against the
 * values the R package mldr publishes (../shared/datasets/README.md), to 4 decimals.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeDataset } from '../../src/core/analysis/analyzeDataset.js';
import { datasetPath, skipUnlessDatasets } from './helpers/datasets.js';

const skip = skipUnlessDatasets('emotions/emotions.arff', 'yeast/yeast.arff', 'csv/yeast.csv', 'enron/enron.arff');

const reference = [
  { file: 'emotions/emotions.arff', rows: 593, labels: 6, inputs: 72, cardinality: 1.8685, density: 0.3114, labelsets: 27, meanIR: 1.4781, maxIR: 1.7838, cvIR: 0.1796, scumble: 0.011, scumbleCV: 1.2646, tcs: 9.3643 },
  { file: 'yeast/yeast.arff', rows: 2417, labels: 14, inputs: 103, cardinality: 4.2371, density: 0.3026, labelsets: 198, meanIR: 7.1968, maxIR: 53.4118, cvIR: 1.8838, scumble: 0.1044, scumbleCV: 1.0645, tcs: 12.5621 },
  { file: 'csv/yeast.csv', rows: 2417, labels: 14, inputs: 103, cardinality: 4.2371, density: 0.3026, labelsets: 198, meanIR: 7.1968, maxIR: 53.4118, cvIR: 1.8838, scumble: 0.1044, scumbleCV: 1.0645, tcs: 12.5621 },
  { file: 'enron/enron.arff', rows: 1702, labels: 53, inputs: 1001, cardinality: 3.3784, density: 0.0637, labelsets: 753, meanIR: 73.9528, maxIR: 913.0, cvIR: 1.9596, scumble: 0.3028, scumbleCV: 0.7429, tcs: 17.5031 },
];

const close = (actual: number, expected: number, what: string) =>
  assert.ok(Math.abs(actual - expected) < 5e-5 * Math.max(1, Math.abs(expected)), `${what}: ${actual} vs mldr ${expected}`);

describe('analysis matches mldr on the real datasets', { skip }, () => {
  for (const ref of reference) {
    test(ref.file, async () => {
      const r = await analyzeDataset(datasetPath(ref.file)!);
      assert.equal(r.instances, ref.rows);
      assert.equal(r.labels, ref.labels);
      assert.equal(r.inputs, ref.inputs);
      assert.equal(r.labelsets, ref.labelsets);
      for (const key of ['cardinality', 'density', 'meanIR', 'maxIR', 'cvIR', 'scumble', 'scumbleCV', 'tcs'] as const) {
        close(r[key], ref[key], `${ref.file} ${key}`);
      }
      const positives = r.perLabel.reduce((sum, l) => sum + l.count, 0);
      close(positives / r.instances, ref.cardinality, `${ref.file} label counts sum to cardinality x rows`);
      for (const l of r.perLabel) {
        assert.equal(l.posWeight, l.count ? Math.min(1000, (r.instances - l.count) / l.count) : null, `${l.name} pos_weight`);
      }
      assert.equal(JSON.parse(JSON.stringify(r)).instances, ref.rows, 'the report is plain JSON');
    });
  }

  test('the CSV and ARFF copies of yeast give the same label counts', async () => {
    const arff = await analyzeDataset(datasetPath('yeast/yeast.arff')!);
    const csv = await analyzeDataset(datasetPath('csv/yeast.csv')!);
    assert.deepEqual(csv.perLabel.map((l) => l.count), arff.perLabel.map((l) => l.count));
  });
});
