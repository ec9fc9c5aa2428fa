/**
 * The training losses, three ways: against the formulas written out here (moderate logits),
 * against PyTorch autograd (values and gradients, logits up to ±1e4; skipped without torch), and
 * the tfjs graphs' tf.grad against the same PyTorch numbers.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { initTfBackend } from '../../src/core/train/backend.js';
import { classBalancedWeights, positiveCounts, trainingPosWeights } from '../../src/core/train/classBalanced.js';
import { asymmetricKernel, bceWithLogitsKernel, sigmoidFocalKernel, type LossKernel } from '../../src/core/train/lossKernels.js';
import { asymmetric, bceWithLogits, sigmoidFocal } from '../../src/core/train/losses.js';
import { seededUniform } from '../../src/core/train/random.js';

const ROWS = 12;
const LABELS = 5;
const random = seededUniform(42);
const SPECIAL = [1e4, -1e4, 0, 30, -30, 17, -17, -18.5, 1e-3, 88, -88, 5e3];

/** Logits ~ 3·N(0, 1) with the special values spread among them; 0/1 targets. */
function batch(withHuge: boolean): { logits: Float32Array; targets: Uint8Array } {
  const logits = new Float32Array(ROWS * LABELS);
  for (let i = 0; i < logits.length; i++) logits[i] = 3 * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  if (withHuge) SPECIAL.forEach((v, k) => (logits[(k * 7) % logits.length] = v));
  const targets = Uint8Array.from({ length: ROWS * LABELS }, () => (random() < 0.35 ? 1 : 0));
  targets[0] = 1; // 1e4 with y = 1 and y = 0 both occur
  targets[7] = 0;
  targets[14] = 1; // -1e4 with y = 1
  return { logits, targets };
}

const posWeight = Float64Array.from({ length: LABELS }, () => 0.5 + 20 * random());
const labelWeight = Float64Array.from({ length: LABELS }, () => 0.2 + 2 * random());

const σ = (x: number) => 1 / (1 + Math.exp(-x));

/** The formulas as papers and docs write them (fine for moderate logits), one element at a time, then the mean (or sum). */
const direct = {
  bce: (x: number, y: number, l: number) => -(posWeight[l] * y * Math.log(σ(x)) + (1 - y) * Math.log(1 - σ(x))),
  cbBce: (x: number, y: number, l: number) => -labelWeight[l] * (y * Math.log(σ(x)) + (1 - y) * Math.log(1 - σ(x))),
  focal: (x: number, y: number) => {
    const p = σ(x);
    const pt = y === 1 ? p : 1 - p;
    const at = y === 1 ? 0.25 : 0.75;
    return -at * (1 - pt) ** 2 * Math.log(pt);
  },
  asl: (x: number, y: number) => {
    const p = σ(x);
    if (y === 1) return -Math.log(p); // gamma_pos 0
    const pm = Math.max(p - 0.05, 0); // shifted probability
    return -(pm ** 4) * Math.log(1 - pm);
  },
};

function reduce(element: (x: number, y: number, l: number) => number, logits: Float32Array, targets: Uint8Array, mean: boolean): number {
  let s = 0;
  for (let i = 0; i < logits.length; i++) s += element(logits[i], targets[i], i % LABELS);
  return mean ? s / logits.length : s;
}

const close = (actual: number, expected: number, tol: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)), `${what}: ${actual} vs ${expected}`);

const kernels: Record<string, LossKernel> = {
  bce: bceWithLogitsKernel(),
  weightedBce: bceWithLogitsKernel(posWeight),
  classBalancedBce: bceWithLogitsKernel(undefined, labelWeight),
  focal: sigmoidFocalKernel(0.25, 2),
  classBalancedFocal: sigmoidFocalKernel(0.25, 2, labelWeight),
  asymmetric: asymmetricKernel({ gammaNeg: 4, gammaPos: 0, clip: 0.05, eps: 1e-8, reduction: 'sum' }),
};

test('each loss kernel equals its written-out formula on moderate logits', () => {
  const { logits, targets } = batch(false);
  close(kernels.weightedBce(logits, targets, ROWS, LABELS, null), reduce(direct.bce, logits, targets, true), 1e-12, 'weighted BCE');
  close(kernels.classBalancedBce(logits, targets, ROWS, LABELS, null), reduce(direct.cbBce, logits, targets, true), 1e-12, 'class-balanced BCE');
  close(kernels.focal(logits, targets, ROWS, LABELS, null), reduce(direct.focal, logits, targets, true), 1e-12, 'focal');
  close(kernels.asymmetric(logits, targets, ROWS, LABELS, null), reduce(direct.asl, logits, targets, false), 1e-12, 'ASL (sum)');
  const mean = asymmetricKernel({ gammaNeg: 4, gammaPos: 0, clip: 0.05, eps: 1e-8, reduction: 'mean' });
  close(mean(logits, targets, ROWS, LABELS, null), reduce(direct.asl, logits, targets, true), 1e-12, 'ASL (mean)');
});

test('each kernel gradient matches central differences of the kernel on moderate logits', () => {
  const { logits, targets } = batch(false);
  for (const [name, kernel] of Object.entries(kernels)) {
    const grad = new Float32Array(logits.length);
    kernel(logits, targets, ROWS, LABELS, grad);
    for (const i of [0, 3, 11, 29, 42]) {
      const h = 1e-2;
      const plus = Float32Array.from(logits);
      const minus = Float32Array.from(logits);
      plus[i] += h;
      minus[i] -= h;
      const numeric = (kernel(plus, targets, ROWS, LABELS, null) - kernel(minus, targets, ROWS, LABELS, null)) / (plus[i] - minus[i]);
      assert.ok(Math.abs(grad[i] - numeric) <= 1e-4 * Math.max(1, Math.abs(numeric)), `${name} d/dx[${i}]: ${grad[i]} vs ${numeric}`);
    }
  }
});

test('no NaN or infinity for logits of ±1e4', async () => {
  const { logits, targets } = batch(true);
  for (const [name, kernel] of Object.entries(kernels)) {
    const grad = new Float32Array(logits.length);
    const value = kernel(logits, targets, ROWS, LABELS, grad);
    assert.ok(Number.isFinite(value), `${name} loss ${value}`);
    assert.ok(grad.every(Number.isFinite), `${name} gradient`);
  }
  await initTfBackend();
  for (const [name, value, grad] of tfLosses(logits, targets)) {
    assert.ok(Number.isFinite(value), `tfjs ${name} loss ${value}`);
    assert.ok(grad.every(Number.isFinite), `tfjs ${name} gradient`);
  }
});

test('pos_weight = negatives / positives per label, on the training labels', () => {
  // 4 rows x 3 labels: positives 1, 3, 0
  const y = Uint8Array.from([1, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0]);
  const counts = positiveCounts(y, 4, 3);
  assert.deepEqual(Array.from(counts), [1, 3, 0]);
  assert.deepEqual(Array.from(trainingPosWeights(counts, 4, 1000)), [3, 1 / 3, 1]);
  assert.deepEqual(Array.from(trainingPosWeights(Int32Array.from([1]), 5000, 1000)), [1000], 'clamped at max');
});

test('class-balanced weights by effective number (Cui et al. 2019), summing to the number of labels', () => {
  const counts = Int32Array.from([10, 100, 1000, 5]);
  const raw = Array.from(counts, (n) => (1 - 0.999) / (1 - 0.999 ** n));
  const total = raw.reduce((a, b) => a + b, 0);
  const w = classBalancedWeights(counts, 0.999);
  raw.forEach((r, l) => close(w[l], (r * 4) / total, 1e-12, `label ${l}`));
  close(w.reduce((a, b) => a + b, 0), 4, 1e-12, 'sum');
  assert.ok(w[3] > w[0] && w[0] > w[1] && w[1] > w[2], 'rarer labels weigh more');
  const equal = classBalancedWeights(counts, 0);
  assert.ok(equal.every((v) => Math.abs(v - 1) < 1e-12), 'beta 0: all equal');
});

/** [name, value, gradient] of each tfjs loss graph, by tf.valueAndGrad. */
function tfLosses(logits: Float32Array, targets: Uint8Array): [string, number, Float32Array][] {
  const x = tf.tensor2d(logits, [ROWS, LABELS]);
  const y = tf.tensor2d(Float32Array.from(targets), [ROWS, LABELS]);
  const pw = tf.tensor1d(Float32Array.from(posWeight));
  const w = tf.tensor1d(Float32Array.from(labelWeight));
  const graphs: [string, (z: tf.Tensor2D) => tf.Scalar][] = [
    ['bce', (z) => bceWithLogits(z, y)],
    ['weightedBce', (z) => bceWithLogits(z, y, pw)],
    ['classBalancedBce', (z) => bceWithLogits(z, y, undefined, w)],
    ['focal', (z) => sigmoidFocal(z, y, 0.25, 2)],
    ['classBalancedFocal', (z) => sigmoidFocal(z, y, 0.25, 2, w)],
    ['asymmetric', (z) => asymmetric(z, y, 4, 0, 0.05, 1e-8, 'sum')],
  ];
  const out = graphs.map(([name, f]): [string, number, Float32Array] => {
    const { value, grad } = tf.valueAndGrad((z: tf.Tensor) => f(z as tf.Tensor2D))(x);
    const result: [string, number, Float32Array] = [name, value.dataSync()[0], grad.dataSync() as Float32Array];
    value.dispose();
    grad.dispose();
    return result;
  });
  tf.dispose([x, y, pw, w]);
  return out;
}

const python = '/usr/bin/python3';
const hasTorch = spawnSync(python, ['-c', 'import torch'], { encoding: 'utf8' }).status === 0;
const skipTorch = hasTorch ? false : `PyTorch not found (${python} -c "import torch" failed; apt-get install python3-torch): PyTorch comparisons skipped`;

interface TorchLoss {
  value: number;
  grad: number[];
}

function torchLosses(logits: Float32Array, targets: Uint8Array): Record<string, TorchLoss> {
  const names = Object.keys(kernels);
  const request = { task: 'losses', rows: ROWS, labels: LABELS, logits: Array.from(logits), targets: Array.from(targets), posWeight: Array.from(posWeight), weight: Array.from(labelWeight), losses: names.map((kind) => ({ kind, reduction: 'sum' })) };
  const run = spawnSync(python, [path.join(__dirname, '..', '..', 'scripts', 'parity', 'torchReference.py')], { input: JSON.stringify(request), encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const results = JSON.parse(run.stdout) as TorchLoss[];
  return Object.fromEntries(names.map((n, i) => [n, results[i]]));
}

for (const huge of [false, true]) {
  const label = huge ? 'logits including ±1e4, ±88, ±30, 0' : 'moderate logits';
  test(`loss kernels match PyTorch autograd, values and gradients to 1e-5 (${label})`, { skip: skipTorch }, () => {
    const { logits, targets } = batch(huge);
    const reference = torchLosses(logits, targets);
    for (const [name, kernel] of Object.entries(kernels)) {
      const grad = new Float32Array(logits.length);
      const value = kernel(logits, targets, ROWS, LABELS, grad);
      close(value, reference[name].value, 1e-5, `${name} value`);
      reference[name].grad.forEach((g, i) => close(grad[i], g, 1e-5, `${name} d/dx[${i}] (x = ${logits[i]}, y = ${targets[i]})`));
    }
  });

  test(`tfjs loss graphs and their tf.grad match PyTorch autograd to 1e-5 (${label})`, { skip: skipTorch }, async () => {
    await initTfBackend();
    const { logits, targets } = batch(huge);
    const reference = torchLosses(logits, targets);
    for (const [name, value, grad] of tfLosses(logits, targets)) {
      close(value, reference[name].value, 1e-5, `tfjs ${name} value`);
      reference[name].grad.forEach((g, i) => close(grad[i], g, 1e-5, `tfjs ${name} d/dx[${i}] (x = ${logits[i]}, y = ${targets[i]})`));
    }
  });
}
