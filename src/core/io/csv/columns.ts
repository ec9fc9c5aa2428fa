/**
 * Header names and the roles that go by name alone: an id column, a `split` column and the row
 * markers of a resampled file (`is_synthetic`, `source_row`).
 */
import { DatasetError } from '../../errors.js';
import { isIdName, isRowMarkerName, isSplitName } from '../columnRoles.js';

export interface HeaderInfo {
  names: string[];
  idIndex: number;
  splitIndex: number;
  /** Row-marker columns (`is_synthetic`, `source_row`): neither feature nor label. */
  markerIndices: number[];
  notes: string[];
}

/** Names for each column: empty header cells become `column<N>` (pandas writes its index that way). */
export function readHeader(file: string, raw: string[]): HeaderInfo {
  const notes: string[] = [];
  const names = raw.map((name, i) => (name.trim() === '' ? `column${i + 1}` : name));
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    const before = seen.get(name);
    if (before !== undefined) {
      throw new DatasetError(
        { file, line: 1, column: i + 1 },
        `duplicate column name "${name}" (columns ${before + 1} and ${i + 1})`,
        'rename one of them so every column has its own name',
      );
    }
    seen.set(name, i);
  });
  let idIndex = names.findIndex(isIdName);
  if (idIndex < 0 && raw[0]?.trim() === '') {
    idIndex = 0;
    notes.push('the first column has no name; read as a row id (as pandas writes its index)');
  }
  const splitIndex = names.findIndex((n, i) => i !== idIndex && isSplitName(n));
  const markerIndices = names.flatMap((n, i) => (i !== idIndex && i !== splitIndex && isRowMarkerName(n) ? [i] : []));
  return { names, idIndex, splitIndex, markerIndices, notes };
}
