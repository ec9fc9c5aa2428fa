/**
 * The JSONL label space: names get provisional ids as they are first seen, and at the end the
 * space is sorted by name (code-unit order) so ids do not depend on row order.
 */
import { LabelMatrixBuilder, type LabelMatrix } from '../../data/labelMatrix.js';

export class LabelSpace {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];

  get size(): number {
    return this.names.length;
  }

  /** The provisional id of a name, adding it when new. */
  idOf(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id;
  }

  /** Sorted names, and for each provisional id its id in that order. */
  sorted(): { names: string[]; remap: Int32Array } {
    const names = [...this.names].sort(compareNames);
    const remap = new Int32Array(this.names.length);
    names.forEach((name, id) => (remap[this.ids.get(name) ?? 0] = id));
    return { names, remap };
  }
}

export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The matrix with every label id replaced by remap[id] (rows re-sorted). */
export function remapMatrix(matrix: LabelMatrix, remap: Int32Array): LabelMatrix {
  const builder = new LabelMatrixBuilder(remap.length, matrix.rows);
  const row = new Int32Array(remap.length);
  for (let r = 0; r < matrix.rows; r++) {
    let n = 0;
    for (let p = matrix.offsets[r]; p < matrix.offsets[r + 1]; p++) row[n++] = remap[matrix.labels[p]];
    builder.addRow(row, n);
  }
  return builder.build();
}
