/** JSONL / NDJSON reading. */
export { openJsonl, scanJsonlLabels } from './reader.js';
export { LABEL_FIELD_CANDIDATES } from './labelField.js';
