/** The training engine for background baselines: features, losses, the MLP, the training loop. */
export { trainModel } from './trainLoop.js';
export type { TrainResult } from './trainLoop.js';
export { evaluateModel, f1AtThreshold } from './evaluate.js';
export type { ValidationResult } from './evaluate.js';
export { createMlp, predictLogits, layoutMlp } from './model.js';
export type { MlpModel, DenseLayer } from './model.js';
export { saveModel, loadModel } from './modelJson.js';
export type { SavedModel } from './modelJson.js';
export { lossKernelFor, lossWeightsFor } from './resolveLoss.js';
export type { LossWeights } from './resolveLoss.js';
export { bceWithLogitsKernel, sigmoidFocalKernel, asymmetricKernel } from './lossKernels.js';
export type { LossKernel, AsymmetricSettings } from './lossKernels.js';
export { positiveCounts, trainingPosWeights, classBalancedWeights } from './classBalanced.js';
export { initTfBackend, defaultWasmDir } from './backend.js';
export type { TfBackendName, TfBackendOptions } from './backend.js';
export { DEFAULT_TRAIN_CONFIG, DEFAULT_LOSS_CONFIG, LOSS_KINDS } from './types.js';
export type { TrainConfig, LossConfig, LossKind, ModelConfig, TrainEngine, TrainingSet, EpochReport, TrainHooks } from './types.js';
export * from './features/index.js';
