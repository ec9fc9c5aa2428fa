/**
 * The joined result in the evaluation engine's layout: label-major truth (0/1) and scores, rows
 * in the truth's order; logits go through the sigmoid on the way. Both live on SharedArrayBuffers,
 * so the metrics workers read them without a copy.
 */
import type { LabelMatrix } from '../../data/labelMatrix.js';
import type { EvaluationData } from '../../metrics/types.js';
import type { ScoreTable } from './scoreTable.js';
import { sigmoid } from './sigmoid.js';

/** Label-major 0/1 truth from the row-wise label matrix. */
export function truthColumns(matrix: LabelMatrix, labelCount: number): Uint8Array {
  const rows = matrix.rows;
  const truth = new Uint8Array(new SharedArrayBuffer(rows * labelCount));
  for (let r = 0; r < rows; r++) {
    for (let k = matrix.offsets[r]; k < matrix.offsets[r + 1]; k++) truth[matrix.labels[k] * rows + r] = 1;
  }
  return truth;
}

/** Label-major scores; prediction row p goes to truth row target[p] (or p without a target). */
export function scoreColumns(table: ScoreTable, rows: number, target: Int32Array | undefined, logits: boolean): Float64Array {
  const width = table.width;
  const scores = new Float64Array(new SharedArrayBuffer(rows * width * Float64Array.BYTES_PER_ELEMENT));
  table.forEachRow((p, values, o) => {
    const t = target ? target[p] : p;
    if (logits) for (let l = 0; l < width; l++) scores[l * rows + t] = sigmoid(values[o + l]);
    else for (let l = 0; l < width; l++) scores[l * rows + t] = values[o + l];
  });
  return scores;
}

export function evaluationData(labelNames: string[], matrix: LabelMatrix, table: ScoreTable, target: Int32Array | undefined, logits: boolean): EvaluationData {
  return {
    rows: matrix.rows,
    labelNames,
    truth: truthColumns(matrix, labelNames.length),
    scores: scoreColumns(table, matrix.rows, target, logits),
  };
}
