/** The Evaluation view's tabs, in order: their ids are the persisted `eval.tab` values and the headers' data-tab. */
export const EVALUATION_TABS = ['overview', 'per-class', 'confusions', 'curves', 'thresholds'] as const;
export type EvaluationTab = (typeof EVALUATION_TABS)[number];
