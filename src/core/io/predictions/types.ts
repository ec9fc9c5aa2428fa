/**
 * The evaluation loader's options and result: ground truth from a dataset file, predictions from
 * a CSV/TSV, JSONL or .npy file, joined by id or by position into one EvaluationData.
 */
import type { EvaluationData } from '../../metrics/types.js';
import type { DatasetSchema, ReadOptions } from '../types.js';

/** How to read score values: detect, or force probabilities / logits. */
export type ScoreMode = 'auto' | 'probs' | 'logits';

/** What the prediction values turned out to be. */
export type ScoreKind = 'probabilities' | 'logits' | 'hard' | 'label-list';

export type LoadEvaluationOptions = ReadOptions & {
  /** The id column/field, in both files; rows are joined by it. */
  id?: string;
  /** Default 'auto'. */
  scores?: ScoreMode;
  /** CSV/TSV column or JSONL field of the predictions holding a label list (hard predictions). */
  predLabelColumn?: string;
};

export interface LoadedEvaluation {
  /** Rows in the truth file's order, labels in the truth's label order. */
  data: EvaluationData;
  scoreKind: ScoreKind;
  joinedBy: 'id' | 'position';
  /** Things worth telling the user (columns ignored, how values were read, ...). */
  notes: string[];
  truthSchema: DatasetSchema;
}
