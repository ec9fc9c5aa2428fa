/**
 * The baseline model: an MLP (hidden ReLU layers, optional dropout) or a linear model, one output
 * logit per label and no sigmoid layer. Weights use PyTorch nn.Linear's layout (outputs x inputs,
 * row-major) and live in one flat Float32Array so the optimiser sees a single vector.
 */
import { UsageError } from '../errors.js';
import { addBias, matMulTransposed } from './gemm.js';
import { deriveSeed, seededUniform } from './random.js';
import { checkFeatureRows, isCsr } from './featureRows.js';
import { SparseFirstLayer } from './sparseProduct.js';
import type { FeatureRows, ModelConfig } from './types.js';

export interface DenseLayer {
  readonly inputs: number;
  readonly outputs: number;
  /** outputs x inputs: a view into the model's `params`. */
  readonly weight: Float32Array;
  /** outputs: a view into the model's `params`. */
  readonly bias: Float32Array;
}

export interface MlpModel {
  readonly inputs: number;
  readonly outputs: number;
  readonly hidden: readonly number[];
  readonly dropout: number;
  readonly layers: readonly DenseLayer[];
  /** Every weight and bias, layer by layer (weight then bias). */
  readonly params: Float32Array;
}

/** Lays out the layers of a model over a flat parameter array (existing values kept). */
export function layoutMlp(inputs: number, outputs: number, config: ModelConfig, params?: Float32Array): MlpModel {
  checkModelConfig(inputs, outputs, config);
  const widths = [inputs, ...config.hidden, outputs];
  let size = 0;
  for (let l = 0; l + 1 < widths.length; l++) size += widths[l + 1] * widths[l] + widths[l + 1];
  if (params && params.length !== size) throw new UsageError(`expected ${size} parameters for this model, got ${params.length}`);
  const flat = params ?? new Float32Array(size);
  const layers: DenseLayer[] = [];
  let offset = 0;
  for (let l = 0; l + 1 < widths.length; l++) {
    const [fanIn, fanOut] = [widths[l], widths[l + 1]];
    const weight = flat.subarray(offset, offset + fanOut * fanIn);
    offset += fanOut * fanIn;
    const bias = flat.subarray(offset, offset + fanOut);
    offset += fanOut;
    layers.push({ inputs: fanIn, outputs: fanOut, weight, bias });
  }
  return { inputs, outputs, hidden: [...config.hidden], dropout: config.dropout, layers, params: flat };
}

/**
 * A new model initialised as PyTorch's nn.Linear.reset_parameters: kaiming_uniform(a = √5) on
 * the weight and U(-1/√fan_in, 1/√fan_in) on the bias, i.e. both uniform on ±1/√fan_in. Seeded.
 */
export function createMlp(inputs: number, outputs: number, config: ModelConfig, seed: number): MlpModel {
  const model = layoutMlp(inputs, outputs, config);
  const random = seededUniform(deriveSeed(seed, 0));
  for (const layer of model.layers) {
    const bound = 1 / Math.sqrt(layer.inputs);
    for (let i = 0; i < layer.weight.length; i++) layer.weight[i] = (2 * random() - 1) * bound;
    for (let i = 0; i < layer.bias.length; i++) layer.bias[i] = (2 * random() - 1) * bound;
  }
  return model;
}

/** Rows predicted per block, so that hidden activations stay small whatever the row count. */
const PREDICT_BLOCK = 1024;

/** The logits (rows x outputs, row-major) of `x` (rows x inputs, dense or CSR); dropout off. */
export function predictLogits(model: MlpModel, x: FeatureRows, rows: number): Float32Array {
  checkFeatureRows(x, rows, model.inputs, 'the input');
  const out = new Float32Array(rows * model.outputs);
  const widest = Math.max(...model.layers.map((l) => l.outputs));
  let current = new Float32Array(PREDICT_BLOCK * widest);
  let next = new Float32Array(PREDICT_BLOCK * widest);
  const sparse = isCsr(x) ? new SparseFirstLayer(model.layers[0]) : undefined;
  for (let first = 0; first < rows; first += PREDICT_BLOCK) {
    const count = Math.min(PREDICT_BLOCK, rows - first);
    // CSR rows never become a dense input: the first layer reads their entries (sparseProduct.ts)
    let input = isCsr(x) ? undefined : x.subarray(first * model.inputs, (first + count) * model.inputs);
    model.layers.forEach((layer, l) => {
      const last = l === model.layers.length - 1;
      const target = last ? out.subarray(first * model.outputs, (first + count) * model.outputs) : next;
      if (input) matMulTransposed(input, layer.weight, target, count, layer.outputs, layer.inputs);
      else if (sparse && isCsr(x)) sparse.forward(x, first, count, target);
      addBias(target, layer.bias, count, layer.outputs);
      if (!last) {
        for (let i = 0; i < count * layer.outputs; i++) if (target[i] < 0) target[i] = 0;
        [current, next] = [next, current];
        input = current;
      }
    });
  }
  return out;
}

function checkModelConfig(inputs: number, outputs: number, config: ModelConfig): void {
  if (!Number.isInteger(inputs) || inputs < 1) throw new UsageError(`the model needs at least one input feature, got ${inputs}`);
  if (!Number.isInteger(outputs) || outputs < 1) throw new UsageError(`the model needs at least one label, got ${outputs}`);
  for (const width of config.hidden) {
    if (!Number.isInteger(width) || width < 1) throw new UsageError(`hidden layer width ${width} is not a positive integer`);
  }
  if (!(config.dropout >= 0 && config.dropout < 1)) throw new UsageError(`dropout ${config.dropout} is not in [0, 1)`);
}
