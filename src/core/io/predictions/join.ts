/**
 * Pairing prediction rows with truth rows: by id (every id exactly once on each side) or by
 * position (the same number of rows). Anything that does not pair up is an error listing what
 * differs: rows are never silently misaligned.
 */
import { DatasetError } from '../../errors.js';
import { listSome } from './listing.js';

export interface RowIds {
  file: string;
  ids: readonly string[];
  lines: ArrayLike<number>;
}

const HINT_SAME_SPLIT = 'check that the predictions were made for this truth file (the same split, the same rows)';

/** For each prediction row, the index of the truth row with the same id. */
export function joinById(truth: RowIds, pred: RowIds, idName: string): Int32Array {
  const truthIndex = indexIds(truth, 'truth', idName);
  indexIds(pred, 'predictions', idName);
  const target = new Int32Array(pred.ids.length);
  const predOnly: string[] = [];
  const matched = new Uint8Array(truth.ids.length);
  for (let p = 0; p < pred.ids.length; p++) {
    const t = truthIndex.get(pred.ids[p]);
    if (t === undefined) predOnly.push(pred.ids[p]);
    else {
      target[p] = t;
      matched[t] = 1;
    }
  }
  const truthOnly: string[] = [];
  for (let t = 0; t < truth.ids.length; t++) if (!matched[t]) truthOnly.push(truth.ids[t]);
  if (truthOnly.length > 0 || predOnly.length > 0) {
    const parts: string[] = [];
    if (truthOnly.length > 0) parts.push(`${truthOnly.length} truth row${plural(truthOnly.length)} ha${truthOnly.length === 1 ? 's' : 've'} no prediction: ${idName} ${listSome(truthOnly)}`);
    if (predOnly.length > 0) parts.push(`${predOnly.length} prediction${plural(predOnly.length)} ha${predOnly.length === 1 ? 's' : 've'} an id not in the truth: ${idName} ${listSome(predOnly)}`);
    throw new DatasetError({ file: pred.file }, `ids differ between the truth and the predictions: ${parts.join('; ')}`, HINT_SAME_SPLIT);
  }
  return target;
}

/** Id -> row; duplicate ids are an error listing them with their lines. */
function indexIds(side: RowIds, what: string, idName: string): Map<string, number> {
  const index = new Map<string, number>();
  const duplicates = new Map<string, number[]>();
  for (let r = 0; r < side.ids.length; r++) {
    const id = side.ids[r];
    if (id === '') throw new DatasetError({ file: side.file, line: side.lines[r] }, `empty id in the "${idName}" column`, 'every row needs an id to be joined');
    const first = index.get(id);
    if (first === undefined) index.set(id, r);
    else {
      const lines = duplicates.get(id) ?? [side.lines[first]];
      lines.push(side.lines[r]);
      duplicates.set(id, lines);
    }
  }
  if (duplicates.size > 0) {
    const shown = [...duplicates].slice(0, 10).map(([id, lines]) => `${JSON.stringify(id)} (lines ${lines.slice(0, 5).join(', ')}${lines.length > 5 ? ', ...' : ''})`);
    const more = duplicates.size > 10 ? ` and ${duplicates.size - 10} more` : '';
    const firstLine = [...duplicates.values()][0][1];
    throw new DatasetError({ file: side.file, line: firstLine }, `duplicate ids in the ${what}: ${duplicates.size} id${plural(duplicates.size)} occur${duplicates.size === 1 ? 's' : ''} more than once: ${shown.join(', ')}${more}`, 'each row must have its own id to be joined');
  }
  return index;
}

export function checkSameRowCount(truthFile: string, truthRows: number, predFile: string, predRows: number): void {
  if (truthRows === predRows) return;
  throw new DatasetError(
    { file: predFile },
    `row counts differ: the truth has ${truthRows} row${plural(truthRows)}, the predictions ${predRows}; without ids, rows are joined by position`,
    `${HINT_SAME_SPLIT}, or give both files an id column and name it with --id (truth: ${truthFile})`,
  );
}

function plural(n: number): string {
  return n === 1 ? '' : 's';
}
