/**
 * The training recipe against PyTorch's test macro-F1 on the MULAN train/test pairs
 * (scripts/parity/torchRecipe.py prints them; mean over seeds 0-4 there): standardised features,
 * MLP 128 ReLU, Adam 1e-3, batch 64, 60 epochs, no early stopping, threshold 0.5, macro-F1 with
 * zero_division 0. Ours (2 seeds) must land within 0.02.
 */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { readDatasetTable } from '../../src/core/data/datasetTable.js';
import { openDataset } from '../../src/core/io/open.js';
import { evaluateModel } from '../../src/core/train/evaluate.js';
import { fitFeaturizer, trainingSetFrom } from '../../src/core/train/features/index.js';
import { lossKernelFor } from '../../src/core/train/resolveLoss.js';
import { trainModel } from '../../src/core/train/trainLoop.js';
import { DEFAULT_LOSS_CONFIG, DEFAULT_TRAIN_CONFIG, type LossKind, type TrainingSet } from '../../src/core/train/types.js';
import { datasetPath, skipUnlessDatasets } from './helpers/datasets.js';

/** PyTorch's test macro-F1 (the targets of the issue; torchRecipe.py here printed within 0.012 of each). */
const TARGETS: [string, LossKind, number][] = [
  ['emotions', 'bce', 0.685],
  ['emotions', 'weightedBce', 0.706],
  ['yeast', 'bce', 0.424],
  ['yeast', 'weightedBce', 0.461],
  ['yeast', 'asymmetric', 0.48],
  ['scene', 'bce', 0.739],
  ['scene', 'weightedBce', 0.747],
];
const SEEDS = [0, 1];
const TOLERANCE = 0.02;

const sets = new Map<string, Promise<{ train: TrainingSet; test: TrainingSet }>>();

/** The standardised train and test sets of a MULAN pair, the scaler fitted on train only. */
function load(name: string): Promise<{ train: TrainingSet; test: TrainingSet }> {
  let found = sets.get(name);
  if (!found) {
    found = (async () => {
      const train = await readDatasetTable(await openDataset(datasetPath(`${name}/${name}-train.arff`)!));
      const test = await readDatasetTable(await openDataset(datasetPath(`${name}/${name}-test.arff`)!));
      const featurizer = fitFeaturizer(train);
      return { train: trainingSetFrom(featurizer, train), test: trainingSetFrom(featurizer, test) };
    })();
    sets.set(name, found);
  }
  return found;
}

for (const [name, kind, target] of TARGETS) {
  const files = [`${name}/${name}-train.arff`, `${name}/${name}-test.arff`];
  test(`${name}, ${kind}: test macro-F1 within ${TOLERANCE} of PyTorch's ${target}`, { skip: skipUnlessDatasets(...files) }, async (t) => {
    const { train, test: testSet } = await load(name);
    const scores: number[] = [];
    for (const seed of SEEDS) {
      const config = { ...DEFAULT_TRAIN_CONFIG, seed, loss: { ...DEFAULT_LOSS_CONFIG, kind } };
      const result = await trainModel(train, undefined, config);
      assert.equal(result.epochs.length, 60, 'patience 0 trains exactly 60 epochs');
      scores.push(evaluateModel(result.model, testSet, lossKernelFor(config.loss, result.lossWeights), 0.5).macroF1);
    }
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    t.diagnostic(`macro-F1 ${mean.toFixed(4)} (seeds ${scores.map((s) => s.toFixed(4)).join(', ')}); PyTorch ${target}`);
    assert.ok(Math.abs(mean - target) <= TOLERANCE, `macro-F1 ${mean.toFixed(4)} (seeds ${scores.map((s) => s.toFixed(4)).join(', ')}) vs PyTorch ${target}`);
  });
}
