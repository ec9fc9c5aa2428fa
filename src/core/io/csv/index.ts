/** The CSV/TSV reader: streaming rows, the fast label scan, and the raw-record tokenizer. */
export { openCsv } from './openCsv.js';
export { scanCsvLabels, PARALLEL_MIN_BYTES, type CsvLabelOptions } from './scanCsvLabels.js';
export { scanCsvRange, type ScanPlan, type ScanRange, type RangeScan } from './scanRange.js';
export { parseCsvRecords, readCsvRecords, visitCsvRecords, type RecordReadOptions, type RecordVisitor } from './records.js';
export type { CsvOptions } from './plan.js';
export type { Delimiter } from './sniff.js';
// byte-level building blocks for other streaming consumers (the predictions reader)
export { CsvTokenizer, NEED_MORE, TOKEN_ERROR, END_OF_DATA } from './tokenizer.js';
export { ByteWindow } from './byteWindow.js';
export { parseNumberBytes } from './numbers.js';
export { decodeField } from './bytes.js';
export { detectListStyle, parseLabelList, type ListStyle } from './labelList.js';
