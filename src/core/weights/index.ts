/** Loss-weight suggestions for multilabel training, and their PyTorch / CSV exports. */
export { suggestWeights, DEFAULT_BETA, DEFAULT_MAX_POS_WEIGHT } from './suggest.js';
export { posWeights, inverseFrequencyWeights, sqrtInverseFrequencyWeights, effectiveNumberWeights, normaliseToMeanOne } from './schemes.js';
export { focalLossSuggestion, asymmetricLossSuggestion } from './recommendations.js';
export { formatWeightsPytorch } from './formatPytorch.js';
export { formatWeightsCsv } from './formatCsv.js';
export { formatPythonFloat } from './formatNumber.js';
export { WEIGHT_SCHEMES, isWeightScheme } from './types.js';
export type { WeightScheme, WeightSuggestions, WeightOptions, FocalLossSuggestion, AsymmetricLossSuggestion } from './types.js';
