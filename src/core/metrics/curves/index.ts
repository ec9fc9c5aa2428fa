export * from './types.js';
export { f1FromCounts, bestF1Index, f1OptimalPoint } from './bestF1.js';
export { precisionRecallCurve, type PrCurve } from './prCurve.js';
export { rocCurve, type RocCurve } from './rocCurve.js';
export { simplifyPolyline } from './simplifyPolyline.js';
export { rankLabels } from './rankLabels.js';
export { labelCurves, curvesOfLabel, DEFAULT_MAX_CURVE_POINTS, type CurveOptions } from './labelCurves.js';
export { tuneThresholds, tuneLabel, DEFAULT_THRESHOLD, type TunedThresholds } from './tuneThresholds.js';
export { rankIndexAt } from './countsAtThreshold.js';
export { thresholdSweep, SweepAccumulator, defaultThresholdGrid, type SweepCounts, type ThresholdSweep } from './thresholdSweep.js';
export {
  confusedPairs,
  type ConfusedPair,
  type ConfusedPairsOptions,
  type ConfusedPairsReport,
} from './confusedPairs.js';
export {
  frequencyBands,
  type Band,
  type BandCutoffs,
  type BandName,
  type LabelCounts,
  type PrecisionRecallF1,
} from './frequencyBands.js';
