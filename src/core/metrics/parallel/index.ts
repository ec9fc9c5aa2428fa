/** The per-label part of an evaluation, sequential or over worker threads (same results either way). */
export { labelReports, MIN_PARALLEL_ROWS, type ParallelOptions } from './parallelLabelReports.js';
export { rankedLabelReports, labelRangeWork, mergeLabelWork, type LabelWork, type LabelWorkOptions, type RankedLabelReports, type TunedLabel } from './labelWork.js';
