/**
 * The label side of a multilabel dataset in compressed sparse row form: row i carries the
 * label ids labels[offsets[i]] .. labels[offsets[i+1]-1], sorted ascending, without duplicates.
 */
export interface LabelMatrix {
  readonly rows: number;
  readonly labelCount: number;
  /** rows + 1 entries; offsets[0] = 0, offsets[rows] = labels.length. */
  readonly offsets: Int32Array;
  readonly labels: Int32Array;
}

/** Grows a LabelMatrix row by row without reallocating per row. */
export class LabelMatrixBuilder {
  private offsets: Int32Array;
  private labels: Int32Array;
  private rowCount = 0;
  private nnz = 0;

  constructor(readonly labelCount: number, expectedRows = 1024) {
    this.offsets = new Int32Array(Math.max(2, expectedRows + 1));
    this.labels = new Int32Array(Math.max(4, expectedRows * 2));
  }

  get rows(): number {
    return this.rowCount;
  }

  /**
   * Appends one row. `ids` may be unsorted and may repeat; it is sorted and de-duplicated.
   * Only the first `length` entries are read (default: all).
   */
  addRow(ids: ArrayLike<number>, length: number = ids.length): void {
    if (this.rowCount + 2 > this.offsets.length) this.offsets = grow(this.offsets, this.offsets.length * 2);
    if (this.nnz + length > this.labels.length) {
      this.labels = grow(this.labels, Math.max(this.labels.length * 2, this.nnz + length));
    }
    const start = this.nnz;
    for (let k = 0; k < length; k++) {
      const id = ids[k];
      if (this.nnz === start || this.labels[this.nnz - 1] < id) {
        this.labels[this.nnz++] = id; // already in order: the common case
        continue;
      }
      // insertion sort: rows hold few labels
      let j = this.nnz;
      while (j > start && this.labels[j - 1] > id) j--;
      if (j > start && this.labels[j - 1] === id) continue;
      this.labels.copyWithin(j + 1, j, this.nnz);
      this.labels[j] = id;
      this.nnz++;
    }
    this.rowCount++;
    this.offsets[this.rowCount] = this.nnz;
  }

  /** Appends every row of another matrix with the same label space (used to merge parallel parts). */
  append(other: LabelMatrix): void {
    for (let r = 0; r < other.rows; r++) {
      this.addRow(other.labels.subarray(other.offsets[r], other.offsets[r + 1]));
    }
  }

  build(): LabelMatrix {
    return {
      rows: this.rowCount,
      labelCount: this.labelCount,
      offsets: this.offsets.slice(0, this.rowCount + 1),
      labels: this.labels.slice(0, this.nnz),
    };
  }
}

function grow(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/** Concatenates matrices over the same label space, in order. */
export function concatLabelMatrices(parts: readonly LabelMatrix[], labelCount: number): LabelMatrix {
  const rows = parts.reduce((s, p) => s + p.rows, 0);
  const nnz = parts.reduce((s, p) => s + p.labels.length, 0);
  const offsets = new Int32Array(rows + 1);
  const labels = new Int32Array(nnz);
  let r = 0;
  let n = 0;
  for (const p of parts) {
    for (let i = 1; i <= p.rows; i++) offsets[r + i] = n + p.offsets[i];
    labels.set(p.labels, n);
    r += p.rows;
    n += p.labels.length;
  }
  return { rows, labelCount, offsets, labels };
}
