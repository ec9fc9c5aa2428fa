/** Feature transforms for training, fitted on the training rows only. */
export { fitFeaturizer, transformTable, transformTableCsr, encodeRows, trainingSetFrom, SPARSE_SHARE, denseLabels, featurizerWidth, parseFeaturizer, DEFAULT_FEATURIZER_OPTIONS } from './featurizer.js';
export type { Featurizer, FeaturizerOptions, FeatureEncoding } from './featurizer.js';
export type { NumericEncoding } from './standardize.js';
export type { OneHotEncoding } from './oneHot.js';
export type { TfidfEncoding } from './tfidf.js';
export { terms, bucketOf, tfidfEntries } from './tfidf.js';
