/**
 * The model and the training step: nn.Linear's init, the forward pass against a written-out
 * product, and whole Adam steps (forward, loss, backward, update) against PyTorch on the same
 * initial weights and batches, for every engine.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { test } from 'node:test';
import { AdamState } from '../../src/core/train/adam.js';
import { matMulTransposed } from '../../src/core/train/gemm.js';
import { createMlp, predictLogits } from '../../src/core/train/model.js';
import { lossKernelFor, type LossWeights } from '../../src/core/train/resolveLoss.js';
import { createStepper } from '../../src/core/train/stepper.js';
import { seededUniform } from '../../src/core/train/random.js';
import { DEFAULT_LOSS_CONFIG, DEFAULT_TRAIN_CONFIG, type LossKind, type TrainEngine } from '../../src/core/train/types.js';

test('init is nn.Linear default: weight and bias uniform on ±1/√fan_in, seeded', () => {
  const model = createMlp(400, 7, { hidden: [300], dropout: 0 }, 3);
  for (const layer of model.layers) {
    const bound = 1 / Math.sqrt(layer.inputs);
    for (const values of [layer.weight, layer.bias]) {
      assert.ok(values.every((v) => Math.abs(v) <= bound));
    }
    // U(-b, b): mean 0, variance b²/3
    const n = layer.weight.length;
    const mean = layer.weight.reduce((a, b) => a + b, 0) / n;
    const variance = layer.weight.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
    assert.ok(Math.abs(mean) < (4 * bound) / Math.sqrt(3 * n), `mean ${mean}`);
    assert.ok(Math.abs(variance / (bound * bound / 3) - 1) < 0.02, `variance ${variance}`);
  }
  assert.deepEqual(createMlp(400, 7, { hidden: [300], dropout: 0 }, 3).params, model.params, 'same seed, same weights');
  assert.notDeepEqual(createMlp(400, 7, { hidden: [300], dropout: 0 }, 4).params, model.params, 'another seed, other weights');
  assert.equal(createMlp(10, 3, { hidden: [], dropout: 0 }, 0).layers.length, 1, 'hidden [] is a linear model');
});

test('the product kernel equals the written-out sum, odd sizes included', () => {
  const random = seededUniform(1);
  for (const [m, n, k] of [[1, 1, 1], [3, 5, 7], [64, 14, 128], [5, 103, 2]]) {
    const a = Float32Array.from({ length: m * k }, () => random() - 0.5);
    const b = Float32Array.from({ length: n * k }, () => random() - 0.5);
    const c = new Float32Array(m * n);
    matMulTransposed(a, b, c, m, n, k);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let p = 0; p < k; p++) s += a[i * k + p] * b[j * k + p];
        assert.ok(Math.abs(c[i * n + j] - s) < 1e-5, `${m}x${n}x${k} [${i}][${j}]`);
      }
    }
  }
});

test('predictLogits is ReLU(x W1ᵀ + b1) W2ᵀ + b2', () => {
  const model = createMlp(3, 2, { hidden: [4], dropout: 0 }, 0);
  const x = Float32Array.from([0.5, -1, 2, 0, 0, 0]);
  const logits = predictLogits(model, x, 2);
  const [l1, l2] = model.layers;
  for (let r = 0; r < 2; r++) {
    const h = Array.from({ length: 4 }, (_, j) => Math.max(0, l1.bias[j] + [0, 1, 2].reduce((s, k) => s + x[r * 3 + k] * l1.weight[j * 3 + k], 0)));
    for (let o = 0; o < 2; o++) {
      const z = l2.bias[o] + h.reduce((s, v, j) => s + v * l2.weight[o * 4 + j], 0);
      assert.ok(Math.abs(logits[r * 2 + o] - z) < 1e-6);
    }
  }
});

test('Adam: the first step moves every parameter by lr against the sign of its gradient (bias-corrected m/√v = ±1)', () => {
  const adam = new AdamState(3, { learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 });
  const p = Float32Array.from([1, 1, 1]);
  adam.update(p, Float32Array.from([0.5, -2, 1e-3]));
  assert.ok(Math.abs(p[0] - 0.99) < 1e-6 && Math.abs(p[1] - 1.01) < 1e-6 && Math.abs(p[2] - 0.99) < 1e-5, Array.from(p).join());
});

const python = '/usr/bin/python3';
const hasTorch = spawnSync(python, ['-c', 'import torch'], { encoding: 'utf8' }).status === 0;
const skipTorch = hasTorch ? false : `PyTorch not found (${python} -c "import torch" failed; apt-get install python3-torch): PyTorch comparisons skipped`;

interface TorchSteps {
  losses: number[];
  params: { weight: number[]; bias: number[] }[];
}

const INPUTS = 9;
const HIDDEN = [16, 8];
const LABELS = 5;
const BATCH = 16;

for (const engine of ['js', 'wasm', 'tfjs'] as TrainEngine[]) {
  for (const kind of ['bce', 'weightedBce', 'focal', 'asymmetric', 'classBalancedFocal'] as LossKind[]) {
    test(`${engine} engine, ${kind}: 6 Adam steps land on PyTorch's parameters (two hidden layers, a short last batch)`, { skip: skipTorch }, async () => {
      const random = seededUniform(7);
      const model = createMlp(INPUTS, LABELS, { hidden: HIDDEN, dropout: 0 }, 11);
      const initial = model.layers.map((l) => ({ weight: Array.from(l.weight), bias: Array.from(l.bias) }));
      const lossWeights: LossWeights = {};
      if (kind === 'weightedBce') lossWeights.posWeight = Float64Array.from({ length: LABELS }, () => 1 + 9 * random());
      if (kind === 'classBalancedFocal') lossWeights.weight = Float64Array.from({ length: LABELS }, () => 0.2 + 2 * random());
      const config = { ...DEFAULT_TRAIN_CONFIG, engine, batchSize: BATCH, learningRate: 0.01, loss: { ...DEFAULT_LOSS_CONFIG, kind } };
      const stepper = await createStepper(config, model, lossWeights, lossKernelFor(config.loss, lossWeights));
      const batches = [BATCH, BATCH, 7, BATCH, BATCH, 3].map((rows) => ({
        rows,
        x: Array.from({ length: rows * INPUTS }, () => 4 * (random() - 0.5)),
        y: Array.from({ length: rows * LABELS }, () => (random() < 0.3 ? 1 : 0)),
      }));
      const ours = batches.map((b) => {
        stepper.inputBuffer.set(b.x);
        return stepper.step(b.rows, Uint8Array.from(b.y));
      });
      stepper.syncModel();
      stepper.dispose();
      const request = {
        task: 'steps',
        widths: [INPUTS, ...HIDDEN, LABELS],
        params: initial,
        lr: 0.01,
        loss: { kind, reduction: 'mean' },
        posWeight: lossWeights.posWeight ? Array.from(lossWeights.posWeight) : undefined,
        weight: lossWeights.weight ? Array.from(lossWeights.weight) : undefined,
        batches,
      };
      const run = spawnSync(python, [path.join(__dirname, '..', '..', 'scripts', 'parity', 'torchReference.py')], { input: JSON.stringify(request), encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      const torch = JSON.parse(run.stdout) as TorchSteps;
      ours.forEach((loss, i) => assert.ok(Math.abs(loss - torch.losses[i]) < 1e-5, `batch ${i} loss ${loss} vs ${torch.losses[i]}`));
      model.layers.forEach((layer, l) => {
        torch.params[l].weight.forEach((w, i) => assert.ok(Math.abs(layer.weight[i] - w) < 1e-5, `layer ${l} weight ${i}: ${layer.weight[i]} vs ${w}`));
        torch.params[l].bias.forEach((b, i) => assert.ok(Math.abs(layer.bias[i] - b) < 1e-5, `layer ${l} bias ${i}: ${layer.bias[i]} vs ${b}`));
      });
    });
  }
}
