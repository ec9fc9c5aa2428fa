/** The training engines behind one interface: the hand-written step (plain JS or with tfjs products) and the tfjs autodiff one. */
import type { AdamSettings } from './adam.js';
import type { TfBackendOptions } from './backend.js';
import type { LossKernel } from './lossKernels.js';
import type { MlpModel } from './model.js';
import type { LossWeights } from './resolveLoss.js';
import { tfjsMatMulTransposed } from './tfjsMatMul.js';
import { TfjsStepper } from './tfjsStepper.js';
import { MlpStepper } from './trainStep.js';
import type { CsrRows, TrainConfig } from './types.js';

export interface Stepper {
  /** Where the batch's features go (batchSize x inputs) before `step`. */
  readonly inputBuffer: Float32Array;
  /** What runs the step, for reports: 'js', 'js+wasm', 'js+tensorflow', 'tfjs-wasm', ... */
  readonly description: string;
  /** Optional: takes the next step's input straight from CSR rows (see MlpStepper.loadSparseBatch); false: fill inputBuffer instead. */
  loadSparseBatch?(x: CsrRows, order: ArrayLike<number>, start: number, count: number): boolean;
  /** One optimiser step on the first `rows` rows of inputBuffer and targets; returns the batch loss. */
  step(rows: number, targets: Uint8Array): number;
  /** Makes the model's `params` current (the tfjs engine keeps them in variables). */
  syncModel(): void;
  dispose(): void;
}

export async function createStepper(config: TrainConfig, model: MlpModel, lossWeights: LossWeights, loss: LossKernel, backend: TfBackendOptions = {}): Promise<Stepper> {
  const adam: AdamSettings = { learningRate: config.learningRate, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
  if (config.engine === 'tfjs') {
    return TfjsStepper.create(model, config.loss, lossWeights, adam, config.batchSize, config.seed, backend);
  }
  let description = 'js';
  let stepper: MlpStepper | undefined;
  if (config.engine === 'wasm') {
    const accelerated = await tfjsMatMulTransposed(backend).catch(() => undefined);
    if (accelerated) {
      description = `js+${accelerated.backend}`;
      stepper = new MlpStepper(model, loss, adam, config.batchSize, config.seed, accelerated.matMul);
    }
  }
  stepper ??= new MlpStepper(model, loss, adam, config.batchSize, config.seed);
  const s = stepper;
  return {
    inputBuffer: s.inputBuffer,
    description,
    loadSparseBatch: (x, order, start, count) => s.loadSparseBatch(x, order, start, count),
    step: (rows, targets) => s.step(rows, targets),
    syncModel: () => {},
    dispose: () => {},
  };
}
