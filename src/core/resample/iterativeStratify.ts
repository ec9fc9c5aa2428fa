/**
 * Iterative stratification of a multilabel dataset into parts (train/validation/test, or k
 * folds) that each hold close to their share of every label's positives: Sechidis, Tsoumakas &
 * Vlahavas, "On the Stratification of Multi-Label Data", ECML PKDD 2011, Algorithm 1; and its
 * second-order variant over label pairs (Szymański & Kajdanowicz, "A Network Perspective on
 * Stratification of Multi-Label Data", LIDTA 2017).
 */
import type { LabelMatrix } from '../data/labelMatrix.js';
import { UsageError } from '../errors.js';
import { stratificationReport, type StratificationReport } from './stratificationReport.js';
import { greedyStratify } from './stratifyGreedy.js';
import { labelItems, labelPairItems } from './stratifyItems.js';

export interface StratifyOptions {
  /** Proportions of the parts, each in (0,1), summing to 1 within 1e-9 (k folds: k equal parts). */
  proportions: readonly number[];
  /** 1: labels (default). 2: label pairs (second-order variant, Szymański & Kajdanowicz 2017). */
  order?: 1 | 2;
  seed?: number; // default 0
  signal?: AbortSignal;
  /** Called now and then with the number of rows assigned so far. */
  onProgress?: (assignedRows: number, totalRows: number) => void;
}

export interface StratifiedSplit {
  /** Part index of each row (0..parts-1). */
  assignment: Int32Array;
  proportions: number[];
  report: StratificationReport;
}

/** How far the proportions' sum may be from 1. */
const SUM_TOLERANCE = 1e-9;

/** Splits the rows of `labels` into parts of the given proportions, each with its share of every label (or label pair). */
export function iterativeStratify(labels: LabelMatrix, options: StratifyOptions): StratifiedSplit {
  const proportions = validateProportions(options.proportions, labels.rows);
  const order = options.order ?? 1;
  if (order !== 1 && order !== 2) throw new UsageError(`Stratification order must be 1 (labels) or 2 (label pairs), got ${String(order)}.`);
  const seed = options.seed ?? 0;
  if (!Number.isSafeInteger(seed)) throw new UsageError(`The seed must be an integer, got ${String(seed)}.`);
  options.signal?.throwIfAborted();
  const rowItems = order === 1 ? labelItems(labels) : labelPairItems(labels);
  const assignment = greedyStratify(rowItems, { proportions, seed, signal: options.signal, onProgress: options.onProgress });
  return { assignment, proportions, report: stratificationReport(labels, assignment, proportions) };
}

/** k equal parts, for k-fold cross-validation. */
export function foldProportions(k: number): number[] {
  if (!Number.isInteger(k) || k < 2) {
    throw new UsageError(`The number of folds must be a whole number of at least 2, got ${String(k)}.`);
  }
  return Array.from({ length: k }, () => 1 / k);
}

function validateProportions(proportions: readonly number[], rows: number): number[] {
  if (proportions.length < 2) {
    throw new UsageError(`A split needs at least 2 parts, got ${proportions.length}: give proportions such as 0.8,0.2 or a number of folds.`);
  }
  let sum = 0;
  for (const p of proportions) {
    if (typeof p !== 'number' || !Number.isFinite(p) || p <= 0 || p >= 1) {
      throw new UsageError(`Each part's proportion must be a number strictly between 0 and 1, got ${String(p)} in [${proportions.join(', ')}].`);
    }
    sum += p;
  }
  if (Math.abs(sum - 1) > SUM_TOLERANCE) {
    throw new UsageError(`The proportions must add up to 1, but [${proportions.join(', ')}] add up to ${sum}.`);
  }
  if (proportions.length > rows) {
    throw new UsageError(`Cannot split ${rows} row${rows === 1 ? '' : 's'} into ${proportions.length} parts: use fewer parts than rows.`);
  }
  return [...proportions];
}
