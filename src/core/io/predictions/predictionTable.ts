/** What every predictions reader hands back: the values in truth label order, and row ids when joining by id. */
import type { ScoreChecker } from './scoreValues.js';
import type { ScoreTable } from './scoreTable.js';

export interface PredictionTable {
  file: string;
  /** width = the truth's label count; column l is truth label l. */
  table: ScoreTable;
  /** Score values (checked by `checker`) or hard predictions from label lists. */
  kind: 'scores' | 'label-list';
  checker: ScoreChecker;
  /** Each row's id, when joining by id. */
  ids?: string[];
  /** Each row's 1-based line (row number for .npy), for messages. */
  lines?: Int32Array | number[];
  notes: string[];
}

export interface PredictionReadContext {
  file: string;
  labelNames: readonly string[];
  /** The join id column/field, or undefined to join by position. */
  idName: string | undefined;
  checker: ScoreChecker;
  listColumn: string | undefined;
  signal?: AbortSignal;
  onBytes?: (bytes: number) => void;
}
