/**
 * A categorical column with at most two categories in the training rows (a declared two-valued
 * nominal such as {0,1}, {yes,no}, or any column whose training rows show two) as ONE 0/1 column,
 * like scikit-learn's OneHotEncoder(drop='if_binary') but keeping the column of the "present"
 * category: 1 for it, 0 for the other one, for a category unseen in training and for a missing
 * value (no missing column: a missing one-hot value is all zeros too). Never standardised, so a
 * mostly-absent column stays mostly zeros (bag-of-words {0,1} attributes stay sparse).
 */
import type { CategoricalColumn } from '../../data/datasetTable.js';

export interface IndicatorEncoding {
  kind: 'indicator';
  column: string;
  /** The category encoded as 1 (every other value, and missing, is 0). */
  present: string;
}

/** Spellings of a positive: 1, 1.0, y, yes, t, true (case-insensitive, surrounding spaces ignored). */
const POSITIVE = /^\s*(1|1\.0|y|yes|t|true)\s*$/i;

export function looksPositive(category: string): boolean {
  return POSITIVE.test(category);
}

/**
 * The indicator of a column whose training rows (per-code counts from categoryCounts) show at most two
 * categories; undefined when they show three or more (one-hot then) or none at all while the column
 * does not declare exactly two values. A column declaring exactly two values (`declared`, e.g. ARFF
 * {0,1}) chooses between those two even when training shows only one of them. The present category:
 * the one spelled like a positive if exactly one candidate is, else the less frequent in training
 * (ties: the later declared, i.e. the higher code).
 */
export function fitIndicator(column: CategoricalColumn, counts: Float64Array, declared?: readonly string[]): IndicatorEncoding | undefined {
  const seen = Array.from(counts.keys()).filter((code) => counts[code] > 0);
  if (seen.length > 2) return undefined;
  // the declared values are the column's first categories (readDatasetTable puts them first)
  const declaresTwo = declared !== undefined && declared.length === 2 && declared.every((v, i) => column.categories[i] === v);
  const candidates = seen.length < 2 && declaresTwo && seen.every((code) => code < 2) ? [0, 1] : seen;
  if (candidates.length === 0) return undefined;
  const positives = candidates.filter((code) => looksPositive(column.categories[code]));
  const present = positives.length === 1 ? positives[0] : candidates.reduce((best, code) => (counts[code] <= counts[best] ? code : best));
  return { kind: 'indicator', column: column.name, present: column.categories[present] };
}

/** Share of the counted rows (n of them) holding the present category: the encoded column's non-zeros. */
export function presentShare(encoding: IndicatorEncoding, column: CategoricalColumn, counts: Float64Array, n: number): number {
  const code = column.categories.indexOf(encoding.present);
  return n > 0 && code >= 0 ? counts[code] / n : 0;
}

/** 1 for each code of the table's column whose category is the present one, else 0. */
export function indicatorFlags(encoding: IndicatorEncoding, column: CategoricalColumn): Uint8Array {
  return Uint8Array.from(column.categories, (c) => (c === encoding.present ? 1 : 0));
}

/** The encoded value of one code (-1: missing). */
export function indicatorValue(flags: Uint8Array, code: number): number {
  return code >= 0 ? flags[code] : 0;
}
