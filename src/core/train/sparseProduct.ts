/**
 * The first layer's products on CSR rows without densifying them: the forward product
 * out[b, o] = Σ_k values[k] · W[o, indices[k]] over a row's stored entries, and the weight gradient
 * dW[o, c] = Σ_b g[b, o] · x[b, c] over the batch entries of column c. Sums run in float64 in the
 * order the dense JS kernel (gemm.ts) adds the same non-zero terms, so they equal it on densified rows.
 * Loops run one weight row at a time (outputs outermost) so the strided reads stay in cache.
 */
import type { DenseLayer } from './model.js';
import type { CsrRows } from './types.js';

/** The first layer's forward product on CSR rows for prediction (no bias), via a transposed copy of W made once. */
export class SparseFirstLayer {
  /** Wᵀ (inputs x outputs), so each stored entry adds one contiguous row of weights. */
  private readonly weightT: Float32Array;
  private readonly sums: Float64Array;

  constructor(private readonly layer: DenseLayer) {
    const { inputs, outputs, weight } = layer;
    this.weightT = new Float32Array(inputs * outputs);
    for (let o = 0; o < outputs; o++) for (let i = 0; i < inputs; i++) this.weightT[i * outputs + o] = weight[o * inputs + i];
    this.sums = new Float64Array(outputs);
  }

  /** Writes rows first .. first + count of x times Wᵀ (count x outputs, no bias) into out. */
  forward(x: CsrRows, first: number, count: number, out: Float32Array): void {
    const { outputs } = this.layer;
    const { indptr, indices, values } = x;
    const sums = this.sums;
    for (let b = 0; b < count; b++) {
      sums.fill(0);
      const row = first + b;
      for (let k = indptr[row]; k < indptr[row + 1]; k++) {
        const v = values[k];
        const w = indices[k] * outputs;
        for (let o = 0; o < outputs; o++) sums[o] += v * this.weightT[w + o];
      }
      out.set(sums, b * outputs);
    }
  }
}

/** A batch's rows copied out of CSR rows, also by column (CSC), for the sparse forward product and weight gradient of a training step. */
export class SparseBatch {
  rows = 0;
  private readonly rowPtr: Int32Array;
  private rowColumns = new Int32Array(1024);
  private rowValues = new Float32Array(1024);
  private readonly colPtr: Int32Array;
  private colRows = new Int32Array(1024);
  private colValues = new Float32Array(1024);
  /** The columns with at least one entry in the batch, ascending. */
  private readonly touched: Int32Array;
  private touchedCount = 0;

  constructor(batchSize: number, private readonly inputs: number) {
    this.rowPtr = new Int32Array(batchSize + 1);
    this.colPtr = new Int32Array(inputs + 1);
    this.touched = new Int32Array(inputs);
  }

  /** Stored entries of rows order[start .. start + count) of x. */
  static entries(x: CsrRows, order: ArrayLike<number>, start: number, count: number): number {
    let nnz = 0;
    for (let b = 0; b < count; b++) nnz += x.indptr[order[start + b] + 1] - x.indptr[order[start + b]];
    return nnz;
  }

  /** Copies rows order[start .. start + count) of x, by row and by column. */
  load(x: CsrRows, order: ArrayLike<number>, start: number, count: number): void {
    const nnz = SparseBatch.entries(x, order, start, count);
    if (nnz > this.rowColumns.length) {
      const size = Math.max(nnz, 2 * this.rowColumns.length);
      [this.rowColumns, this.rowValues, this.colRows, this.colValues] = [new Int32Array(size), new Float32Array(size), new Int32Array(size), new Float32Array(size)];
    }
    const { rowPtr, rowColumns, rowValues, colPtr, colRows, colValues } = this;
    this.rows = count;
    colPtr.fill(0);
    let at = 0;
    for (let b = 0; b < count; b++) {
      const row = order[start + b];
      for (let k = x.indptr[row]; k < x.indptr[row + 1]; k++) {
        rowColumns[at] = x.indices[k];
        rowValues[at++] = x.values[k];
        colPtr[x.indices[k] + 1]++;
      }
      rowPtr[b + 1] = at;
    }
    this.touchedCount = 0;
    for (let c = 0; c < this.inputs; c++) {
      if (colPtr[c + 1] > 0) this.touched[this.touchedCount++] = c;
      colPtr[c + 1] += colPtr[c];
    }
    // counting sort by column; rows stay ascending within a column
    const next = colPtr.slice(0, this.inputs);
    for (let b = 0; b < count; b++) {
      for (let k = rowPtr[b]; k < rowPtr[b + 1]; k++) {
        const p = next[rowColumns[k]]++;
        colRows[p] = b;
        colValues[p] = rowValues[k];
      }
    }
  }

  /** out (rows x outputs) = batch · Wᵀ for W outputs x inputs (no bias); one weight row at a time, so it stays in cache. */
  forward(weight: Float32Array, outputs: number, out: Float32Array): void {
    const { rowPtr, rowColumns, rowValues, inputs, rows } = this;
    for (let o = 0; o < outputs; o++) {
      const base = o * inputs;
      for (let b = 0; b < rows; b++) {
        let sum = 0;
        for (let k = rowPtr[b]; k < rowPtr[b + 1]; k++) sum += rowValues[k] * weight[base + rowColumns[k]];
        out[b * outputs + o] = sum;
      }
    }
  }

  /** gradWeight (outputs x inputs) = gᵀ · batch for the output gradient g (rows x outputs); columns without entries get 0. */
  weightGradient(g: Float32Array, outputs: number, gradWeight: Float32Array): void {
    const { colPtr, colRows, colValues, inputs, touched, touchedCount } = this;
    gradWeight.fill(0);
    for (let o = 0; o < outputs; o++) {
      const base = o * inputs;
      for (let t = 0; t < touchedCount; t++) {
        const c = touched[t];
        let sum = 0;
        for (let k = colPtr[c]; k < colPtr[c + 1]; k++) sum += g[colRows[k] * outputs + o] * colValues[k];
        gradWeight[base + c] = sum;
      }
    }
  }
}
