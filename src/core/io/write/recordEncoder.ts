/**
 * What the format writers share: the columns an output adds, one output row as the writers see
 * it, and small value spellings (0/1 flips, numbers that round-trip).
 */
import type { OutputRowKind } from '../../resample/types.js';
import type { FeatureValue } from '../types.js';

export interface AddedColumns {
  /** Add a `split` column/field/attribute; for ARFF these are its declared values. */
  split?: readonly string[];
  /** Write `is_synthetic` and `source_row` (added at the end, or set where the input already has them). */
  markers: boolean;
}

/** One output row: what to write, and where its source record is. */
export interface RowToEncode {
  kind: OutputRowKind;
  /** 0-based input row (`source_row` is this + 1). */
  source: number;
  /** 1-based line of the source record, for messages. */
  line: number;
  /** New labels (ascending ids) for an edited or synthetic row. */
  labels?: readonly number[];
  /** A synthetic row's features, in schema.features order. */
  features?: readonly FeatureValue[];
  /** The value of the added split column. */
  split?: string;
}

export interface RecordEncoder {
  /** Everything before the first row in the output (header with added columns; a BOM for JSONL). */
  header(): Buffer;
  /** The output record for `row` (no line ending), given its source record's content. */
  encode(content: Buffer, row: RowToEncode): Buffer;
}

/** The label ids as a 0/1 membership array over `labelCount` labels. */
export function labelBits(labels: readonly number[], labelCount: number): Uint8Array {
  const bits = new Uint8Array(labelCount);
  for (const id of labels) bits[id] = 1;
  return bits;
}

/** The 0/1 spellings the CSV reader accepts (csv/bytes.ts), each with its opposite. */
const FLIPS: Record<string, string> = { '0': '1', '1': '0', true: 'false', false: 'true', yes: 'no', no: 'yes', '1.0': '0.0', '0.0': '1.0' };

/** The other value of a 0/1 cell, spelled the same way (`true` -> `false`, `YES` -> `NO`, `1.0` -> `0.0`), else `0`/`1`. */
export function flipSpelling(old: string, bit: 0 | 1): string {
  const word = old.trim();
  const flipped = FLIPS[word.toLowerCase()];
  if (flipped === undefined) return String(bit);
  if (word === word.toUpperCase() && word !== word.toLowerCase()) return flipped.toUpperCase();
  if (word[0] !== word[0].toLowerCase()) return flipped[0].toUpperCase() + flipped.slice(1);
  return flipped;
}

/** A number as the shortest text that reads back as the same double (ECMAScript Number::toString); undefined when not finite. */
export function numberText(x: number): string | undefined {
  return Number.isFinite(x) ? String(x) : undefined;
}

/** Concatenates byte pieces and strings into one Buffer. */
export function joinPieces(pieces: readonly (Uint8Array | string)[]): Buffer {
  return Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
}
