/**
 * What a non-label column holds, judged from the sampled values: numeric (every non-missing value
 * is a number), categorical (few distinct short strings) or text (long or many distinct strings).
 */
import type { FeatureColumn } from '../types.js';
import { isMissingToken } from './bytes.js';

/** Categorical: at most this many distinct values, each at most MAX_CATEGORY_LENGTH characters. */
const MAX_CATEGORIES = 50;
const MAX_CATEGORY_LENGTH = 64;

export function isNumberString(v: string): boolean {
  const t = v.trim();
  return t !== '' && !Number.isNaN(Number(t));
}

export function inferFeature(name: string, values: readonly string[]): FeatureColumn {
  const present = values.filter((v) => !isMissingToken(v));
  if (present.every(isNumberString)) return { name, kind: 'numeric' };
  const distinct = new Set(values.filter((v) => v !== ''));
  const longest = Math.max(...[...distinct].map((v) => v.length));
  const few = distinct.size <= MAX_CATEGORIES && distinct.size <= Math.max(10, values.length / 2);
  if (few && longest <= MAX_CATEGORY_LENGTH) return { name, kind: 'categorical', values: [...distinct].sort() };
  return { name, kind: 'text' };
}
