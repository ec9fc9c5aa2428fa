/** Imbalance measures of a multilabel dataset, as the R package mldr defines them. */
export { computeMeasures } from './measures.js';
export type { ImbalanceMeasures, LabelMeasures, MeasureOptions } from './measures.js';
export { labelCounts, labelFrequency, cardinality, density, emptyRows, rareLabels, absentLabels } from './labelCounts.js';
export { irLbl, meanIR, maxIR, cvIR } from './imbalanceRatio.js';
export { rowScumble, labelsetScumbles, scumble, scumbleCV, labelScumbles } from './scumble.js';
export { countLabelsets } from './labelsetTable.js';
export type { LabelsetTable } from './labelsetTable.js';
export { singleLabelsets, maxLabelsetFrequency, topLabelsets, tcs } from './labelsets.js';
export { cooccurrenceCounts, cooccurrenceMatrix, mostFrequentLabels } from './cooccurrence.js';
export type { WeightedRows } from './cooccurrence.js';
export { mean, sampleStd, coefficientOfVariation } from './descriptive.js';
