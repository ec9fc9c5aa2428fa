/**
 * featurizer.json (also embedded in model.json): reading and checking a saved featurizer.
 * Versions: 1 has numeric (`center` absent: centred), oneHot and tfidf encodings; 2 adds
 * `indicator` encodings. Both read the same way; what is read is returned as the current version,
 * so saving it again writes version 2.
 */
import { UsageError } from '../../errors.js';
import type { FeatureEncoding, Featurizer } from './featurizer.js';

export const FEATURIZER_FORMAT = 'imbalance-lens-featurizer';
/** The version written. */
export const FEATURIZER_VERSION = 2;
/** The versions read. */
export const FEATURIZER_VERSIONS_READ: readonly number[] = [1, 2];

const VERSIONS_TEXT = 'versions 1 and 2';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((c) => typeof c === 'string');

/** Checks a parsed JSON value is a featurizer of a version this release reads; returns it as the current version. */
export function parseFeaturizer(value: unknown): Featurizer {
  if (!isObject(value) || value.format !== FEATURIZER_FORMAT) {
    throw new UsageError(`not an Imbalance Lens featurizer (format ${FEATURIZER_FORMAT}, ${VERSIONS_TEXT})`);
  }
  const version = value.version;
  if (typeof version !== 'number' || !FEATURIZER_VERSIONS_READ.includes(version)) {
    throw new UsageError(`featurizer version ${JSON.stringify(version)} is not understood: this Imbalance Lens reads ${VERSIONS_TEXT} (a newer release may have written it; retrain, or predict with that release)`);
  }
  if (!Array.isArray(value.encodings)) throw new UsageError('the featurizer has no encodings list; the file is damaged');
  if (value.rows !== undefined && value.rows !== 'dense' && value.rows !== 'csr') {
    throw new UsageError(`the featurizer's rows form is ${JSON.stringify(value.rows)}; expected 'dense' or 'csr'`);
  }
  const encodings = value.encodings.map((e: unknown, i: number) => parseEncoding(e, i, version));
  return { format: FEATURIZER_FORMAT, version: FEATURIZER_VERSION, encodings, ...(value.rows !== undefined ? { rows: value.rows } : {}) };
}

function parseEncoding(e: unknown, index: number, version: number): FeatureEncoding {
  const where = `featurizer encoding ${index}${isObject(e) && typeof e.column === 'string' ? ` (column '${e.column}')` : ''}`;
  const bad = (why: string): UsageError => new UsageError(`${where} is not valid: ${why}; the file is damaged or was not written by Imbalance Lens`);
  if (!isObject(e)) throw bad('not an object');
  if (typeof e.column !== 'string') throw bad('no column name');
  const column = e.column;
  switch (e.kind) {
    case 'numeric': {
      if (!isFiniteNumber(e.mean) || !isFiniteNumber(e.std) || !(e.std > 0)) throw bad('a numeric encoding needs a finite mean and a positive std');
      if (typeof e.missingIndicator !== 'boolean') throw bad('missingIndicator is not true/false');
      if (e.center !== undefined && typeof e.center !== 'boolean') throw bad('center is not true/false');
      // absent center: centred (versions 1 and 2 alike)
      return { kind: 'numeric', column, mean: e.mean, std: e.std, missingIndicator: e.missingIndicator, ...(e.center !== undefined ? { center: e.center } : {}) };
    }
    case 'oneHot':
      if (!isStringArray(e.categories)) throw bad('categories is not a list of strings');
      return { kind: 'oneHot', column, categories: [...e.categories] };
    case 'indicator':
      if (version < 2) throw bad(`'indicator' encodings exist from featurizer version 2 on, but the file says version ${version}`);
      if (typeof e.present !== 'string') throw bad('present is not a string');
      return { kind: 'indicator', column, present: e.present };
    case 'tfidf': {
      const { dims, idf } = e;
      if (typeof dims !== 'number' || !Number.isInteger(dims) || dims < 1) throw bad('dims is not a positive integer');
      if (!Array.isArray(idf) || idf.length !== dims || !idf.every(isFiniteNumber)) throw bad(`idf is not ${dims} finite numbers`);
      return { kind: 'tfidf', column, dims, idf: idf as number[] };
    }
    default:
      throw bad(`unknown kind ${JSON.stringify(e.kind)} (numeric, oneHot, indicator, tfidf)`);
  }
}
