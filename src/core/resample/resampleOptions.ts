/**
 * The options shared by the random resampling methods (ML-ROS, ML-RUS, LP-ROS, LP-RUS): the
 * percentage P of rows to add or remove, and the seed of the generator.
 */
import { UsageError } from '../errors.js';
import { createRandom } from './random.js';

/** P when none is given (Charte et al., Neurocomputing 2015, evaluate P = 10, 20, 25; mldr.resampling's examples use 25). */
export const DEFAULT_RESAMPLE_PERCENT = 25;

/** The seed when none is given, so that a run without --seed is still reproducible. */
export const DEFAULT_RESAMPLE_SEED = 0;

export interface RandomResampleOptions {
  /** Percentage of the input row count to add (ROS) or remove (RUS), in (0, 100]; default 25. */
  readonly percent?: number;
  /** Seed of the random generator; default 0 (as every seeded command). */
  readonly seed?: number;
}

/** P checked to lie in (0, 100]; a UsageError naming the method otherwise. */
export function resamplePercent(method: string, percent: number | undefined): number {
  const p = percent ?? DEFAULT_RESAMPLE_PERCENT;
  if (typeof p !== 'number' || !Number.isFinite(p) || p <= 0 || p > 100) {
    throw new UsageError(`${method}: the percentage must be a number above 0 and at most 100 (got ${String(p)}); e.g. 25 to ${method.endsWith('ROS') ? 'add' : 'remove'} a quarter of the rows`);
  }
  return p;
}

/** Rows to add or remove: round(P% x rows) (the papers' |D| * P / 100, rounded to whole rows). */
export function rowsForPercent(rows: number, percent: number): number {
  return Math.round((rows * percent) / 100);
}

/** The seeded generator of a run. */
export function resampleRandom(seed: number | undefined): () => number {
  return createRandom(seed ?? DEFAULT_RESAMPLE_SEED);
}

/** A number as shown in a note: at most 4 decimals. */
export function noteNumber(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
