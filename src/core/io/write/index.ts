/** Writing resampled datasets and splits beside the input, in the input's own format. */
export { writeResampled } from './writeResampled.js';
export { writeSplit, type SplitWriteOptions } from './writeSplit.js';
export type { WriteOptions } from './writeRows.js';
export { resampledPath, splitPartNames, splitPartPath, splitFilePath, mulanXmlPathFor } from './outputNames.js';
export { SourceRecords, type SourceRecordOptions } from './sourceRecords.js';
