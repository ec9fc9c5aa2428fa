/**
 * What a resampling method produces: the rows of the output dataset, in order, each one an input
 * row kept as it is, a copy of one, a row whose labels changed, or a synthetic row. Writers turn
 * this into a file in the input's format; measures are computed from `outputLabels`.
 */
import type { FeatureValue } from '../io/types.js';

export type OutputRowKind = 'original' | 'clone' | 'edited' | 'synthetic';

export interface OutputRow {
  /** Index of the input row this row comes from (for a synthetic row: its seed). */
  readonly source: number;
  readonly kind: OutputRowKind;
  /** The row's labels (ascending ids) when they differ from the source row's ('edited', 'synthetic'). */
  readonly labels?: readonly number[];
  /** A synthetic row's feature values, in `schema.features` order. */
  readonly features?: readonly FeatureValue[];
}

export type ResampleMethod = 'mlros' | 'mlrus' | 'lpros' | 'lprus' | 'mlsmote' | 'remedial';

export interface ResampleResult {
  readonly method: ResampleMethod;
  readonly rows: readonly OutputRow[];
  /** Labels treated as minority (IRLbl > MeanIR of the input), for the report. */
  readonly minorityLabels: readonly number[];
  /** Notes worth showing the user (e.g. a bag retired early, a label skipped for lack of neighbours). */
  readonly notes: readonly string[];
}
