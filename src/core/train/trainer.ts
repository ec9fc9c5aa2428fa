/**
 * One model being trained, an epoch at a time: seeded init and shuffles, mini-batch Adam through a
 * Stepper, an AbortSignal checked between batches. trainLoop.ts drives one with validation and
 * early stopping; crossValidate.ts drives k of them in lockstep.
 */
import { batchCount, gatherBatch, gatherTargets, identityOrder, reshuffle } from './batches.js';
import { isCsr } from './featureRows.js';
import type { LossKernel } from './lossKernels.js';
import { createMlp, type MlpModel } from './model.js';
import { deriveSeed, seededUniform } from './random.js';
import { lossKernelFor, lossWeightsFor, type LossWeights } from './resolveLoss.js';
import { createStepper } from './stepper.js';
import type { TfBackendOptions } from './backend.js';
import type { TrainConfig, TrainingSet } from './types.js';

export interface EpochOutcome {
  /** Mean of the batch losses (as the optimiser saw them, dropout on). */
  trainLoss: number;
  /** Wall time of the epoch's batches. */
  trainMs: number;
}

export interface Trainer {
  /** The weights after the last epoch run (current after each `epoch`). */
  readonly model: MlpModel;
  /** The loss as a kernel (the same per-label weights as training), for validation. */
  readonly loss: LossKernel;
  /** The per-label weights the loss uses (pos_weight or class-balanced), from the training labels. */
  readonly lossWeights: LossWeights;
  /** What runs the steps: 'js', 'js+wasm', 'js+tensorflow', 'tfjs-wasm', 'tfjs-cpu', ... */
  readonly engine: string;
  /** One pass over the training rows in a fresh seeded order. */
  epoch(signal?: AbortSignal): Promise<EpochOutcome>;
  dispose(): void;
}

/** Gives the event loop a turn at most this often, so an abort message can arrive while training runs in a worker. */
const YIELD_EVERY_MS = 25;

export async function createTrainer(train: TrainingSet, config: TrainConfig, backend: TfBackendOptions = {}): Promise<Trainer> {
  const lossWeights = lossWeightsFor(config.loss, train);
  const loss = lossKernelFor(config.loss, lossWeights);
  const model = createMlp(train.features, train.labels, config.model, config.seed);
  const stepper = await createStepper(config, model, lossWeights, loss, backend);
  const order = identityOrder(train.rows);
  const shuffleRandom = seededUniform(deriveSeed(config.seed, 1));
  const targets = new Uint8Array(config.batchSize * train.labels);
  const sparseRows = isCsr(train.x) ? train.x : undefined;
  let lastYield = performance.now();
  return {
    model,
    loss,
    lossWeights,
    engine: stepper.description,
    async epoch(signal) {
      const started = performance.now();
      reshuffle(order, shuffleRandom);
      let lossSum = 0;
      const batches = batchCount(train.rows, config.batchSize);
      for (let b = 0; b < batches; b++) {
        throwIfAborted(signal);
        const start = b * config.batchSize;
        const rows = Math.min(config.batchSize, train.rows - start);
        if (sparseRows && stepper.loadSparseBatch?.(sparseRows, order, start, rows)) gatherTargets(train, order, start, rows, targets);
        else gatherBatch(train, order, start, rows, stepper.inputBuffer, targets);
        lossSum += stepper.step(rows, targets);
        if (performance.now() - lastYield > YIELD_EVERY_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          lastYield = performance.now();
        }
      }
      stepper.syncModel();
      return { trainLoss: lossSum / batches, trainMs: performance.now() - started };
    },
    dispose: () => stepper.dispose(),
  };
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('training cancelled');
}
