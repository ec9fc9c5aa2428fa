/**
 * Where the labels are: one 0/1 column per label (one-hot), or one column holding a list of label
 * names. Chosen by the options when given, else detected from the header and the sampled rows.
 */
import { DatasetError } from '../../errors.js';
import type { ReadOptions } from '../types.js';
import { binaryOfString } from './bytes.js';
import type { HeaderInfo } from './columns.js';
import type { SampleRow } from './head.js';
import { detectListStyle, looksLikeListColumn, type ListStyle } from './labelList.js';

export type LabelLayout =
  | { kind: 'onehot'; columns: number[]; how: string }
  | { kind: 'list'; column: number; style: ListStyle; how: string };

/** Column names that say "this holds the labels" (case-insensitive). */
const LIST_NAMES = new Set(['labels', 'tags', 'categories', 'target', 'label', 'classes']);

export const CHOOSE_HINT = 'name the label columns with --labels a,b,c, give the first label column with --labels-from N (0-based; it and all after it are labels), or name a label-list column with --label-column NAME';

export interface LayoutChoice {
  layout: LabelLayout;
  notes: string[];
}

export function chooseLabelLayout(file: string, header: HeaderInfo, sample: readonly SampleRow[], options: ReadOptions): LayoutChoice {
  const column = (i: number): string[] => sample.map((r) => r.fields[i]);
  if (options.labelColumn !== undefined) {
    const i = indexOfName(file, header, options.labelColumn);
    return { layout: { kind: 'list', column: i, style: detectListStyle(column(i)), how: 'chosen with --label-column' }, notes: [] };
  }
  if (options.labels !== undefined) {
    const columns = options.labels.map((name) => indexOfName(file, header, name));
    return { layout: { kind: 'onehot', columns, how: 'chosen with --labels' }, notes: [] };
  }
  if (options.labelsFrom !== undefined) return labelsFrom(file, header, options.labelsFrom);
  return detectLayout(file, header, column);
}

function indexOfName(file: string, header: HeaderInfo, name: string): number {
  const i = header.names.indexOf(name);
  if (i >= 0) return i;
  throw new DatasetError({ file, line: 1 }, `no column named "${name}"; the columns are: ${listNames(header.names)}`, CHOOSE_HINT);
}

function listNames(names: readonly string[]): string {
  const shown = names.slice(0, 40).join(', ');
  return names.length > 40 ? `${shown}, ... (${names.length} in all)` : shown;
}

function labelsFrom(file: string, header: HeaderInfo, from: number): LayoutChoice {
  if (!Number.isInteger(from) || from < 0 || from >= header.names.length) {
    throw new DatasetError({ file, line: 1 }, `--labels-from ${from} is outside the ${header.names.length} columns (0-based: 0..${header.names.length - 1})`, CHOOSE_HINT);
  }
  const columns: number[] = [];
  const notes: string[] = [];
  for (let i = from; i < header.names.length; i++) {
    if (i === header.idIndex || i === header.splitIndex) notes.push(`column "${header.names[i]}" is the row ${i === header.idIndex ? 'id' : 'split'}, not a label`);
    else if (header.markerIndices.includes(i)) notes.push(`column "${header.names[i]}" is a row marker of a resampled file, not a label`);
    else columns.push(i);
  }
  return { layout: { kind: 'onehot', columns, how: `chosen with --labels-from ${from}` }, notes };
}

/** A label-list column by name, else a block of 0/1 columns, else a column of bracketed lists. */
function detectLayout(file: string, header: HeaderInfo, column: (i: number) => string[]): LayoutChoice {
  const candidates = header.names.map((_, i) => i).filter((i) => i !== header.idIndex && i !== header.splitIndex && !header.markerIndices.includes(i));
  const isBinary = (i: number): boolean => {
    const values = column(i);
    return values.length > 0 && values.every((v) => binaryOfString(v) >= 0);
  };
  const named = candidates.find((i) => LIST_NAMES.has(header.names[i].trim().toLowerCase()));
  if (named !== undefined && !isBinary(named)) {
    const how = `found by its name`;
    return { layout: { kind: 'list', column: named, style: detectListStyle(column(named)), how }, notes: [] };
  }
  const binary = candidates.filter(isBinary);
  if (binary.length > 0) return binaryBlock(header, candidates, binary);
  const bracketed = candidates.find((i) => looksLikeListColumn(column(i)));
  if (bracketed !== undefined) {
    return { layout: { kind: 'list', column: bracketed, style: '[]', how: 'found by its bracketed lists' }, notes: [] };
  }
  throw new DatasetError({ file, line: 1 }, 'no label columns found: no column holds only 0/1 values and none is named labels/tags/categories/target/label/classes', CHOOSE_HINT);
}

/** The run of 0/1 columns at the end of the table, else at its start, else all of them. */
function binaryBlock(header: HeaderInfo, candidates: number[], binary: number[]): LayoutChoice {
  const isBin = new Set(binary);
  let run: number[] = [];
  if (isBin.has(candidates[candidates.length - 1])) {
    for (let k = candidates.length - 1; k >= 0 && isBin.has(candidates[k]); k--) run.unshift(candidates[k]);
  } else if (isBin.has(candidates[0])) {
    for (let k = 0; k < candidates.length && isBin.has(candidates[k]); k++) run.push(candidates[k]);
  } else run = binary;
  const chosen = new Set(run);
  const left = binary.filter((i) => !chosen.has(i)).map((i) => header.names[i]);
  const notes: string[] = [];
  if (left.length > 0) notes.push(`${left.length} other column(s) hold only 0/1 values but were read as features (${listNames(left)}); pass --labels to choose label columns`);
  if (run.length === candidates.length) notes.push('every column holds only 0/1 values, so all were read as labels; pass --labels-from N if some are features');
  return { layout: { kind: 'onehot', columns: run, how: 'found by their 0/1 values' }, notes };
}

/** One sentence on where the labels came from, for schema.labelSource. */
export function describeLayout(layout: LabelLayout, names: readonly string[]): string {
  if (layout.kind === 'list') {
    const how = layout.style === 'single' ? 'holding one label per row' : layout.style === '[]' ? 'holding bracketed lists' : `separated by "${layout.style}"`;
    return `label list column "${names[layout.column]}" ${how} (${layout.how}); label names sorted alphabetically`;
  }
  const cols = layout.columns.map((i) => names[i]);
  const span = cols.length > 3 ? `${cols[0]}..${cols[cols.length - 1]}` : cols.join(', ');
  return `${cols.length} one-hot label column${cols.length === 1 ? '' : 's'} ${span} (${layout.how})`;
}
