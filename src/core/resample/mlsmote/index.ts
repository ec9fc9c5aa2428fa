/** MLSMOTE (Charte et al., KBS 2015): synthetic rows for the minority labels of a multilabel dataset. */
export { mlSmote } from './mlSmote.js';
export type { MlSmoteOptions } from './mlSmote.js';
export { synthesize, syntheticLabelset, interpolate, LABELSET_RULES } from './synthesize.js';
export type { LabelsetRule } from './synthesize.js';
export { nearestNeighbours } from './nearestNeighbours.js';
export { cosineNeighbours } from './cosineNeighbours.js';
