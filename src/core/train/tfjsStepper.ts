/**
 * The tfjs engine: the same MLP step as ./trainStep.ts, but with the loss graph of ./losses.ts,
 * tf.variableGrads for the backward pass and tf.train.adam (its update is PyTorch's Adam:
 * lr · m̂ / (√v̂ + ε) with ε added after the bias correction of v, as torch does). Slower than
 * the hand-written step at baseline sizes (each op costs tens of µs of dispatch), but it runs on
 * tfjs-node's native kernels when that is installed, and is the autodiff cross-check of the
 * hand-written gradients.
 */
import * as tf from '@tensorflow/tfjs';
import type { AdamSettings } from './adam.js';
import { initTfBackend, type TfBackendOptions } from './backend.js';
import { asymmetric, bceWithLogits, sigmoidFocal } from './losses.js';
import type { MlpModel } from './model.js';
import { deriveSeed, seededUniform } from './random.js';
import type { LossWeights } from './resolveLoss.js';
import type { LossConfig } from './types.js';

export class TfjsStepper {
  readonly inputBuffer: Float32Array;
  readonly description = `tfjs-${tf.getBackend()}`;
  private readonly weights: tf.Variable[];
  private readonly biases: tf.Variable[];
  private readonly optimizer: tf.Optimizer;
  private readonly posWeight: tf.Tensor1D | undefined;
  private readonly labelWeight: tf.Tensor1D | undefined;
  private readonly dropoutRandom: () => number;

  private constructor(
    readonly model: MlpModel,
    private readonly loss: LossConfig,
    lossWeights: LossWeights,
    adam: AdamSettings,
    readonly batchSize: number,
    seed: number,
  ) {
    this.inputBuffer = new Float32Array(batchSize * model.inputs);
    this.weights = model.layers.map((l) => tf.variable(tf.tensor2d(l.weight, [l.outputs, l.inputs]), true));
    this.biases = model.layers.map((l) => tf.variable(tf.tensor1d(l.bias), true));
    this.optimizer = tf.train.adam(adam.learningRate, adam.beta1, adam.beta2, adam.epsilon);
    this.posWeight = lossWeights.posWeight ? tf.tensor1d(Float32Array.from(lossWeights.posWeight)) : undefined;
    this.labelWeight = lossWeights.weight ? tf.tensor1d(Float32Array.from(lossWeights.weight)) : undefined;
    this.dropoutRandom = seededUniform(deriveSeed(seed, 2));
  }

  static async create(model: MlpModel, loss: LossConfig, lossWeights: LossWeights, adam: AdamSettings, batchSize: number, seed: number, backend: TfBackendOptions = {}): Promise<TfjsStepper> {
    await initTfBackend(backend);
    return new TfjsStepper(model, loss, lossWeights, adam, batchSize, seed);
  }

  step(rows: number, targets: Uint8Array): number {
    const labels = this.model.outputs;
    const value = tf.tidy(() => {
      const x = tf.tensor2d(this.inputBuffer.subarray(0, rows * this.model.inputs), [rows, this.model.inputs]);
      const y = tf.tensor2d(Float32Array.from(targets.subarray(0, rows * labels)), [rows, labels]);
      const masks = this.dropoutMasks(rows);
      const cost = this.optimizer.minimize(() => this.lossOf(this.forward(x, masks), y), true, [...this.weights, ...this.biases]);
      return cost!.dataSync()[0];
    });
    return value;
  }

  /** Copies the variables into the model's flat parameters. */
  syncModel(): void {
    this.model.layers.forEach((layer, i) => {
      layer.weight.set(this.weights[i].dataSync());
      layer.bias.set(this.biases[i].dataSync());
    });
  }

  dispose(): void {
    for (const v of [...this.weights, ...this.biases]) v.dispose();
    this.optimizer.dispose();
    this.posWeight?.dispose();
    this.labelWeight?.dispose();
  }

  private forward(x: tf.Tensor2D, masks: tf.Tensor2D[]): tf.Tensor2D {
    let a = x;
    this.weights.forEach((w, l) => {
      const z = tf.add(tf.matMul(a, w, false, true), this.biases[l]) as tf.Tensor2D;
      a = l < this.weights.length - 1 ? (masks.length ? tf.mul(tf.relu(z), masks[l]) : tf.relu(z)) : z;
    });
    return a;
  }

  private lossOf(logits: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar {
    const c = this.loss;
    switch (c.kind) {
      case 'bce':
      case 'weightedBce':
      case 'classBalancedBce':
        return bceWithLogits(logits, y, this.posWeight, this.labelWeight);
      case 'focal':
      case 'classBalancedFocal':
        return sigmoidFocal(logits, y, c.focalAlpha, c.focalGamma, this.labelWeight);
      case 'asymmetric':
        return asymmetric(logits, y, c.gammaNeg, c.gammaPos, c.clip, 1e-8, 'mean');
    }
  }

  /** Inverted-dropout scales (0 or 1 / (1 - p)) per hidden unit, from the seeded stream. */
  private dropoutMasks(rows: number): tf.Tensor2D[] {
    const p = this.model.dropout;
    if (p === 0) return [];
    return this.model.layers.slice(0, -1).map((layer) => {
      const scales = new Float32Array(rows * layer.outputs);
      for (let i = 0; i < scales.length; i++) scales[i] = this.dropoutRandom() < p ? 0 : 1 / (1 - p);
      return tf.tensor2d(scales, [rows, layer.outputs]);
    });
  }
}
