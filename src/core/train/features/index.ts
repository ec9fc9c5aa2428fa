/** Feature transforms for training, fitted on the training rows only. */
export { fitFeaturizer, transformTable, transformTableCsr, encodeRows, trainingSetFrom, SPARSE_SHARE, denseLabels, featurizerWidth, parseFeaturizer, DEFAULT_FEATURIZER_OPTIONS } from './featurizer.js';
export type { Featurizer, FeaturizerOptions, FeatureEncoding } from './featurizer.js';
export { FEATURIZER_FORMAT, FEATURIZER_VERSION, FEATURIZER_VERSIONS_READ } from './featurizerJson.js';
export type { NumericEncoding } from './standardize.js';
export type { OneHotEncoding } from './oneHot.js';
export type { IndicatorEncoding } from './indicator.js';
export { looksPositive } from './indicator.js';
export type { TfidfEncoding } from './tfidf.js';
export { terms, bucketOf, tfidfEntries } from './tfidf.js';
