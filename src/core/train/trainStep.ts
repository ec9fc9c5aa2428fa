/**
 * One optimiser step of an MLP written out by hand on Float32Arrays: forward, the loss and its
 * gradient w.r.t. the logits (one fused kernel), backward through every layer, Adam. All buffers
 * are allocated once for the batch size, so a step allocates nothing.
 */
import { AdamState, type AdamSettings } from './adam.js';
import { addBias, columnSums, matMulTransposed, transpose, type MatMulTransposed } from './gemm.js';
import type { LossKernel } from './lossKernels.js';
import type { MlpModel } from './model.js';
import { layoutMlp } from './model.js';
import { deriveSeed, seededUniform } from './random.js';
import { SparseBatch } from './sparseProduct.js';
import type { CsrRows } from './types.js';

/**
 * A CSR batch with fewer stored entries than this share of rows x inputs skips densifying. Measured on
 * a 32 x 8192 -> 128 step (js kernels): ~3x faster than dense at 1% non-zeros, ~2x at 3%, about even near 5-10%.
 */
export const SPARSE_BATCH_SHARE = 0.05;

export class MlpStepper {
  private readonly gradModel: MlpModel;
  private readonly adam: AdamState;
  /** activations[0] is the input batch; activations[l + 1] the output of layer l (post-ReLU and dropout for hidden layers). */
  private readonly activations: Float32Array[];
  /** The transpose of each layer's input, for its weight gradient. */
  private readonly inputsT: Float32Array[];
  /** The gradient w.r.t. each layer's output (pre-activation), and its transpose. */
  private readonly outputGrads: Float32Array[];
  private readonly outputGradsT: Float32Array[];
  /** Each layer's weight transposed (inputs x outputs), for the gradient w.r.t. its input. */
  private readonly weightsT: Float32Array[];
  /** Dropout scale per hidden unit of the batch: 0 or 1 / (1 - p). */
  private readonly dropoutScales: Float32Array[];
  private readonly dropoutRandom: () => number;
  /** The next step's input when loadSparseBatch took it (else inputBuffer). */
  private sparseBatch?: SparseBatch;
  private sparseLoaded = false;

  constructor(
    readonly model: MlpModel,
    private readonly loss: LossKernel,
    adam: AdamSettings,
    readonly batchSize: number,
    seed: number,
    /** The product kernel for the layers (default: plain JS; see ./tfjsMatMul.ts). */
    private readonly matMul: MatMulTransposed = matMulTransposed,
  ) {
    this.gradModel = layoutMlp(model.inputs, model.outputs, { hidden: model.hidden, dropout: model.dropout });
    this.adam = new AdamState(model.params.length, adam);
    const widths = [model.inputs, ...model.layers.map((l) => l.outputs)];
    this.activations = widths.map((w) => new Float32Array(batchSize * w));
    this.inputsT = model.layers.map((l) => new Float32Array(batchSize * l.inputs));
    this.outputGrads = model.layers.map((l) => new Float32Array(batchSize * l.outputs));
    this.outputGradsT = model.layers.map((l) => new Float32Array(batchSize * l.outputs));
    this.weightsT = model.layers.map((l) => new Float32Array(l.inputs * l.outputs));
    this.dropoutScales = model.layers.slice(0, -1).map((l) => new Float32Array(model.dropout > 0 ? batchSize * l.outputs : 0));
    this.dropoutRandom = seededUniform(deriveSeed(seed, 2));
  }

  /** The input buffer of the next step: fill its first rows x inputs values, then call step(rows, targets). */
  get inputBuffer(): Float32Array {
    return this.activations[0];
  }

  /**
   * Takes rows order[start .. start + count) of x as the next step's input, kept sparse, when they are
   * sparse enough (see SPARSE_BATCH_SHARE); returns false, leaving inputBuffer to be filled, otherwise.
   */
  loadSparseBatch(x: CsrRows, order: ArrayLike<number>, start: number, count: number): boolean {
    this.sparseLoaded = SparseBatch.entries(x, order, start, count) < SPARSE_BATCH_SHARE * count * this.model.inputs;
    if (!this.sparseLoaded) return false;
    this.sparseBatch ??= new SparseBatch(this.batchSize, this.model.inputs);
    this.sparseBatch.load(x, order, start, count);
    return true;
  }

  /** Trains on the batch in inputBuffer (`rows` <= batchSize) with targets rows x labels; returns the batch loss. */
  step(rows: number, targets: Uint8Array): number {
    const { layers } = this.model;
    const last = layers.length - 1;
    const sparse = this.sparseLoaded ? this.sparseBatch : undefined;
    this.sparseLoaded = false;
    if (sparse && sparse.rows !== rows) throw new RangeError(`the sparse batch has ${sparse.rows} rows, the step ${rows}`);
    this.forward(rows, sparse);
    const loss = this.loss(this.activations[last + 1], targets, rows, this.model.outputs, this.outputGrads[last]);
    for (let l = last; l >= 0; l--) {
      const layer = layers[l];
      const grad = this.gradModel.layers[l];
      const g = this.outputGrads[l];
      const gT = this.outputGradsT[l];
      // dW = Gᵀ · A: (outputs x rows) · (inputs x rows)ᵀ
      if (l === 0 && sparse) {
        sparse.weightGradient(g, layer.outputs, grad.weight);
      } else {
        transpose(g, gT, rows, layer.outputs);
        transpose(this.activations[l], this.inputsT[l], rows, layer.inputs);
        this.matMul(gT, this.inputsT[l], grad.weight, layer.outputs, layer.inputs, rows);
      }
      columnSums(g.subarray(0, rows * layer.outputs), grad.bias, rows, layer.outputs);
      if (l === 0) break;
      // dA = G · W: (rows x outputs) · (inputs x outputs)ᵀ, then through dropout and ReLU of layer l - 1
      transpose(layer.weight, this.weightsT[l], layer.outputs, layer.inputs);
      const below = this.outputGrads[l - 1];
      this.matMul(g, this.weightsT[l], below, rows, layer.inputs, layer.outputs);
      this.backThroughActivation(l - 1, rows);
    }
    this.adam.update(this.model.params, this.gradModel.params);
    return loss;
  }

  private forward(rows: number, sparse: SparseBatch | undefined): void {
    const { layers } = this.model;
    for (let l = 0; l < layers.length; l++) {
      const layer = layers[l];
      const out = this.activations[l + 1];
      if (l === 0 && sparse) sparse.forward(layer.weight, layer.outputs, out);
      else this.matMul(this.activations[l], layer.weight, out, rows, layer.outputs, layer.inputs);
      addBias(out, layer.bias, rows, layer.outputs);
      if (l === layers.length - 1) break;
      const n = rows * layer.outputs;
      for (let i = 0; i < n; i++) if (out[i] < 0) out[i] = 0;
      if (this.model.dropout > 0) this.applyDropout(l, n);
    }
  }

  /** Inverted dropout (as torch.nn.Dropout in training): keep with probability 1 - p, scaled by 1 / (1 - p). */
  private applyDropout(hiddenLayer: number, n: number): void {
    const p = this.model.dropout;
    const keepScale = 1 / (1 - p);
    const scales = this.dropoutScales[hiddenLayer];
    const out = this.activations[hiddenLayer + 1];
    for (let i = 0; i < n; i++) {
      const s = this.dropoutRandom() < p ? 0 : keepScale;
      scales[i] = s;
      out[i] *= s;
    }
  }

  /** The gradient w.r.t. a hidden layer's pre-activation from the one w.r.t. its output: dropout scale, then ReLU' (output > 0). */
  private backThroughActivation(hiddenLayer: number, rows: number): void {
    const g = this.outputGrads[hiddenLayer];
    const out = this.activations[hiddenLayer + 1];
    const n = rows * this.model.layers[hiddenLayer].outputs;
    if (this.model.dropout > 0) {
      const scales = this.dropoutScales[hiddenLayer];
      for (let i = 0; i < n; i++) g[i] = out[i] > 0 ? g[i] * scales[i] : 0;
    } else {
      for (let i = 0; i < n; i++) if (!(out[i] > 0)) g[i] = 0;
    }
  }
}
