/** Ground truth + predictions for evaluation; thresholds files; NumPy .npy arrays. */
export { loadEvaluationData } from './loadEvaluation.js';
export { readThresholds } from './thresholds.js';
export { readNpy, type NpyArray, type NpyReadOptions } from './npy.js';
export { sigmoid } from './sigmoid.js';
export type { LoadEvaluationOptions, LoadedEvaluation, ScoreKind, ScoreMode } from './types.js';
