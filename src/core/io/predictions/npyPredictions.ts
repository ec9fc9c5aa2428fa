/**
 * Predictions from a .npy array (rows x labels, columns in the truth's label order: the file has
 * no names). Integer and bool arrays are hard 0/1 predictions; floats are scores.
 */
import { DatasetError } from '../../errors.js';
import { readNpy } from './npy.js';
import type { PredictionReadContext, PredictionTable } from './predictionTable.js';
import { ScoreTable } from './scoreTable.js';

export async function readNpyPredictions(ctx: PredictionReadContext, onProgress?: (done: number, total: number) => void): Promise<PredictionTable> {
  const { file, labelNames, checker } = ctx;
  const array = await readNpy(file, { ...(ctx.signal ? { signal: ctx.signal } : {}), ...(onProgress ? { onProgress } : {}) });
  const [rows, cols] = array.shape;
  if (cols !== labelNames.length) {
    throw new DatasetError(
      { file },
      `the .npy array has ${cols} column${cols === 1 ? '' : 's'} but the truth has ${labelNames.length} label${labelNames.length === 1 ? '' : 's'}`,
      'a .npy file has no column names: its columns must be the truth labels, in the truth\'s order',
    );
  }
  if (rows === 0) throw new DatasetError({ file }, 'the .npy array has no rows');
  const integer = !array.dtype.startsWith('<f');
  const { data } = array;
  for (let i = 0; i < data.length; i++) {
    const x = data[i];
    if (checker.accepts(x)) continue;
    const row = Math.floor(i / cols) + 1;
    const place = { file, row, label: labelNames[i % cols] };
    if (integer) throw new DatasetError({ file }, `expected 0 or 1 in an integer .npy array (hard predictions), found ${x} for label "${place.label}" (row ${row})`, "save scores as floats: arr.astype('<f4')");
    checker.unusual(x, place);
  }
  const notes = [`${rows} x ${cols} .npy array of '${array.dtype}'; columns taken in the truth's label order`];
  return { file, table: ScoreTable.fromDense(data, cols), kind: 'scores', checker, notes };
}
